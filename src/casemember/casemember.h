/*
 * casemember.h - who may see the content of a case besides its coordinator
 * (need-to-know, issue 7), and who looked.
 *
 *   members     a worker or team leader of the team, added by the coordinator
 *               or the team leader with a reason; a membership can be ended
 *               and stays on record (who, when, why, ended by whom)
 *   emergency   "break the glass": a team member without access gives a
 *               reason and sees the case for a limited time (24 hours unless
 *               configured, casemember_set_emergency_seconds); every such
 *               access is recorded, carries its reason into the audit trail,
 *               and is reported to the coordinator and the team leader (start
 *               page and case page)
 *   access log  who looked at a case, when, what and why, from the audit
 *               trail: for the coordinator and the team leader
 *
 * What the acting user is to a case (casemember_tie) is what case_access()
 * gives the policy (src/access/policy.c), which decides.
 */
#ifndef WT_CASEMEMBER_H
#define WT_CASEMEMBER_H

#include <stdbool.h>
#include <stdint.h>

#include "../access/policy.h"
#include "../case/case.h"
#include "../core/ctx.h"
#include "../core/status.h"

/* Emergency access: the minimum length of its reason (characters). */
#define CASEMEMBER_EMERGENCY_REASON_MIN 10
/* How long the start page reports an emergency access (days after it was granted). */
#define CASEMEMBER_REPORT_DAYS 14

typedef struct case_member_rec {
    int64_t id;
    int64_t case_id;
    int64_t user_id;
    const char *user_name;
    const char *role; /* role code of the member */
    const char *reason;
    int64_t added_by;
    const char *added_by_name;
    const char *added_at;
    const char *ended_at; /* NULL while active */
    const char *ended_by_name;
} case_member_rec;

typedef struct case_emergency_rec {
    int64_t id;
    int64_t case_id;
    const char *household_name;
    int64_t user_id;
    const char *user_name;
    const char *reason;
    const char *granted_at;
    const char *expires_at;
    bool active; /* not yet expired */
} case_emergency_rec;

/* One line of "who looked": one user's accesses within the same minute. */
typedef struct case_access_line {
    const char *at; /* the first access of the group */
    int64_t user_id;
    const char *user_name;
    const char *role;
    const char *what;   /* e.g. "bekeken: casus, plan, persoon" (Dutch) */
    const char *reason; /* NULL when none was needed */
} case_access_line;

/* Duration of an emergency access in seconds (default 24 hours). */
void casemember_set_emergency_seconds(long seconds);
long casemember_emergency_seconds(void);
/* "24h", "90m", "30s", "2d" or plain seconds; false when not a positive duration of at most 30 days. */
bool casemember_parse_duration(const char *s, long *seconds);

/*
 * What the acting user is to a case: TIE_MEMBER, TIE_EMERGENCY (with its
 * reason and end; either may be NULL) or TIE_NONE. No policy question: this is
 * what the policy is asked with.
 */
wt_status casemember_tie(wt_ctx *ctx, int64_t case_id, case_tie *tie, const char **emergency_reason,
                         const char **emergency_until);

/* casemember_tie for each of n cases at once (ties[i] for case_ids[i]; no reasons), in one query. */
wt_status casemember_ties(wt_ctx *ctx, const int64_t *case_ids, int n, case_tie *ties);

/* Members of a case, active first (for whoever may read the case or manage its members). */
wt_status casemember_list(wt_ctx *ctx, int64_t case_id, case_member_rec **out, int *n);
/* Adds a member (coordinator or team leader); the reason is required. */
wt_status casemember_add(wt_ctx *ctx, int64_t case_id, int64_t user_id, const char *reason, errors *e, int64_t *id);
/*
 * A colleague who is given an action of the plan needs to see the case: adds
 * him as a member (with that reason) unless he coordinates or is a member.
 * For rules that already checked write access to the case c.
 */
wt_status casemember_ensure_performer(wt_ctx *ctx, const wt_case *c, int64_t user_id);
/*
 * For the case rules, which checked the actor's right to do so: the worker who
 * opened a case for a colleague, and the coordinator who handed it over, keep
 * seeing it as members (the coordinator can end that). Adds user_id with the
 * reason unless he coordinates or is a member already.
 */
wt_status casemember_keep(wt_ctx *ctx, int64_t case_id, int64_t household_id, int64_t user_id, const char *reason);
/* Ends a membership (coordinator or team leader). */
wt_status casemember_end(wt_ctx *ctx, int64_t case_id, int64_t member_id);

/* Breaks the glass: emergency access to a case for a limited time; *until gets its end. */
wt_status casemember_break_glass(wt_ctx *ctx, int64_t case_id, const char *reason, errors *e, int64_t *id,
                                 const char **until);
/* The emergency accesses of a case, newest first (coordinator and team leader). */
wt_status casemember_emergencies(wt_ctx *ctx, int64_t case_id, case_emergency_rec **out, int *n);
/*
 * The reports for the start page: emergency accesses of the last
 * CASEMEMBER_REPORT_DAYS days to cases the acting user coordinates, or, for
 * the team leader, to any case of the team; newest first.
 */
wt_status casemember_reports(wt_ctx *ctx, case_emergency_rec **out, int *n);

/* Who looked at a case, newest first (coordinator and team leader); logs the read. */
wt_status casemember_access_log(wt_ctx *ctx, int64_t case_id, int limit, case_access_line **out, int *n);

#endif
