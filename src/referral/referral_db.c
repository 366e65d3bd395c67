/* referral_db.c - SQL of referrals and their history (see referral_db.h). */
#include "referral_db.h"

#include <string.h>

static const char *text_or_empty(const db_result *r, int row, int col)
{
    const char *s = db_get(r, row, col);
    return s ? s : "";
}

#define REFERRAL_COLS                                                                                                   \
    "r.id, r.action_id, r.case_id, c.household_id, x.body, x.layer, r.kind, r.organisation, r.organization_id,"       \
    " r.service_id, s.\"name\", r.reason, r.urgency, r.shared, r.consent_id, k.given_on, k.withdrawn_on,"             \
    " r.legal_ground, r.legal_note, r.anonymous, r.status, r.sent_on, r.accepted_on, r.started_on, r.ended_on,"       \
    " r.declined_on, r.outcome, u.display_name"
#define REFERRAL_FROM                                                                                                   \
    " FROM referral r JOIN cases c ON c.id = r.case_id JOIN action x ON x.id = r.action_id"                          \
    " LEFT JOIN sm_service s ON s.id = r.service_id LEFT JOIN consent k ON k.id = r.consent_id"                      \
    " LEFT JOIN app_user u ON u.id = r.created_by"

static void fill(const db_result *r, int i, referral *x)
{
    memset(x, 0, sizeof(*x));
    x->id = db_get_int(r, i, 0);
    x->action_id = db_get_int(r, i, 1);
    x->case_id = db_get_int(r, i, 2);
    x->household_id = db_get_int(r, i, 3);
    x->action_body = text_or_empty(r, i, 4);
    x->action_layer = text_or_empty(r, i, 5);
    x->kind = text_or_empty(r, i, 6);
    x->organisation = text_or_empty(r, i, 7);
    x->organization_id = db_get(r, i, 8);
    x->service_id = db_get(r, i, 9);
    x->service_name = db_get(r, i, 10);
    x->reason = text_or_empty(r, i, 11);
    x->urgency = text_or_empty(r, i, 12);
    x->shared = text_or_empty(r, i, 13);
    x->consent_id = db_get_int(r, i, 14);
    x->consent_given_on = db_get(r, i, 15);
    x->consent_withdrawn_on = db_get(r, i, 16);
    x->legal_ground = db_get(r, i, 17);
    x->legal_note = db_get(r, i, 18);
    x->anonymous = db_get_int(r, i, 19) != 0;
    x->status = text_or_empty(r, i, 20);
    x->sent_on = db_get(r, i, 21);
    x->accepted_on = db_get(r, i, 22);
    x->started_on = db_get(r, i, 23);
    x->ended_on = db_get(r, i, 24);
    x->declined_on = db_get(r, i, 25);
    x->outcome = text_or_empty(r, i, 26);
    x->created_by_name = text_or_empty(r, i, 27);
}

wt_status referral_db_insert(db *c, const referral *in, int64_t user_id, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO referral (action_id, case_id, kind, organisation, organization_id, service_id, reason,"
                     " urgency, shared, consent_id, legal_ground, legal_note, anonymous, status, sent_on, created_by,"
                     " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?)"
                     " RETURNING id",
                     DB_ARGS(DB_I(in->action_id), DB_I(in->case_id), DB_T(in->kind), DB_T(in->organisation),
                             DB_T(in->organization_id), DB_T(in->service_id), DB_T(in->reason), DB_T(in->urgency),
                             DB_T(in->shared), DB_ID_OR_NULL(in->consent_id), DB_T(in->legal_ground),
                             DB_T(in->legal_ground ? in->legal_note : NULL), DB_I(in->anonymous ? 1 : 0),
                             DB_T(in->sent_on), DB_ID_OR_NULL(user_id), DB_T(now), DB_T(now)));
}

wt_status referral_db_add_event(db *c, int64_t referral_id, const char *status, const char *on, const char *note,
                                int64_t user_id, const char *now)
{
    int64_t id;
    return db_insert(c, &id,
                     "INSERT INTO referral_event (referral_id, status, happened_on, note, user_id, at)"
                     " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(referral_id), DB_T(status), DB_T(on), DB_T(note ? note : ""), DB_ID_OR_NULL(user_id),
                             DB_T(now)));
}

