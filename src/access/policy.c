/* policy.c - the access rules of wijkteam (see policy.h). */
#include "policy.h"

static bool same_team(const actor *who, policy_target t)
{
    return who->team_id != 0 && (t.team_id == 0 || t.team_id == who->team_id);
}

static bool team_member(const actor *who, policy_target t)
{
    return (who->role == ROLE_WORKER || who->role == ROLE_TEAMLEADER) && same_team(who, t);
}

static bool coordinates(const actor *who, policy_target t)
{
    return t.coordinator_id != 0 && t.coordinator_id == who->user_id;
}

/*
 * Need-to-know: without a case (a household the team only registered, or the
 * question whether a role may see content at all) the team decides; with a
 * case only its coordinator, its members and a valid emergency access.
 */
static bool needs_to_know(const actor *who, policy_target t)
{
    if (!team_member(who, t))
        return false;
    if (t.case_id == 0)
        return true;
    return coordinates(who, t) || t.tie == TIE_MEMBER || t.tie == TIE_EMERGENCY;
}

bool policy_allows(const actor *who, permission p, policy_target t)
{
    if (p == PERM_SOCIALMAP_PUBLISHED)
        return true; /* open data for other directories: holds nothing internal */
    if (who->user_id == 0 && who->role == ROLE_NONE)
        return false;
    switch (p) {
    case PERM_HOUSEHOLD_READ:
    case PERM_HOUSEHOLD_WRITE:
    case PERM_CASE_READ:
    case PERM_CASE_WRITE:
        return needs_to_know(who, t);
    case PERM_CASE_KNOWN:
    case PERM_CASE_COORDINATE:
    case PERM_PRESENCE:
        return team_member(who, t);
    case PERM_CASE_EMERGENCY:
        /* Only for whoever has no access yet: a coordinator or member needs no glass to break. */
        return team_member(who, t) && t.case_id != 0 && !needs_to_know(who, t);
    case PERM_CASE_HANDOVER:
    case PERM_CASE_MEMBERS:
    case PERM_CASE_ACCESS_LOG:
        if (!team_member(who, t))
            return false;
        return who->role == ROLE_TEAMLEADER || coordinates(who, t);
    case PERM_TEAM_OVERVIEW:
        return who->role == ROLE_TEAMLEADER && same_team(who, t);
    case PERM_USER_ADMIN:
        return who->role == ROLE_ADMIN;
    case PERM_SUBJECT_RIGHTS:
        if (!same_team(who, t))
            return false;
        return who->role == ROLE_TEAMLEADER || (who->role == ROLE_WORKER && t.coordinator_id == who->user_id);
    case PERM_RETENTION:
        return who->role == ROLE_ADMIN;
    case PERM_AGGREGATES:
        /* figures without any person: the policy officer for every team, the team leader for his own */
        return who->role == ROLE_POLICY || (who->role == ROLE_TEAMLEADER && same_team(who, t));
    case PERM_SOCIALMAP_READ:
        return who->role != ROLE_NONE;
    case PERM_SOCIALMAP_WRITE:
        return who->role == ROLE_WORKER || who->role == ROLE_TEAMLEADER || who->role == ROLE_ADMIN;
    case PERM_SOCIALMAP_PUBLISHED:
        return true;
    }
    return false;
}
