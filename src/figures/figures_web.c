/*
 * figures_web.c - the page of figures (/figures, "Cijfers") for the policy
 * officer and the team leader: a choice of team and neighbourhood, then one
 * table per figure. Small counts read "<5"; derived figures over a small base
 * read "niet getoond". Nothing on the page names or links a person.
 */
#include "figures_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "figures.h"

static const char *count_text(http_request *req, const fig_row *r)
{
    return r->suppressed ? "<5" : arena_printf(req->a, "%ld", r->count);
}

static const char *value_text(http_request *req, const fig_table *t, const fig_row *r)
{
    if (t->kind == FIG_HOURS)
        return arena_printf(req->a, "%.0f", r->value);
    if (r->count == 0)
        return "-";
    if (r->suppressed)
        return _("niet getoond");
    if (t->kind == FIG_PERCENT)
        return arena_printf(req->a, "%.0f%%", r->value);
    return arena_printf(req->a, "%+.1f", r->value);
}

static void row_html(http_request *req, const fig_table *t, const fig_row *r, bool total)
{
    buf *b = &req->out;
    html_printf(b, "<tr class=\"utrecht-table__row%s\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>",
                total ? " wt-row--total" : "", r->label);
    if (t->kind == FIG_COUNT)
        html_printf(b, "<td class=\"utrecht-table__cell wt-num\">%s</td>", count_text(req, r));
    else if (t->kind == FIG_HOURS)
        html_printf(b, "<td class=\"utrecht-table__cell wt-num\">%s</td>", value_text(req, t, r));
    else
        html_printf(b, "<td class=\"utrecht-table__cell wt-num\">%s</td><td class=\"utrecht-table__cell wt-num\">%s</td>",
                    value_text(req, t, r), count_text(req, r));
    html_raw(b, "</tr>");
}

static void table_html(http_request *req, const fig_table *t)
{
    buf *b = &req->out;
    html_printf(b, "<div class=\"wt-table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"fig-%s\">"
                   "<table class=\"utrecht-table utrecht-table--html-table\" id=\"table-%s\">"
                   "<caption class=\"utrecht-table__caption\" id=\"fig-%s\">%s</caption>"
                   "<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                t->key, t->key, t->key, t->title, t->head);
    if (t->kind == FIG_COUNT)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>", _("Aantal"));
    else if (t->kind == FIG_HOURS)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>", _("Uren (12 maanden)"));
    else
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                    t->kind == FIG_PERCENT ? _("Aandeel") : _("Gemiddelde verandering"),
                    t->kind == FIG_PERCENT ? _("Van acties") : _("Personen"));
    html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
    for (int i = 0; i < t->n; i++)
        row_html(req, t, &t->rows[i], false);
    if (t->has_total)
        row_html(req, t, &t->total, true);
    html_raw(b, "</tbody></table></div>");
}

static void choose_form(http_request *req, const figures *f, const char *team_q, const char *area_q, const errors *e)
{
    form_begin_get(req, "/figures", "wt-form--inline");
    if (req->ctx.who.role == ROLE_POLICY) {
        option *teams = arena_alloc(req->a, sizeof(option) * (size_t)(f->n_teams + 1));
        teams[0] = (option){"", _("Alle teams")};
        for (int i = 0; i < f->n_teams; i++)
            teams[i + 1] = (option){f->teams[i].code, f->teams[i].name};
        field_select(req, &(field){.name = "team", .label = _("Team"), .value = team_q, .error = errors_get(e, "team")},
                     teams, f->n_teams + 1);
    }
    option *areas = arena_alloc(req->a, sizeof(option) * (size_t)(f->n_areas + 1));
    areas[0] = (option){"", _("Alle buurten")};
    for (int i = 0; i < f->n_areas; i++)
        areas[i + 1] = (option){f->areas[i].code, f->areas[i].name};
    field_select(req, &(field){.name = "neighbourhood", .label = _("Buurt"), .value = area_q,
                               .error = errors_get(e, "neighbourhood")},
                 areas, f->n_areas + 1);
    form_button(req, _("Toon"), false);
    form_end(req);
}

static void intro(http_request *req, const figures *f)
{
    buf *b = &req->out;
    const char *where = f->team_name ? f->team_name : _("alle teams");
    if (f->neighbourhood_name)
        where = arena_printf(req->a, "%s, %s", where, f->neighbourhood_name);
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", arena_printf(req->a, _("Cijfers van %s."), where));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Alleen samengetelde cijfers, nooit een persoon of huishouden. Aantallen van 1 tot 4 staan er als "
                  "\"<5\"; staat er een totaal onder, dan is ook het kleinste andere getal verborgen, zodat niemand een "
                  "verborgen aantal kan terugrekenen. Een gemiddelde of aandeel over minder dan 5 telt niet mee."));
}

static void get_figures(http_request *req)
{
    const char *team_q = req_query(req, "team");
    const char *area_q = req_query(req, "neighbourhood");
    int64_t team_id = 0;
    errors e;
    errors_init(&e, req->a);
    if (team_q && *team_q && !text_parse_int64(team_q, &team_id))
        errors_add(&e, "team", _("Kies een bestaand team."));
    figures *f = arena_alloc(req->a, sizeof *f);
    wt_status st = e.count ? WT_INVALID : figures_get(&req->ctx, team_id, area_q, &e, f);
    if (st == WT_INVALID) {
        req->status = 400;
        errors e2;
        errors_init(&e2, req->a);
        figures_get(&req->ctx, 0, NULL, &e2, f); /* the figures of the whole scope under the form with errors */
    } else if (page_failed(req, st, _("Alleen beleidsmedewerkers en teamleiders zien de cijfers."), NULL))
        return;
    page_begin(req, _("Cijfers"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Cijfers"));
    if (e.count)
        error_summary(req, &e);
    intro(req, f);
    choose_form(req, f, team_q ? team_q : "", area_q ? area_q : "", &e);
    for (int i = 0; i < FIG_TABLES; i++) {
        if (i == FIG_T_TEAMS && (f->team_id || f->n_teams < 2))
            continue; /* one team: the table per team says nothing new */
        table_html(req, &f->tables[i]);
    }
    page_end(req);
}

void figures_web_routes(void)
{
    router_add("GET", "/figures", get_figures, 0);
}
