/* idea_db.c - SQL of residents' ideas (see idea_db.h). */
#include "idea_db.h"

wt_status idea_db_insert(db *c, const idea_row *r, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO idea (team_id, title, body, brought_by_person_id, brought_by_name, source, question_id,"
                     " status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(r->team_id), DB_T(r->title), DB_T(r->body), DB_ID_OR_NULL(r->person_id),
                             DB_T(r->brought_by_name), DB_T(r->source), DB_ID_OR_NULL(r->question_id),
                             DB_ID_OR_NULL(r->created_by), DB_T(r->now), DB_T(r->now)));
}

#define IDEA_COLS                                                                                                      \
    "i.id, i.team_id, i.title, i.body, COALESCE(i.brought_by_person_id, 0), COALESCE(p.household_id, 0),"           \
    " COALESCE(p.given_name || ' ' || p.family_name, i.brought_by_name), i.source, COALESCE(i.question_id, 0),"      \
    " i.status, i.reason, COALESCE(i.activity_id, 0), act.title, u.display_name, i.created_at, i.updated_at"
#define IDEA_FROM                                                                                                      \
    " FROM idea i LEFT JOIN person p ON p.id = i.brought_by_person_id LEFT JOIN activity act ON act.id = i.activity_id" \
    " LEFT JOIN app_user u ON u.id = i.created_by"

static void fill_idea(const db_result *r, int i, wt_idea *o)
{
    o->id = db_get_int(r, i, 0);
    o->team_id = db_get_int(r, i, 1);
    o->title = db_get(r, i, 2);
    o->body = db_get(r, i, 3);
    o->person_id = db_get_int(r, i, 4);
    o->household_id = db_get_int(r, i, 5);
    o->brought_by = db_get(r, i, 6);
    o->source = db_get(r, i, 7);
    o->question_id = db_get_int(r, i, 8);
    o->status = db_get(r, i, 9);
    o->reason = db_get(r, i, 10);
    o->activity_id = db_get_int(r, i, 11);
    o->activity_title = db_get(r, i, 12);
    o->created_by_name = db_get(r, i, 13);
    o->created_at = db_get(r, i, 14);
    o->updated_at = db_get(r, i, 15);
}

wt_status idea_db_get(db *c, arena *a, int64_t id, wt_idea *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " IDEA_COLS IDEA_FROM " WHERE i.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_idea(&r, 0, out);
    return WT_OK;
}

wt_status idea_db_list(db *c, arena *a, int64_t team_id, const char *status, int limit, int offset, wt_idea **out,
                       int *n)
{
    db_result r;
    wt_status st;
    if (status)
        st = db_query(c, a, &r,
                      "SELECT " IDEA_COLS IDEA_FROM " WHERE i.team_id = ? AND i.status = ?"
                      " ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_T(status), DB_I(limit), DB_I(offset)));
    else
        st = db_query(c, a, &r,
                      "SELECT " IDEA_COLS IDEA_FROM " WHERE i.team_id = ? AND i.status IN ('new', 'supported')"
                      " ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(wt_idea) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        fill_idea(&r, i, &(*out)[i]);
    return WT_OK;
}

wt_status idea_db_set_status(db *c, int64_t id, const char *status, const char *reason, int64_t activity_id,
                             const char *now)
{
    return db_exec(c, "UPDATE idea SET status = ?, reason = ?, activity_id = ?, updated_at = ? WHERE id = ?",
                   DB_ARGS(DB_T(status), DB_T(reason), DB_ID_OR_NULL(activity_id), DB_T(now), DB_I(id)));
}

wt_status idea_db_question_ok(db *c, arena *a, int64_t team_id, int64_t question_id, bool *ok)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM question WHERE id = ? AND team_id = ?",
                            DB_ARGS(DB_I(question_id), DB_I(team_id)));
    *ok = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status idea_db_activity_ok(db *c, arena *a, int64_t team_id, int64_t activity_id, bool *ok)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM activity WHERE id = ? AND team_id = ?",
                            DB_ARGS(DB_I(activity_id), DB_I(team_id)));
    *ok = st == WT_OK && r.nrows > 0;
    return st;
}
