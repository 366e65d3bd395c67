/* demo_support_db.c - SQL of the support part of the demo (see demo_support_db.h). */
#include "demo_support_db.h"

static const char *text_or_empty(const db_result *r, int row, int col)
{
    const char *s = db_get(r, row, col);
    return s ? s : "";
}

wt_status demo_db_team_cases(db *c, arena *a, int64_t team_id, demo_case_row **out, int *n)
{
    db_result r;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT id, household_id, coordinator_id, opened_on, closed_on FROM cases WHERE team_id = ?"
                            " ORDER BY id",
                            DB_ARGS(DB_I(team_id)));
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(demo_case_row) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (demo_case_row){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get_int(&r, i, 2), db_get(&r, i, 3),
                                    db_get(&r, i, 4)};
    *n = r.nrows;
    return WT_OK;
}

wt_status demo_db_case_goals(db *c, arena *a, int64_t case_id, demo_goal_row **out, int *n)
{
    db_result r;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT g.id, g.domain, g.situation, g.strength, g.body FROM goal g JOIN plan p ON p.id = g.plan_id"
                            " WHERE p.case_id = ? ORDER BY g.id",
                            DB_ARGS(DB_I(case_id)));
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(demo_goal_row) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (demo_goal_row){db_get_int(&r, i, 0), db_get(&r, i, 1), text_or_empty(&r, i, 2),
                                    text_or_empty(&r, i, 3), text_or_empty(&r, i, 4)};
    *n = r.nrows;
    return WT_OK;
}

wt_status demo_db_case_actions(db *c, arena *a, int64_t case_id, demo_action_row **out, int *n)
{
    db_result r;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT x.id, x.layer, g.domain, x.status FROM action x JOIN goal g ON g.id = x.goal_id"
                            " JOIN plan p ON p.id = g.plan_id WHERE p.case_id = ? ORDER BY x.id",
                            DB_ARGS(DB_I(case_id)));
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(demo_action_row) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (demo_action_row){db_get_int(&r, i, 0), db_get(&r, i, 1), db_get(&r, i, 2), db_get(&r, i, 3)};
    *n = r.nrows;
    return WT_OK;
}

wt_status demo_db_services_for(db *c, arena *a, const char *domain, demo_service_row **out, int *n)
{
    db_result r;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT s.id, s.organization_id, o.\"name\", s.line FROM sm_service s"
                            " JOIN sm_organization o ON o.id = s.organization_id"
                            " WHERE s.status = 'active' AND s.life_domains LIKE ? ORDER BY s.id",
                            DB_ARGS(DB_T(arena_printf(a, "%% %s %%", domain))));
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(demo_service_row) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (demo_service_row){db_get(&r, i, 0), db_get(&r, i, 1), db_get(&r, i, 2), db_get(&r, i, 3)};
    *n = r.nrows;
    return WT_OK;
}
