/* session.c - session tokens and their lifetime (see session.h). */
#include "session.h"
#include "session_db.h"
#include "user.h"
#include "user_db.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

const char *session_token_hash(arena *a, const char *token)
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    char *hex = arena_alloc(a, 65);
    sodium_bin2hex(hex, 65, h, sizeof h);
    return hex;
}

static const char *random_token(arena *a)
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    size_t n = sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *s = arena_alloc(a, n);
    sodium_bin2base64(s, n, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return s;
}

wt_status session_create(db *c, arena *a, int64_t user_id, bool api, const char **token, session_info *out)
{
    int64_t now = (int64_t)time(NULL);
    /* Expired sessions are removed whenever someone logs in. */
    session_db_delete_expired(c, now - SESSION_IDLE_SECONDS, now - SESSION_ABSOLUTE_SECONDS);
    const char *t = random_token(a);
    const char *csrf = random_token(a);
    const char *th = session_token_hash(a, t);
    wt_status st = session_db_insert(c, th, user_id, api ? "api" : "web", csrf, now);
    if (st != WT_OK)
        return st;
    *token = t;
    out->user_id = user_id;
    out->token_hash = th;
    out->csrf = csrf;
    out->api = api;
    return WT_OK;
}

wt_status session_lookup(db *c, arena *a, const char *token, bool api, session_info *out, actor *who)
{
    if (!token || strlen(token) < 20 || strlen(token) > 100)
        return WT_NOTFOUND;
    const char *th = session_token_hash(a, token);
    int64_t user_id = 0, created = 0, last = 0;
    const char *csrf = NULL;
    wt_status st = session_db_get(c, a, th, api ? "api" : "web", &user_id, &csrf, &created, &last);
    if (st != WT_OK)
        return st;
    int64_t now = (int64_t)time(NULL);
    if (now - last > SESSION_IDLE_SECONDS || now - created > SESSION_ABSOLUTE_SECONDS)
        return WT_NOTFOUND;
    user u;
    st = user_db_get(c, a, user_id, &u);
    if (st != WT_OK)
        return st;
    if (u.disabled)
        return WT_NOTFOUND;
    /* Touch at most once a minute: a write per request would be wasted. */
    if (now - last >= 60)
        session_db_touch(c, th, now);
    out->user_id = user_id;
    out->token_hash = th;
    out->csrf = csrf;
    out->api = api;
    user_to_actor(&u, who);
    return WT_OK;
}

wt_status session_end(db *c, const char *token_hash)
{
    return session_db_delete(c, token_hash);
}

wt_status session_end_all(db *c, int64_t user_id)
{
    return session_db_delete_user(c, user_id);
}
