/*
 * team_admin_web.c - the administrator's pages for teams: the list, a new
 * team, and the team page: the warnings about its composition (8 to 12
 * professionals, at least one community worker), its members with their
 * disciplines, and the form for its name, municipality, CBS district code,
 * agreed prevention share and neighbourhoods (its area). No case or resident
 * content appears here.
 */
#include "team_admin_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../neighbourhood/presence_web.h"
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
static team_input input_from_form(http_request *req, const team_form *f, errors *e)
{
    team_input in = {.name = f->name, .municipality = f->municipality, .district_code = f->district_code,
                     .prevention_share = -1};
    int64_t v;
    if (f->prevention_share && *f->prevention_share) {
        if (text_parse_int64(f->prevention_share, &v) && v >= 0 && v <= 100)
            in.prevention_share = (int)v;
        else
            errors_add(e, "prevention_share", _("Het aandeel preventie is een heel getal van 0 tot 100 (procent)."));
    }
    /* The edit form always sends neighbourhoods_sent, so that unticking every box is a change too. */
    if (req_form(req, "neighbourhoods_sent")) {
        int n = kv_count(&req->form, "neighbourhood");
        const char **codes = arena_alloc(req->a, sizeof(char *) * (size_t)(n ? n : 1));
        for (int i = 0; i < n; i++)
            codes[i] = kv_get_nth(&req->form, "neighbourhood", i);
        in.set_neighbourhoods = true;
        in.neighbourhoods = codes;
        in.n_neighbourhoods = n;
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
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-leden\"><h2 class=\"utrecht-heading-2\" id=\"h-leden\">%s</h2>",
                _("Leden"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Dit team heeft nog geen leden."));
    } else {
        html_printf(b,
                    "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                    "<caption class=\"wt-visually-hidden\">%s</caption><thead class=\"utrecht-table__header\">"
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
                    "<caption class=\"wt-visually-hidden\">%s</caption><thead class=\"utrecht-table__header\">"
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
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>",
                _("De buurten van het team kiest u na het aanmaken, op de pagina van het team."));
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
    team_input in = input_from_form(req, &v, &e);
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
    neighbourhood *nbs; /* the team's and those of its municipality */
    int n_nbs;
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
    if (st == WT_OK)
        st = team_neighbourhoods(&req->ctx, tv->t.id, tv->t.municipality, &tv->nbs, &tv->n_nbs);
    return !admin_failed(req, st);
}

static bool form_has(http_request *req, const char *name, const char *value)
{
    for (int i = 0, n = kv_count(&req->form, name); i < n; i++)
        if (strcmp(kv_get_nth(&req->form, name, i), value) == 0)
            return true;
    return false;
}

/* The neighbourhoods of the team as checkboxes: ticked are the team's (or, after an error, what was sent). */
static void neighbourhoods_fieldset(http_request *req, const team_view *tv, const errors *e)
{
    buf *b = &req->out;
    bool posted = strcmp(req->method, "POST") == 0;
    const char *err = e ? errors_get(e, "neighbourhoods") : NULL;
    html_printf(b,
                "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wt-choices\" id=\"f-neighbourhoods\""
                " aria-describedby=\"f-neighbourhoods-hint%s\"><legend class=\"utrecht-form-fieldset__legend"
                " utrecht-form-fieldset__legend--html-legend wt-choices__legend\">%s</legend>"
                "<div class=\"utrecht-form-field-description\" id=\"f-neighbourhoods-hint\">%s</div>"
                "<input type=\"hidden\" name=\"neighbourhoods_sent\" value=\"1\">",
                err ? " f-neighbourhoods-error" : "", _("Buurten"),
                _("Het werkgebied van het team: de adressen in deze buurten horen bij het team. Een buurt die nu bij een ander "
                  "team hoort, gaat over naar dit team als u hem aankruist."));
    if (err)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-neighbourhoods-error\">"
                       "<span class=\"wt-visually-hidden\">%s </span>%s</div>", _("Fout:"), err);
    if (tv->n_nbs == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Van deze gemeente zijn nog geen buurten bekend. Ze worden ingelezen met: wijkteam team neighbourhood add."));
    html_raw(b, "<div class=\"wt-choices__list\">");
    for (int i = 0; i < tv->n_nbs; i++) {
        const neighbourhood *nb = &tv->nbs[i];
        bool checked = posted ? form_has(req, "neighbourhood", nb->code) : nb->team_id == tv->t.id;
        const char *label = nb->team_id && nb->team_id != tv->t.id
                                ? arena_printf(req->a, _("%s (nu bij %s)"), nb->name, nb->team_name)
                                : nb->name;
        presence_checkbox(req, "neighbourhood", arena_printf(req->a, "f-nb-%s", nb->code), nb->code, label, checked);
    }
    html_raw(b, "</div></fieldset>");
}

static void edit_page(http_request *req, const team_view *tv, const team_form *v, const errors *e)
{
    buf *b = &req->out;
    page_begin(req, tv->t.name);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Team"), tv->t.name);
    error_summary(req, e);
    team_composition_section(req, &tv->tc);
    members_section(req, tv->t.id, tv->members, tv->n_members);
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-gegevens\"><h2 class=\"utrecht-heading-2\" id=\"h-gegevens\">%s</h2>",
                _("Gegevens en buurten"));
    form_begin(req, arena_printf(req->a, "/admin/teams/%lld", (long long)tv->t.id), NULL);
    team_fields(req, v, e);
    neighbourhoods_fieldset(req, tv, e);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    html_raw(b, "</section>");
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/admin/teams\">%s</a></p>",
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
    team_input in = input_from_form(req, &v, &e);
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
