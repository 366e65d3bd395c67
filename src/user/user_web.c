/* user_web.c - login and logout pages. */
#include "user_web.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
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
    const char *token;
    session_info si;
    if (session_create(req->ctx.db, req->a, u.id, false, &token, &si) != WT_OK) {
        page_error(req, 503, _("Inloggen lukt nu niet; probeer het zo opnieuw."));
        return;
    }
    resp_header(req, "Set-Cookie",
                arena_printf(req->a, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", SESSION_COOKIE, token,
                             SESSION_ABSOLUTE_SECONDS, req_header(req, "X-Forwarded-Proto") ? "; Secure" : ""));
    resp_redirect(req, safe_next(req_form(req, "next")));
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
    router_add("POST", "/logout", post_logout, 0);
}
