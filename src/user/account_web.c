/*
 * account_web.c - "Mijn account": who am I, change my password, log out on
 * every device. A new password ends every session of the account, this one
 * too, so the user logs in again with it.
 */
#include "account_web.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "session.h"
#include "user.h"

#include <string.h>

static void account_page(http_request *req, const errors *e)
{
    user u;
    if (user_get(&req->ctx, req->ctx.who.user_id, &u) != WT_OK) {
        page_error(req, 404, _("Dit account bestaat niet meer."));
        return;
    }
    int status = req->status;
    page_begin(req, _("Mijn account"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><dl class=\"wt-facts\">"
                   "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
                _("Mijn account"), _("Naam"), u.display_name, _("Gebruikersnaam"), u.username, _("Rol"),
                role_label(u.role), _("Team"), *u.team_name ? u.team_name : _("geen"));
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Wachtwoord wijzigen"));
    error_summary(req, e);
    form_begin(req, "/account/password", NULL);
    field_text(req, &(field){.name = "current_password", .label = _("Huidig wachtwoord"), .type = "password",
                             .autocomplete = "current-password", .required = true,
                             .error = e ? errors_get(e, "current_password") : NULL});
    field_text(req, &(field){.name = "password", .label = _("Nieuw wachtwoord"), .type = "password",
                             .autocomplete = "new-password", .required = true,
                             .hint = _("Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden."),
                             .error = e ? errors_get(e, "password") : NULL});
    field_text(req, &(field){.name = "password_confirm", .label = _("Nieuw wachtwoord nog een keer"), .type = "password",
                             .autocomplete = "new-password", .required = true,
                             .error = e ? errors_get(e, "password_confirm") : NULL});
    form_button(req, _("Wachtwoord wijzigen"), true);
    form_end(req);
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>", _("Overal uitloggen"),
                _("Bent u uw telefoon kwijt of twijfelt u of iemand anders is ingelogd? Log dan op alle apparaten tegelijk uit."));
    button_form(req, "/account/logout-all", _("Op alle apparaten uitloggen"), NULL, NULL);
    page_end(req);
    req->status = status;
}

static void get_account(http_request *req)
{
    account_page(req, NULL);
}

static void post_password(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    const char *pw = kv_get(&req->form, "password");
    const char *confirm = kv_get(&req->form, "password_confirm");
    wt_status st = WT_INVALID;
    if (!pw || !confirm || strcmp(pw, confirm) != 0)
        errors_add(&e, "password_confirm", _("De twee nieuwe wachtwoorden zijn niet gelijk."));
    else
        st = user_change_own_password(&req->ctx, kv_get(&req->form, "current_password"), pw, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        account_page(req, &e);
        return;
    }
    if (st != WT_OK) {
        page_error(req, st == WT_FORBIDDEN ? 403 : 503, _("Het wachtwoord is niet gewijzigd."));
        return;
    }
    resp_header(req, "Set-Cookie", arena_printf(req->a, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", SESSION_COOKIE));
    page_redirect_notice(req, "/login", "password_changed");
}

static void post_logout_all(http_request *req)
{
    session_end_all(req->ctx.db, req->ctx.who.user_id);
    resp_header(req, "Set-Cookie", arena_printf(req->a, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", SESSION_COOKIE));
    page_redirect_notice(req, "/login", "logged_out_everywhere");
}

void account_web_routes(void)
{
    router_add("GET", "/account", get_account, 0);
    router_add("POST", "/account/password", post_password, 0);
    router_add("POST", "/account/logout-all", post_logout_all, 0);
}
