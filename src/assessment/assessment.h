/*
 * assessment.h - self-sufficiency assessments with the Zelfredzaamheid-Matrix (ZRM).
 *
 * The matrix is data, not code: a scale (e.g. "zrm-2017") has ordered domains
 * (financiën, huisvesting, ...), a generic label per score 1..5 (1 acute
 * problematiek .. 5 volledig zelfredzaam) and per domain a description of each
 * score. The ZRM 2017 comes with the schema (sql/migrations/0004_assessment.sql,
 * generated from sql/data/zrm-2017.json); another version (youth 12-18, a
 * household version) is loaded from a JSON file of the same format with
 * `wijkteam assessment load FILE`, all or nothing:
 *
 *   {"code": "zrm-jeugd", "name": "...", "version": "...", "description": "...",
 *    "levels":  [{"label": "acute problematiek", "description": "..."}, ... 5 in score order],
 *    "domains": [{"code": "finances", "name": "Financiën", "description": "...",
 *                 "levels": ["score 1 ...", "score 2 ...", ..., "score 5 ..."]}, ...]}
 *
 * An assessment scores one person on every domain of one scale (1..5, or "not
 * assessed"), on a date (not in the future, not before the person's birth), by
 * the acting worker. Assessments are household content: only the workers and
 * the team leader of the team of the person's household read and write them
 * (PERM_CASE_READ / PERM_CASE_WRITE with that team); administrator and policy
 * officer never. Every read and write is logged in the audit trail.
 *
 * Repeated assessments show progress (first against latest per domain) and
 * follow a cadence: while the household has an open case, a new assessment is
 * due ASSESSMENT_CADENCE_MONTHS after the last one (or from the opening of the
 * case when there is none yet).
 */
#ifndef WT_ASSESSMENT_H
#define WT_ASSESSMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"

#define ASSESSMENT_LEVELS 5          /* scores 1..5 */
#define ASSESSMENT_CADENCE_MONTHS 3  /* a new assessment is due this long after the last one */
#define ASSESSMENT_ADULT_AGE 18      /* the cadence applies to adults, and to anyone assessed before */
#define ASSESSMENT_NOTE_MAX 4000     /* the note of an assessment */
#define ASSESSMENT_SCORE_NOTE_MAX 200 /* the note with one domain's score */
#define ASSESSMENT_HISTORY_MAX 100   /* assessments of one person shown (the latest) */
#define ASSESSMENT_MEMBERS_MAX 50    /* members of a household in the case block */
#define ASSESSMENT_DOMAINS_MAX 30    /* domains of a loaded scale */
#define ASSESSMENT_DEFAULT_SCALE "zrm-2017"

/* ---- the matrix ------------------------------------------------------------------------------------------------ */

typedef struct assessment_level {
    const char *label;       /* "beperkt zelfredzaam" */
    const char *description;
} assessment_level;

typedef struct assessment_domain {
    int64_t id;
    int position; /* 1-based order */
    const char *code; /* "finances": the name in the API and in form fields */
    const char *name; /* "Financiën" */
    const char *description;
    const char *levels[ASSESSMENT_LEVELS]; /* description of score i+1 in this domain */
} assessment_domain;

typedef struct assessment_scale {
    int64_t id;
    const char *code; /* "zrm-2017" */
    const char *name;
    const char *version;
    const char *description;
    bool active; /* offered for new assessments */
    assessment_level levels[ASSESSMENT_LEVELS]; /* generic label of score i+1 */
    assessment_domain *domains; /* in position order */
    int n_domains;
} assessment_scale;

/* The index of a domain code in s->domains, -1 when the scale has no such domain. */
int assessment_domain_index(const assessment_scale *s, const char *code);
int assessment_domain_index_by_id(const assessment_scale *s, int64_t domain_id);
/* "3 - beperkt zelfredzaam" (arena); "niet beoordeeld" for 0. */
const char *assessment_score_label(arena *a, const assessment_scale *s, int score);

/* ---- assessments ----------------------------------------------------------------------------------------------- */

