/*
 * team_admin_web.c - the administrator's pages for teams: the list, a new
 * team, and the edit page with name, municipality, CBS district code and the
 * share of time agreed for prevention, together with the team's members and
 * the warnings about its composition (8 to 12 professionals, at least one
 * community worker). No case or resident content appears here.
 */
#include "team_admin_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../user/user.h"
#include "team.h"
#include "team_web.h"

#include <string.h>

/* The team's fields as typed in a form (or taken from the stored team). */
typedef struct team_form {
    const char *name;
    const char *municipality;
    const char *district_code;
    const char *prevention_share;
} team_form;

/* The error page for a failed status; false when st is WT_OK. */
static bool admin_failed(http_request *req, wt_status st)
{
    return page_failed(req, st, _("Teams beheren is voorbehouden aan de beheerder."), _("Dit team bestaat niet."));
}

static team_form form_from_team(http_request *req, const team *t)
{
    return (team_form){t->name, t->municipality, t->district_code ? t->district_code : "",
                       arena_printf(req->a, "%d", t->prevention_share)};
}

static team_form form_from_request(http_request *req)
{
    return (team_form){req_form(req, "name"), req_form(req, "municipality"), req_form(req, "district_code"),
                       req_form(req, "prevention_share")};
}

/* The input for the rules; a share that is not a whole number is reported here, the rest by the rules. */
static team_input input_from_form(const team_form *f, int default_share, errors *e)
{
    team_input in = {f->name, f->municipality, f->district_code, default_share};
    int64_t v;
    if (f->prevention_share && *f->prevention_share) {
        if (text_parse_int64(f->prevention_share, &v) && v >= 0 && v <= 100)
            in.prevention_share = (int)v;
        else
            errors_add(e, "prevention_share", _("Het aandeel preventie is een heel getal van 0 tot 100 (procent)."));
    }
    return in;
}

static void team_fields(http_request *req, const team_form *v, const errors *e)
{
    field_text(req, &(field){.name = "name", .label = _("Naam van het team"), .value = v->name,
                             .error = e ? errors_get(e, "name") : NULL, .maxlength = 100, .required = true,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = "municipality", .label = _("Gemeente"), .value = v->municipality,
                             .error = e ? errors_get(e, "municipality") : NULL, .maxlength = 100, .required = true,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = "district_code", .label = _("Wijkcode (CBS)"), .value = v->district_code,
                             .hint = _("De code van de wijk bij het CBS, zoals WK008003."),
                             .error = e ? errors_get(e, "district_code") : NULL, .maxlength = 8, .autocomplete = "off"});
    field_text(req, &(field){.name = "prevention_share", .label = _("Afgesproken aandeel preventie (%)"),
                             .value = v->prevention_share, .type = "number",
                             .hint = _("Het deel van de tijd dat het team volgens de afspraak met de gemeente besteedt aan preventie, "
                                       "outreach en collectieve activiteiten, in plaats van aan individuele casussen. Een nieuw team zonder getal krijgt 40."),
                             .error = e ? errors_get(e, "prevention_share") : NULL, .maxlength = 3, .autocomplete = "off"});
}

static void members_section(http_request *req, int64_t team_id, const user *us, int n)
{
    buf *b = &req->out;
    html_printf(b, "<section aria-labelledby=\"h-leden\"><h2 class=\"utrecht-heading-2\" id=\"h-leden\">%s</h2>",
                _("Leden"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Dit team heeft nog geen leden."));
    } else {
        html_printf(b,
                    "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                    "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\">"
                    "<tr class=\"utrecht-table__row\"><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead>"
                    "<tbody class=\"utrecht-table__body\">",
                    _("Leden van het team"), _("Naam"), _("Rol"), _("Discipline"), _("Status"));
        for (int i = 0; i < n; i++)
            html_printf(b,
                        "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                        "<a class=\"utrecht-link\" href=\"/admin/users/%lld\">%s</a></th>"
                        "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                        "<td class=\"utrecht-table__cell\">%s</td></tr>",
                        (long long)us[i].id, us[i].display_name, role_label(us[i].role),
                        discipline_label(us[i].discipline), us[i].disabled ? _("Geblokkeerd") : _("Actief"));
        html_raw(b, "</tbody></table></div>");
    }
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/users?team=%lld\">%s</a> · "
                   "<a class=\"utrecht-link\" href=\"/admin/users/new\">%s</a></p>",
                (long long)team_id, _("Leden beheren"), _("Nieuwe gebruiker"));
    html_raw(b, "</section>");
}

/* ---- the list ------------------------------------------------------------------------------------------------ */

static void team_row(http_request *req, const team *t, const team_composition *tc)
{
    const char *warnings[TEAM_WARNINGS_MAX];
    int nw = team_composition_warnings(tc, warnings);
    html_printf(&req->out,
                "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                "<a class=\"utrecht-link\" href=\"/admin/teams/%lld\">%s</a></th>"
                "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                "<td class=\"utrecht-table__cell\">%d%%</td><td class=\"utrecht-table__cell\">%d</td>"
                "<td class=\"utrecht-table__cell\">",
                (long long)t->id, t->name, t->municipality, t->district_code ? t->district_code : "",
                t->prevention_share, tc->professionals);
    if (nw == 0)
        html_printf(&req->out, "%s", _("In orde"));
    for (int i = 0; i < nw; i++)
        html_printf(&req->out, "<p class=\"utrecht-paragraph wt-warning\">%s</p>", warnings[i]);
    html_raw(&req->out, "</td></tr>");
}

