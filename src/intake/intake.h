/*
 * intake.h - the intake (vraagverheldering) of a case: the household tells its
 * story once, and every team member on the case reads the same intake.
 *
 * One intake per case: the question in the resident's own words, strengths
 * and opportunities next to the problems, what the resident and his network
 * already do, and his own goals; then per life domain (the plan's domains) a
 * finding: the situation, the strength on that domain and what the resident
 * wishes there. A finding becomes a goal of the plan in one step
 * (intake_goal_from_finding); it then links to that goal and cannot be
 * removed from the intake any more.
 *
 * Access goes through case_access() like the rest of the case: workers and
 * the team leader of the case's team read and write, nobody else. A closed
 * case's intake is read-only. Every read and write is logged.
 */
#ifndef WT_INTAKE_H
#define WT_INTAKE_H

#include <stdbool.h>
#include <stdint.h>

#include "../case/case.h"
#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"

#define INTAKE_TEXT_MAX CASE_TEXT_MAX /* every free text of the intake */
#define INTAKE_DOMAINS 7              /* the plan's life domains (plan_domains) */

typedef struct intake_finding {
    int64_t id;
    const char *domain; /* plan_domains code */
    const char *situation;
    const char *strength;
    const char *wish;
    int64_t goal_id; /* 0 until it became a goal of the plan */
} intake_finding;

typedef struct intake {
    int64_t id; /* 0: the case has no intake yet */
    int64_t case_id;
    int64_t household_id;
    const char *held_on;
    const char *question; /* in the resident's own words */
    const char *strengths;
    const char *opportunities;
    const char *self_does;    /* what the resident already does himself */
    const char *network_does; /* what his own network already does */
    const char *own_goals;
    const char *created_by_name;
    const char *created_at;
    const char *updated_by_name;
    const char *updated_at;
    intake_finding findings[INTAKE_DOMAINS]; /* in the order of plan_domains */
    int n_findings;
} intake;

/* A finding as typed; situation empty: no finding on this domain. */
typedef struct intake_finding_input {
    const char *domain;
    const char *situation;
    const char *strength;
    const char *wish;
} intake_finding_input;

typedef struct intake_input {
    const char *held_on;
    const char *question;
    const char *strengths;
    const char *opportunities;
    const char *self_does;
    const char *network_does;
    const char *own_goals;
    intake_finding_input *findings;
    int n_findings;
} intake_input;

/*
 * Pure rule: checks the input on day today. Field names: held_on, question,
 * strengths, opportunities, self_does, network_does, own_goals, and per
 * finding findings.<domain>.situation / .strength / .wish ("findings.<i>.domain"
 * for an unknown or repeated domain). Fills out (arena a) with trimmed texts
 * and the findings that have a situation, in plan_domains order.
 */
wt_status intake_validate(arena *a, const intake_input *in, wt_date today, errors *e, intake *out);

/* The intake of a case (out->id 0 when there is none yet), with the case; logs the read. */
wt_status intake_get(wt_ctx *ctx, int64_t case_id, intake *out, wt_case *c);
/*
 * Records or replaces the intake of an open case, with all its findings: a
 * domain left empty loses its finding, unless that finding became a goal
 * (refused, naming the field). *id the intake.
 */
wt_status intake_save(wt_ctx *ctx, int64_t case_id, const intake_input *in, errors *e, int64_t *id);
/*
 * Turns a finding into a goal of the plan: the goal gets the finding's domain,
 * situation and strength, and body as its text (the finding's wish when body
 * is empty). WT_CONFLICT when it is a goal already. *goal_id and *case_id set.
 */
wt_status intake_goal_from_finding(wt_ctx *ctx, int64_t finding_id, const char *body, errors *e, int64_t *goal_id,
                                   int64_t *case_id);
/* The finding with its case, after the access check (perm); logs nothing. */
wt_status intake_finding_get(wt_ctx *ctx, int64_t finding_id, permission perm, intake_finding *out, wt_case *c);

#endif
