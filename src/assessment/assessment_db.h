/* assessment_db.h - SQL of scales, assessments and their scores (see assessment.h). */
#ifndef WT_ASSESSMENT_DB_H
#define WT_ASSESSMENT_DB_H

#include "../db/db.h"
#include "assessment.h"

/* Scale headers (no domains), by code; active_only for the offered ones. */
wt_status assessment_db_scales(db *c, arena *a, bool active_only, assessment_scale **out, int *n);
/* One scale header by code or by id; NOTFOUND when there is none. */
wt_status assessment_db_scale_by_code(db *c, arena *a, const char *code, assessment_scale *out);
wt_status assessment_db_scale_by_id(db *c, arena *a, int64_t id, assessment_scale *out);
/* Fills the generic levels, the domains and their levels of a scale header. */
wt_status assessment_db_scale_fill(db *c, arena *a, assessment_scale *s);
/* Stores a whole scale (header, levels, domains, domain levels); *id the new scale. */
wt_status assessment_db_scale_insert(db *c, const assessment_scale *s, const char *now, int64_t *id);
/* NOTFOUND when there is no scale with this code. */
wt_status assessment_db_scale_set_active(db *c, const char *code, bool active);

/* The person with household, team and the household's open case; NOTFOUND when there is none. */
wt_status assessment_db_person(db *c, arena *a, int64_t person_id, assessment_person *out);
/* The team of a household (0 when there is none). */
wt_status assessment_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id);
/* The members of a household (id, name, birth date), at most limit. */
wt_status assessment_db_members(db *c, arena *a, int64_t household_id, int limit, assessment_person **out, int *n);

wt_status assessment_db_insert(db *c, int64_t person_id, int64_t case_id, int64_t scale_id, const assessment_row *r,
                               int64_t assessed_by, const char *now, int64_t *id);
/* The scores of a new assessment, one row per domain of the scale. */
wt_status assessment_db_insert_scores(db *c, int64_t assessment_id, const assessment_scale *s, const assessment_row *r);

/* One assessment (header: person, household, scale, who); NOTFOUND when there is none. */
wt_status assessment_db_get(db *c, arena *a, int64_t id, assessment *out);
/* The latest `limit` assessments of a person, oldest first (headers). */
wt_status assessment_db_person_list(db *c, arena *a, int64_t person_id, int limit, assessment **out, int *n);
/* The number of assessments of a person. */
wt_status assessment_db_person_count(db *c, arena *a, int64_t person_id, int *n);
/*
 * Fills scores and notes of the n assessments in items (all on scale s or on
 * the scales in scales[]): reads the score rows of those assessments.
 */
wt_status assessment_db_fill_scores(db *c, arena *a, assessment *items, int n, const assessment_scale *scales,
                                    int n_scales);

/* Candidates for the cadence: members of open cases (of a coordinator, or of a team when coordinator_id is 0). */
typedef struct assessment_due_candidate {
    int64_t person_id;
    const char *given_name, *family_name, *birth_date;
    int64_t household_id;
    const char *household_name;
    int64_t case_id;
    const char *case_opened_on;
    const char *last_assessed_on; /* NULL when never */
} assessment_due_candidate;
wt_status assessment_db_due_candidates(db *c, arena *a, int64_t team_id, int64_t coordinator_id, int limit,
                                       assessment_due_candidate **out, int *n);

/* The date of the last assessment of a person (NULL when none). */
wt_status assessment_db_last_on(db *c, arena *a, int64_t person_id, const char **out);

/* For the demo: cases (any status) with household, coordinator and opening date. */
typedef struct assessment_demo_case {
    int64_t case_id;
    int64_t household_id;
    int64_t coordinator_id;
    const char *opened_on;
    const char *status;
} assessment_demo_case;
wt_status assessment_db_demo_cases(db *c, arena *a, int limit, assessment_demo_case **out, int *n);

#endif
