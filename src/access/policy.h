/*
 * policy.h - who may do what: the ONE place that answers it.
 *
 * Rule functions ask policy_allows() before they act; a handler never decides
 * access on its own. The route x role tests (tests/http) check every route
 * against this table.
 *
 * Roles (see ctx.h):
 *   worker      household and case content of his own team
 *   teamleader  as worker, plus the team overview and hand-over of any team case
 *   admin       users and teams; no household or case content at all
 *   policy      aggregated, anonymised figures only; never a person
 */
#ifndef WT_POLICY_H
#define WT_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"

typedef enum permission {
    PERM_HOUSEHOLD_READ,  /* households, persons, the front door */
    PERM_HOUSEHOLD_WRITE,
    PERM_CASE_READ,       /* case, plan, contacts */
    PERM_CASE_WRITE,
    PERM_CASE_COORDINATE, /* be the coordinator of a case */
    PERM_CASE_HANDOVER,   /* hand coordination to another worker */
    PERM_TEAM_OVERVIEW,   /* caseload per worker, team composition */
    PERM_USER_ADMIN,      /* users and teams */
    PERM_AGGREGATES,      /* anonymised figures */
    PERM_PRESENCE,        /* rounds, signals, activities, ideas, own time: workers and team leader of the team */
    PERM_SOCIALMAP_READ,  /* the social map: no resident data, every logged-in role reads it */
    PERM_SOCIALMAP_WRITE, /* maintain the social map: the team (workers, team leader) and the administrator */
    PERM_SOCIALMAP_PUBLISHED, /* the published social map (/hsds/): open data, also for anonymous readers */
    PERM_SUBJECT_RIGHTS,  /* a resident's rights (AVG art. 15-17): his file, erasure; the coordinator or team leader */
    PERM_RETENTION,       /* retention periods and what the runs and erasures did (counts only) */
} permission;

/* What the policy needs to know about the record acted on. */
typedef struct policy_target {
    int64_t team_id;        /* the team the record belongs to */
    int64_t coordinator_id; /* for cases: the coordinator */
} policy_target;

#define POLICY_NO_TARGET ((policy_target){0, 0})

bool policy_allows(const actor *who, permission p, policy_target t);

#endif
