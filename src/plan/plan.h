/*
 * plan.h - the one plan of a case: strengths, goals per life domain, actions.
 *
 * Every case has exactly one plan, created with the case. The plan records the
 * strengths of the household next to its problems; each goal belongs to a
 * life domain (care, youth, housing, work, money, health, participation) and
 * has the situation, the strength on that domain, the goal itself and a
 * status. Each action says which layer carries it (the resident himself, his
 * own network, a volunteer or neighbour, the team, or a specialist of the
 * second line: the layer is mandatory), who carries it out, by when, and how
 * far it is.
 *
 * The plan is agreed with the resident on a date; every later change raises
 * plan.version, so the page can say that the agreement concerns an earlier
 * version. A closed case's plan is read-only.
 *
 * Access goes through case_access() (src/case/case.h).
 */
#ifndef WT_PLAN_H
#define WT_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "../case/case.h"
#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"

#define PLAN_GOAL_MAX 200   /* characters of a goal or an action */
#define PLAN_NAME_MAX 100   /* the name of who carries out an action */
#define PLAN_LAYERS 5
#define PLAN_ACTIVITY_CHOICES 50 /* activities offered on the action form */

/* Life domains, layers, statuses: code and Dutch label, NULL-terminated. */
extern const code_text plan_domains[];
extern const code_text plan_layers[];
extern const code_text plan_goal_statuses[];
extern const code_text plan_action_statuses[];
const char *plan_label(const code_text *list, const char *code);
bool plan_code_valid(const code_text *list, const char *code);
/* Index of a layer code in plan_layers, -1 when unknown. */
int plan_layer_index(const char *code);

typedef enum {
    DUE_NONE,     /* no due date, or the action is done or cancelled */
    DUE_LATER,    /* due after the coming week */
    DUE_SOON,     /* due today or within WORKLIST_DUE_DAYS */
    DUE_OVERDUE,  /* the due date has passed */
} due_state;

/* Pure rule: how urgent is an action with this due date and status on `today`? */
due_state plan_due_state(const char *due_on, const char *status, wt_date today);
/* Pure rule: is the agreement out of date (the plan changed after it)? */
bool plan_agreement_outdated(int version, const char *agreed_on, int agreed_version);

typedef struct plan_action {
    int64_t id;
    int64_t goal_id;
    const char *body;
    const char *layer;
    const char *performer;
    int64_t performer_user_id; /* 0: not a team member */
    const char *due_on;        /* NULL when none */
    const char *status;
    const char *created_at;
    due_state due;
    int64_t activity_id;        /* 0: none; network and volunteer layers only */
    const char *activity_title; /* NULL when none */
} plan_action;

typedef struct plan_goal {
    int64_t id;
    int64_t plan_id;
    const char *domain;
    const char *situation;
    const char *strength;
    const char *body;
    const char *status;
    const char *created_at;
    plan_action *actions;
    int n_actions;
} plan_goal;

typedef struct plan_view {
    int64_t id;
    int64_t case_id;
    const char *strengths;
    int version;
    const char *agreed_on; /* NULL when not agreed */
    int agreed_version;
    const char *updated_at;
    plan_goal *goals;
    int n_goals;
    int layer_counts[PLAN_LAYERS]; /* actions per layer, in plan_layers order (cancelled ones not counted) */
    int open_actions;              /* planned or in progress */
} plan_view;

/* New goal; every field is required except situation and strength. */
typedef struct goal_input {
    const char *domain;
    const char *situation;
    const char *strength;
    const char *body;
    const char *status; /* update only; NULL: unchanged (create: open) */
} goal_input;

/* New action, or a change (NULL / has_* false: unchanged). */
typedef struct action_input {
    const char *body;
    const char *layer;
    const char *performer;
    bool has_performer_user;
    int64_t performer_user_id; /* 0: none */
    bool has_due_on;
    const char *due_on; /* NULL or "": none */
    const char *status;
    bool has_activity;
    int64_t activity_id; /* 0: none */
} action_input;

/* What the plan rules know of an activity an action points to. */
typedef struct plan_activity_ref {
    bool found;
    int64_t team_id;
    const char *starts_on;
    const char *ends_on; /* NULL when open-ended */
} plan_activity_ref;

/*
 * Pure rule: may an action of `layer` in a case of team case_team_id point to
 * this activity? NULL when it may, else the Dutch reason (for the field
 * activity_id). Only the network and volunteer layers point to an activity; it
 * must be the case's team's (an unknown activity and another team's get the
 * same answer, so existence does not leak); a newly chosen one must not be over
 * (it starts today or later, or still runs).
 */
const char *plan_activity_refusal(const char *layer, const plan_activity_ref *act, int64_t case_team_id,
                                  bool newly_chosen, wt_date today);

/* One household pointed to an activity through its plan, for those who may see the case. */
typedef struct plan_pointed {
    int64_t case_id;
    int64_t household_id;
    const char *household_name;
    const char *action_body;
} plan_pointed;

/*
 * The households pointed to an activity by actions (not cancelled) in open
 * cases: *count counts them all (a number says nothing about anyone); *known
 * lists only those whose case the acting user may read (need-to-know), each
 * read logged.
 */
wt_status plan_pointed_to_activity(wt_ctx *ctx, int64_t activity_id, int *count, plan_pointed **known, int *n_known);

/* The plan of a case; checks access and logs the read. */
wt_status plan_get(wt_ctx *ctx, int64_t case_id, plan_view *out);
/*
 * The plan of a case the caller already loaded with case_access() and whose
 * read it already logged (the case page). Does not check or log again.
 */
wt_status plan_load(wt_ctx *ctx, const wt_case *c, plan_view *out);

wt_status plan_set_strengths(wt_ctx *ctx, int64_t case_id, const char *strengths, errors *e);
wt_status plan_agree(wt_ctx *ctx, int64_t case_id, const char *agreed_on, errors *e);
wt_status plan_add_goal(wt_ctx *ctx, int64_t case_id, const goal_input *in, errors *e, int64_t *id);
/* The changes below give the case of the goal or action in *case_id (may be NULL). */
wt_status plan_update_goal(wt_ctx *ctx, int64_t goal_id, const goal_input *in, errors *e, int64_t *case_id);
wt_status plan_add_action(wt_ctx *ctx, int64_t goal_id, const action_input *in, errors *e, int64_t *id, int64_t *case_id);
wt_status plan_update_action(wt_ctx *ctx, int64_t action_id, const action_input *in, errors *e, int64_t *case_id);

/* One goal / action with its case, after the access check; logs the read. */
wt_status plan_goal_get(wt_ctx *ctx, int64_t goal_id, plan_goal *out, wt_case *c);
wt_status plan_action_get(wt_ctx *ctx, int64_t action_id, plan_action *out, wt_case *c);

/*
 * The actions that are due soon or overdue in open cases, for the work queue:
 * those the acting user carries out himself, and all actions in the cases he
 * coordinates (a coordinator follows up what the resident and his network do).
 */
wt_status plan_actions_due_for(wt_ctx *ctx, int64_t user_id, struct worklist_action **out, int *n);
/* Open (planned or in progress) actions of a case's plan. */
wt_status plan_open_actions(wt_ctx *ctx, int64_t case_id, int *n);
/* Creates the empty plan of a new case (called by case_open). */
wt_status plan_create_for_case(wt_ctx *ctx, int64_t case_id);

#endif
