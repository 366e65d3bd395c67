/* user_db.c - SQL of users and login failures. */
#include "user_db.h"

#include <string.h>

#define USER_COLS                                                                                                      \
    "u.id, u.username, u.display_name, u.role, u.discipline, COALESCE(u.team_id, 0), COALESCE(t.name, ''),"          \
    " u.disabled, u.created_at, u.totp_enabled"
#define USER_FROM " FROM app_user u LEFT JOIN team t ON t.id = u.team_id"

static void fill_user(const db_result *r, int i, user *u)
{
    u->id = db_get_int(r, i, 0);
    u->username = db_get(r, i, 1);
    u->display_name = db_get(r, i, 2);
    u->role = role_from_code(db_get(r, i, 3));
    u->discipline = db_get(r, i, 4);
    u->team_id = db_get_int(r, i, 5);
    u->team_name = db_get(r, i, 6);
    u->disabled = db_get_int(r, i, 7) != 0;
    u->created_at = db_get(r, i, 8);
    u->totp_enabled = db_get_int(r, i, 9) != 0;
}

wt_status user_db_insert(db *c, const user_input *in, const char *hash, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO app_user (username, display_name, password_hash, role, discipline, team_id, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_T(in->username), DB_T(in->display_name), DB_T(hash), DB_T(in->role),
                             DB_T(in->discipline), DB_ID_OR_NULL(in->team_id), DB_T(now)));
}

wt_status user_db_update(db *c, int64_t id, const user_input *in)
{
    return db_exec(c,
                   "UPDATE app_user SET username = ?, display_name = ?, role = ?, discipline = ?, team_id = ? WHERE id = ?",
                   DB_ARGS(DB_T(in->username), DB_T(in->display_name), DB_T(in->role), DB_T(in->discipline),
                           DB_ID_OR_NULL(in->team_id), DB_I(id)));
}

wt_status user_db_set_password(db *c, int64_t id, const char *hash)
{
    wt_status st = db_exec(c, "UPDATE app_user SET password_hash = ? WHERE id = ?", DB_ARGS(DB_T(hash), DB_I(id)));
    if (st == WT_OK) /* a new password ends every session of the account */
        st = db_exec(c, "DELETE FROM session WHERE user_id = ?", DB_ARGS(DB_I(id)));
    return st;
}

wt_status user_db_set_disabled(db *c, int64_t id, bool disabled)
{
    wt_status st = db_exec(c, "UPDATE app_user SET disabled = ? WHERE id = ?", DB_ARGS(DB_I(disabled), DB_I(id)));
    if (st == WT_OK && disabled)
        st = db_exec(c, "DELETE FROM session WHERE user_id = ?", DB_ARGS(DB_I(id)));
    return st;
}

wt_status user_db_get(db *c, arena *a, int64_t id, user *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " USER_COLS USER_FROM " WHERE u.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_user(&r, 0, out);
    return WT_OK;
}

wt_status user_db_by_username(db *c, arena *a, const char *username, user *out, const char **hash)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " USER_COLS ", u.password_hash" USER_FROM " WHERE u.username = ?",
                            DB_ARGS(DB_T(username)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_user(&r, 0, out);
    *hash = db_get(&r, 0, 10);
    return WT_OK;
}

wt_status user_db_list(db *c, arena *a, int64_t team_id, bool coordinators_only, user **out, int *n)
{
    db_result r;
    wt_status st;
    if (coordinators_only)
        st = db_query(c, a, &r,
                      "SELECT " USER_COLS USER_FROM " WHERE u.team_id = ? AND u.disabled = 0"
                      " AND u.role IN ('worker', 'teamleader') ORDER BY u.display_name",
                      DB_ARGS(DB_I(team_id)));
    else if (team_id)
        st = db_query(c, a, &r, "SELECT " USER_COLS USER_FROM " WHERE u.team_id = ? ORDER BY u.display_name",
                      DB_ARGS(DB_I(team_id)));
    else
        st = db_query(c, a, &r, "SELECT " USER_COLS USER_FROM " ORDER BY t.name, u.display_name", DB_NOARGS);
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(user) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_user(&r, i, &(*out)[i]);
    return WT_OK;
}

wt_status user_db_username_taken(db *c, arena *a, const char *username, int64_t except_id, bool *taken)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM app_user WHERE username = ? AND id <> ?",
                            DB_ARGS(DB_T(username), DB_I(except_id)));
    *taken = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status user_db_team_exists(db *c, arena *a, int64_t team_id, bool *exists)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM team WHERE id = ?", DB_ARGS(DB_I(team_id)));
    *exists = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status login_db_failures(db *c, arena *a, const char *key, int *failures, int64_t *last_at)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT failures, last_at FROM login_failure WHERE key = ?", DB_ARGS(DB_T(key)));
    *failures = 0;
    *last_at = 0;
    if (st == WT_OK && r.nrows) {
        *failures = (int)db_get_int(&r, 0, 0);
        *last_at = db_get_int(&r, 0, 1);
    }
    return st;
}

wt_status login_db_record_failure(db *c, const char *key, int64_t now)
{
    return db_exec(c,
                   "INSERT INTO login_failure (key, failures, last_at) VALUES (?, 1, ?)"
                   " ON CONFLICT (key) DO UPDATE SET failures = login_failure.failures + 1, last_at = excluded.last_at",
                   DB_ARGS(DB_T(key), DB_I(now)));
}

wt_status login_db_clear(db *c, const char *key)
{
    return db_exec(c, "DELETE FROM login_failure WHERE key = ?", DB_ARGS(DB_T(key)));
}

wt_status user_db_lookup_for_cli(db *c, arena *a, const char *username, user *out, const char **hash)
{
    return user_db_by_username(c, a, username, out, hash);
}

/* A LIKE pattern that finds s anywhere, with LIKE's own characters taken literally (ESCAPE '!'). */
static const char *like_anywhere(arena *a, const char *s)
{
    char *out = arena_alloc(a, strlen(s) * 2 + 3), *o = out;
    *o++ = '%';
    for (const char *p = s; *p; p++) {
        if (*p == '%' || *p == '_' || *p == '!')
            *o++ = '!';
        *o++ = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    }
    *o++ = '%';
    *o = '\0';
    return out;
}

wt_status user_db_list_page(db *c, arena *a, int64_t team_id, const char *q, int limit, int offset, user **out, int *n)
{
    /* A municipality has a few hundred accounts: a filtered scan of app_user, one page at a time. */
    const char *pat = q ? like_anywhere(a, q) : "%";
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " USER_COLS USER_FROM " WHERE (? = 0 OR u.team_id = ?)"
                            " AND (LOWER(u.display_name) LIKE ? ESCAPE '!' OR LOWER(u.username) LIKE ? ESCAPE '!')"
                            " ORDER BY COALESCE(t.name, ''), u.display_name, u.id LIMIT ? OFFSET ?",
                            DB_ARGS(DB_I(team_id), DB_I(team_id), DB_T(pat), DB_T(pat), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(user) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_user(&r, i, &(*out)[i]);
    return WT_OK;
}
