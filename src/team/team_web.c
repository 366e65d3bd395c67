/*
 * team_web.c - the team page of the team leader: how the open cases are
 * spread over the workers (caseload), and whether the team is composed as
 * the seeds teach: 8 to 12 professionals of different disciplines, with at
 * least one community worker (opbouwwerker). No resident's data appears here.
 */
#include "team_web.h"
#include "../case/case.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../user/user.h"
#include "team.h"

static void fail(http_request *req, wt_status st)
{
    if (st == WT_FORBIDDEN || st == WT_NOTFOUND)
        page_error(req, 403, _("Het teamoverzicht is er voor de teamleider van het team."));
    else
        page_error(req, 503, _("Het teamoverzicht is nu niet beschikbaar; probeer het zo opnieuw."));
}

int team_composition_warnings(const team_composition *tc, const char *out[TEAM_WARNINGS_MAX])
{
    int n = 0;
    if (tc->too_small)
        out[n++] = _("Het team heeft minder dan 8 professionals: te klein om als team generalistisch te werken.");
    if (tc->too_large)
        out[n++] = _("Het team heeft meer dan 12 professionals: een groot team verliest slagkracht (boven de 15 gaat het mis).");
    if (tc->no_community_worker)
        out[n++] = _("Het team heeft geen opbouwwerker. Elk team hoort er minstens één te hebben: hij kent de wijk tot op straat en huisnummer.");
    return n;
}

void team_composition_section(http_request *req, const team_composition *tc)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-samenstelling\"><h2 class=\"utrecht-heading-2\" id=\"h-samenstelling\">%s</h2>",
                _("Samenstelling"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%d %s</p>", tc->professionals,
                tc->professionals == 1 ? _("professional") : _("professionals"));
    const char *warnings[TEAM_WARNINGS_MAX];
    int nw = team_composition_warnings(tc, warnings);
    for (int i = 0; i < nw; i++)
        html_printf(b, "<div class=\"wt-warning\" role=\"note\"><p class=\"utrecht-paragraph\">%s</p></div>", warnings[i]);
    if (tc->n_disciplines == 0) {
        html_raw(b, "</section>");
        return;
    }
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table\"><caption class=\"wt-visually-hidden\">%s</caption>"
                "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead><tbody class=\"utrecht-table__body\">",
                _("Professionals per discipline"), _("Discipline"), _("Aantal"));
    for (int i = 0; i < tc->n_disciplines; i++) {
        const char *label = discipline_label(tc->by_discipline[i].discipline);
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%d</td></tr>",
                    *label ? label : _("Geen discipline vastgelegd"), tc->by_discipline[i].count);
    }
    html_raw(b, "</tbody></table></div></section>");
}

static void caseload_block(http_request *req, const caseload_row *rows, int n)
{
    buf *b = &req->out;
    int total = 0;
    for (int i = 0; i < n; i++)
        total += rows[i].open_cases;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-caseload\"><h2 class=\"utrecht-heading-2\" id=\"h-caseload\">%s</h2>",
                _("Caseload per medewerker"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%d %s. <a class=\"utrecht-link\" href=\"/cases\">%s</a></p>", total,
                total == 1 ? _("open casus") : _("open casussen"), _("Alle casussen van het team"));
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table\"><caption class=\"wt-visually-hidden\">%s</caption>"
                "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead><tbody class=\"utrecht-table__body\">",
                _("Open casussen per regisseur"), _("Medewerker"), _("Discipline"), _("Open casussen"));
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">"
                    "<a class=\"utrecht-link\" href=\"/cases?coordinator=%lld\">%d<span class=\"wt-visually-hidden\"> %s %s</span></a></td></tr>",
                    rows[i].display_name, discipline_label(rows[i].discipline), (long long)rows[i].user_id,
                    rows[i].open_cases, _("open casussen van"), rows[i].display_name);
    html_raw(b, "</tbody></table></div></section>");
}

static void get_team(http_request *req)
{
    int64_t team_id = req->ctx.who.team_id;
    caseload_row *rows = NULL;
    int n = 0;
    wt_status st = case_caseload(&req->ctx, team_id, &rows, &n);
    team t;
    team_composition tc;
    if (st == WT_OK)
        st = team_composition_of(&req->ctx, team_id, &tc);
    if (st == WT_OK)
        st = team_get(&req->ctx, team_id, &t);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_begin(req, _("Team"));
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Team"), t.name);
    caseload_block(req, rows, n);
    team_composition_section(req, &tc);
    page_end(req);
}

void team_web_routes(void)
{
    router_add("GET", "/team", get_team, 0);
}
