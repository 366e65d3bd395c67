/* demo_db.c - SQL of the demo generator (see demo_db.h). */
#include "demo_db.h"

wt_status demo_db_neighbourhood_insert(db *c, const char *code, const char *name, const char *district_code,
                                       const char *municipality, int64_t team_id)
{
    return db_exec(c,
                   "INSERT INTO neighbourhood (code, name, district_code, municipality, team_id) VALUES (?, ?, ?, ?, ?)",
                   DB_ARGS(DB_T(code), DB_T(name), DB_T(district_code), DB_T(municipality), DB_ID_OR_NULL(team_id)));
}

wt_status demo_db_address_insert(db *c, const demo_address_row *r, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO address (postcode, house_number, house_letter, addition, street, town,"
                     " neighbourhood_code, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_T(r->postcode), DB_I(r->house_number), DB_T(r->house_letter), DB_T(r->addition),
                             DB_T(r->street), DB_T(r->town), DB_T(r->neighbourhood_code), DB_R(r->lat),
                             DB_R(r->lon)));
}
