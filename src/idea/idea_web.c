/*
 * idea_web.c - the pages of residents' ideas: the team's list, recording an
 * idea with who brought it, and the idea's page where the team supports it,
 * turns it into an activity (the activity form, prefilled) or records why it
 * is not pursued.
 */
#include "idea_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../neighbourhood/presence_web.h"
#include "idea.h"

#include <string.h>

static int query_offset(http_request *req)
{
    int64_t v = 0;
    return text_parse_int64(req_query(req, "offset"), &v) && v > 0 && v < 100000 ? (int)v : 0;
}

static void get_ideas(http_request *req)
{
    const char *status = req_query(req, "status");
    if (status && !presence_code_valid(idea_statuses, status))
        status = NULL;
    int offset = query_offset(req);
    wt_idea *ideas;
    int n = 0;
    bool more = false;
    if (presence_web_failed(req, idea_list(&req->ctx, status, IDEA_PAGE, offset, &ideas, &n, &more)))
        return;
    page_begin(req, _("Ideeën van bewoners"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Ideeën van bewoners"));
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/ideas/new\">%s</a></p>",
                _("Idee vastleggen"));
    html_printf(b, "<nav class=\"wt-tabs\" aria-label=\"%s\"><ul><li><a class=\"utrecht-link%s\" href=\"/ideas\"%s>%s</a></li>",
                _("Welke ideeën"), status ? "" : " wt-tabs__current", status ? "" : " aria-current=\"page\"", _("Open"));
    for (const presence_code *c = idea_statuses; c->code; c++) {
        bool cur = status && strcmp(status, c->code) == 0;
        html_printf(b, "<li><a class=\"utrecht-link%s\" href=\"/ideas?status=%s\"%s>%s</a></li>", cur ? " wt-tabs__current" : "",
                    c->code, cur ? " aria-current=\"page\"" : "", _(c->label));
    }
    html_raw(b, "</ul></nav>");
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen ideeën in deze lijst."));
    } else {
        html_printf(b,
                    "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                    "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead><tbody class=\"utrecht-table__body\">",
                    _("Ideeën, nieuwste eerst"), _("Idee"), _("Van"), _("Stand"));
        for (int i = 0; i < n; i++)
            html_printf(b,
                        "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                        "<a class=\"utrecht-link\" href=\"/ideas/%lld\">%s</a></th><td class=\"utrecht-table__cell\">%s (%s)</td>"
                        "<td class=\"utrecht-table__cell\">%s</td></tr>",
                        (long long)ideas[i].id, ideas[i].title, ideas[i].brought_by ? ideas[i].brought_by : "",
                        presence_label(idea_sources, ideas[i].source), presence_label(idea_statuses, ideas[i].status));
        html_raw(b, "</tbody></table></div>");
    }
    presence_pager(req, status ? arena_printf(req->a, "/ideas?status=%s", status) : "/ideas", offset, IDEA_PAGE, more);
    page_end(req);
}

static void idea_form(http_request *req, const errors *e)
{
    bool posted = strcmp(req->method, "POST") == 0;
    page_begin(req, _("Idee vastleggen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Idee vastleggen"));
    error_summary(req, e);
    form_begin(req, "/ideas", NULL);
    field_text(req, &(field){.name = "title", .label = _("Het idee in een paar woorden"), .required = true,
                             .value = req_form(req, "title"), .maxlength = PRESENCE_SHORT_MAX,
                             .error = presence_err(e, "title")});
    field_text(req, &(field){.name = "brought_by_name", .label = _("Wie bracht het?"), .required = true,
                             .value = req_form(req, "brought_by_name"), .maxlength = 100, .autocomplete = "off",
                             .hint = _("Naam van de bewoner, met zijn toestemming."),
                             .error = presence_err(e, "brought_by_name")});
    presence_choices(req, "source", _("Waar kwam het binnen?"), idea_sources, posted ? req_form(req, "source") : "outreach",
                     presence_err(e, "source"), NULL);
    field_textarea(req, &(field){.name = "body", .label = _("Toelichting"), .value = req_form(req, "body"),
                                 .maxlength = PRESENCE_LONG_MAX, .error = presence_err(e, "body")},
                   3);
    form_button(req, _("Idee vastleggen"), true);
    form_end(req);
    page_end(req);
}

