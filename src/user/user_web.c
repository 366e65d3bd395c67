/* user_web.c - login and logout pages. */
#include "user_web.h"
#include "../core/text.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "mfa.h"
#include "session.h"
#include "user.h"

#include <string.h>

/* Only local paths are followed after login: never another site. */
static const char *safe_next(const char *next)
{
    if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, ':'))
        return "/";
    for (const char *p = next; *p; p++)
        if ((unsigned char)*p < 0x20)
            return "/";
    return next;
}

static void login_form(http_request *req, const char *username, const char *message)
{
    page_begin(req, _("Inloggen"));
    buf *b = &req->out;
    html_printf(b, "<div class=\"wt-narrow\"><h1 class=\"utrecht-heading-1\">%s</h1>", _("Inloggen"));
    if (message)
        html_printf(b, "<div class=\"utrecht-alert utrecht-alert--error wt-alert\" role=\"alert\"><p class=\"utrecht-paragraph\">%s</p></div>",
                    message);
    html_printf(b, "<form method=\"post\" action=\"/login\" class=\"wt-form\">"
                   "<input type=\"hidden\" name=\"next\" value=\"%s\">",
                safe_next(req_query(req, "next") ? req_query(req, "next") : req_form(req, "next")));
    field_text(req, &(field){.name = "username", .label = _("Gebruikersnaam"), .value = username,
                             .autocomplete = "username", .required = true, .maxlength = 64});
    field_text(req, &(field){.name = "password", .label = _("Wachtwoord"), .type = "password",
                             .autocomplete = "current-password", .required = true, .maxlength = PASSWORD_MAX});
    form_button(req, _("Inloggen"), true);
    html_raw(b, "</form></div>");
    page_end(req);
}

/* The second step of a login with a second factor. */
static void code_form(http_request *req, const char *pending, const char *next, const char *message)
{
    page_begin(req, _("Code invullen"));
    buf *b = &req->out;
    html_printf(b, "<div class=\"wt-narrow\"><h1 class=\"utrecht-heading-1\">%s</h1>", _("Code invullen"));
    if (message)
        html_printf(b, "<div class=\"utrecht-alert utrecht-alert--error wt-alert\" role=\"alert\"><p class=\"utrecht-paragraph\">%s</p></div>",
                    message);
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Open de authenticator-app op uw telefoon en typ de zes cijfers die bij wijkteam staan."));
    html_printf(b, "<form method=\"post\" action=\"/login/code\" class=\"wt-form\"><input type=\"hidden\" name=\"pending\" value=\"%s\">"
                   "<input type=\"hidden\" name=\"next\" value=\"%s\">", pending, next);
    field_text(req, &(field){.name = "code", .label = _("Code"), .autocomplete = "one-time-code", .required = true,
                             .maxlength = 7, .type = "text"});
    form_button(req, _("Inloggen"), true);
    html_raw(b, "</form></div>");
    page_end(req);
}

/* The cookie is Secure when the browser reached us over HTTPS: our own TLS, or a proxy that terminated it. */
static bool user_web_secure(http_request *req)
{
    const char *proto = req_header(req, "X-Forwarded-Proto");
    return req->tls || (proto && text_ieq(proto, "https"));
}

static void start_session(http_request *req, int64_t user_id, const char *next)
{
    const char *token;
    session_info si;
    if (session_create(req->ctx.db, req->a, user_id, false, &token, &si) != WT_OK) {
        page_error(req, 503, _("Inloggen lukt nu niet; probeer het zo opnieuw."));
        return;
    }
    resp_header(req, "Set-Cookie",
                arena_printf(req->a, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", SESSION_COOKIE, token,
                             SESSION_ABSOLUTE_SECONDS, user_web_secure(req) ? "; Secure" : ""));
    resp_redirect(req, next);
}

static void get_login(http_request *req)
{
    if (req->ctx.who.user_id) {
        resp_redirect(req, "/");
        return;
    }
    login_form(req, NULL, NULL);
}

static void post_login(http_request *req)
{
    const char *username = req_form(req, "username");
    const char *password = kv_get(&req->form, "password");
    login_result res;
    int wait = 0;
    user u;
    wt_status st = user_login(&req->ctx, username, password, req->client_ip, &res, &wait, &u);
    /* Failure counters are kept even though the answer is an error. */
    req->force_commit = true;
    if (st != WT_OK) {
        page_error(req, 503, _("Inloggen lukt nu niet; probeer het zo opnieuw."));
        return;
    }
    if (res == LOGIN_THROTTLED) {
        req->status = 429;
        resp_header(req, "Retry-After", arena_printf(req->a, "%d", wait));
        login_form(req, username,
                   arena_printf(req->a, _("Te veel mislukte pogingen. Probeer het over %d seconden opnieuw."), wait));
        req->status = 429;
        return;
    }
    if (res == LOGIN_BAD) {
        req->status = 401;
        login_form(req, username, _("De gebruikersnaam of het wachtwoord klopt niet."));
        req->status = 401;
        return;
    }
    mfa_state mfa;
    if (mfa_state_of(&req->ctx, u.id, &mfa) != WT_OK) {
        page_error(req, 503, _("Inloggen lukt nu niet; probeer het zo opnieuw."));
        return;
    }
    if (mfa.enabled) {
        const char *pending;
        if (mfa_pending_create(&req->ctx, u.id, &pending) != WT_OK) {
            page_error(req, 503, _("Inloggen lukt nu niet; probeer het zo opnieuw."));
            return;
        }
        code_form(req, pending, safe_next(req_form(req, "next")), NULL);
        return;
    }
    start_session(req, u.id, safe_next(req_form(req, "next")));
}

static void post_login_code(http_request *req)
{
    const char *pending = req_form(req, "pending");
    const char *next = safe_next(req_form(req, "next"));
    int64_t user_id = 0;
    bool expired = false;
    req->force_commit = true; /* wrong codes are counted */
    wt_status st = mfa_pending_verify(&req->ctx, pending, req_form(req, "code"), &user_id, &expired);
    if (expired) {
        req->status = 401;
        login_form(req, NULL, _("De tijd om de code in te vullen is voorbij, of er waren te veel pogingen. Log opnieuw in."));
        req->status = 401;
        return;
    }
    if (st == WT_INVALID) {
        req->status = 401;
        code_form(req, pending, next, _("Deze code klopt niet. Typ de zes cijfers die de app nu toont."));
        req->status = 401;
        return;
    }
    if (st != WT_OK) {
        page_error(req, 503, _("Inloggen lukt nu niet; probeer het zo opnieuw."));
        return;
    }
    start_session(req, user_id, next);
}

static void post_logout(http_request *req)
{
    session_end(req->ctx.db, req->session.token_hash);
    resp_header(req, "Set-Cookie", arena_printf(req->a, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", SESSION_COOKIE));
    resp_redirect(req, "/login?melding=logged_out");
}

void user_web_routes(void)
{
    router_add("GET", "/login", get_login, ROUTE_PUBLIC);
    router_add("POST", "/login", post_login, ROUTE_PUBLIC);
    router_add("POST", "/login/code", post_login_code, ROUTE_PUBLIC);
    router_add("POST", "/logout", post_logout, 0);
}