static void get_teams(http_request *req)
{
    team *ts;
    int n = 0;
    wt_status st = team_check_admin(&req->ctx);
    if (st == WT_OK)
        st = team_list(&req->ctx, &ts, &n);
    team_composition *tcs = arena_alloc(req->a, sizeof(team_composition) * (size_t)(n ? n : 1));
    for (int i = 0; st == WT_OK && i < n; i++) /* a municipality has a handful of teams */
        st = team_composition_of(&req->ctx, ts[i].id, &tcs[i]);
    if (admin_failed(req, st))
        return;
    page_begin(req, _("Teams"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Teams"));
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/teams/new\">%s</a></p>",
                _("Nieuw team"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er zijn nog geen teams."));
    } else {
        html_printf(b,
                    "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                    "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\">"
                    "<tr class=\"utrecht-table__row\"><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead>"
                    "<tbody class=\"utrecht-table__body\">",
                    _("Teams"), _("Team"), _("Gemeente"), _("Wijkcode"), _("Preventie"), _("Professionals"),
                    _("Samenstelling"));
        for (int i = 0; i < n; i++)
            team_row(req, &ts[i], &tcs[i]);
        html_raw(b, "</tbody></table></div>");
    }
    page_end(req);
}

/* ---- a new team ---------------------------------------------------------------------------------------------- */

static void new_team_page(http_request *req, const team_form *v, const errors *e)
{
    page_begin(req, _("Nieuw team"));
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Nieuw team"));
    error_summary(req, e);
    form_begin(req, "/admin/teams/new", NULL);
    team_fields(req, v, e);
    form_button(req, _("Team aanmaken"), true);
    form_end(req);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/teams\">%s</a></p>",
                _("Terug naar de teams"));
    page_end(req);
}

static void get_new_team(http_request *req)
{
    if (admin_failed(req, team_check_admin(&req->ctx)))
        return;
    team_form v = {.prevention_share = "40"};
    new_team_page(req, &v, NULL);
}

static void post_new_team(http_request *req)
{
    if (admin_failed(req, team_check_admin(&req->ctx)))
        return;
    team_form v = form_from_request(req);
    errors e;
    errors_init(&e, req->a);
    team_input in = input_from_form(&v, -1, &e);
    int64_t id = 0;
    wt_status st = team_create(&req->ctx, &in, &e, &id); /* writes nothing when e already holds an error */
    if (st == WT_INVALID) {
        req->status = 400;
        new_team_page(req, &v, &e);
        req->status = 400;
        return;
    }
    if (admin_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/admin/teams/%lld", (long long)id), "team_created");
}

/* ---- the edit page ------------------------------------------------------------------------------------------- */

typedef struct team_view {
    team t;
    team_composition tc;
    user *members;
    int n_members;
} team_view;

static bool load_team(http_request *req, team_view *tv)
{
    wt_status st = team_check_admin(&req->ctx);
    if (st == WT_OK)
        st = team_get(&req->ctx, req->ids[0], &tv->t);
    if (st == WT_OK)
        st = team_composition_of(&req->ctx, tv->t.id, &tv->tc);
    if (st == WT_OK)
        st = user_list(&req->ctx, tv->t.id, &tv->members, &tv->n_members);
    return !admin_failed(req, st);
}

static void edit_page(http_request *req, const team_view *tv, const team_form *v, const errors *e)
{
    page_begin(req, tv->t.name);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Team"), tv->t.name);
    error_summary(req, e);
    html_printf(&req->out, "<section aria-labelledby=\"h-gegevens\"><h2 class=\"utrecht-heading-2\" id=\"h-gegevens\">%s</h2>",
                _("Gegevens"));
    form_begin(req, arena_printf(req->a, "/admin/teams/%lld", (long long)tv->t.id), NULL);
    team_fields(req, v, e);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    html_raw(&req->out, "</section>");
    team_composition_section(req, &tv->tc);
    members_section(req, tv->t.id, tv->members, tv->n_members);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/teams\">%s</a></p>",
                _("Terug naar de teams"));
    page_end(req);
}

static void get_team(http_request *req)
{
    team_view tv;
    if (!load_team(req, &tv))
        return;
    team_form v = form_from_team(req, &tv.t);
    edit_page(req, &tv, &v, NULL);
}

static void post_team(http_request *req)
{
    team_view tv;
    if (!load_team(req, &tv))
        return;
    team_form v = form_from_request(req);
    errors e;
    errors_init(&e, req->a);
    team_input in = input_from_form(&v, -1, &e);
    wt_status st = team_update(&req->ctx, tv.t.id, &in, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        edit_page(req, &tv, &v, &e);
        req->status = 400;
        return;
    }
    if (admin_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/admin/teams/%lld", (long long)tv.t.id), "team_saved");
}

void team_admin_web_routes(void)
{
    router_add("GET", "/admin/teams", get_teams, 0);
    router_add("GET", "/admin/teams/new", get_new_team, 0);
    router_add("POST", "/admin/teams/new", post_new_team, 0);
    router_add("GET", "/admin/teams/{id}", get_team, 0);
    router_add("POST", "/admin/teams/{id}", post_team, 0);
}
