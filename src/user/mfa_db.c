/* mfa_db.c - SQL of the second factor. */
#include "mfa_db.h"

wt_status mfa_db_get(db *c, arena *a, int64_t user_id, const char **secret, bool *enabled, int64_t *last_step)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT totp_secret, totp_enabled, totp_last_step FROM app_user WHERE id = ?",
                            DB_ARGS(DB_I(user_id)));
    if (st != WT_OK)
        return st;
    if (!r.nrows)
        return WT_NOTFOUND;
    *secret = db_get(&r, 0, 0);
    *enabled = db_get_int(&r, 0, 1) != 0;
    *last_step = db_get_int(&r, 0, 2);
    return WT_OK;
}

wt_status mfa_db_set(db *c, int64_t user_id, const char *secret, bool enabled)
{
    return db_exec(c, "UPDATE app_user SET totp_secret = ?, totp_enabled = ?, totp_last_step = 0 WHERE id = ?",
                   DB_ARGS(DB_T(secret), DB_I(enabled), DB_I(user_id)));
}

wt_status mfa_db_set_step(db *c, int64_t user_id, int64_t step)
{
    return db_exec(c, "UPDATE app_user SET totp_last_step = ? WHERE id = ?", DB_ARGS(DB_I(step), DB_I(user_id)));
}

wt_status mfa_db_pending_insert(db *c, const char *token_hash, int64_t user_id, int64_t now)
{
    return db_exec(c, "INSERT INTO login_pending (token_hash, user_id, created_at) VALUES (?, ?, ?)",
                   DB_ARGS(DB_T(token_hash), DB_I(user_id), DB_I(now)));
}

wt_status mfa_db_pending_get(db *c, arena *a, const char *token_hash, int64_t *user_id, int64_t *created_at, int *attempts)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT user_id, created_at, attempts FROM login_pending WHERE token_hash = ?",
                            DB_ARGS(DB_T(token_hash)));
    if (st != WT_OK)
        return st;
    if (!r.nrows)
        return WT_NOTFOUND;
    *user_id = db_get_int(&r, 0, 0);
    *created_at = db_get_int(&r, 0, 1);
    *attempts = (int)db_get_int(&r, 0, 2);
    return WT_OK;
}

wt_status mfa_db_pending_count_try(db *c, const char *token_hash)
{
    return db_exec(c, "UPDATE login_pending SET attempts = attempts + 1 WHERE token_hash = ?", DB_ARGS(DB_T(token_hash)));
}

wt_status mfa_db_pending_delete(db *c, const char *token_hash)
{
    return db_exec(c, "DELETE FROM login_pending WHERE token_hash = ?", DB_ARGS(DB_T(token_hash)));
}

wt_status mfa_db_pending_expire(db *c, int64_t before)
{
    return db_exec(c, "DELETE FROM login_pending WHERE created_at < ?", DB_ARGS(DB_I(before)));
}
