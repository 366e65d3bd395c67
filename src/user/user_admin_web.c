/*
 * user_admin_web.c - the administrator's pages for the users of wijkteam:
 * the list (team, role, discipline, status), a new user, the edit page with
 * the user's details, a new password, switching off a lost second factor,
 * and blocking or unblocking the account.
 * An administrator sees no resident or case content here: only the accounts.
 */
#include "user_admin_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../team/team.h"
#include "mfa.h"
#include "user.h"

#include <string.h>

/* The user's fields as typed in a form (or taken from the stored user). */
typedef struct user_form {
    const char *username;
    const char *display_name;
    const char *role;
    const char *discipline;
    const char *team_id;
} user_form;

/* The error page for a failed status; false when st is WT_OK. */
static bool admin_failed(http_request *req, wt_status st)
{
    return page_failed(req, st, _("Gebruikers beheren is voorbehouden aan de beheerder."), _("Deze gebruiker bestaat niet."));
}

/* A team id from a form or query: 0 for none, -1 for anything that is not an id. */
static int64_t parse_team_id(const char *s)
{
    int64_t v;
    if (!s || !*s)
        return 0;
    return text_parse_int64(s, &v) && v > 0 ? v : -1;
}

static const char *id_text(http_request *req, int64_t id)
{
    return id ? arena_printf(req->a, "%lld", (long long)id) : "";
}

static user_form form_from_user(http_request *req, const user *u)
{
    return (user_form){u->username, u->display_name, role_code(u->role), u->discipline ? u->discipline : "",
                       id_text(req, u->team_id)};
}

static user_form form_from_request(http_request *req)
{
    return (user_form){req_form(req, "username"), req_form(req, "display_name"), req_form(req, "role"),
                       req_form(req, "discipline"), req_form(req, "team_id")};
}

static user_input input_from_form(const user_form *f, const char *password)
{
    return (user_input){f->username, f->display_name, f->role, f->discipline, password, parse_team_id(f->team_id)};
}

/* The options of the team select: "no team" and every team. */
static wt_status team_options(http_request *req, const char *none_label, option **out, int *n)
{
    team *teams;
    int nt = 0;
    wt_status st = team_list(&req->ctx, &teams, &nt);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(req->a, sizeof(option) * (size_t)(nt + 1));
    (*out)[0] = (option){"", none_label};
    for (int i = 0; i < nt; i++)
        (*out)[i + 1] = (option){id_text(req, teams[i].id), teams[i].name};
    *n = nt + 1;
    return WT_OK;
}

static void role_select(http_request *req, const char *value, const errors *e)
{
    static const wt_role roles[] = {ROLE_WORKER, ROLE_TEAMLEADER, ROLE_ADMIN, ROLE_POLICY};
    option opts[5] = {{"", _("Kies een rol")}};
    for (int i = 0; i < 4; i++)
        opts[i + 1] = (option){role_code(roles[i]), role_label(roles[i])};
    field_select(req,
                 &(field){.name = "role", .label = _("Rol"), .value = value, .required = true,
                          .hint = _("Een sociaal werker werkt met de huishoudens en casussen van het eigen team; de teamleider ziet ook het teamoverzicht; "
                                    "de beheerder beheert gebruikers en teams; de beleidsmedewerker ziet alleen geanonimiseerde cijfers."),
                          .error = e ? errors_get(e, "role") : NULL},
                 opts, 5);
}

static void discipline_select(http_request *req, const char *value, const errors *e)
{
    option opts[32];
    int n = 0;
    opts[n++] = (option){"", _("Geen discipline")};
    for (const code_label *d = user_disciplines; d->code && n < 32; d++)
        opts[n++] = (option){d->code, _(d->label)};
    field_select(req, &(field){.name = "discipline", .label = _("Discipline"), .value = value,
                               .error = e ? errors_get(e, "discipline") : NULL},
                 opts, n);
}

