/*
 * demo_db.h - the SQL of the demo generator that no domain offers: the
 * neighbourhoods of a team (CBS buurten), addresses with their neighbourhood
 * and coordinates, and the multi-row inserts of the city generator.
 *
 * The city (demo_city.c) writes addresses, households, persons and audit rows
 * many rows per statement, with ids it numbers itself (a round trip per row
 * would make a million residents on PostgreSQL take an hour). The rows are
 * the same as the domains write: folded names as household.h prescribes,
 * audit rows hashed into the chain by audit_hash(). demo_db_sync_ids() then
 * moves PostgreSQL's identity sequences past the ids used.
 */
#ifndef WT_DEMO_DB_H
#define WT_DEMO_DB_H

#include "../access/audit.h"
#include "../db/db.h"

wt_status demo_db_neighbourhood_insert(db *c, const char *code, const char *name, const char *district_code,
                                       const char *municipality, int64_t team_id);

typedef struct demo_address_row {
    int64_t id; /* 0: numbered by the database (demo_db_address_insert) */
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

typedef struct demo_household_row {
    int64_t id, team_id, address_id;
    const char *name, *created_at;
} demo_household_row;

typedef struct demo_person_row {
    int64_t id, household_id, team_id; /* team_id: the household's, as the database keeps it (migration 0019) */
    const char *given_name, *family_name, *name_folded, *family_folded, *birth_date, *bsn, *phone, *email;
    bool is_volunteer, is_informal_carer, is_new_resident;
    const char *created_at;
} demo_person_row;

/* Rows with their ids, many per statement. */
wt_status demo_db_addresses(db *c, arena *a, const demo_address_row *r, int n);
wt_status demo_db_households(db *c, arena *a, const demo_household_row *r, int n);
wt_status demo_db_persons(db *c, arena *a, const demo_person_row *r, int n);
wt_status demo_db_audit_rows(db *c, arena *a, const audit_row *r, int n);

/* The social fabric of the city (relations, offers, helpers' load); ids numbered by the database. */
typedef struct demo_relation_row {
    int64_t team_id, person_a, person_b;
    const char *kind;
    int strength;
    const char *since, *source, *legal_ground, *recorded_at;
    const char *ended_on; /* NULL: current */
} demo_relation_row;

typedef struct demo_offer_row {
    int64_t team_id, person_id;
    const char *skill;
    int hours_per_week;
    const char *note, *recorded_at;
} demo_offer_row;

typedef struct demo_load_row {
    int64_t person_id;
    int capacity;
    bool carries_much;
    const char *updated_at;
} demo_load_row;

wt_status demo_db_relations(db *c, arena *a, const demo_relation_row *r, int n);
wt_status demo_db_offers(db *c, arena *a, const demo_offer_row *r, int n);
wt_status demo_db_loads(db *c, arena *a, const demo_load_row *r, int n);

/* Assessments (ZRM) of the residents in cases, numbered by the generator, with their scores. */
typedef struct demo_assessment_row {
    int64_t id, person_id, case_id, scale_id;
    const char *assessed_on;
    int64_t assessed_by;
    const char *created_at;
} demo_assessment_row;

typedef struct demo_score_row {
    int64_t assessment_id, domain_id;
    int score;
} demo_score_row;

wt_status demo_db_assessments(db *c, arena *a, const demo_assessment_row *r, int n);
wt_status demo_db_scores(db *c, arena *a, const demo_score_row *r, int n);

typedef struct demo_ids {
    int64_t address, household, person, audit, assessment;
} demo_ids;

/* The highest ids in use (0 for an empty table). */
wt_status demo_db_max_ids(db *c, arena *a, demo_ids *out);
/* PostgreSQL: identity sequences past the highest ids (nothing to do for SQLite). */
wt_status demo_db_sync_ids(db *c);

/* SQLite: a page cache of 256 MB for the bulk load (PostgreSQL: nothing to do). */
wt_status demo_db_bulk_settings(db *c);
/* Statistics for the query planner after a bulk load (ANALYZE: the same word on both backends). */
wt_status demo_db_analyse(db *c);

#endif