typedef struct assessment {
    int64_t id;
    int64_t person_id;
    int64_t household_id;
    int64_t case_id; /* the open case when it was made; 0 when none */
    int64_t scale_id;
    const char *assessed_on; /* YYYY-MM-DD */
    int64_t assessed_by;
    const char *assessed_by_name;
    const char *note;
    const char *created_at;
    /* Per domain of the scale, in position order: */
    int *scores;               /* 1..5, 0 when not assessed */
    const char **score_notes;  /* "" when none */
    int n_scores;              /* the scale's n_domains */
} assessment;

/* A domain's score as typed: value "1".."5", or NULL / "" / "na" for not assessed. */
typedef struct assessment_score_input {
    const char *domain; /* domain code */
    const char *value;
    const char *note;
} assessment_score_input;

typedef struct assessment_input {
    const char *scale;       /* scale code; NULL or "": ASSESSMENT_DEFAULT_SCALE */
    const char *assessed_on; /* YYYY-MM-DD */
    const char *note;
    assessment_score_input *scores;
    int n_scores;
} assessment_input;

/* A validated assessment, ready to store. */
typedef struct assessment_row {
    const char *assessed_on;
    const char *note;
    int *scores;              /* per domain of the scale, 0: not assessed */
    const char **score_notes; /* per domain, "" when none */
    int n_scores;
} assessment_row;

/* The person an assessment is about, with the household, its team and its open case. */
typedef struct assessment_person {
    int64_t id;
    int64_t household_id;
    int64_t team_id;
    const char *name;
    const char *birth_date; /* NULL when unknown */
    const char *household_name;
    int64_t case_id;        /* the household's open case, 0 when none */
    const char *case_opened_on;
} assessment_person;

/* ---- pure rules (unit-tested) ---------------------------------------------------------------------------------- */

/* Parses a typed score: true with 1..5, or 0 for not assessed (NULL, "", "na"); false for anything else. */
bool assessment_parse_score(const char *value, int *out);
/* d plus n calendar months; the day is clamped to the length of the month (31 jan + 1 month = 28/29 feb). */
wt_date assessment_add_months(wt_date d, int n);

/*
 * Validates input against scale s for a person born on birth_date (NULL when
 * unknown), on day today. Field names in e: "assessed_on", "note", "scale",
 * "scores" (nothing scored at all), "scores.<domain code>", "notes.<domain code>".
 * Returns WT_OK with *out filled (arena a), or WT_INVALID.
 */
wt_status assessment_validate(arena *a, const assessment_scale *s, const assessment_input *in, const char *birth_date,
                              wt_date today, errors *e, assessment_row *out);

/* Progress of one domain between the first and the latest assessment that scored it. */
typedef struct assessment_domain_progress {
    int first;  /* 0 when never scored */
    int latest;
    const char *first_on;
    const char *latest_on;
    bool has_change; /* scored in two different assessments */
    int change;      /* latest - first */
} assessment_domain_progress;

typedef struct assessment_progress {
    int n_assessments;
    const char *first_on;  /* date of the first assessment, NULL when none */
    const char *latest_on;
    assessment_domain_progress *domains; /* per domain of the scale */
    int n_domains;
    bool has_first_avg, has_latest_avg;
    double first_avg;  /* mean of the domains scored in the first assessment */
    double latest_avg; /* mean of the domains scored in the latest assessment */
    int n_changed;     /* domains with a change to compare */
    double avg_change; /* mean of the per-domain changes (0 when n_changed is 0) */
    int improved, declined, unchanged;
} assessment_progress;

/* Progress over list (assessments of one person on scale s, any order); all memory from a. */
void assessment_progress_compute(arena *a, const assessment_scale *s, const assessment *list, int n,
                                 assessment_progress *out);

/* Whether an assessment is due. */
typedef struct assessment_due {
    bool applies; /* the household has an open case (and the cadence applies to this person) */
    bool due;     /* an assessment is due today */
    const char *since; /* the day it became (or becomes) due, YYYY-MM-DD; NULL when !applies */
} assessment_due;

/*
 * The cadence: with an open case (opened on case_opened_on), an assessment is
 * due ASSESSMENT_CADENCE_MONTHS after the last one (last_assessed_on), but not
 * before the case opened; without any assessment it is due from the opening.
 * Without an open case nothing is due.
 */