/* The options of the team select, read before a form is drawn. */
typedef struct team_choice {
    option *opts;
    int n;
} team_choice;

/* The fields of a user's details. */
static void user_fields(http_request *req, const team_choice *teams, const user_form *v, const errors *e)
{
    field_text(req, &(field){.name = "username", .label = _("Gebruikersnaam"), .value = v->username,
                             .hint = _("2 tot 64 letters, cijfers, punten, streepjes of liggende streepjes."),
                             .error = e ? errors_get(e, "username") : NULL, .maxlength = 64, .required = true,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = "display_name", .label = _("Naam"), .value = v->display_name,
                             .error = e ? errors_get(e, "display_name") : NULL, .maxlength = 100, .required = true,
                             .autocomplete = "off"});
    role_select(req, v->role, e);
    discipline_select(req, v->discipline, e);
    field_select(req, &(field){.name = "team_id", .label = _("Team"), .value = v->team_id,
                               .hint = _("Verplicht voor een sociaal werker en een teamleider."),
                               .error = e ? errors_get(e, "team_id") : NULL},
                 teams->opts, teams->n);
}

static void password_fields(http_request *req, const errors *e)
{
    field_text(req, &(field){.name = "password", .label = _("Nieuw wachtwoord"), .type = "password",
                             .hint = _("Minstens 12 en hoogstens 128 tekens; geen bekend of eenvoudig wachtwoord en niet de gebruikersnaam. "
                                       "Een zin van een paar woorden is sterk en goed te onthouden."),
                             .error = e ? errors_get(e, "password") : NULL, .maxlength = PASSWORD_MAX,
                             .required = true, .autocomplete = "new-password"});
    field_text(req, &(field){.name = "password_confirm", .label = _("Herhaal het nieuwe wachtwoord"), .type = "password",
                             .error = e ? errors_get(e, "password_confirm") : NULL, .maxlength = PASSWORD_MAX,
                             .required = true, .autocomplete = "new-password"});
}

/* The two password fields must be the same; the rules check the rest. */
static void check_confirmation(http_request *req, errors *e)
{
    const char *pw = kv_get(&req->form, "password");
    const char *again = kv_get(&req->form, "password_confirm");
    if (pw && *pw && (!again || strcmp(pw, again) != 0))
        errors_add(e, "password_confirm", _("De twee wachtwoorden zijn niet gelijk; typ het nieuwe wachtwoord twee keer hetzelfde."));
}

/* ---- the list ------------------------------------------------------------------------------------------------ */

/* A link to another page of the list, keeping the team and the search text. */
static void pager_link(http_request *req, const user_filter *f, int offset, const char *label, const char *rel)
{
    html_printf(&req->out, "<a class=\"utrecht-link\" rel=\"%s\" href=\"/admin/users?", rel);
    if (f->team_id > 0)
        html_printf(&req->out, "team=%lld&amp;", (long long)f->team_id);
    if (f->q && *f->q) {
        html_raw(&req->out, "q=");
        html_url_component(&req->out, f->q);
        html_raw(&req->out, "&amp;");
    }
    html_printf(&req->out, "offset=%d\">%s</a> ", offset, label);
}

static void user_table(http_request *req, const user *us, int n)
{
    buf *b = &req->out;
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"wt-visually-hidden\">%s</caption><thead class=\"utrecht-table__header\">"
                "<tr class=\"utrecht-table__row\">"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead>"
                "<tbody class=\"utrecht-table__body\">",
                _("Gebruikers"), _("Naam"), _("Gebruikersnaam"), _("Team"), _("Rol"), _("Discipline"), _("Status"));
    for (int i = 0; i < n; i++) {
        const user *u = &us[i];
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                    "<a class=\"utrecht-link\" href=\"/admin/users/%lld\">%s</a></th>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td></tr>",
                    (long long)u->id, u->display_name, u->username, *u->team_name ? u->team_name : _("geen team"),
                    role_label(u->role), discipline_label(u->discipline),
                    u->disabled ? _("Geblokkeerd") : _("Actief"));
    }
    html_raw(b, "</tbody></table></div>");
}

