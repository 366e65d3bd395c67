/* signal_db.c - SQL of signals and their follow-ups (see signal_db.h). */
#include "signal_db.h"

wt_status signal_db_insert(db *c, const signal_row *r, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO signal (team_id, address_id, person_id, anonymous, place, kind, noticed_by, urgency,"
                     " description, noticed_on, follow_up_days, status, next_due_on, round_stop_id, created_by, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(r->team_id), DB_ID_OR_NULL(r->address_id), DB_ID_OR_NULL(r->person_id),
                             DB_I(r->anonymous ? 1 : 0), DB_T(r->place), DB_T(r->kind), DB_T(r->noticed_by),
                             DB_T(r->urgency), DB_T(r->description), DB_T(r->noticed_on), DB_I(r->follow_up_days),
                             DB_T(r->next_due_on), DB_ID_OR_NULL(r->round_stop_id), DB_ID_OR_NULL(r->created_by),
                             DB_T(r->created_at)));
}

/* Columns of a signal with its address, person, subject household and the names of who recorded and closed it. */
#define SIGNAL_COLS                                                                                                    \
    "s.id, s.team_id, COALESCE(s.address_id, 0), COALESCE(s.person_id, 0), s.anonymous, s.place, s.kind,"           \
    " s.noticed_by, s.urgency, s.description, s.noticed_on, s.follow_up_days, s.status, s.next_due_on,"             \
    " COALESCE(s.round_stop_id, 0), s.outcome, s.outcome_note, s.partner_name, s.partner_service_key,"              \
    " s.shared_what, s.legal_ground, COALESCE(s.case_id, 0), cu.display_name, s.created_at, s.closed_on,"          \
    " xu.display_name, a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.town,"                   \
    " p.given_name, p.family_name,"                                                                                  \
    " COALESCE(p.household_id, (SELECT MIN(h.id) FROM household h WHERE h.address_id = s.address_id"               \
    " AND h.team_id = s.team_id), 0),"                                                                               \
    " (SELECT COUNT(*) FROM signal_followup f WHERE f.signal_id = s.id)"
#define SIGNAL_FROM                                                                                                    \
    " FROM signal s LEFT JOIN address a ON a.id = s.address_id LEFT JOIN person p ON p.id = s.person_id"            \
    " LEFT JOIN app_user cu ON cu.id = s.created_by LEFT JOIN app_user xu ON xu.id = s.closed_by"

static void fill_signal(arena *a, const db_result *r, int i, wt_signal *s)
{
    s->id = db_get_int(r, i, 0);
    s->team_id = db_get_int(r, i, 1);
    s->address_id = db_get_int(r, i, 2);
    s->person_id = db_get_int(r, i, 3);
    s->anonymous = db_get_int(r, i, 4) != 0;
    s->place = db_get(r, i, 5);
    s->kind = db_get(r, i, 6);
    s->noticed_by = db_get(r, i, 7);
    s->urgency = db_get(r, i, 8);
    s->description = db_get(r, i, 9);
    s->noticed_on = db_get(r, i, 10);
    s->follow_up_days = (int)db_get_int(r, i, 11);
    s->status = db_get(r, i, 12);
    s->next_due_on = db_get(r, i, 13);
    s->round_stop_id = db_get_int(r, i, 14);
    s->outcome = db_get(r, i, 15);
    s->outcome_note = db_get(r, i, 16);
    s->partner_name = db_get(r, i, 17);
    s->partner_service_key = db_get(r, i, 18);
    s->shared_what = db_get(r, i, 19);
    s->legal_ground = db_get(r, i, 20);
    s->case_id = db_get_int(r, i, 21);
    s->created_by_name = db_get(r, i, 22);
    s->created_at = db_get(r, i, 23);
    s->closed_on = db_get(r, i, 24);
    s->closed_by_name = db_get(r, i, 25);
    s->addr = (presence_address){0};
    if (s->address_id) {
        s->addr.id = s->address_id;
        s->addr.postcode = db_get(r, i, 26);
        s->addr.house_number = (int)db_get_int(r, i, 27);
        s->addr.house_letter = db_get(r, i, 28);
        s->addr.addition = db_get(r, i, 29);
        s->addr.street = db_get(r, i, 30);
        s->addr.town = db_get(r, i, 31);
    }
    s->person_name = s->person_id ? arena_printf(a, "%s %s", db_get(r, i, 32), db_get(r, i, 33)) : NULL;
    s->household_id = db_get_int(r, i, 34);
    s->addr.household_id = s->household_id;
    s->followups = (int)db_get_int(r, i, 35);
    s->due = false;
}

