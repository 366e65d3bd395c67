/* plan_db.c - SQL of the plan, its goals and actions (see plan_db.h). */
#include "plan_db.h"

#include <string.h>

wt_status plan_db_ensure(db *c, int64_t case_id, const char *now)
{
    return db_exec(c, "INSERT INTO plan (case_id, updated_at) VALUES (?, ?) ON CONFLICT (case_id) DO NOTHING",
                   DB_ARGS(DB_I(case_id), DB_T(now)));
}

wt_status plan_db_get(db *c, arena *a, int64_t case_id, plan_view *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT id, case_id, strengths, version, agreed_on, COALESCE(agreed_version, 0), updated_at"
                            " FROM plan WHERE case_id = ?",
                            DB_ARGS(DB_I(case_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    out->id = db_get_int(&r, 0, 0);
    out->case_id = db_get_int(&r, 0, 1);
    out->strengths = db_get(&r, 0, 2);
    out->version = (int)db_get_int(&r, 0, 3);
    out->agreed_on = db_get(&r, 0, 4);
    out->agreed_version = (int)db_get_int(&r, 0, 5);
    out->updated_at = db_get(&r, 0, 6);
    return WT_OK;
}

#define GOAL_COLS "g.id, g.plan_id, g.domain, g.situation, g.strength, g.body, g.status, g.created_at"
#define ACTION_COLS                                                                                                    \
    "a.id, a.goal_id, a.body, a.layer, a.performer, COALESCE(a.performer_user_id, 0), a.due_on, a.status, a.created_at,"  \
    " COALESCE(a.activity_id, 0), (SELECT t.title FROM activity t WHERE t.id = a.activity_id)"
/* The life domains in the order the plan shows them (plan_domains). */
#define DOMAIN_ORDER                                                                                                   \
    "CASE g.domain WHEN 'care' THEN 1 WHEN 'youth' THEN 2 WHEN 'housing' THEN 3 WHEN 'work' THEN 4"                  \
    " WHEN 'money' THEN 5 WHEN 'health' THEN 6 ELSE 7 END"

static void fill_goal(const db_result *r, int i, plan_goal *g)
{
    g->id = db_get_int(r, i, 0);
    g->plan_id = db_get_int(r, i, 1);
    g->domain = db_get(r, i, 2);
    g->situation = db_get(r, i, 3);
    g->strength = db_get(r, i, 4);
    g->body = db_get(r, i, 5);
    g->status = db_get(r, i, 6);
    g->created_at = db_get(r, i, 7);
    g->actions = NULL;
    g->n_actions = 0;
}

static void fill_action(const db_result *r, int i, plan_action *x)
{
    x->id = db_get_int(r, i, 0);
    x->goal_id = db_get_int(r, i, 1);
    x->body = db_get(r, i, 2);
    x->layer = db_get(r, i, 3);
    x->performer = db_get(r, i, 4);
    x->performer_user_id = db_get_int(r, i, 5);
    x->due_on = db_get(r, i, 6);
    x->status = db_get(r, i, 7);
    x->created_at = db_get(r, i, 8);
    x->due = DUE_NONE;
    x->activity_id = db_get_int(r, i, 9);
    x->activity_title = db_get(r, i, 10);
}

wt_status plan_db_goals(db *c, arena *a, int64_t plan_id, plan_goal **out, int *n)
{
    db_result gr, ar;
    wt_status st = db_query(c, a, &gr,
                            "SELECT " GOAL_COLS " FROM goal g WHERE g.plan_id = ? ORDER BY " DOMAIN_ORDER ", g.id",
                            DB_ARGS(DB_I(plan_id)));
    if (st != WT_OK)
        return st;
    st = db_query(c, a, &ar,
                  "SELECT " ACTION_COLS " FROM action a JOIN goal g ON g.id = a.goal_id WHERE g.plan_id = ?"
                  " ORDER BY a.goal_id, CASE WHEN a.due_on IS NULL THEN 1 ELSE 0 END, a.due_on, a.id",
                  DB_ARGS(DB_I(plan_id)));
    if (st != WT_OK)
        return st;
    *n = gr.nrows;
    *out = arena_alloc(a, sizeof(plan_goal) * (size_t)(gr.nrows ? gr.nrows : 1));
    plan_action *all = arena_alloc(a, sizeof(plan_action) * (size_t)(ar.nrows ? ar.nrows : 1));
    for (int i = 0; i < ar.nrows; i++)
        fill_action(&ar, i, &all[i]);
    for (int i = 0; i < gr.nrows; i++) {
        plan_goal *g = &(*out)[i];
        fill_goal(&gr, i, g);
        /* Actions are sorted by goal: find this goal's run. */
        for (int j = 0; j < ar.nrows; j++) {
            if (all[j].goal_id != g->id)
                continue;
            if (!g->actions)
                g->actions = &all[j];
            g->n_actions++;
        }
    }
    return WT_OK;
}

wt_status plan_db_bump(db *c, int64_t plan_id, const char *now)
{
    return db_exec(c, "UPDATE plan SET version = version + 1, updated_at = ? WHERE id = ?",
                   DB_ARGS(DB_T(now), DB_I(plan_id)));
}

wt_status plan_db_set_strengths(db *c, int64_t plan_id, const char *strengths)
{
    return db_exec(c, "UPDATE plan SET strengths = ? WHERE id = ?", DB_ARGS(DB_T(strengths), DB_I(plan_id)));
}

wt_status plan_db_agree(db *c, int64_t plan_id, const char *agreed_on)
{
    return db_exec(c, "UPDATE plan SET agreed_on = ?, agreed_version = version WHERE id = ?",
                   DB_ARGS(DB_T(agreed_on), DB_I(plan_id)));
}

wt_status plan_db_insert_goal(db *c, int64_t plan_id, const goal_input *in, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO goal (plan_id, domain, situation, strength, body, status, created_at)"
                     " VALUES (?, ?, ?, ?, ?, 'open', ?) RETURNING id",
                     DB_ARGS(DB_I(plan_id), DB_T(in->domain), DB_T(in->situation ? in->situation : ""),
                             DB_T(in->strength ? in->strength : ""), DB_T(in->body), DB_T(now)));
}

wt_status plan_db_update_goal(db *c, int64_t id, const plan_goal *g)
{
    return db_exec(c, "UPDATE goal SET domain = ?, situation = ?, strength = ?, body = ?, status = ? WHERE id = ?",
                   DB_ARGS(DB_T(g->domain), DB_T(g->situation), DB_T(g->strength), DB_T(g->body), DB_T(g->status),
                           DB_I(id)));
}

wt_status plan_db_goal_get(db *c, arena *a, int64_t id, plan_goal *out, int64_t *case_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " GOAL_COLS ", p.case_id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE g.id = ?",
                            DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_goal(&r, 0, out);
    *case_id = db_get_int(&r, 0, 8);
    return WT_OK;
}

wt_status plan_db_insert_action(db *c, int64_t goal_id, const plan_action *in, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO action (goal_id, body, layer, performer, performer_user_id, due_on, status, created_at,"
                     " activity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(goal_id), DB_T(in->body), DB_T(in->layer), DB_T(in->performer),
                             DB_ID_OR_NULL(in->performer_user_id), DB_T(in->due_on), DB_T(in->status), DB_T(now),
                             DB_ID_OR_NULL(in->activity_id)));
}

