/* user_api.c - API sessions and users. */
#include "user_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "mfa.h"
#include "session.h"
#include "user.h"

#include <string.h>

json_t *user_json(const user *u)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:b}", "id", (json_int_t)u->id, "username", u->username,
                     "display_name", u->display_name, "role", role_code(u->role), "discipline",
                     json_str_or_null(u->discipline), "team_id", u->team_id ? json_integer(u->team_id) : json_null(),
                     "disabled", u->disabled);
}

static void post_session(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *username = api_str(body, "username", &e);
    const char *password = api_str(body, "password", &e);
    const char *code = api_str(body, "totp", &e);
    if (!username)
        errors_add(&e, "username", _("Vul een gebruikersnaam in."));
    if (!password)
        errors_add(&e, "password", _("Vul een wachtwoord in."));
    if (e.count) {
        json_decref(body);
        api_invalid(req, &e);
        return;
    }
    username = arena_strdup(req->a, username);
    password = arena_strdup(req->a, password);
    code = arena_strdup(req->a, code);
    json_decref(body);
    login_result res;
    int wait = 0;
    user u;
    req->force_commit = true;
    wt_status st = user_login(&req->ctx, username, password, req->client_ip, &res, &wait, &u);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    if (res == LOGIN_THROTTLED) {
        resp_header(req, "Retry-After", arena_printf(req->a, "%d", wait));
        api_reply(req, 429, json_pack("{s:s, s:s, s:i}", "error", "throttled", "message",
                                      _("Te veel mislukte pogingen."), "retry_after", wait));
        return;
    }
    if (res == LOGIN_BAD) {
        api_error(req, 401, "bad_credentials", _("De gebruikersnaam of het wachtwoord klopt niet."));
        return;
    }
    mfa_state mfa;
    if (mfa_state_of(&req->ctx, u.id, &mfa) != WT_OK) {
        api_error(req, 503, "unavailable", _("Inloggen lukt nu niet."));
        return;
    }
    if (mfa.enabled) {
        /* The code goes with the password in one request: no pending state for API clients. */
        const char *pending;
        int64_t uid = 0;
        bool expired = false;
        if (!code) {
            api_error(req, 401, "totp_required", _("Dit account gebruikt tweestapsverificatie: stuur ook \"totp\"."));
            return;
        }
        if (mfa_pending_create(&req->ctx, u.id, &pending) != WT_OK ||
            mfa_pending_verify(&req->ctx, pending, code, &uid, &expired) != WT_OK) {
            api_error(req, 401, "bad_totp", _("De code klopt niet."));
            return;
        }
    }
    const char *token;
    session_info si;
    if (session_create(req->ctx.db, req->a, u.id, true, &token, &si) != WT_OK) {
        api_error(req, 503, "unavailable", _("Inloggen lukt nu niet."));
        return;
    }
    api_reply(req, 201, json_pack("{s:s, s:s, s:i, s:o}", "token", token, "token_type", "Bearer", "expires_in",
                                  SESSION_IDLE_SECONDS, "user", user_json(&u)));
}

static void delete_session(http_request *req)
{
    session_end(req->ctx.db, req->session.token_hash);
    req->status = 204;
    req->content_type = "application/json";
}

static void get_me(http_request *req)
{
    user u;
    wt_status st = user_get(&req->ctx, req->ctx.who.user_id, &u);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, user_json(&u));
}

void user_api_routes(void)
{
    router_add("POST", "/api/v1/session", post_session, ROUTE_PUBLIC | ROUTE_API);
    router_add("DELETE", "/api/v1/session", delete_session, ROUTE_API);
    router_add("GET", "/api/v1/me", get_me, ROUTE_API);
}
