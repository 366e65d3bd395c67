/* case_db.c - SQL of cases, hand-overs, the case list and caseloads (see case_db.h). */
#include "case_db.h"
#include "../core/buf.h"

#define CASE_COLS                                                                                                      \
    "c.id, c.household_id, c.team_id, c.coordinator_id, u.display_name, h.name, c.status, c.reason, c.opened_on,"    \
    " c.closed_on, c.close_reason, c.close_note"
#define CASE_FROM                                                                                                      \
    " FROM cases c JOIN app_user u ON u.id = c.coordinator_id JOIN household h ON h.id = c.household_id"

static void fill_case(const db_result *r, int i, wt_case *k)
{
    k->id = db_get_int(r, i, 0);
    k->household_id = db_get_int(r, i, 1);
    k->team_id = db_get_int(r, i, 2);
    k->coordinator_id = db_get_int(r, i, 3);
    k->coordinator_name = db_get(r, i, 4);
    k->household_name = db_get(r, i, 5);
    k->status = db_get(r, i, 6);
    k->reason = db_get(r, i, 7);
    k->opened_on = db_get(r, i, 8);
    k->closed_on = db_get(r, i, 9);
    k->close_reason = db_get(r, i, 10);
    k->close_note = db_get(r, i, 11);
}

wt_status case_db_get(db *c, arena *a, int64_t id, wt_case *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " CASE_COLS CASE_FROM " WHERE c.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_case(&r, 0, out);
    return WT_OK;
}

wt_status case_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT team_id FROM household WHERE id = ?", DB_ARGS(DB_I(household_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *team_id = db_get_int(&r, 0, 0);
    return WT_OK;
}

wt_status case_db_open_of_household(db *c, arena *a, int64_t household_id, int64_t *case_id)
{
    db_result r;
    *case_id = 0;
    wt_status st = db_query(c, a, &r, "SELECT id FROM cases WHERE household_id = ? AND status = 'open'",
                            DB_ARGS(DB_I(household_id)));
    if (st == WT_OK && r.nrows)
        *case_id = db_get_int(&r, 0, 0);
    return st;
}

wt_status case_db_governing_of_household(db *c, arena *a, int64_t household_id, int64_t *case_id)
{
    db_result r;
    *case_id = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT id FROM cases WHERE household_id = ?"
                            " ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, opened_on DESC, id DESC LIMIT 1",
                            DB_ARGS(DB_I(household_id)));
    if (st == WT_OK && r.nrows)
        *case_id = db_get_int(&r, 0, 0);
    return st;
}

wt_status case_db_insert(db *c, const case_open_input *in, int64_t team_id, const char *opened_on, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO cases (household_id, team_id, coordinator_id, status, reason, opened_on)"
                     " VALUES (?, ?, ?, 'open', ?, ?) RETURNING id",
                     DB_ARGS(DB_I(in->household_id), DB_I(team_id), DB_I(in->coordinator_id), DB_T(in->reason),
                             DB_T(opened_on)));
}

wt_status case_db_set_coordinator(db *c, int64_t id, int64_t from_user_id, int64_t to_user_id)
{
    wt_status st = db_exec(c, "UPDATE cases SET coordinator_id = ? WHERE id = ? AND status = 'open' AND coordinator_id = ?",
                           DB_ARGS(DB_I(to_user_id), DB_I(id), DB_I(from_user_id)));
    if (st == WT_OK && db_changes(c) != 1)
        return WT_CONFLICT;
    return st;
}

