/* plan_db.h - SQL of the plan, its goals and actions. */
#ifndef WT_PLAN_DB_H
#define WT_PLAN_DB_H

#include "../db/db.h"
#include "plan.h"

/* Creates the plan of a case when it has none yet (idempotent). */
wt_status plan_db_ensure(db *c, int64_t case_id, const char *now);
/* The plan row of a case (without goals); WT_NOTFOUND when none. */
wt_status plan_db_get(db *c, arena *a, int64_t case_id, plan_view *out);
/* Goals of a plan in life-domain order, each with its actions. */
wt_status plan_db_goals(db *c, arena *a, int64_t plan_id, plan_goal **out, int *n);
/* Raises the version: the plan changed. */
wt_status plan_db_bump(db *c, int64_t plan_id, const char *now);
wt_status plan_db_set_strengths(db *c, int64_t plan_id, const char *strengths);
wt_status plan_db_agree(db *c, int64_t plan_id, const char *agreed_on);
wt_status plan_db_insert_goal(db *c, int64_t plan_id, const goal_input *in, const char *now, int64_t *id);
wt_status plan_db_update_goal(db *c, int64_t id, const plan_goal *g);
/* One goal and the case it belongs to. */
wt_status plan_db_goal_get(db *c, arena *a, int64_t id, plan_goal *out, int64_t *case_id);
wt_status plan_db_insert_action(db *c, int64_t goal_id, const plan_action *in, const char *now, int64_t *id);
wt_status plan_db_update_action(db *c, int64_t id, const plan_action *in);
/* One action, its goal's status, and the case it belongs to. */
wt_status plan_db_action_get(db *c, arena *a, int64_t id, plan_action *out, int64_t *case_id);
/* Actions of user_id in open goals of open cases of team_id, not done, due on or before until. */
wt_status plan_db_due_for(db *c, arena *a, int64_t user_id, int64_t team_id, const char *until, int limit,
                          struct worklist_action **out, int *n);
wt_status plan_db_open_actions(db *c, arena *a, int64_t case_id, int *n);
/* The team and dates of an activity (ref->found false when there is none). */
wt_status plan_db_activity_ref(db *c, arena *a, int64_t activity_id, plan_activity_ref *ref);
/* The open cases with a non-cancelled action pointing to the activity (one row per case). */
wt_status plan_db_pointed(db *c, arena *a, int64_t activity_id, plan_pointed **out, int *n);

#endif