static void get_users(http_request *req)
{
    if (admin_failed(req, user_check_admin(&req->ctx)))
        return;
    int64_t team_id = parse_team_id(req_query(req, "team"));
    int64_t off = 0;
    if (!text_parse_int64(req_query(req, "offset"), &off) || off < 0 || off > 1000000)
        off = 0;
    user_filter f = {team_id > 0 ? team_id : 0, req_query(req, "q"), USER_PAGE, (int)off};
    user *us = NULL;
    int n = 0;
    bool more = false;
    option *teams;
    int nt = 0;
    errors e;
    errors_init(&e, req->a);
    wt_status st = team_options(req, _("Alle teams"), &teams, &nt);
    if (st == WT_OK)
        st = user_list_page(&req->ctx, &f, &us, &n, &more, &e);
    if (st == WT_INVALID)
        req->status = 400;
    else if (admin_failed(req, st))
        return;
    page_begin(req, _("Gebruikers"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Gebruikers"));
    error_summary(req, &e);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/users/new\">%s</a></p>",
                _("Nieuwe gebruiker"));
    form_begin_get(req, "/admin/users", "wt-form--inline");
    field_text(req, &(field){.name = "q", .label = _("Naam of gebruikersnaam"), .value = f.q, .type = "search",
                             .error = errors_get(&e, "q"), .maxlength = USER_QUERY_MAX, .autocomplete = "off"});
    field_select(req, &(field){.name = "team", .label = _("Team"), .value = team_id > 0 ? id_text(req, team_id) : ""},
                 teams, nt);
    form_button(req, _("Zoeken"), false);
    form_end(req);
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen gebruikers gevonden."));
    else
        user_table(req, us, n);
    if (f.offset > 0 || more) {
        html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Pagina's"));
        if (f.offset > 0)
            pager_link(req, &f, f.offset > USER_PAGE ? f.offset - USER_PAGE : 0, _("Vorige"), "prev");
        if (more)
            pager_link(req, &f, f.offset + USER_PAGE, _("Volgende"), "next");
        html_raw(b, "</p></nav>");
    }
    page_end(req);
}

/* ---- a new user ---------------------------------------------------------------------------------------------- */

static void new_user_page(http_request *req, const team_choice *teams, const user_form *v, const errors *e)
{
    page_begin(req, _("Nieuwe gebruiker"));
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Nieuwe gebruiker"));
    error_summary(req, e);
    form_begin(req, "/admin/users/new", NULL);
    user_fields(req, teams, v, e);
    password_fields(req, e);
    form_button(req, _("Gebruiker aanmaken"), true);
    form_end(req);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/users\">%s</a></p>",
                _("Terug naar de gebruikers"));
    page_end(req);
}

static void get_new_user(http_request *req)
{
    team_choice teams;
    wt_status st = user_check_admin(&req->ctx);
    if (st == WT_OK)
        st = team_options(req, _("Geen team"), &teams.opts, &teams.n);
    if (admin_failed(req, st))
        return;
    user_form v = {.role = "worker"};
    new_user_page(req, &teams, &v, NULL);
}

static void post_new_user(http_request *req)
{
    team_choice teams;
    wt_status st = user_check_admin(&req->ctx);
    if (st == WT_OK)
        st = team_options(req, _("Geen team"), &teams.opts, &teams.n);
    if (admin_failed(req, st))
        return;
    user_form v = form_from_request(req);
    user_input in = input_from_form(&v, kv_get(&req->form, "password"));
    if (!in.password)
        in.password = "";
    errors e;
    errors_init(&e, req->a);
    check_confirmation(req, &e);
    int64_t id = 0;
    st = user_create(&req->ctx, &in, &e, &id); /* writes nothing when e already holds an error */
    if (st == WT_INVALID) {
        req->status = 400;
        new_user_page(req, &teams, &v, &e);
        req->status = 400;
        return;
    }
    if (admin_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/admin/users/%lld", (long long)id), "user_created");
}

/* ---- the edit page ------------------------------------------------------------------------------------------- */

static void details_section(http_request *req, const team_choice *teams, const user *u, const user_form *v,
                            const errors *e)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-gegevens\"><h2 class=\"utrecht-heading-2\" id=\"h-gegevens\">%s</h2>",
                _("Gegevens"));
    form_begin(req, arena_printf(req->a, "/admin/users/%lld", (long long)u->id), NULL);
    user_fields(req, teams, v, e);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    html_raw(b, "</section>");
}

