/* session_db.c - SQL of sessions. */
#include "session_db.h"

wt_status session_db_insert(db *c, const char *token_hash, int64_t user_id, const char *kind, const char *csrf,
                            int64_t now)
{
    return db_exec(c,
                   "INSERT INTO session (token_hash, user_id, kind, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)",
                   DB_ARGS(DB_T(token_hash), DB_I(user_id), DB_T(kind), DB_T(csrf), DB_I(now), DB_I(now)));
}

wt_status session_db_get(db *c, arena *a, const char *token_hash, const char *kind, int64_t *user_id,
                         const char **csrf, int64_t *created_at, int64_t *last_seen)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT user_id, csrf, created_at, last_seen FROM session WHERE token_hash = ? AND kind = ?",
                            DB_ARGS(DB_T(token_hash), DB_T(kind)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *user_id = db_get_int(&r, 0, 0);
    *csrf = db_get(&r, 0, 1);
    *created_at = db_get_int(&r, 0, 2);
    *last_seen = db_get_int(&r, 0, 3);
    return WT_OK;
}

wt_status session_db_touch(db *c, const char *token_hash, int64_t now)
{
    return db_exec(c, "UPDATE session SET last_seen = ? WHERE token_hash = ?", DB_ARGS(DB_I(now), DB_T(token_hash)));
}

wt_status session_db_delete(db *c, const char *token_hash)
{
    return db_exec(c, "DELETE FROM session WHERE token_hash = ?", DB_ARGS(DB_T(token_hash)));
}

wt_status session_db_delete_user(db *c, int64_t user_id)
{
    return db_exec(c, "DELETE FROM session WHERE user_id = ?", DB_ARGS(DB_I(user_id)));
}

wt_status session_db_delete_expired(db *c, int64_t idle_before, int64_t created_before)
{
    return db_exec(c, "DELETE FROM session WHERE last_seen < ? OR created_at < ?",
                   DB_ARGS(DB_I(idle_before), DB_I(created_before)));
}
