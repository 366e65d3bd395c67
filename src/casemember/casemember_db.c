/* casemember_db.c - SQL of case membership and emergency access (see casemember_db.h). */
#include "casemember_db.h"
#include "../core/buf.h"

#include <string.h>

wt_status casemember_db_tie(db *c, arena *a, int64_t case_id, int64_t user_id, const char *now, bool *member,
                            const char **emergency_reason, const char **emergency_until)
{
    db_result r;
    *member = false;
    *emergency_reason = *emergency_until = NULL;
    wt_status st = db_query(c, a, &r,
                            "SELECT COUNT(*) FROM case_member WHERE case_id = ? AND user_id = ? AND ended_at IS NULL",
                            DB_ARGS(DB_I(case_id), DB_I(user_id)));
    if (st != WT_OK)
        return st;
    *member = db_get_int(&r, 0, 0) > 0;
    st = db_query(c, a, &r,
                  "SELECT reason, expires_at FROM case_emergency WHERE case_id = ? AND user_id = ? AND expires_at > ?"
                  " ORDER BY expires_at DESC LIMIT 1",
                  DB_ARGS(DB_I(case_id), DB_I(user_id), DB_T(now)));
    if (st == WT_OK && r.nrows) {
        *emergency_reason = db_get(&r, 0, 0);
        *emergency_until = db_get(&r, 0, 1);
    }
    return st;
}

wt_status casemember_db_ties(db *c, arena *a, const int64_t *case_ids, int n, int64_t user_id, const char *now,
                             case_tie *ties)
{
    for (int i = 0; i < n; i++)
        ties[i] = TIE_NONE;
    if (n <= 0)
        return WT_OK;
    buf in = BUF_INIT;
    for (int i = 0; i < n; i++)
        buf_printf(&in, "%s?", i ? ", " : "");
    const char *sql = arena_printf(a,
                                   "SELECT case_id, 1 FROM case_member WHERE user_id = ? AND ended_at IS NULL"
                                   " AND case_id IN (%s) UNION ALL SELECT case_id, 2 FROM case_emergency"
                                   " WHERE user_id = ? AND expires_at > ? AND case_id IN (%s)",
                                   buf_str(&in), buf_str(&in));
    buf_free(&in);
    db_param *p = arena_alloc(a, sizeof(db_param) * (size_t)(2 * n + 3));
    size_t k = 0;
    p[k++] = DB_I(user_id);
    for (int i = 0; i < n; i++)
        p[k++] = DB_I(case_ids[i]);
    p[k++] = DB_I(user_id);
    p[k++] = DB_T(now);
    for (int i = 0; i < n; i++)
        p[k++] = DB_I(case_ids[i]);
    db_result r;
    wt_status st = db_query(c, a, &r, sql, p, k);
    for (int row = 0; st == WT_OK && row < r.nrows; row++) {
        int64_t id = db_get_int(&r, row, 0);
        bool member = db_get_int(&r, row, 1) == 1;
        for (int i = 0; i < n; i++)
            if (case_ids[i] == id && ties[i] != TIE_MEMBER) /* a membership outweighs an emergency access */
                ties[i] = member ? TIE_MEMBER : TIE_EMERGENCY;
    }
    return st;
}

