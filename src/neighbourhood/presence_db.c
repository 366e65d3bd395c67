/* presence_db.c - SQL shared by the presence domains (see presence_db.h). */
#include "presence_db.h"

wt_status presence_db_address(db *c, arena *a, int64_t team_id, int64_t id, presence_address *out,
                              int64_t *neighbourhood_team, bool *team_household)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT a.id, a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.town,"
                            " a.lat, a.lon, COALESCE(n.team_id, 0),"
                            " (SELECT MIN(h.id) FROM household h WHERE h.address_id = a.id AND h.team_id = ?)"
                            " FROM address a LEFT JOIN neighbourhood n ON n.code = a.neighbourhood_code WHERE a.id = ?",
                            DB_ARGS(DB_I(team_id), DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    out->id = db_get_int(&r, 0, 0);
    out->postcode = db_get(&r, 0, 1);
    out->house_number = (int)db_get_int(&r, 0, 2);
    out->house_letter = db_get(&r, 0, 3);
    out->addition = db_get(&r, 0, 4);
    out->street = db_get(&r, 0, 5);
    out->town = db_get(&r, 0, 6);
    out->has_coords = !db_is_null(&r, 0, 7) && !db_is_null(&r, 0, 8);
    out->lat = db_get_real(&r, 0, 7);
    out->lon = db_get_real(&r, 0, 8);
    *neighbourhood_team = db_get_int(&r, 0, 9);
    out->household_id = db_get_int(&r, 0, 10);
    *team_household = out->household_id != 0;
    return WT_OK;
}

wt_status presence_db_address_by_key(db *c, arena *a, const address_key *k, int64_t *id)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT id FROM address WHERE postcode = ? AND house_number = ? AND UPPER(house_letter) = ?"
                            " AND UPPER(addition) = ?",
                            DB_ARGS(DB_T(k->postcode), DB_I(k->house_number), DB_T(k->house_letter),
                                    DB_T(k->addition)));
    *id = st == WT_OK && r.nrows > 0 ? db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status presence_db_team_streets(db *c, arena *a, int64_t team_id, int max, const char ***out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT a.street FROM neighbourhood n JOIN address a ON a.neighbourhood_code = n.code"
                            " WHERE n.team_id = ?"
                            " UNION SELECT a.street FROM household h JOIN address a ON a.id = h.address_id"
                            " LEFT JOIN neighbourhood n ON n.code = a.neighbourhood_code"
                            " WHERE h.team_id = ? AND n.team_id IS NULL ORDER BY 1 LIMIT ?",
                            DB_ARGS(DB_I(team_id), DB_I(team_id), DB_I(max)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = db_get(&r, i, 0);
    return WT_OK;
}

wt_status presence_db_street_addresses(db *c, arena *a, int64_t team_id, const char *street, int max, int64_t **ids,
                                       int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT a.id, a.house_number, a.house_letter, a.addition FROM address a"
                            " JOIN neighbourhood n ON n.code = a.neighbourhood_code WHERE a.street = ? AND n.team_id = ?"
                            " UNION SELECT a.id, a.house_number, a.house_letter, a.addition FROM household h"
                            " JOIN address a ON a.id = h.address_id LEFT JOIN neighbourhood n ON n.code = a.neighbourhood_code"
                            " WHERE h.team_id = ? AND a.street = ? AND n.team_id IS NULL ORDER BY 2, 3, 4 LIMIT ?",
                            DB_ARGS(DB_T(street), DB_I(team_id), DB_I(team_id), DB_T(street), DB_I(max + 1)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *ids = arena_alloc(a, sizeof(int64_t) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*ids)[i] = db_get_int(&r, i, 0);
    return WT_OK;
}

wt_status presence_db_person(db *c, arena *a, int64_t person_id, int64_t *household_id, int64_t *team_id,
                             const char **name)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT p.household_id, h.team_id, p.given_name, p.family_name FROM person p"
                            " JOIN household h ON h.id = p.household_id WHERE p.id = ?",
                            DB_ARGS(DB_I(person_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *household_id = db_get_int(&r, 0, 0);
    *team_id = db_get_int(&r, 0, 1);
    if (name)
        *name = arena_printf(a, "%s %s", db_get(&r, 0, 2), db_get(&r, 0, 3));
    return WT_OK;
}

wt_status presence_db_demo_point_actions(db *c, int64_t team_id, int64_t activity_id, const char *body, int limit)
{
    return db_exec(c,
                   "UPDATE action SET activity_id = ? WHERE id IN (SELECT x.id FROM action x"
                   " JOIN goal g ON g.id = x.goal_id JOIN plan p ON p.id = g.plan_id JOIN cases k ON k.id = p.case_id"
                   " WHERE k.team_id = ? AND k.status = 'open' AND x.body = ? AND x.layer IN ('network', 'volunteer')"
                   " AND x.status IN ('planned', 'in_progress') AND x.activity_id IS NULL ORDER BY x.id LIMIT ?)",
                   DB_ARGS(DB_I(activity_id), DB_I(team_id), DB_T(body), DB_I(limit)));
}
