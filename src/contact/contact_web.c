/*
 * contact_web.c - the case timeline and the contact form (see contact_web.h).
 * The newest contact comes first; older ones are a link away.
 */
#include "contact_web.h"
#include "../case/case_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"

static void contact_form(http_request *req, const wt_case *c, const case_form *f)
{
    char today[11];
    date_format(date_today(), today);
    int n = 0;
    option *kinds = case_form_options(req, contact_kinds, NULL, &n);
    form_begin(req, arena_printf(req->a, "/cases/%lld/contacts", (long long)c->id), NULL);
    field_select(req, &(field){.name = "kind", .id = case_form_id(req, f, "kind"), .label = _("Soort contact"),
                               .required = true, .value = case_form_value(req, f, "kind", "visit"),
                               .error = case_form_error(f, "kind")},
                 kinds, n);
    field_text(req, &(field){.name = "happened_on", .id = case_form_id(req, f, "happened_on"), .type = "date",
                             .label = _("Datum"), .required = true,
                             .value = case_form_value(req, f, "happened_on", arena_strdup(req->a, today)),
                             .error = case_form_error(f, "happened_on")});
    field_text(req, &(field){.name = "minutes", .id = case_form_id(req, f, "minutes"), .type = "number",
                             .label = _("Duur in minuten"), .hint = _("Van 0 tot 1440."),
                             .value = case_form_value(req, f, "minutes", ""), .error = case_form_error(f, "minutes")});
    field_textarea(req, &(field){.name = "summary", .id = case_form_id(req, f, "summary"), .label = _("Samenvatting"),
                                 .required = true, .hint = _("Wat is besproken en wat is afgesproken?"),
                                 .value = case_form_value(req, f, "summary", ""),
                                 .error = case_form_error(f, "summary"), .maxlength = CASE_TEXT_MAX},
                   4);
    form_button(req, _("Contact vastleggen"), true);
    form_end(req);
}

static void pager(http_request *req, const wt_case *c, int total, int offset, int page_size)
{
    if (total <= page_size)
        return;
    buf *b = &req->out;
    html_printf(b, "<nav aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Tijdlijn bladeren"));
    if (offset > 0)
        html_printf(b, "<a class=\"utrecht-link\" href=\"/cases/%lld?tijdlijn=%d#h-tijdlijn\">%s</a> ", (long long)c->id,
                    offset - page_size > 0 ? offset - page_size : 0, _("Nieuwere contacten"));
    if (offset + page_size < total)
        html_printf(b, "<a class=\"utrecht-link\" href=\"/cases/%lld?tijdlijn=%d#h-tijdlijn\">%s</a>", (long long)c->id,
                    offset + page_size, _("Oudere contacten"));
    html_raw(b, "</p></nav>");
}

void contact_web_section(http_request *req, const wt_case *c, const contact *items, int n, int total, int offset,
                         int page_size)
{
    buf *b = &req->out;
    if (case_is_open(c) && case_access_loaded(&req->ctx, c, PERM_CASE_WRITE) == WT_OK) {
        html_printf(b, "<details class=\"wt-details\"><summary>%s</summary>", _("Contact vastleggen"));
        contact_form(req, c, &(case_form){.prefix = "ct-"});
        html_raw(b, "</details>");
    }
    if (total == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog geen contacten vastgelegd."));
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%d %s</p><ol class=\"wt-timeline\">", total,
                total == 1 ? _("contact, nieuwste eerst") : _("contacten, nieuwste eerst"));
    for (int i = 0; i < n; i++) {
        const contact *k = &items[i];
        /* Date first: the eye runs down the dates of a timeline. */
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><strong><time datetime=\"%s\">%s</time></strong> · %s",
                    k->happened_on, case_web_date(req, k->happened_on), contact_kind_label(k->kind));
        if (k->minutes > 0)
            html_printf(b, " · %d %s", k->minutes, _("minuten"));
        html_printf(b, " · %s %s</p><p class=\"utrecht-paragraph wt-pre\">%s</p></li>", _("door"), k->user_name,
                    k->summary);
    }
    html_raw(b, "</ol>");
    pager(req, c, total, offset, page_size);
}

static void post_contact(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    contact_input in = {req_form(req, "kind"), req_form(req, "happened_on"), req_form(req, "minutes"),
                        req_form(req, "summary")};
    int64_t id = 0;
    wt_status st = contact_add(&req->ctx, req->ids[0], &in, &e, &id);
    if (st == WT_INVALID) {
        wt_case c;
        if (case_web_failed(req, case_get(&req->ctx, req->ids[0], &c), NULL))
            return;
        req->status = 400;
        case_web_form_page_begin(req, &c, _("Contact vastleggen"), &e);
        contact_form(req, &c, &(case_form){.e = &e, .posted = true});
        page_end(req);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "contact", "h-tijdlijn");
}

void contact_web_routes(void)
{
    router_add("POST", "/cases/{id}/contacts", post_contact, 0);
}