wt_status casemember_db_list(db *c, arena *a, int64_t case_id, case_member_rec **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT m.id, m.case_id, m.user_id, u.display_name, u.role, m.reason, m.added_by,"
                            " b.display_name, m.added_at, m.ended_at, COALESCE(e.display_name, '')"
                            " FROM case_member m JOIN app_user u ON u.id = m.user_id JOIN app_user b ON b.id = m.added_by"
                            " LEFT JOIN app_user e ON e.id = m.ended_by WHERE m.case_id = ?"
                            " ORDER BY CASE WHEN m.ended_at IS NULL THEN 0 ELSE 1 END, m.added_at DESC, m.id DESC"
                            " LIMIT 200",
                            DB_ARGS(DB_I(case_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(case_member_rec) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (case_member_rec){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get_int(&r, i, 2),
                                      db_get(&r, i, 3),     db_get(&r, i, 4),     db_get(&r, i, 5),
                                      db_get_int(&r, i, 6), db_get(&r, i, 7),     db_get(&r, i, 8),
                                      db_get(&r, i, 9),     db_get(&r, i, 10)};
    return WT_OK;
}

wt_status casemember_db_active(db *c, arena *a, int64_t case_id, int64_t user_id, int64_t *member_id)
{
    db_result r;
    *member_id = 0;
    wt_status st = db_query(c, a, &r, "SELECT id FROM case_member WHERE case_id = ? AND user_id = ? AND ended_at IS NULL",
                            DB_ARGS(DB_I(case_id), DB_I(user_id)));
    if (st == WT_OK && r.nrows)
        *member_id = db_get_int(&r, 0, 0);
    return st;
}

wt_status casemember_db_insert(db *c, int64_t case_id, int64_t user_id, const char *reason, int64_t by,
                               const char *at, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO case_member (case_id, user_id, reason, added_by, added_at) VALUES (?, ?, ?, ?, ?)"
                     " RETURNING id",
                     DB_ARGS(DB_I(case_id), DB_I(user_id), DB_T(reason), DB_I(by), DB_T(at)));
}

wt_status casemember_db_end(db *c, int64_t case_id, int64_t member_id, int64_t by, const char *at)
{
    wt_status st = db_exec(c,
                           "UPDATE case_member SET ended_at = ?, ended_by = ? WHERE id = ? AND case_id = ?"
                           " AND ended_at IS NULL",
                           DB_ARGS(DB_T(at), DB_I(by), DB_I(member_id), DB_I(case_id)));
    if (st == WT_OK && db_changes(c) != 1)
        return WT_NOTFOUND;
    return st;
}

wt_status casemember_db_insert_emergency(db *c, int64_t case_id, int64_t user_id, const char *reason,
                                         const char *granted_at, const char *expires_at, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO case_emergency (case_id, user_id, reason, granted_at, expires_at)"
                     " VALUES (?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(case_id), DB_I(user_id), DB_T(reason), DB_T(granted_at), DB_T(expires_at)));
}

/* The emergency accesses, newest first; one statement per question, each with a plain condition that an index
   serves (a "? = 0 OR column = ?" switch would make the database read every case or every access of the city). */
#define EMERGENCY_SELECT                                                                                               \
    "SELECT e.id, e.case_id, h.name, e.user_id, u.display_name, e.reason, e.granted_at, e.expires_at"                 \
    " FROM case_emergency e JOIN cases c ON c.id = e.case_id JOIN household h ON h.id = c.household_id"              \
    " JOIN app_user u ON u.id = e.user_id WHERE "
#define EMERGENCY_ORDER " AND e.granted_at >= ? ORDER BY e.granted_at DESC, e.id DESC LIMIT ?"

wt_status casemember_db_emergencies(db *c, arena *a, int64_t case_id, int64_t team_id, int64_t coordinator_id,
                                    const char *since, const char *now, int limit, case_emergency_rec **out, int *n)
{
    db_result r;
    db_param since_p = DB_T(since ? since : ""), limit_p = DB_I(limit);
    wt_status st;
    if (case_id)
        st = db_query(c, a, &r, EMERGENCY_SELECT "e.case_id = ?" EMERGENCY_ORDER,
                      DB_ARGS(DB_I(case_id), since_p, limit_p));
    else if (coordinator_id)
        st = db_query(c, a, &r, EMERGENCY_SELECT "c.team_id = ? AND c.coordinator_id = ?" EMERGENCY_ORDER,
                      DB_ARGS(DB_I(team_id), DB_I(coordinator_id), since_p, limit_p));
    else
        st = db_query(c, a, &r, EMERGENCY_SELECT "c.team_id = ?" EMERGENCY_ORDER,
                      DB_ARGS(DB_I(team_id), since_p, limit_p));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(case_emergency_rec) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        const char *expires = db_get(&r, i, 7);
        (*out)[i] = (case_emergency_rec){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get(&r, i, 2),
                                         db_get_int(&r, i, 3), db_get(&r, i, 4),     db_get(&r, i, 5),
                                         db_get(&r, i, 6),     expires,              strcmp(expires, now) > 0};
    }
    return WT_OK;
}
