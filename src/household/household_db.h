/* household_db.h - SQL of addresses, households and persons (see household.h). */
#ifndef WT_HOUSEHOLD_DB_H
#define WT_HOUSEHOLD_DB_H

#include "../db/db.h"
#include "household.h"

/* A validated, normalised address (postcode "1234AB", letter and addition upper case, "" when none). */
typedef struct address_row {
    const char *postcode;
    int house_number;
    const char *house_letter;
    const char *addition;
    const char *street;
    const char *town;
} address_row;

/* A validated, normalised person with its folded names (NULL for absent optional fields). */
typedef struct person_row {
    const char *given_name;
    const char *family_name;
    const char *name_folded;
    const char *family_folded;
    const char *birth_date;
    const char *bsn;
    const char *phone;
    const char *email;
    bool is_volunteer;
    bool is_informal_carer;
    bool is_new_resident;
} person_row;

/* *id 0 when no address has this postcode, number, letter and addition. */
wt_status address_db_find(db *c, arena *a, const address_row *r, int64_t *id);
wt_status address_db_insert(db *c, arena *a, const address_row *r, int64_t *id);

wt_status household_db_insert(db *c, int64_t team_id, int64_t address_id, const char *name, const char *now,
                              int64_t created_by, int64_t *id);
/* Household and address; NOTFOUND when there is none. */
wt_status household_db_get(db *c, arena *a, int64_t id, household *out);
/* team_id 0 when there is no such household. */
wt_status household_db_team(db *c, arena *a, int64_t id, int64_t *team_id);
wt_status household_db_members(db *c, arena *a, int64_t household_id, person **out, int *n);
wt_status household_db_open_case(db *c, arena *a, int64_t household_id, household_case *out);

/* The ids of a page of households of a team matching the query (validated, folded words). */
typedef struct household_search_sql {
    int64_t team_id;
    const char *const *words; /* folded name words, all must occur in the name */
    int n_words;
    const char *name_prefix;  /* folded whole query, for prefix ranges */
    const char *postcode;     /* normalised, or NULL */
    int house_number;         /* 0: any */
    const char *birth_date;   /* or NULL */
    int limit, offset;
} household_search_sql;
wt_status household_db_search(db *c, arena *a, const household_search_sql *s, int64_t **ids, int *n);

wt_status person_db_insert(db *c, int64_t household_id, const person_row *p, const char *now, int64_t *id);
wt_status person_db_update(db *c, int64_t id, const person_row *p);
/* Person with the team of its household; NOTFOUND when there is none. */
wt_status person_db_get(db *c, arena *a, int64_t id, person *out, int64_t *team_id);
/* The id of the person with this BSN, 0 when none. */
wt_status person_db_bsn_owner(db *c, arena *a, const char *bsn, int64_t *id);

#endif
