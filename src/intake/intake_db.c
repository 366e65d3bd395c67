/* intake_db.c - SQL of intakes and their findings (see intake_db.h). */
#include "intake_db.h"
#include "../plan/plan.h"

#include <string.h>

static const char *text_or_empty(const db_result *r, int row, int col)
{
    const char *s = db_get(r, row, col);
    return s ? s : "";
}

static void fill_finding(const db_result *r, int i, intake_finding *f)
{
    f->id = db_get_int(r, i, 0);
    f->domain = db_get(r, i, 1);
    f->situation = text_or_empty(r, i, 2);
    f->strength = text_or_empty(r, i, 3);
    f->wish = text_or_empty(r, i, 4);
    f->goal_id = db_get_int(r, i, 5);
}

#define FINDING_COLS "f.id, f.domain, f.situation, f.strength, f.wish, f.goal_id"

/* The findings in the order of plan_domains (the table order is the order of writing). */
static wt_status load_findings(db *c, arena *a, intake *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " FINDING_COLS " FROM intake_finding f WHERE f.intake_id = ?",
                            DB_ARGS(DB_I(out->id)));
    if (st != WT_OK)
        return st;
    for (int k = 0; plan_domains[k].code && out->n_findings < INTAKE_DOMAINS; k++)
        for (int i = 0; i < r.nrows; i++)
            if (strcmp(db_get(&r, i, 1), plan_domains[k].code) == 0)
                fill_finding(&r, i, &out->findings[out->n_findings++]);
    return WT_OK;
}

wt_status intake_db_get(db *c, arena *a, int64_t case_id, intake *out)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    wt_status st = db_query(c, a, &r,
                            "SELECT i.id, i.case_id, i.household_id, i.held_on, i.question, i.strengths, i.opportunities,"
                            " i.self_does, i.network_does, i.own_goals, cu.display_name, i.created_at, uu.display_name,"
                            " i.updated_at FROM intake i LEFT JOIN app_user cu ON cu.id = i.created_by"
                            " LEFT JOIN app_user uu ON uu.id = i.updated_by WHERE i.case_id = ?",
                            DB_ARGS(DB_I(case_id)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    out->id = db_get_int(&r, 0, 0);
    out->case_id = db_get_int(&r, 0, 1);
    out->household_id = db_get_int(&r, 0, 2);
    out->held_on = db_get(&r, 0, 3);
    out->question = text_or_empty(&r, 0, 4);
    out->strengths = text_or_empty(&r, 0, 5);
    out->opportunities = text_or_empty(&r, 0, 6);
    out->self_does = text_or_empty(&r, 0, 7);
    out->network_does = text_or_empty(&r, 0, 8);
    out->own_goals = text_or_empty(&r, 0, 9);
    out->created_by_name = text_or_empty(&r, 0, 10);
    out->created_at = db_get(&r, 0, 11);
    out->updated_by_name = text_or_empty(&r, 0, 12);
    out->updated_at = db_get(&r, 0, 13);
    return load_findings(c, a, out);
}

wt_status intake_db_insert(db *c, const intake *in, int64_t user_id, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO intake (case_id, household_id, held_on, question, strengths, opportunities, self_does,"
                     " network_does, own_goals, created_by, created_at, updated_by, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(in->case_id), DB_I(in->household_id), DB_T(in->held_on), DB_T(in->question),
                             DB_T(in->strengths), DB_T(in->opportunities), DB_T(in->self_does), DB_T(in->network_does),
                             DB_T(in->own_goals), DB_ID_OR_NULL(user_id), DB_T(now), DB_ID_OR_NULL(user_id), DB_T(now)));
}

wt_status intake_db_update(db *c, int64_t id, const intake *in, int64_t user_id, const char *now)
{
    return db_exec(c,
                   "UPDATE intake SET held_on = ?, question = ?, strengths = ?, opportunities = ?, self_does = ?,"
                   " network_does = ?, own_goals = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                   DB_ARGS(DB_T(in->held_on), DB_T(in->question), DB_T(in->strengths), DB_T(in->opportunities),
                           DB_T(in->self_does), DB_T(in->network_does), DB_T(in->own_goals), DB_ID_OR_NULL(user_id),
                           DB_T(now), DB_I(id)));
}

wt_status intake_db_upsert_finding(db *c, int64_t intake_id, const intake_finding *f, const char *now)
{
    return db_exec(c,
                   "INSERT INTO intake_finding (intake_id, domain, situation, strength, wish, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (intake_id, domain) DO UPDATE SET"
                   " situation = excluded.situation, strength = excluded.strength, wish = excluded.wish,"
                   " updated_at = excluded.updated_at",
                   DB_ARGS(DB_I(intake_id), DB_T(f->domain), DB_T(f->situation), DB_T(f->strength), DB_T(f->wish),
                           DB_T(now), DB_T(now)));
}

wt_status intake_db_delete_finding(db *c, int64_t finding_id)
{
    return db_exec(c, "DELETE FROM intake_finding WHERE id = ? AND goal_id IS NULL", DB_ARGS(DB_I(finding_id)));
}

wt_status intake_db_finding(db *c, arena *a, int64_t finding_id, intake_finding *out, int64_t *case_id)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    *case_id = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT " FINDING_COLS ", i.case_id FROM intake_finding f JOIN intake i ON i.id = f.intake_id"
                            " WHERE f.id = ?",
                            DB_ARGS(DB_I(finding_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_finding(&r, 0, out);
    *case_id = db_get_int(&r, 0, 6);
    return WT_OK;
}

wt_status intake_db_link_goal(db *c, int64_t finding_id, int64_t goal_id)
{
    return db_exec(c, "UPDATE intake_finding SET goal_id = ? WHERE id = ? AND goal_id IS NULL",
                   DB_ARGS(DB_I(goal_id), DB_I(finding_id)));
}
