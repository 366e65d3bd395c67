/* frontdoor_db.c - SQL of the front door's questions (see frontdoor_db.h). */
#include "frontdoor_db.h"

#include <string.h>

#define QUESTION_COLS                                                                                                  \
    "q.id, q.team_id, q.kind, q.channel, q.name, q.contact, q.body, COALESCE(q.household_id, 0), h.name, q.status,"   \
    " q.outcome, q.received_at, COALESCE(q.created_by, 0), u.display_name"
#define QUESTION_FROM                                                                                                  \
    " FROM question q LEFT JOIN household h ON h.id = q.household_id LEFT JOIN app_user u ON u.id = q.created_by"

static void fill_question(const db_result *r, int i, question *q)
{
    q->id = db_get_int(r, i, 0);
    q->team_id = db_get_int(r, i, 1);
    q->kind = db_get(r, i, 2);
    q->channel = db_get(r, i, 3);
    q->name = db_get(r, i, 4);
    q->contact = db_get(r, i, 5);
    q->body = db_get(r, i, 6);
    q->household_id = db_get_int(r, i, 7);
    q->household_name = db_get(r, i, 8);
    q->status = db_get(r, i, 9);
    q->outcome = db_get(r, i, 10);
    q->received_at = db_get(r, i, 11);
    q->created_by = db_get_int(r, i, 12);
    q->created_by_name = db_get(r, i, 13);
}

static wt_status fill_list(const db_result *r, arena *a, question **out, int *n)
{
    *out = arena_alloc(a, sizeof(question) * (size_t)(r->nrows ? r->nrows : 1));
    for (int i = 0; i < r->nrows; i++)
        fill_question(r, i, &(*out)[i]);
    *n = r->nrows;
    return WT_OK;
}

wt_status question_db_insert(db *c, int64_t team_id, const question_input *in, const char *now, int64_t created_by,
                             int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO question (team_id, kind, channel, name, contact, body, household_id, status,"
                     " received_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
                     DB_ARGS(DB_I(team_id), DB_T(in->kind), DB_T(in->channel), DB_T(in->name), DB_T(in->contact),
                             DB_T(in->body), DB_ID_OR_NULL(in->household_id), DB_T(now), DB_ID_OR_NULL(created_by)));
}

wt_status question_db_get(db *c, arena *a, int64_t id, question *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " QUESTION_COLS QUESTION_FROM " WHERE q.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    memset(out, 0, sizeof(*out));
    fill_question(&r, 0, out);
    return WT_OK;
}

wt_status question_db_list(db *c, arena *a, int64_t team_id, const char *status, int limit, int offset, question **out,
                           int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    /* index question_team_received (team_id, status, received_at) */
    wt_status st = db_query(c, a, &r,
                            "SELECT " QUESTION_COLS QUESTION_FROM " WHERE q.team_id = ? AND q.status = ?"
                            " ORDER BY q.received_at DESC, q.id DESC LIMIT ? OFFSET ?",
                            DB_ARGS(DB_I(team_id), DB_T(status), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    return fill_list(&r, a, out, n);
}

wt_status question_db_set_status(db *c, int64_t id, const char *status, const char *outcome)
{
    return db_exec(c, "UPDATE question SET status = ?, outcome = ? WHERE id = ?",
                   DB_ARGS(DB_T(status), DB_T(outcome), DB_I(id)));
}

wt_status question_db_set_household(db *c, int64_t id, int64_t household_id)
{
    return db_exec(c, "UPDATE question SET household_id = ? WHERE id = ?",
                   DB_ARGS(DB_ID_OR_NULL(household_id), DB_I(id)));
}

wt_status question_db_for_household(db *c, arena *a, int64_t household_id, int limit, question **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT " QUESTION_COLS QUESTION_FROM " WHERE q.household_id = ?"
                            " ORDER BY q.received_at DESC, q.id DESC LIMIT ?",
                            DB_ARGS(DB_I(household_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    return fill_list(&r, a, out, n);
}
