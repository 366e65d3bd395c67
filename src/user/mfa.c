/* mfa.c - rules of the second factor (see mfa.h). */
#include "mfa.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/i18n.h"
#include "mfa_db.h"
#include "session.h"
#include "totp.h"
#include "user.h"
#include "user_db.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

wt_status mfa_state_of(wt_ctx *ctx, int64_t user_id, mfa_state *out)
{
    const char *secret = NULL;
    int64_t last = 0;
    memset(out, 0, sizeof(*out));
    wt_status st = mfa_db_get(ctx->db, ctx->a, user_id, &secret, &out->enabled, &last);
    if (st == WT_OK && !out->enabled)
        out->pending_secret = secret;
    return st;
}

wt_status mfa_begin(wt_ctx *ctx, const char **secret)
{
    if (!ctx->who.user_id)
        return WT_FORBIDDEN;
    mfa_state s;
    wt_status st = mfa_state_of(ctx, ctx->who.user_id, &s);
    if (st != WT_OK)
        return st;
    if (s.enabled)
        return WT_CONFLICT;
    *secret = totp_new_secret(ctx->a);
    return mfa_db_set(ctx->db, ctx->who.user_id, *secret, false);
}

wt_status mfa_confirm(wt_ctx *ctx, const char *code, errors *e)
{
    if (!ctx->who.user_id)
        return WT_FORBIDDEN;
    mfa_state s;
    wt_status st = mfa_state_of(ctx, ctx->who.user_id, &s);
    if (st != WT_OK)
        return st;
    if (s.enabled)
        return WT_CONFLICT;
    int64_t step = 0;
    if (!s.pending_secret || !totp_verify(s.pending_secret, code, (int64_t)time(NULL), 0, &step)) {
        errors_add(e, "code", _("Deze code klopt niet. Typ de zes cijfers die de app nu toont."));
        return WT_INVALID;
    }
    st = mfa_db_set(ctx->db, ctx->who.user_id, s.pending_secret, true);
    if (st == WT_OK)
        st = mfa_db_set_step(ctx->db, ctx->who.user_id, step);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "user_mfa_enabled", ctx->who.user_id, (audit_subject){0});
    return st;
}

wt_status mfa_disable(wt_ctx *ctx, const char *password, errors *e)
{
    if (!ctx->who.user_id)
        return WT_FORBIDDEN;
    user u;
    const char *hash = NULL;
    wt_status st = user_db_get(ctx->db, ctx->a, ctx->who.user_id, &u);
    if (st == WT_OK)
        st = user_db_by_username(ctx->db, ctx->a, u.username, &u, &hash);
    if (st != WT_OK)
        return st;
    if (!password_verify(hash, password ? password : "")) {
        errors_add(e, "password", _("Het wachtwoord klopt niet."));
        return WT_INVALID;
    }
    st = mfa_db_set(ctx->db, ctx->who.user_id, NULL, false);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "user_mfa_disabled", ctx->who.user_id, (audit_subject){0});
    return st;
}

wt_status mfa_reset(wt_ctx *ctx, int64_t user_id)
{
    bool console = ctx->who.user_id == 0 && ctx->who.role == ROLE_ADMIN;
    if (!console && !policy_allows(&ctx->who, PERM_USER_ADMIN, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    user u;
    wt_status st = user_db_get(ctx->db, ctx->a, user_id, &u);
    if (st == WT_OK)
        st = mfa_db_set(ctx->db, user_id, NULL, false);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "user_mfa_reset", user_id, (audit_subject){0});
    return st;
}

wt_status mfa_pending_create(wt_ctx *ctx, int64_t user_id, const char **token)
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    size_t n = sodium_base64_ENCODED_LEN(sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *t = arena_alloc(ctx->a, n);
    sodium_bin2base64(t, n, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    int64_t now = (int64_t)time(NULL);
    mfa_db_pending_expire(ctx->db, now - MFA_PENDING_SECONDS);
    wt_status st = mfa_db_pending_insert(ctx->db, session_token_hash(ctx->a, t), user_id, now);
    if (st == WT_OK)
        *token = t;
    return st;
}

wt_status mfa_pending_verify(wt_ctx *ctx, const char *token, const char *code, int64_t *user_id, bool *expired)
{
    *expired = false;
    if (!token || strlen(token) > 100) {
        *expired = true;
        return WT_NOTFOUND;
    }
    const char *th = session_token_hash(ctx->a, token);
    int64_t uid = 0, created = 0;
    int attempts = 0;
    wt_status st = mfa_db_pending_get(ctx->db, ctx->a, th, &uid, &created, &attempts);
    int64_t now = (int64_t)time(NULL);
    if (st == WT_NOTFOUND || (st == WT_OK && (now - created > MFA_PENDING_SECONDS || attempts >= MFA_PENDING_TRIES))) {
        if (st == WT_OK)
            mfa_db_pending_delete(ctx->db, th);
        *expired = true;
        return WT_NOTFOUND;
    }
    if (st != WT_OK)
        return st;
    const char *secret = NULL;
    bool enabled = false;
    int64_t last = 0, step = 0;
    st = mfa_db_get(ctx->db, ctx->a, uid, &secret, &enabled, &last);
    if (st != WT_OK)
        return st;
    if (!enabled || !totp_verify(secret, code, now, last, &step)) {
        mfa_db_pending_count_try(ctx->db, th);
        return WT_INVALID;
    }
    mfa_db_pending_delete(ctx->db, th);
    st = mfa_db_set_step(ctx->db, uid, step);
    *user_id = uid;
    return st;
}
