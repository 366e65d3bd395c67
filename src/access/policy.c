/* policy.c - the access rules of wijkteam (see policy.h). */
#include "policy.h"

static bool same_team(const actor *who, policy_target t)
{
    return who->team_id != 0 && (t.team_id == 0 || t.team_id == who->team_id);
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
    case PERM_CASE_COORDINATE:
    case PERM_PRESENCE:
        return (who->role == ROLE_WORKER || who->role == ROLE_TEAMLEADER) && same_team(who, t);
    case PERM_CASE_HANDOVER:
        if (!same_team(who, t))
            return false;
        return who->role == ROLE_TEAMLEADER || (who->role == ROLE_WORKER && t.coordinator_id == who->user_id);
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
        return who->role == ROLE_POLICY || who->role == ROLE_TEAMLEADER;
    case PERM_SOCIALMAP_READ:
        return who->role != ROLE_NONE;
    case PERM_SOCIALMAP_WRITE:
        return who->role == ROLE_WORKER || who->role == ROLE_TEAMLEADER || who->role == ROLE_ADMIN;
    case PERM_SOCIALMAP_PUBLISHED:
        return true;
    }
    return false;
}
