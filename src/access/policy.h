/*
 * policy.h - who may do what: the ONE place that answers it.
 *
 * Rule functions ask policy_allows() before they act; a handler never decides
 * access on its own. The route x role tests (tests/http) check every route
 * against this table.
 *
 * Roles (see ctx.h):
 *   worker      households of his own team; the content of a case (and of its
 *               household) only on a need-to-know basis, see below
 *   teamleader  as worker, plus the team overview, hand-over of any team case
 *               and who is a member of it
 *   admin       users and teams; no household or case content at all
 *   policy      aggregated, anonymised figures only; never a person
 *
 * Need-to-know (issue 7): the content of a case (case, plan, contacts, intake,
 * and the household it is about: persons, assessments, network) is for its
 * coordinator, the members added to it, and whoever broke the glass for it
 * and whose emergency access has not expired. Every other worker or team
 * leader of the team only knows that the household is known to the team and
 * who coordinates (PERM_CASE_KNOWN). The rules tell the policy what the actor
 * is to the case (policy_target.tie); the policy decides.
 */
#ifndef WT_POLICY_H
#define WT_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"

typedef enum permission {
    PERM_HOUSEHOLD_READ,  /* households, persons, the front door */
    PERM_HOUSEHOLD_WRITE,
    PERM_CASE_READ,       /* case, plan, contacts (and the household of a case): need-to-know */
    PERM_CASE_WRITE,
    PERM_CASE_KNOWN,      /* that a household is known to the team, and who coordinates */
    PERM_CASE_MEMBERS,    /* add a member to a case or end a membership */
    PERM_CASE_EMERGENCY,  /* break the glass: emergency access for a limited time */
    PERM_CASE_ACCESS_LOG, /* who looked at a case (from the audit trail) */
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

/* What the actor is to a case besides being its coordinator (coordinator_id tells that). */
typedef enum case_tie {
    TIE_NONE = 0,  /* a team member with no reason on record to see the content */
    TIE_MEMBER,    /* added to the case by the coordinator or the team leader */
    TIE_EMERGENCY, /* broke the glass; the emergency access has not expired */
} case_tie;

/* What the policy needs to know about the record acted on. */
typedef struct policy_target {
    int64_t team_id;        /* the team the record belongs to */
    int64_t coordinator_id; /* for cases: the coordinator */
    int64_t case_id;        /* the case whose content this is; 0: no case (need-to-know does not apply) */
    case_tie tie;           /* with case_id: what the actor is to that case */
} policy_target;

#define POLICY_NO_TARGET ((policy_target){0, 0, 0, TIE_NONE})

bool policy_allows(const actor *who, permission p, policy_target t);

#endif
