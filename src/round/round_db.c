/* round_db.c - SQL of outreach rounds and their stops (see round_db.h). */
#include "round_db.h"

wt_status round_db_worker_ok(db *c, arena *a, int64_t team_id, int64_t user_id, bool *ok)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT 1 FROM app_user WHERE id = ? AND team_id = ? AND disabled = 0"
                            " AND role IN ('worker', 'teamleader')",
                            DB_ARGS(DB_I(user_id), DB_I(team_id)));
    *ok = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status round_db_insert(db *c, int64_t team_id, const round_input *in, const char *note, int64_t by,
                          const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO round (team_id, planned_on, purpose, note, status, created_by, created_at)"
                     " VALUES (?, ?, ?, ?, 'planned', ?, ?) RETURNING id",
                     DB_ARGS(DB_I(team_id), DB_T(in->planned_on), DB_T(in->purpose), DB_T(note), DB_ID_OR_NULL(by),
                             DB_T(now)));
}

wt_status round_db_add_worker(db *c, int64_t round_id, int64_t user_id)
{
    return db_exec(c, "INSERT INTO round_worker (round_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   DB_ARGS(DB_I(round_id), DB_I(user_id)));
}

wt_status round_db_add_stop(db *c, int64_t round_id, int64_t address_id, int position, int64_t *id)
{
    return db_insert(c, id, "INSERT INTO round_stop (round_id, address_id, position) VALUES (?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(round_id), DB_I(address_id), DB_I(position)));
}

#define ROUND_COLS                                                                                                     \
    "r.id, r.team_id, r.planned_on, r.purpose, r.note, r.status, COALESCE(r.created_by, 0),"                          \
    " (SELECT COUNT(*) FROM round_stop s WHERE s.round_id = r.id),"                                                   \
    " (SELECT COUNT(*) FROM round_stop s WHERE s.round_id = r.id AND s.outcome IS NOT NULL)"

static void fill_round(const db_result *r, int i, wt_round *o)
{
    o->id = db_get_int(r, i, 0);
    o->team_id = db_get_int(r, i, 1);
    o->planned_on = db_get(r, i, 2);
    o->purpose = db_get(r, i, 3);
    o->note = db_get(r, i, 4);
    o->status = db_get(r, i, 5);
    o->created_by = db_get_int(r, i, 6);
    o->n_stops = (int)db_get_int(r, i, 7);
    o->n_recorded = (int)db_get_int(r, i, 8);
    o->workers = NULL;
    o->n_workers = 0;
}

wt_status round_db_get(db *c, arena *a, int64_t id, wt_round *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " ROUND_COLS " FROM round r WHERE r.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_round(&r, 0, out);
    return WT_OK;
}

wt_status round_db_workers(db *c, arena *a, wt_round *o)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT u.id, u.display_name FROM round_worker w JOIN app_user u ON u.id = w.user_id"
                            " WHERE w.round_id = ? ORDER BY u.display_name",
                            DB_ARGS(DB_I(o->id)));
    if (st != WT_OK)
        return st;
    o->n_workers = r.nrows;
    o->workers = arena_alloc(a, sizeof(round_worker_ref) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        o->workers[i] = (round_worker_ref){db_get_int(&r, i, 0), db_get(&r, i, 1)};
    return WT_OK;
}

wt_status round_db_list(db *c, arena *a, int64_t team_id, bool upcoming, const char *today, int limit, int offset,
                        wt_round **out, int *n)
{
    db_result r;
    wt_status st;
    if (upcoming)
        st = db_query(c, a, &r,
                      "SELECT " ROUND_COLS " FROM round r WHERE r.team_id = ? AND r.status <> 'done'"
                      " AND (r.planned_on >= ? OR r.status = 'walking') ORDER BY r.planned_on, r.id LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_T(today), DB_I(limit), DB_I(offset)));
    else
        st = db_query(c, a, &r,
                      "SELECT " ROUND_COLS " FROM round r WHERE r.team_id = ?"
                      " AND (r.status = 'done' OR (r.planned_on < ? AND r.status = 'planned'))"
                      " ORDER BY r.planned_on DESC, r.id DESC LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_T(today), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(wt_round) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        fill_round(&r, i, &(*out)[i]);
    return WT_OK;
}

#define STOP_COLS                                                                                                      \
    "s.id, s.round_id, s.position, s.outcome, s.note, s.recorded_at, u.display_name,"                                \
    " a.id, a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.town, a.lat, a.lon,"                  \
    " (SELECT MIN(h.id) FROM household h WHERE h.address_id = a.id AND h.team_id = ?)"
#define STOP_FROM                                                                                                      \
    " FROM round_stop s JOIN address a ON a.id = s.address_id LEFT JOIN app_user u ON u.id = s.recorded_by"

static void fill_stop(const db_result *r, int i, round_stop *s)
{
    s->id = db_get_int(r, i, 0);
    s->round_id = db_get_int(r, i, 1);
    s->position = (int)db_get_int(r, i, 2);
    s->outcome = db_get(r, i, 3);
    s->note = db_get(r, i, 4);
    s->recorded_at = db_get(r, i, 5);
    s->recorded_by_name = db_get(r, i, 6);
    presence_address *ad = &s->addr;
    ad->id = db_get_int(r, i, 7);
    ad->postcode = db_get(r, i, 8);
    ad->house_number = (int)db_get_int(r, i, 9);
    ad->house_letter = db_get(r, i, 10);
    ad->addition = db_get(r, i, 11);
    ad->street = db_get(r, i, 12);
    ad->town = db_get(r, i, 13);
    ad->has_coords = !db_is_null(r, i, 14) && !db_is_null(r, i, 15);
    ad->lat = db_get_real(r, i, 14);
    ad->lon = db_get_real(r, i, 15);
    ad->household_id = db_get_int(r, i, 16);
    s->prev_outcome = s->prev_on = s->prev_note = NULL;
    s->open_signals = NULL;
    s->n_open_signals = 0;
}

wt_status round_db_stops(db *c, arena *a, const wt_round *rd, round_stop **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " STOP_COLS STOP_FROM " WHERE s.round_id = ? ORDER BY s.position",
                            DB_ARGS(DB_I(rd->team_id), DB_I(rd->id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(round_stop) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        fill_stop(&r, i, &(*out)[i]);
    return WT_OK;
}

wt_status round_db_stop(db *c, arena *a, const wt_round *rd, int64_t stop_id, round_stop *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " STOP_COLS STOP_FROM " WHERE s.id = ? AND s.round_id = ?",
                            DB_ARGS(DB_I(rd->team_id), DB_I(stop_id), DB_I(rd->id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_stop(&r, 0, out);
    return WT_OK;
}

wt_status round_db_stop_history(db *c, arena *a, const wt_round *rd, round_stop *s)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT s.outcome, r.planned_on, s.note FROM round_stop s JOIN round r ON r.id = s.round_id"
                            " WHERE s.address_id = ? AND s.outcome IS NOT NULL AND s.round_id <> ? AND r.team_id = ?"
                            " AND r.planned_on <= ? ORDER BY r.planned_on DESC, s.recorded_at DESC LIMIT 1",
                            DB_ARGS(DB_I(s->addr.id), DB_I(rd->id), DB_I(rd->team_id), DB_T(rd->planned_on)));
    if (st != WT_OK)
        return st;
    if (r.nrows > 0) {
        s->prev_outcome = db_get(&r, 0, 0);
        s->prev_on = db_get(&r, 0, 1);
        s->prev_note = db_get(&r, 0, 2);
    }
    st = db_query(c, a, &r,
                  "SELECT id, kind, urgency FROM signal WHERE address_id = ? AND status <> 'closed' AND team_id = ?"
                  " ORDER BY id LIMIT 5",
                  DB_ARGS(DB_I(s->addr.id), DB_I(rd->team_id)));
    if (st != WT_OK)
        return st;
    s->n_open_signals = r.nrows;
    s->open_signals = arena_alloc(a, sizeof(round_signal_ref) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        s->open_signals[i] = (round_signal_ref){db_get_int(&r, i, 0), db_get(&r, i, 1), db_get(&r, i, 2)};
    return WT_OK;
}

wt_status round_db_record(db *c, int64_t stop_id, const char *outcome, const char *note, int64_t by,
                          const char *now)
{
    return db_exec(c, "UPDATE round_stop SET outcome = ?, note = ?, recorded_at = ?, recorded_by = ? WHERE id = ?",
                   DB_ARGS(DB_T(outcome), DB_T(note), DB_T(now), DB_ID_OR_NULL(by), DB_I(stop_id)));
}

wt_status round_db_set_status(db *c, int64_t round_id, const char *status)
{
    return db_exec(c, "UPDATE round SET status = ? WHERE id = ?", DB_ARGS(DB_T(status), DB_I(round_id)));
}

wt_status round_db_next_open(db *c, arena *a, int64_t round_id, int64_t stop_id, int64_t *next)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT id FROM round_stop WHERE round_id = ? AND outcome IS NULL"
                            " AND position > (SELECT position FROM round_stop WHERE id = ?) ORDER BY position LIMIT 1",
                            DB_ARGS(DB_I(round_id), DB_I(stop_id)));
    if (st == WT_OK && r.nrows > 0)
        *next = db_get_int(&r, 0, 0);
    return st;
}