static void password_section(http_request *req, const user *u, const errors *e)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-wachtwoord\"><h2 class=\"utrecht-heading-2\" id=\"h-wachtwoord\">%s</h2>",
                _("Nieuw wachtwoord"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Geef de gebruiker een nieuw wachtwoord, bijvoorbeeld als het oude vergeten is. "
                  "Alle sessies van de gebruiker worden beëindigd; daarna werkt alleen het nieuwe wachtwoord."));
    form_begin(req, arena_printf(req->a, "/admin/users/%lld/password", (long long)u->id), NULL);
    password_fields(req, e);
    form_button(req, _("Wachtwoord instellen"), false);
    form_end(req);
    html_raw(b, "</section>");
}

static void access_section(http_request *req, const user *u)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-toegang\"><h2 class=\"utrecht-heading-2\" id=\"h-toegang\">%s</h2>",
                _("Toegang"));
    if (u->disabled) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Dit account is geblokkeerd: de gebruiker kan niet inloggen."));
        button_form(req, arena_printf(req->a, "/admin/users/%lld/enable", (long long)u->id), _("Deblokkeren"), NULL, NULL);
    } else if (u->id == req->ctx.who.user_id) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Dit is uw eigen account. U kunt uzelf niet blokkeren; vraag dat zo nodig een andere beheerder."));
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Blokkeer het account als de gebruiker niet meer bij het team werkt. Inloggen kan dan niet meer en "
                      "alle sessies worden direct beëindigd. De naam blijft staan bij wat de gebruiker heeft vastgelegd."));
        button_form(req, arena_printf(req->a, "/admin/users/%lld/disable", (long long)u->id), _("Blokkeren"), NULL, NULL);
    }
    html_raw(b, "</section>");
}

static void totp_section(http_request *req, const user *u)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-totp\"><h2 class=\"utrecht-heading-2\" id=\"h-totp\">%s</h2>",
                _("Tweestapsverificatie"));
    if (!u->totp_enabled) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Staat uit. De gebruiker kan haar zelf aanzetten op de pagina Mijn account."));
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Staat aan. Is de telefoon van de gebruiker kwijt, zet haar dan uit: inloggen gaat daarna met alleen het "
                      "wachtwoord, en de gebruiker kan haar opnieuw instellen. Controleer eerst dat u echt met de gebruiker spreekt."));
        button_form(req, arena_printf(req->a, "/admin/users/%lld/totp-reset", (long long)u->id),
                    _("Tweestapsverificatie uitzetten"), NULL, NULL);
    }
    html_raw(b, "</section>");
}

/* The edit page; e_details / e_password hold the errors of the form that was sent. */
static void edit_page(http_request *req, const team_choice *teams, const user *u, const user_form *v,
                      const errors *e_details, const errors *e_password)
{
    buf *b = &req->out;
    page_begin(req, u->display_name);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", u->display_name);
    error_summary(req, e_details);
    error_summary(req, e_password);
    html_printf(b,
                "<dl class=\"wt-facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
                _("Gebruikersnaam"), u->username, _("Rol"), role_label(u->role), _("Team"),
                *u->team_name ? u->team_name : _("geen team"), _("Status"),
                u->disabled ? _("Geblokkeerd") : _("Actief"), _("Tweestapsverificatie"),
                u->totp_enabled ? _("aan") : _("uit"));
    details_section(req, teams, u, v, e_details);
    password_section(req, u, e_password);
    totp_section(req, u);
    access_section(req, u);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/users\">%s</a></p>",
                _("Terug naar de gebruikers"));
    page_end(req);
}