static void get_idea_new(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    idea_form(req, NULL);
}

static void post_ideas(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    errors e;
    errors_init(&e, req->a);
    idea_input in = {.title = req_form(req, "title"), .body = req_form(req, "body"),
                     .brought_by_name = req_form(req, "brought_by_name"), .source = req_form(req, "source")};
    int64_t id = 0;
    wt_status st = idea_create(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        idea_form(req, &e);
        req->status = 400;
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/ideas/%lld", (long long)id), "created");
}

static void idea_page(http_request *req, int64_t id, const errors *e)
{
    wt_idea idea;
    int status = req->status;
    if (presence_web_failed(req, idea_get(&req->ctx, id, &idea)))
        return;
    page_begin(req, _("Idee"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", idea.title);
    error_summary(req, e);
    html_raw(b, "<dl class=\"wt-facts\">");
    presence_fact(req, _("Gebracht door"), idea.brought_by);
    presence_fact(req, _("Binnengekomen via"), presence_label(idea_sources, idea.source));
    presence_fact(req, _("Op"), presence_day(req, idea.created_at));
    presence_fact(req, _("Toelichting"), idea.body);
    presence_fact(req, _("Stand"), presence_label(idea_statuses, idea.status));
    presence_fact(req, _("Reden"), idea.reason);
    if (idea.activity_id)
        html_printf(b, "<dt>%s</dt><dd><a class=\"utrecht-link\" href=\"/activities/%lld\">%s</a></dd>", _("Activiteit"),
                    (long long)idea.activity_id, idea.activity_title ? idea.activity_title : "");
    html_raw(b, "</dl>");
    if (strcmp(idea.status, "became_activity") != 0) {
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"wt-actions\">", _("Verder met dit idee"));
        if (strcmp(idea.status, "supported") != 0)
            button_form(req, arena_printf(req->a, "/ideas/%lld/status", (long long)idea.id), _("Steunen"), "status", "supported");
        html_printf(b, " <a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/activities/new?idee=%lld\">%s</a></p>",
                    (long long)idea.id, _("Er komt een activiteit van"));
        if (strcmp(idea.status, "not_pursued") != 0) {
            form_begin(req, arena_printf(req->a, "/ideas/%lld/status", (long long)idea.id), NULL);
            html_raw(b, "<input type=\"hidden\" name=\"status\" value=\"not_pursued\">");
            field_text(req, &(field){.name = "reason", .label = _("Waarom gaat het niet door?"),
                                     .value = e ? req_form(req, "reason") : NULL, .error = presence_err(e, "reason"),
                                     .maxlength = PRESENCE_LONG_MAX});
            form_button(req, _("Gaat niet door"), false);
            form_end(req);
        }
    }
    html_printf(b, "<p><a class=\"utrecht-link\" href=\"/ideas\">%s</a></p>", _("Terug naar de ideeën"));
    page_end(req);
    if (status)
        req->status = status;
}

static void get_idea(http_request *req)
{
    idea_page(req, req->ids[0], NULL);
}

static void post_status(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = idea_set_status(&req->ctx, req->ids[0], req_form(req, "status"), req_form(req, "reason"),
                                   presence_form_id(req, "activity_id"), &e);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        req->status = st == WT_INVALID ? 400 : 409;
        idea_page(req, req->ids[0], &e);
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/ideas/%lld", (long long)req->ids[0]), "saved");
}

void idea_web_routes(void)
{
    router_add("GET", "/ideas", get_ideas, 0);
    router_add("GET", "/ideas/new", get_idea_new, 0);
    router_add("POST", "/ideas", post_ideas, 0);
    router_add("GET", "/ideas/{id}", get_idea, 0);
    router_add("POST", "/ideas/{id}/status", post_status, 0);
}
