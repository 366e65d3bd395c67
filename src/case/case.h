/*
 * case.h - the case of a household: één gezin, één plan, één regisseur.
 *
 * A case belongs to one household and to the team of that household. A
 * household has at most one open case (the partial unique index cases_one_open
 * backs the rule); a case has exactly one coordinator (regisseur), an active
 * worker or team leader of its team. Coordination can be handed over; every
 * hand-over is recorded with from, to, by, when and why. A case is closed with
 * a reason from a fixed list; a closed case is read-only.
 *
 * Access to a case and everything in it (plan, goals, actions, contacts,
 * intake) goes through ONE function, case_access(): every rule of src/case,
 * src/plan, src/contact and src/intake calls it. It loads what the acting user
 * is to the case (coordinator, member, emergency access: src/casemember) and
 * asks the policy, which decides need-to-know. The household of a case (its
 * persons, assessments and network) is guarded by case_household_access().
 *
 * Every function takes the acting context, asks the policy, and logs each
 * read and write of personal data in the audit trail.
 */
#ifndef WT_CASE_H
#define WT_CASE_H

#include <stdbool.h>
#include <stdint.h>

#include "../access/policy.h"
#include "../core/ctx.h"
#include "../core/status.h"

/* Limits of free text (characters). */
#define CASE_TEXT_MAX 4000

typedef struct wt_case {
    int64_t id;
    int64_t household_id;
    int64_t team_id;
    int64_t coordinator_id;
    const char *coordinator_name;
    const char *household_name;
    const char *status; /* "open" or "closed" */
    const char *reason;
    const char *opened_on; /* YYYY-MM-DD */
    const char *closed_on; /* NULL while open */
    const char *close_reason;
    const char *close_note;
    /* What the acting user is to this case (loaded by case_access, see policy.h). */
    bool tie_loaded;
    case_tie tie;
    const char *emergency_reason; /* with TIE_EMERGENCY: why the glass was broken */
    const char *emergency_until;  /* with TIE_EMERGENCY: when the access ends (timestamp) */
} wt_case;

typedef struct case_handover_rec {
    int64_t id;
    int64_t from_user_id;
    const char *from_name;
    int64_t to_user_id;
    const char *to_name;
    int64_t by_user_id;
    const char *by_name;
    const char *at; /* timestamp */
    const char *reason;
} case_handover_rec;

typedef struct case_open_input {
    int64_t household_id;
    const char *reason;
    int64_t coordinator_id; /* 0: the acting user */
} case_open_input;

typedef struct case_close_input {
    const char *close_reason; /* code, see case_close_reasons */
    const char *note;
    bool confirm; /* close even though plan actions are still open */
} case_close_input;

typedef struct code_text {
    const char *code;
    const char *label;
} code_text;

/* The reasons to close a case, NULL-terminated; labels are Dutch UI text. */
extern const code_text case_close_reasons[];
const char *case_close_reason_label(const char *code);
bool case_is_open(const wt_case *c);

/*
 * Checks free text of a field: required (when asked), valid UTF-8, at most max
 * characters. label names the field in the message, capitalised ("De reden").
 * Adds the problem to e and returns false; true when the text is fine.
 */
bool case_check_text(errors *e, const char *field, const char *label, const char *value, long max, bool required);

/* Filter and page of the case list. */
typedef enum { CASE_FILTER_OPEN, CASE_FILTER_CLOSED, CASE_FILTER_ALL } case_status_filter;

typedef struct case_filter {
    case_status_filter status;
    int64_t coordinator_id; /* 0: any */
    int limit;
    int offset;
    bool second_line; /* only cases that lean on the second line: an open second-line action or a referral under way */
} case_filter;

typedef struct case_page {
    wt_case *items;
    int n;
    int total;
} case_page;

/* Open cases per coordinator of a team (the team leader's caseload view). */
typedef struct caseload_row {
    int64_t user_id;
    const char *display_name;
    const char *discipline;
    const char *role;
    int open_cases;
} caseload_row;

