/*
 * home_web.c - the start page. Each role starts where its work is: a worker
 * at his work queue (his open cases, his actions that are due or overdue, the
 * follow-ups of neighbours he asked to help, cases handed to him lately), a team leader at the same plus the team, an
 * administrator at users and teams, a policy officer at the figures.
 */
#include "home_web.h"
#include "../casemember/casemember_web.h"
#include "../case/case.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../network/network_web.h"
#include "../plan/plan.h"
#include "support_web.h"

static void heading(http_request *req)
{
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Welkom,"),
                req->ctx.who.display_name ? req->ctx.who.display_name : "");
}

static void section_begin(http_request *req, const char *id, const char *title)
{
    html_printf(&req->out,
                "<section class=\"wt-section\" aria-labelledby=\"h-%s\"><h2 class=\"utrecht-heading-2\" id=\"h-%s\">%s</h2>",
                id, id, title);
}

static void actions_block(http_request *req, const worklist *w)
{
    buf *b = &req->out;
    section_begin(req, "acties", _("Acties die deze week af moeten"));
    if (w->n_actions == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p></section>",
                    _("Geen acties die deze week of eerder af moeten."));
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Wat u zelf doet, en wat in de casussen waarvan u regisseur bent af moet: volg het op."));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < w->n_actions; i++) {
        const worklist_action *x = &w->actions[i];
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><span class=\"wt-layer wt-layer--%s\">%s</span> %s</p>",
                    x->layer, plan_label(plan_layers, x->layer), x->body);
        html_raw(b, "<p class=\"utrecht-paragraph\">");
        if (x->overdue)
            html_printf(b, "<strong class=\"wt-overdue\">%s</strong> ", _("Te laat."));
        html_printf(b, "%s %s. ", _("Streefdatum"), date_display(req->a, x->due_on));
        if (x->mine)
            html_printf(b, "<strong>%s</strong> ", _("U voert deze actie uit."));
        else
            html_printf(b, "%s %s. ", _("Uitvoerder:"), x->performer);
        html_printf(b, "<a class=\"utrecht-link\" href=\"/cases/%lld#goal-%lld\">%s</a></p></li>", (long long)x->case_id,
                    (long long)x->goal_id, x->household_name);
    }
    html_raw(b, "</ul></section>");
}

static void handovers_block(http_request *req, const worklist *w)
{
    buf *b = &req->out;
    if (w->n_handovers == 0)
        return;
    section_begin(req, "overgedragen", _("Aan u overgedragen"));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < w->n_handovers; i++) {
        const worklist_handover *h = &w->handovers[i];
        html_printf(b,
                    "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld\">%s</a>, %s %s %s.</p>"
                    "<p class=\"utrecht-paragraph wt-pre\">%s</p></li>",
                    (long long)h->case_id, h->household_name, date_display(req->a, h->at), _("van"), h->from_name,
                    h->reason);
    }
    html_raw(b, "</ul></section>");
}

static void cases_block(http_request *req, const worklist *w)
{
    buf *b = &req->out;
    section_begin(req, "casussen", _("Mijn casussen"));
    if (w->n_cases == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p></section>", _("U bent van geen open casus de regisseur."));
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph\">%s %d %s.</p><ul class=\"utrecht-unordered-list\">",
                _("U bent regisseur van"), w->total_cases, w->total_cases == 1 ? _("open casus") : _("open casussen"));
    for (int i = 0; i < w->n_cases; i++)
        html_printf(b, "<li><a class=\"utrecht-link\" href=\"/cases/%lld\">%s</a> <span class=\"wt-muted\">(%s %s)</span></li>",
                    (long long)w->cases[i].id, w->cases[i].household_name, _("sinds"),
                    date_display(req->a, w->cases[i].opened_on));
    html_raw(b, "</ul>");
    if (w->total_cases > w->n_cases)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases?mine=1\">%s</a></p>",
                    _("Al mijn casussen"));
    html_raw(b, "</section>");
}

static void links(http_request *req, const char *const *items, int n)
{
    html_raw(&req->out, "<ul class=\"utrecht-unordered-list\">");
    for (int i = 0; i < n; i += 2)
        html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"%s\">%s</a></li>", items[i], _(items[i + 1]));
    html_raw(&req->out, "</ul>");
}

static void work_queue(http_request *req)
{
    worklist w;
    if (case_worklist(&req->ctx, &w) != WT_OK) {
        page_error(req, 503, _("Uw werklijst is nu niet beschikbaar; probeer het zo opnieuw."));
        return;
    }
    page_begin(req, _("Start"));
    heading(req);
    casemember_web_home_section(req);
    actions_block(req, &w);
    network_home_block(req);
    support_home_sections(req);
    handovers_block(req, &w);
    cases_block(req, &w);
    if (req->ctx.who.role == ROLE_TEAMLEADER) {
        static const char *const team[] = {"/team", N_("Caseload en samenstelling van het team"), "/cases",
                                           N_("Alle casussen van het team")};
        section_begin(req, "team", _("Team"));
        links(req, team, 4);
        html_raw(&req->out, "</section>");
    }
    static const char *const quick[] = {"/search", N_("Huishouden of persoon zoeken"), "/households/new",
                                        N_("Nieuw huishouden registreren"), "/frontdoor", N_("Vragen bij de voordeur")};
    section_begin(req, "snel", _("Snel naar"));
    links(req, quick, 6);
    html_raw(&req->out, "</section>");
    page_end(req);
}

static void get_home(http_request *req)
{
    switch (req->ctx.who.role) {
    case ROLE_WORKER:
    case ROLE_TEAMLEADER:
        work_queue(req);
        return;
    case ROLE_ADMIN: {
        static const char *const admin[] = {"/admin/users", N_("Gebruikers beheren"), "/admin/teams", N_("Teams beheren")};
        page_begin(req, _("Start"));
        heading(req);
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Als beheerder beheert u gebruikers en teams. U ziet geen huishoudens en geen inhoud van casussen."));
        links(req, admin, 4);
        page_end(req);
        return;
    }
    case ROLE_POLICY: {
        static const char *const policy[] = {"/figures", N_("Cijfers per team en buurt")};
        page_begin(req, _("Start"));
        heading(req);
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>",
                    _("Als beleidsmedewerker ziet u alleen geanonimiseerde, samengetelde cijfers: nooit een persoon, "
                      "een huishouden of de inhoud van een casus."));
        links(req, policy, 2);
        page_end(req);
        return;
    }
    default:
        page_begin(req, _("Start"));
        heading(req);
        page_end(req);
        return;
    }
}

void home_web_routes(void)
{
    router_add("GET", "/", get_home, 0);
}
