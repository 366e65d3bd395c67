/*
 * demo_db.h - the SQL of the demo generator that no domain offers: the
 * neighbourhoods of a team (CBS buurten) and addresses with their
 * neighbourhood and coordinates. Everything else is written through the
 * domains' own _db.c functions.
 */
#ifndef WT_DEMO_DB_H
#define WT_DEMO_DB_H

#include "../db/db.h"

wt_status demo_db_neighbourhood_insert(db *c, const char *code, const char *name, const char *district_code,
                                       const char *municipality, int64_t team_id);

typedef struct demo_address_row {
    const char *postcode; /* "8924AB" */
    int house_number;
    const char *house_letter;
    const char *addition;
    const char *street;
    const char *town;
    const char *neighbourhood_code;
    double lat, lon;
} demo_address_row;

wt_status demo_db_address_insert(db *c, const demo_address_row *r, int64_t *id);

#endif
