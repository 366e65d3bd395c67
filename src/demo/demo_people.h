/*
 * demo_people.h - writes the residents of the demo: households at addresses
 * with their members, front-door questions, and for some households a case
 * with its coordinator, hand-overs, the plan (strengths, goals in several life
 * domains, actions in every layer) and contacts on the timeline.
 *
 * demo_people() fills the neighbourhood Heechterp-Schieringen of the demo
 * team; demo_city.c uses the same writer for the rest of a city. Everything
 * goes through the domains' _db.c functions (and demo_db.c for neighbourhoods
 * and addresses), and every record created is logged in the audit trail as
 * created by the system. The data obey the domain rules: one open case per
 * household, one coordinator of the household's team, dates never in the
 * future for what already happened.
 */
#ifndef WT_DEMO_PEOPLE_H
#define WT_DEMO_PEOPLE_H

#include "../core/ctx.h"
#include "../core/date.h"
#include "demo.h"
#include "demo_db.h"
#include "demo_gen.h"

typedef struct demo_worker {
    int64_t id;
    const char *name;
    const char *discipline;
    int weight; /* share of the cases he coordinates */
} demo_worker;

/* Domains of a scale the generator can score (the ZRM 2017 has 13). */
#define ASSESSMENT_MAX_DOMAINS_DEMO 32

typedef struct demo_counts {
    long households, persons, questions, cases_open, cases_closed, handovers, goals, actions, contacts, assessments;
} demo_counts;

/*
 * Bulk mode (the city): addresses, households and persons are numbered here
 * and collected, then written many rows per statement by demo_bulk_flush();
 * the audit queue is written as numbered, chained rows the same way.
 */
typedef struct demo_bulk {
    demo_ids last;         /* the highest id used per table */
    const char *last_hash; /* of the audit chain (static or long-lived) */
    char hash_buf[65];
    demo_address_row *addresses;
    demo_household_row *households;
    demo_person_row *persons;
    int n_households, n_persons, cap_households, cap_persons;
    /* Assessments of the residents in cases (when the writer has a scale) and their scores. */
    demo_assessment_row *assessments;
    demo_score_row *scores;
    int n_assessments, n_scores, cap_assessments;
} demo_bulk;

typedef struct demo_writer {
    wt_ctx *ctx;
    demo_rng r;
    wt_date today;
    uint64_t bsn_seed;
    uint64_t bsn_next;
    int64_t team_id;
    int64_t teamleader_id;
    demo_worker *workers;
    int n_workers;
    int open_case_percent;   /* households with an open case */
    int closed_case_percent; /* households with a closed case in the past */
    int handover_turn;       /* recent hand-overs go to the workers in turn, the first one first */
    demo_counts n;
    demo_bulk *bulk; /* NULL: every row is written at once */
    const struct assessment_scale *scale; /* bulk mode: the adults in cases are assessed on it; NULL: not */
} demo_writer;

/* The team's workers (and team leader) as coordinators, from the database. */
wt_status demo_writer_init(demo_writer *w, wt_ctx *ctx, uint64_t seed, int64_t team_id);

typedef struct demo_place {
    const demo_addr *addr;
    const char *town;
    const char *neighbourhood_code;
    double lat, lon;
} demo_place;

/* One household at a place, with its members, perhaps a question and a case. */
wt_status demo_write_household(demo_writer *w, const demo_place *place);

/* The same in two steps: the household and its members (collected in bulk mode), then its question and cases. */
wt_status demo_household_add(demo_writer *w, const demo_place *place, demo_household *h, int64_t *hh);
wt_status demo_household_follow(demo_writer *w, int64_t hh, const demo_household *h);

/* Bulk mode: room for up to `households` households in arena a; starts the numbering from the database. */
wt_status demo_bulk_start(demo_writer *w, demo_bulk *b);
void demo_bulk_room(demo_bulk *b, arena *a, int households);
/* Writes the collected addresses, households and persons. */
wt_status demo_bulk_flush(demo_writer *w);
/* Writes the collected assessments and their scores. */
wt_status demo_bulk_flush_assessments(demo_writer *w);
/* Writes the context's audit queue as numbered rows of the chain, and empties it. */
wt_status demo_bulk_audit(demo_writer *w);

/* Questions at the front door from residents the team does not know yet. */
wt_status demo_write_unknown_questions(demo_writer *w, int n);

/* The neighbourhood Heechterp-Schieringen: about opt->residents residents (at most DEMO_HS_MAX). */
#define DEMO_HS_MAX 4000
wt_status demo_people(wt_ctx *ctx, const demo_options *opt, int64_t team_id, const char **err);

#endif