/*
 * THE access check for a case and its content. Loads the case into *out and
 * answers WT_NOTFOUND when it does not exist or belongs to another team (its
 * existence must not leak), WT_FORBIDDEN when the role may not do perm; a team
 * member refused on need-to-know grounds also gets ctx->need_to_know_case set.
 * Access through broken glass sets ctx->reason to its reason, so the audit
 * entries of the request carry it. Logs nothing: the caller logs what it reads
 * or writes.
 */
wt_status case_access(wt_ctx *ctx, int64_t case_id, permission perm, wt_case *out);
/* The same for a case already loaded (e.g. through a goal or action); loads the tie when not yet loaded. */
wt_status case_access_loaded(wt_ctx *ctx, const wt_case *c, permission perm);
/*
 * Need-to-know for a household of the acting user's team (the caller checked
 * the team): WT_OK when the household has no case, or when perm is allowed on
 * its case (the open one, else the latest closed one); WT_FORBIDDEN with
 * ctx->need_to_know_case set otherwise.
 */
wt_status case_household_access(wt_ctx *ctx, int64_t household_id, permission perm);

/* What a team member without access may know of a case: that it exists, whose it is, who coordinates. */
typedef struct case_known {
    int64_t id;
    int64_t household_id;
    const char *household_name;
    const char *coordinator_name;
    int64_t coordinator_id;
    int64_t team_id;
    const char *status;
    bool may_add_members;    /* the team leader */
    bool may_break_glass;    /* a team member without access */
} case_known;

/* The "known to the team" facts of a case (PERM_CASE_KNOWN); logs the read. */
wt_status case_known_get(wt_ctx *ctx, int64_t case_id, case_known *out);
/* May this role see case content at all (any team)? For pages that list cases. */
bool case_role_may_read(const wt_ctx *ctx);

/*
 * Pure rule: may a user of this role, team and state coordinate a case of
 * team_id? Active workers and team leaders of the same team only.
 */
bool case_may_coordinate(wt_role role, int64_t user_team_id, bool disabled, int64_t case_team_id);

/* Opens a case (and its empty plan). WT_CONFLICT when the household already has an open case. */
wt_status case_open(wt_ctx *ctx, const case_open_input *in, errors *e, int64_t *id);
/* The case for its page or the API; logs the read. */
wt_status case_get(wt_ctx *ctx, int64_t id, wt_case *out);
/* The open case of a household (0 when none), for the household page; checks access, logs nothing. */
wt_status case_open_of_household(wt_ctx *ctx, int64_t household_id, int64_t *case_id);
wt_status case_handovers(wt_ctx *ctx, const wt_case *c, case_handover_rec **out, int *n);
wt_status case_handover(wt_ctx *ctx, int64_t case_id, int64_t to_user_id, const char *reason, errors *e);
/* *open_actions tells how many plan actions are still open (also when confirmation is missing). */
wt_status case_close(wt_ctx *ctx, int64_t case_id, const case_close_input *in, errors *e, int *open_actions);
/* The cases of the acting user's team. */
wt_status case_list(wt_ctx *ctx, const case_filter *f, case_page *out);
wt_status case_caseload(wt_ctx *ctx, int64_t team_id, caseload_row **out, int *n);

/* The work queue of the acting user. */
typedef struct worklist_action {
    int64_t action_id;
    int64_t goal_id;
    int64_t case_id;
    const char *household_name;
    const char *body;
    const char *layer;
    const char *due_on;
    const char *status;
    const char *performer; /* who carries it out */
    bool mine;             /* carried out by the user himself (else: in a case he coordinates) */
    bool overdue;
} worklist_action;

typedef struct worklist_handover {
    int64_t case_id;
    const char *household_name;
    const char *from_name;
    const char *at;
    const char *reason;
} worklist_handover;

typedef struct worklist {
    wt_case *cases; /* open cases he coordinates, newest first */
    int n_cases;
    int total_cases;
    worklist_action *actions; /* due within WORKLIST_DUE_DAYS or overdue: his own, and all in his cases */
    int n_actions;
    worklist_handover *handovers; /* handed to him within WORKLIST_HANDOVER_DAYS */
    int n_handovers;
} worklist;

#define WORKLIST_DUE_DAYS 7
#define WORKLIST_HANDOVER_DAYS 30
#define WORKLIST_LIMIT 25

wt_status case_worklist(wt_ctx *ctx, worklist *out);

#endif