wt_status plan_db_update_action(db *c, int64_t id, const plan_action *in)
{
    return db_exec(c,
                   "UPDATE action SET body = ?, layer = ?, performer = ?, performer_user_id = ?, due_on = ?, status = ?,"
                   " activity_id = ? WHERE id = ?",
                   DB_ARGS(DB_T(in->body), DB_T(in->layer), DB_T(in->performer), DB_ID_OR_NULL(in->performer_user_id),
                           DB_T(in->due_on), DB_T(in->status), DB_ID_OR_NULL(in->activity_id), DB_I(id)));
}

wt_status plan_db_action_get(db *c, arena *a, int64_t id, plan_action *out, int64_t *case_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " ACTION_COLS ", p.case_id FROM action a JOIN goal g ON g.id = a.goal_id"
                            " JOIN plan p ON p.id = g.plan_id WHERE a.id = ?",
                            DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_action(&r, 0, out);
    *case_id = db_get_int(&r, 0, 11);
    return WT_OK;
}

wt_status plan_db_due_for(db *c, arena *a, int64_t user_id, int64_t team_id, const char *until, int limit,
                          worklist_action **out, int *n)
{
    db_result r;
    /* Two index walks: the actions he carries (action_performer), and those in the cases he coordinates (cases_coordinator). */
    wt_status st = db_query(c, a, &r,
                            "SELECT a.id, a.goal_id, k.id, h.name, a.body, a.layer, a.due_on, a.status, a.performer,"
                            " COALESCE(a.performer_user_id, 0)"
                            " FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id"
                            " JOIN cases k ON k.id = p.case_id JOIN household h ON h.id = k.household_id"
                            " WHERE a.id IN ("
                            "  SELECT x.id FROM action x WHERE x.performer_user_id = ? AND x.status IN ('planned', 'in_progress')"
                            "  AND x.due_on <= ?"
                            "  UNION"
                            "  SELECT x.id FROM cases ck JOIN plan cp ON cp.case_id = ck.id JOIN goal cg ON cg.plan_id = cp.id"
                            "  JOIN action x ON x.goal_id = cg.id WHERE ck.coordinator_id = ? AND ck.status = 'open'"
                            "  AND x.status IN ('planned', 'in_progress') AND x.due_on <= ?)"
                            " AND a.due_on IS NOT NULL AND g.status = 'open' AND k.status = 'open' AND k.team_id = ?"
                            " ORDER BY a.due_on, a.id LIMIT ?",
                            DB_ARGS(DB_I(user_id), DB_T(until), DB_I(user_id), DB_T(until), DB_I(team_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(worklist_action) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        worklist_action *w = &(*out)[i];
        w->action_id = db_get_int(&r, i, 0);
        w->goal_id = db_get_int(&r, i, 1);
        w->case_id = db_get_int(&r, i, 2);
        w->household_name = db_get(&r, i, 3);
        w->body = db_get(&r, i, 4);
        w->layer = db_get(&r, i, 5);
        w->due_on = db_get(&r, i, 6);
        w->status = db_get(&r, i, 7);
        w->performer = db_get(&r, i, 8);
        w->mine = db_get_int(&r, i, 9) == user_id;
    }
    return WT_OK;
}

wt_status plan_db_open_actions(db *c, arena *a, int64_t case_id, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT COUNT(*) FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id"
                            " WHERE p.case_id = ? AND a.status IN ('planned', 'in_progress')",
                            DB_ARGS(DB_I(case_id)));
    *n = st == WT_OK ? (int)db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status plan_db_activity_ref(db *c, arena *a, int64_t activity_id, plan_activity_ref *ref)
{
    db_result r;
    *ref = (plan_activity_ref){0};
    wt_status st = db_query(c, a, &r, "SELECT team_id, starts_on, ends_on FROM activity WHERE id = ?",
                            DB_ARGS(DB_I(activity_id)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    *ref = (plan_activity_ref){true, db_get_int(&r, 0, 0), db_get(&r, 0, 1), db_get(&r, 0, 2)};
    return WT_OK;
}

wt_status plan_db_pointed(db *c, arena *a, int64_t activity_id, plan_pointed **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT k.id, k.household_id, h.name, MIN(x.body) FROM action x JOIN goal g ON g.id = x.goal_id"
                            " JOIN plan p ON p.id = g.plan_id JOIN cases k ON k.id = p.case_id"
                            " JOIN household h ON h.id = k.household_id WHERE x.activity_id = ? AND x.status <> 'cancelled'"
                            " AND k.status = 'open' GROUP BY k.id, k.household_id, h.name ORDER BY h.name, k.id",
                            DB_ARGS(DB_I(activity_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(plan_pointed) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (plan_pointed){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get(&r, i, 2), db_get(&r, i, 3)};
    return WT_OK;
}