void assessment_due_compute(arena *a, bool case_open, const char *case_opened_on, const char *last_assessed_on,
                            wt_date today, assessment_due *out);

/* Parses and checks a scale in the loader's JSON format (see the top of this file). Field names are JSON paths. */
wt_status assessment_scale_parse(arena *a, const char *json, size_t len, errors *e, assessment_scale *out);

/* ---- operations (policy, audit, storage) ----------------------------------------------------------------------- */

/* The scales (with domains and levels); active_only for the ones offered for new assessments. Workers, team leaders, administrator. */
wt_status assessment_scales(wt_ctx *ctx, bool active_only, assessment_scale **out, int *n);
/* One scale by code with domains and levels; NOTFOUND when there is none. */
wt_status assessment_scale_get(wt_ctx *ctx, const char *code, assessment_scale *out);

/* The person, when the actor may read (write) his assessments; logs the read of the person. */
wt_status assessment_person_get(wt_ctx *ctx, int64_t person_id, bool write, assessment_person *out);

/* Records an assessment of a person; *id the new assessment. Nothing is written unless all of it is valid. */
wt_status assessment_create(wt_ctx *ctx, int64_t person_id, const assessment_input *in, errors *e, int64_t *id);

/* One assessment with its scale and person; logs the read. */
wt_status assessment_get(wt_ctx *ctx, int64_t id, assessment *out, assessment_scale *scale, assessment_person *person);

/* The history of a person: the latest ASSESSMENT_HISTORY_MAX assessments, oldest first, with their scales. */
typedef struct assessment_history {
    assessment_person person;
    assessment *items;
    int n;
    bool truncated; /* older assessments exist that are not in items */
    assessment_scale *scales; /* the scales used in items (each once) */
    int n_scales;
    assessment_due due;
} assessment_history;

/* Loads the history of a person; logs the read of the person and of each assessment. */
wt_status assessment_history_get(wt_ctx *ctx, int64_t person_id, assessment_history *out);
/* The scale of an assessment in a history (NULL when missing). */
const assessment_scale *assessment_history_scale(const assessment_history *h, int64_t scale_id);
/* The items of h on one scale (arena copies of the structs, oldest first). */
int assessment_history_on_scale(arena *a, const assessment_history *h, int64_t scale_id, assessment **out);

/* Per member of a household: first against latest assessment on the scale of the latest. */
typedef struct assessment_member_summary {
    int64_t person_id;
    const char *name;
    int n_assessments;
    const assessment_scale *scale; /* NULL when the member has no assessment */
    assessment_progress progress;
    assessment_due due;
} assessment_member_summary;

/* For the case page: every member of a household (at most ASSESSMENT_MEMBERS_MAX); logs each read. */
wt_status assessment_household_summary(wt_ctx *ctx, int64_t household_id, assessment_member_summary **out, int *n);

/* One person for whom an assessment is due, for the work queue. */
typedef struct assessment_due_item {
    int64_t person_id;
    const char *person_name;
    int64_t household_id;
    const char *household_name;
    int64_t case_id;
    const char *last_assessed_on; /* NULL when never */
    const char *due_since;
} assessment_due_item;

/*
 * The persons in open cases for whom an assessment is due today: of the cases
 * coordinated by coordinator_id, or of all open cases of the actor's team when
 * coordinator_id is 0. Adults (and anyone assessed before) only; longest
 * overdue first; at most limit (1..100). Logs the read of each person listed.
 */
wt_status assessment_due_list(wt_ctx *ctx, int64_t coordinator_id, int limit, assessment_due_item **out, int *n);

/* Loads a scale from JSON (the loader's format) in the caller's transaction. Administrator (console) only. */
wt_status assessment_scale_load(wt_ctx *ctx, const char *json, size_t len, errors *e, int64_t *id);
/* Offers a scale for new assessments, or stops offering it. Administrator (console) only. */
wt_status assessment_scale_set_active(wt_ctx *ctx, const char *code, bool active);

#endif