static wt_status fill_list(arena *a, const db_result *r, wt_signal **out, int *n)
{
    *n = r->nrows;
    *out = arena_alloc(a, sizeof(wt_signal) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        fill_signal(a, r, i, &(*out)[i]);
    return WT_OK;
}

wt_status signal_db_get(db *c, arena *a, int64_t id, wt_signal *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE s.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_signal(a, &r, 0, out);
    return WT_OK;
}

wt_status signal_db_stop_address(db *c, arena *a, int64_t team_id, int64_t stop_id, int64_t *address_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT s.address_id FROM round_stop s JOIN round r ON r.id = s.round_id"
                            " WHERE s.id = ? AND r.team_id = ?",
                            DB_ARGS(DB_I(stop_id), DB_I(team_id)));
    *address_id = st == WT_OK && r.nrows > 0 ? db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status signal_db_followups(db *c, arena *a, int64_t signal_id, signal_followup **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT f.id, f.at, u.display_name, f.kind, f.contact_made, f.note FROM signal_followup f"
                            " LEFT JOIN app_user u ON u.id = f.by_user_id WHERE f.signal_id = ? ORDER BY f.at DESC, f.id DESC"
                            " LIMIT 100",
                            DB_ARGS(DB_I(signal_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(signal_followup) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (signal_followup){db_get_int(&r, i, 0), db_get(&r, i, 1), db_get(&r, i, 2), db_get(&r, i, 3),
                                      db_get_int(&r, i, 4) != 0, db_get(&r, i, 5)};
    return WT_OK;
}

wt_status signal_db_add_followup(db *c, int64_t signal_id, const char *at, int64_t by, const char *kind,
                                 bool contact_made, const char *note, const char *now)
{
    return db_exec(c,
                   "INSERT INTO signal_followup (signal_id, at, by_user_id, kind, contact_made, note, created_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                   DB_ARGS(DB_I(signal_id), DB_T(at), DB_I(by), DB_T(kind), DB_I(contact_made ? 1 : 0), DB_T(note),
                           DB_T(now)));
}

wt_status signal_db_last_followup(db *c, arena *a, int64_t signal_id, const char **at)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT MAX(at) FROM signal_followup WHERE signal_id = ?",
                            DB_ARGS(DB_I(signal_id)));
    if (st == WT_OK && r.nrows > 0 && db_get(&r, 0, 0))
        *at = db_get(&r, 0, 0);
    return st;
}

wt_status signal_db_set_followed(db *c, int64_t id, const char *status, const char *next_due_on)
{
    return db_exec(c, "UPDATE signal SET status = ?, next_due_on = ? WHERE id = ?",
                   DB_ARGS(DB_T(status), DB_T(next_due_on), DB_I(id)));
}

wt_status signal_db_close(db *c, int64_t id, const signal_close_row *r)
{
    return db_exec(c,
                   "UPDATE signal SET status = 'closed', next_due_on = NULL, outcome = ?, outcome_note = ?,"
                   " partner_name = ?, partner_service_key = ?, shared_what = ?, legal_ground = ?, case_id = ?,"
                   " closed_on = ?, closed_by = ? WHERE id = ?",
                   DB_ARGS(DB_T(r->outcome), DB_T(r->note), DB_T(r->partner_name), DB_T(r->partner_service_key),
                           DB_T(r->shared_what), DB_T(r->legal_ground), DB_ID_OR_NULL(r->case_id), DB_T(r->closed_on),
                           DB_ID_OR_NULL(r->closed_by), DB_I(id)));
}

wt_status signal_db_list(db *c, arena *a, int64_t team_id, signal_filter f, const char *today, int limit, int offset,
                         wt_signal **out, int *n)
{
    db_result r;
    wt_status st;
    switch (f) {
    case SIGNAL_FILTER_DUE:
        st = db_query(c, a, &r,
                      "SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE s.team_id = ? AND s.status IN ('open', 'following')"
                      " AND s.next_due_on <= ? ORDER BY s.next_due_on, s.id LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_T(today), DB_I(limit), DB_I(offset)));
        break;
    case SIGNAL_FILTER_CLOSED:
        st = db_query(c, a, &r,
                      "SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE s.team_id = ? AND s.status = 'closed'"
                       " ORDER BY s.closed_on DESC, s.id DESC LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_I(limit), DB_I(offset)));
        break;
    default:
        st = db_query(c, a, &r,
                      "SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE s.team_id = ? AND s.status IN ('open', 'following')"
                      " ORDER BY s.next_due_on, s.id LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_I(limit), DB_I(offset)));
        break;
    }
    if (st != WT_OK)
        return st;
    return fill_list(a, &r, out, n);
}

wt_status signal_db_list_for_case(db *c, arena *a, int64_t team_id, int64_t case_id, wt_signal **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE s.case_id = ? AND s.team_id = ?"
                            " ORDER BY s.noticed_on DESC LIMIT 50",
                            DB_ARGS(DB_I(case_id), DB_I(team_id)));
    if (st != WT_OK)
        return st;
    return fill_list(a, &r, out, n);
}

wt_status signal_db_households(db *c, arena *a, int64_t team_id, int64_t address_id, int64_t **ids,
                               const char ***names, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT id, name FROM household WHERE address_id = ? AND team_id = ? ORDER BY id LIMIT 20",
                            DB_ARGS(DB_I(address_id), DB_I(team_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *ids = arena_alloc(a, sizeof(int64_t) * (size_t)(r.nrows + 1));
    *names = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        (*ids)[i] = db_get_int(&r, i, 0);
        (*names)[i] = db_get(&r, i, 1);
    }
    return WT_OK;
}
