/* activity_db.c - SQL of collective activities and the people in them (see activity_db.h). */
#include "activity_db.h"

wt_status activity_db_worker_ok(db *c, arena *a, int64_t team_id, int64_t user_id, bool *ok)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT 1 FROM app_user WHERE id = ? AND team_id = ? AND disabled = 0"
                            " AND role IN ('worker', 'teamleader')",
                            DB_ARGS(DB_I(user_id), DB_I(team_id)));
    *ok = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status activity_db_insert(db *c, const activity_row *r, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO activity (team_id, title, kind, description, starts_on, ends_on, schedule, place,"
                     " costs_cents, supported_by, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     " RETURNING id",
                     DB_ARGS(DB_I(r->team_id), DB_T(r->title), DB_T(r->kind), DB_T(r->description),
                             DB_T(r->starts_on), DB_T(r->ends_on), DB_T(r->schedule), DB_T(r->place),
                             DB_I(r->costs_cents), DB_ID_OR_NULL(r->supported_by), DB_ID_OR_NULL(r->created_by),
                             DB_T(r->created_at)));
}

wt_status activity_db_add_role(db *c, int64_t activity_id, const activity_role_input *r, int64_t by, const char *now,
                               int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO activity_role (activity_id, person_id, name, role, anonymous_count, note, created_by,"
                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(activity_id), DB_ID_OR_NULL(r->person_id), DB_T(r->person_id ? NULL : r->name),
                             DB_T(r->role), DB_I(r->anonymous_count), DB_T(r->note), DB_ID_OR_NULL(by), DB_T(now)));
}

wt_status activity_db_has_person(db *c, arena *a, int64_t activity_id, int64_t person_id, const char *role,
                                 bool *exists)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT 1 FROM activity_role WHERE activity_id = ? AND role = ? AND person_id = ?",
                            DB_ARGS(DB_I(activity_id), DB_T(role), DB_I(person_id)));
    *exists = st == WT_OK && r.nrows > 0;
    return st;
}

#define ACTIVITY_COLS                                                                                                  \
    "a.id, a.team_id, a.title, a.kind, a.description, a.starts_on, a.ends_on, a.schedule, a.place, a.costs_cents,"   \
    " COALESCE(a.supported_by, 0), u.display_name, a.outcome, a.created_at,"                                         \
    " (SELECT COUNT(*) FROM activity_role r WHERE r.activity_id = a.id AND r.role = 'organiser'),"                   \
    " (SELECT COUNT(*) FROM activity_role r WHERE r.activity_id = a.id AND r.role = 'volunteer'),"                   \
    " (SELECT COALESCE(SUM(CASE WHEN r.anonymous_count > 0 THEN r.anonymous_count ELSE 1 END), 0)"                   \
    " FROM activity_role r WHERE r.activity_id = a.id AND r.role = 'participant')"
#define ACTIVITY_FROM " FROM activity a LEFT JOIN app_user u ON u.id = a.supported_by"

static void fill_activity(const db_result *r, int i, wt_activity *o)
{
    o->id = db_get_int(r, i, 0);
    o->team_id = db_get_int(r, i, 1);
    o->title = db_get(r, i, 2);
    o->kind = db_get(r, i, 3);
    o->description = db_get(r, i, 4);
    o->starts_on = db_get(r, i, 5);
    o->ends_on = db_get(r, i, 6);
    o->schedule = db_get(r, i, 7);
    o->place = db_get(r, i, 8);
    o->costs_cents = db_get_int(r, i, 9);
    o->supported_by = db_get_int(r, i, 10);
    o->supported_by_name = db_get(r, i, 11);
    o->outcome = db_get(r, i, 12);
    o->created_at = db_get(r, i, 13);
    o->organisers = (int)db_get_int(r, i, 14);
    o->volunteers = (int)db_get_int(r, i, 15);
    o->participants = (int)db_get_int(r, i, 16);
}

wt_status activity_db_get(db *c, arena *a, int64_t id, wt_activity *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " ACTIVITY_COLS ACTIVITY_FROM " WHERE a.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_activity(&r, 0, out);
    return WT_OK;
}

wt_status activity_db_people(db *c, arena *a, int64_t activity_id, activity_person **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT r.id, COALESCE(r.person_id, 0), COALESCE(p.household_id, 0),"
                            " COALESCE(p.given_name || ' ' || p.family_name, r.name), r.role, r.anonymous_count, r.note"
                            " FROM activity_role r LEFT JOIN person p ON p.id = r.person_id WHERE r.activity_id = ?"
                            " ORDER BY CASE r.role WHEN 'organiser' THEN 0 WHEN 'volunteer' THEN 1 ELSE 2 END, r.id"
                            " LIMIT 500",
                            DB_ARGS(DB_I(activity_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(activity_person) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (activity_person){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get_int(&r, i, 2),
                                      db_get(&r, i, 3), db_get(&r, i, 4), (int)db_get_int(&r, i, 5), db_get(&r, i, 6)};
    return WT_OK;
}

wt_status activity_db_set_outcome(db *c, int64_t id, const char *outcome, int64_t costs_cents)
{
    return db_exec(c, "UPDATE activity SET outcome = ?, costs_cents = ? WHERE id = ?",
                   DB_ARGS(DB_T(outcome), DB_I(costs_cents), DB_I(id)));
}

wt_status activity_db_list(db *c, arena *a, int64_t team_id, bool upcoming, const char *today, int limit, int offset,
                           wt_activity **out, int *n)
{
    db_result r;
    wt_status st;
    if (upcoming)
        st = db_query(c, a, &r,
                      "SELECT " ACTIVITY_COLS ACTIVITY_FROM " WHERE a.team_id = ? AND (a.starts_on >= ?"
                      " OR (a.ends_on IS NOT NULL AND a.ends_on >= ?)) ORDER BY a.starts_on, a.id LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_T(today), DB_T(today), DB_I(limit), DB_I(offset)));
    else
        st = db_query(c, a, &r,
                      "SELECT " ACTIVITY_COLS ACTIVITY_FROM " WHERE a.team_id = ? AND a.starts_on < ?"
                      " AND (a.ends_on IS NULL OR a.ends_on < ?) ORDER BY a.starts_on DESC, a.id DESC LIMIT ? OFFSET ?",
                      DB_ARGS(DB_I(team_id), DB_T(today), DB_T(today), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(wt_activity) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        fill_activity(&r, i, &(*out)[i]);
    return WT_OK;
}