wt_status case_db_insert_handover(db *c, int64_t case_id, int64_t from, int64_t to, int64_t by, const char *at,
                                  const char *reason)
{
    int64_t id;
    return db_insert(c, &id,
                     "INSERT INTO case_handover (case_id, from_user_id, to_user_id, by_user_id, at, reason)"
                     " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(case_id), DB_I(from), DB_I(to), DB_I(by), DB_T(at), DB_T(reason)));
}

wt_status case_db_handovers(db *c, arena *a, int64_t case_id, case_handover_rec **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT ho.id, ho.from_user_id, f.display_name, ho.to_user_id, t.display_name,"
                            " ho.by_user_id, b.display_name, ho.at, ho.reason FROM case_handover ho"
                            " JOIN app_user f ON f.id = ho.from_user_id JOIN app_user t ON t.id = ho.to_user_id"
                            " JOIN app_user b ON b.id = ho.by_user_id WHERE ho.case_id = ? ORDER BY ho.at DESC, ho.id DESC",
                            DB_ARGS(DB_I(case_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(case_handover_rec) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        case_handover_rec *h = &(*out)[i];
        h->id = db_get_int(&r, i, 0);
        h->from_user_id = db_get_int(&r, i, 1);
        h->from_name = db_get(&r, i, 2);
        h->to_user_id = db_get_int(&r, i, 3);
        h->to_name = db_get(&r, i, 4);
        h->by_user_id = db_get_int(&r, i, 5);
        h->by_name = db_get(&r, i, 6);
        h->at = db_get(&r, i, 7);
        h->reason = db_get(&r, i, 8);
    }
    return WT_OK;
}

wt_status case_db_close(db *c, int64_t id, const char *closed_on, const char *reason, const char *note)
{
    wt_status st = db_exec(c,
                           "UPDATE cases SET status = 'closed', closed_on = ?, close_reason = ?, close_note = ?"
                           " WHERE id = ? AND status = 'open'",
                           DB_ARGS(DB_T(closed_on), DB_T(reason), DB_T(note), DB_I(id)));
    if (st == WT_OK && db_changes(c) != 1)
        return WT_CONFLICT;
    return st;
}

/* The WHERE clause of the case list; the same text for the page and its count. */
static void list_where(buf *sql, const case_filter *f)
{
    buf_puts(sql, " WHERE c.team_id = ?");
    if (f->status == CASE_FILTER_OPEN)
        buf_puts(sql, " AND c.status = 'open'");
    else if (f->status == CASE_FILTER_CLOSED)
        buf_puts(sql, " AND c.status = 'closed'");
    if (f->coordinator_id)
        buf_puts(sql, " AND c.coordinator_id = ?");
    if (f->second_line)
        buf_puts(sql, " AND (EXISTS (SELECT 1 FROM plan p JOIN goal g ON g.plan_id = p.id JOIN action x ON x.goal_id = g.id"
                      " WHERE p.case_id = c.id AND x.layer = 'second_line' AND x.status IN ('planned', 'in_progress'))"
                      " OR EXISTS (SELECT 1 FROM referral r WHERE r.case_id = c.id AND r.kind = 'referral'"
                      " AND r.status IN ('sent', 'accepted', 'started')))");
}

wt_status case_db_list(db *c, arena *a, int64_t team_id, const case_filter *f, case_page *out)
{
    buf sql = BUF_INIT;
    db_result r;
    db_param p[4] = {DB_I(team_id), DB_I(f->coordinator_id), DB_NULL, DB_NULL};
    size_t np = f->coordinator_id ? 2 : 1;
    buf_puts(&sql, "SELECT COUNT(*) FROM cases c");
    list_where(&sql, f);
    wt_status st = db_query(c, a, &r, buf_str(&sql), p, np);
    if (st != WT_OK)
        goto out;
    out->total = (int)db_get_int(&r, 0, 0);
    buf_reset(&sql);
    buf_puts(&sql, "SELECT " CASE_COLS CASE_FROM);
    list_where(&sql, f);
    buf_puts(&sql, " ORDER BY c.opened_on DESC, c.id DESC LIMIT ? OFFSET ?");
    p[np] = DB_I(f->limit);
    p[np + 1] = DB_I(f->offset);
    st = db_query(c, a, &r, buf_str(&sql), p, np + 2);
    if (st != WT_OK)
        goto out;
    out->n = r.nrows;
    out->items = arena_alloc(a, sizeof(wt_case) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_case(&r, i, &out->items[i]);
out:
    buf_free(&sql);
    return st;
}

wt_status case_db_caseload(db *c, arena *a, int64_t team_id, caseload_row **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT u.id, u.display_name, COALESCE(u.discipline, ''), u.role,"
                            " (SELECT COUNT(*) FROM cases c WHERE c.coordinator_id = u.id AND c.status = 'open'"
                            "  AND c.team_id = u.team_id)"
                            " FROM app_user u WHERE u.team_id = ? AND u.disabled = 0"
                            " AND u.role IN ('worker', 'teamleader') ORDER BY 5 DESC, u.display_name",
                            DB_ARGS(DB_I(team_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(caseload_row) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        caseload_row *w = &(*out)[i];
        w->user_id = db_get_int(&r, i, 0);
        w->display_name = db_get(&r, i, 1);
        w->discipline = db_get(&r, i, 2);
        w->role = db_get(&r, i, 3);
        w->open_cases = (int)db_get_int(&r, i, 4);
    }
    return WT_OK;
}

wt_status case_db_handed_to(db *c, arena *a, int64_t user_id, int64_t team_id, const char *since, int limit,
                            worklist_handover **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT ho.case_id, h.name, f.display_name, ho.at, ho.reason FROM case_handover ho"
                            " JOIN cases c ON c.id = ho.case_id JOIN household h ON h.id = c.household_id"
                            " JOIN app_user f ON f.id = ho.from_user_id"
                            " WHERE ho.to_user_id = ? AND ho.at >= ? AND c.team_id = ? AND c.status = 'open'"
                            " AND c.coordinator_id = ho.to_user_id ORDER BY ho.at DESC, ho.id DESC LIMIT ?",
                            DB_ARGS(DB_I(user_id), DB_T(since), DB_I(team_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(worklist_handover) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        worklist_handover *w = &(*out)[i];
        w->case_id = db_get_int(&r, i, 0);
        w->household_name = db_get(&r, i, 1);
        w->from_name = db_get(&r, i, 2);
        w->at = db_get(&r, i, 3);
        w->reason = db_get(&r, i, 4);
    }
    return WT_OK;
}