wt_status referral_db_set_status(db *c, int64_t id, const char *status, const char *on, const char *note,
                                 const char *now)
{
    /* The column of the step's day: from a fixed list, never from the input. */
    static const char *const sql[][2] = {
        {"accepted", "UPDATE referral SET status = ?, accepted_on = ?, updated_at = ? WHERE id = ?"},
        {"started", "UPDATE referral SET status = ?, started_on = ?, updated_at = ? WHERE id = ?"},
        {"ended", "UPDATE referral SET status = ?, ended_on = ?, updated_at = ? WHERE id = ?"},
        {"declined", "UPDATE referral SET status = ?, declined_on = ?, updated_at = ? WHERE id = ?"},
    };
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        if (strcmp(sql[i][0], status) != 0)
            continue;
        wt_status st = db_exec(c, sql[i][1], DB_ARGS(DB_T(status), DB_T(on), DB_T(now), DB_I(id)));
        if (st == WT_OK && note && *note)
            st = db_exec(c, "UPDATE referral SET outcome = ? WHERE id = ?", DB_ARGS(DB_T(note), DB_I(id)));
        return st;
    }
    return WT_INVALID;
}

wt_status referral_db_get(db *c, arena *a, int64_t id, referral *out)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    wt_status st = db_query(c, a, &r, "SELECT " REFERRAL_COLS REFERRAL_FROM " WHERE r.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill(&r, 0, out);
    return WT_OK;
}

wt_status referral_db_list(db *c, arena *a, int64_t case_id, int limit, referral **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT " REFERRAL_COLS REFERRAL_FROM " WHERE r.case_id = ? ORDER BY r.sent_on DESC, r.id DESC"
                            " LIMIT ?",
                            DB_ARGS(DB_I(case_id), DB_I(limit)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    *out = arena_alloc(a, sizeof(referral) * (size_t)r.nrows);
    for (int i = 0; i < r.nrows; i++)
        fill(&r, i, &(*out)[i]);
    *n = r.nrows;
    return WT_OK;
}

wt_status referral_db_events(db *c, arena *a, int64_t id, int limit, referral_event **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT e.status, e.happened_on, e.note, u.display_name FROM referral_event e"
                            " LEFT JOIN app_user u ON u.id = e.user_id WHERE e.referral_id = ? ORDER BY e.id LIMIT ?",
                            DB_ARGS(DB_I(id), DB_I(limit)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    *out = arena_alloc(a, sizeof(referral_event) * (size_t)r.nrows);
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (referral_event){text_or_empty(&r, i, 0), text_or_empty(&r, i, 1), text_or_empty(&r, i, 2),
                                     text_or_empty(&r, i, 3)};
    *n = r.nrows;
    return WT_OK;
}

wt_status referral_db_waiting(db *c, arena *a, int64_t user_id, int64_t team_id, int limit, referral_waiting **out,
                              int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    /* The worker's open cases first, then the waiting referrals of each (referral_status: status, case_id).
       CROSS JOIN keeps that order in SQLite, whose planner, without fresh statistics, would otherwise read the
       waiting referrals of the whole city and keep the worker's; PostgreSQL plans it as an inner join. */
    wt_status st = db_query(c, a, &r,
                            "SELECT r.id, r.case_id, c.household_id, h.name, r.kind, r.organisation, s.\"name\","
                            " r.urgency, r.sent_on FROM cases c CROSS JOIN referral r"
                            " JOIN household h ON h.id = c.household_id LEFT JOIN sm_service s ON s.id = r.service_id"
                            " WHERE r.case_id = c.id AND c.coordinator_id = ? AND c.team_id = ? AND c.status = 'open'"
                            " AND r.status = 'sent'"
                            " ORDER BY r.sent_on, r.id LIMIT ?",
                            DB_ARGS(DB_I(user_id), DB_I(team_id), DB_I(limit)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    *out = arena_alloc(a, sizeof(referral_waiting) * (size_t)r.nrows);
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (referral_waiting){.id = db_get_int(&r, i, 0), .case_id = db_get_int(&r, i, 1),
                                       .household_id = db_get_int(&r, i, 2), .household_name = text_or_empty(&r, i, 3),
                                       .kind = text_or_empty(&r, i, 4), .organisation = text_or_empty(&r, i, 5),
                                       .service_name = db_get(&r, i, 6), .urgency = text_or_empty(&r, i, 7),
                                       .sent_on = text_or_empty(&r, i, 8)};
    *n = r.nrows;
    return WT_OK;
}