/* The user of the route and the team options; false after an error page. */
static bool load_user(http_request *req, user *u, team_choice *teams)
{
    wt_status st = user_admin_get(&req->ctx, req->ids[0], u);
    if (st == WT_OK)
        st = team_options(req, _("Geen team"), &teams->opts, &teams->n);
    return !admin_failed(req, st);
}

static void get_user(http_request *req)
{
    user u;
    team_choice teams;
    if (!load_user(req, &u, &teams))
        return;
    user_form v = form_from_user(req, &u);
    edit_page(req, &teams, &u, &v, NULL, NULL);
}

static void post_user(http_request *req)
{
    user u;
    team_choice teams;
    if (!load_user(req, &u, &teams))
        return;
    user_form v = form_from_request(req);
    user_input in = input_from_form(&v, NULL);
    errors e;
    errors_init(&e, req->a);
    wt_status st = user_update(&req->ctx, u.id, &in, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        edit_page(req, &teams, &u, &v, &e, NULL);
        req->status = 400;
        return;
    }
    if (admin_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/admin/users/%lld", (long long)u.id), "user_saved");
}

static void post_password(http_request *req)
{
    user u;
    team_choice teams;
    if (!load_user(req, &u, &teams))
        return;
    const char *pw = kv_get(&req->form, "password");
    errors e;
    errors_init(&e, req->a);
    check_confirmation(req, &e);
    wt_status st = e.count ? WT_INVALID : user_set_password(&req->ctx, u.id, pw ? pw : "", &e);
    if (st == WT_INVALID) {
        user_form v = form_from_user(req, &u);
        req->status = 400;
        edit_page(req, &teams, &u, &v, NULL, &e);
        req->status = 400;
        return;
    }
    if (admin_failed(req, st))
        return;
    if (u.id == req->ctx.who.user_id) /* his own sessions have ended with the new password */
        page_redirect_notice(req, "/login", "password_changed");
    else
        page_redirect_notice(req, arena_printf(req->a, "/admin/users/%lld", (long long)u.id), "password_set");
}

static void set_disabled(http_request *req, bool disabled)
{
    wt_status st = user_set_disabled(&req->ctx, req->ids[0], disabled);
    if (st == WT_CONFLICT) {
        page_error(req, 409, _("U kunt uw eigen account niet blokkeren; vraag dat zo nodig een andere beheerder."));
        return;
    }
    if (admin_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/admin/users/%lld", (long long)req->ids[0]),
                         disabled ? "user_disabled" : "user_enabled");
}

static void post_disable(http_request *req)
{
    set_disabled(req, true);
}

static void post_enable(http_request *req)
{
    set_disabled(req, false);
}

static void post_totp_reset(http_request *req)
{
    if (admin_failed(req, mfa_reset(&req->ctx, req->ids[0])))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/admin/users/%lld", (long long)req->ids[0]), "mfa_reset");
}

void user_admin_web_routes(void)
{
    router_add("GET", "/admin/users", get_users, 0);
    router_add("GET", "/admin/users/new", get_new_user, 0);
    router_add("POST", "/admin/users/new", post_new_user, 0);
    router_add("GET", "/admin/users/{id}", get_user, 0);
    router_add("POST", "/admin/users/{id}", post_user, 0);
    router_add("POST", "/admin/users/{id}/password", post_password, 0);
    router_add("POST", "/admin/users/{id}/disable", post_disable, 0);
    router_add("POST", "/admin/users/{id}/enable", post_enable, 0);
    router_add("POST", "/admin/users/{id}/totp-reset", post_totp_reset, 0);
}
