/*
 * frontdoor_web.c - the pages of the front door: the team's queue of
 * questions, ideas and offers, registering one, and handling it (outcome,
 * link to a household, or register the household from it).
 */
#include "frontdoor_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../household/household.h"
#include "frontdoor.h"

#include <string.h>

#define EXCERPT_CHARS 120

static bool web_failed(http_request *req, wt_status st)
{
    return page_failed(req, st, _("U hebt geen toegang tot de voordeur."),
                       _("Deze vraag bestaat niet, of hoort niet bij uw team."));
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The first n characters of s (whole UTF-8 sequences), with an ellipsis when cut. */
static const char *excerpt(arena *a, const char *s, int n)
{
    const unsigned char *p = (const unsigned char *)or_empty(s);
    int count = 0;
    size_t i = 0;
    while (p[i] && count < n) {
        i++;
        while ((p[i] & 0xC0) == 0x80)
            i++;
        count++;
    }
    if (!p[i])
        return (const char *)p;
    return arena_printf(a, "%.*s…", (int)i, (const char *)p);
}

/* Text with its line breaks kept. */
static void text_lines(arena *a, buf *b, const char *s)
{
    const char *p = or_empty(s);
    while (*p) {
        size_t n = strcspn(p, "\n");
        html_text(b, arena_strndup(a, p, n));
        p += n;
        if (*p == '\n') {
            html_raw(b, "<br>");
            p++;
        }
    }
}

static option *code_options(arena *a, const frontdoor_code *table, int *n)
{
    int count = 0;
    while (table[count].code)
        count++;
    option *o = arena_alloc(a, sizeof(option) * (size_t)count);
    for (int i = 0; i < count; i++) {
        o[i].value = table[i].code;
        o[i].label = _(table[i].label);
    }
    *n = count;
    return o;
}

static int64_t query_int(http_request *req, const char *key)
{
    int64_t v = 0;
    if (!text_parse_int64(req_query(req, key), &v) || v < 0 || v > 1000000)
        return 0;
    return v;
}

/* ---- the queue ------------------------------------------------------------------------------------------------- */

static void status_tabs(http_request *req, const char *current)
{
    buf *b = &req->out;
    html_printf(b, "<nav aria-label=\"%s\"><ul class=\"wt-nav__list\">", _("Status van de vragen"));
    for (const frontdoor_code *s = question_statuses; s->code; s++) {
        bool cur = strcmp(s->code, current) == 0;
        html_printf(b, "<li><a class=\"utrecht-link wt-nav__link%s\" href=\"/frontdoor?status=%s\"",
                    cur ? " wt-nav__link--current" : "", s->code);
        html_raw(b, cur ? " aria-current=\"page\">" : ">");
        html_printf(b, "%s</a></li>", _(s->label));
    }
    html_raw(b, "</ul></nav>");
}

static void question_table(http_request *req, const question *qs, int n, const char *caption)
{
    buf *b = &req->out;
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead><tbody class=\"utrecht-table__body\">",
                caption, _("Bewoner"), _("Ontvangen"), _("Soort en kanaal"), _("Wat de bewoner zegt"), _("Huishouden"));
    for (int i = 0; i < n; i++) {
        const question *q = &qs[i];
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                    "<a class=\"utrecht-link\" href=\"/frontdoor/%lld\">%s</a></th><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s, %s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">",
                    (long long)q->id, q->name, date_display(req->a, q->received_at),
                    frontdoor_label(question_kinds, q->kind), frontdoor_label(question_channels, q->channel),
                    excerpt(req->a, q->body, EXCERPT_CHARS));
        if (q->household_id)
            html_printf(b, "<a class=\"utrecht-link\" href=\"/households/%lld\">%s</a>", (long long)q->household_id,
                        or_empty(q->household_name));
        else
            html_printf(b, "<span class=\"wt-muted\">%s</span>", _("nog niet bekend"));
        html_raw(b, "</td></tr>");
    }
    html_raw(b, "</tbody></table></div>");
}

static void get_frontdoor(http_request *req)
{
    const char *status = req_query(req, "status");
    if (!status || !*status)
        status = "open";
    int offset = (int)query_int(req, "offset");
    question *qs = NULL;
    int n = 0;
    bool more = false;
    if (web_failed(req, question_list(&req->ctx, status, QUESTION_PAGE, offset, &qs, &n, &more)))
        return;
    page_begin(req, _("Voordeur"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>", _("Voordeur"),
                _("Vragen, ideeën voor de buurt en aanbod om te helpen, van bewoners die het team al kent of nog niet kent."));
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/frontdoor/new\">%s</a></p>",
                _("Nieuwe vraag, idee of aanbod registreren"));
    status_tabs(req, status);
    const char *label = frontdoor_label(question_statuses, status);
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", label);
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er zijn hier geen vragen."));
    else
        question_table(req, qs, n, arena_printf(req->a, _("%s, nieuwste eerst"), label));
    if (offset > 0 || more) {
        html_printf(b, "<nav aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Pagina's"));
        if (offset > 0)
            html_printf(b, "<a class=\"utrecht-link\" rel=\"prev\" href=\"/frontdoor?status=%s&amp;offset=%d\">%s</a> ",
                        status, offset > QUESTION_PAGE ? offset - QUESTION_PAGE : 0, _("Vorige"));
        if (more)
            html_printf(b, "<a class=\"utrecht-link\" rel=\"next\" href=\"/frontdoor?status=%s&amp;offset=%d\">%s</a>",
                        status, offset + QUESTION_PAGE, _("Volgende"));
        html_raw(b, "</p></nav>");
    }
    page_end(req);
}

/* ---- register -------------------------------------------------------------------------------------------------- */

static void new_question_page(http_request *req, const question_input *in, const char *household_text, const errors *e)
{
    page_begin(req, _("Nieuwe vraag"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Nieuwe vraag, idee of aanbod"));
    error_summary(req, e);
    int nk, nc;
    option *kinds = code_options(req->a, question_kinds, &nk);
    option *channels = code_options(req->a, question_channels, &nc);
    form_begin(req, "/frontdoor/new", NULL);
    field_select(req, &(field){.name = "kind", .label = _("Wat brengt de bewoner?"), .value = in->kind, .required = true,
                               .error = errors_get(e, "kind")}, kinds, nk);
    field_select(req, &(field){.name = "channel", .label = _("Hoe kwam de bewoner bij het team?"), .value = in->channel,
                               .required = true, .error = errors_get(e, "channel")}, channels, nc);
    field_text(req, &(field){.name = "name", .label = _("Naam van de bewoner"), .value = in->name, .required = true,
                             .hint = _("Zoals de bewoner zich voorstelde."), .error = errors_get(e, "name"),
                             .maxlength = 100, .autocomplete = "off"});
    field_text(req, &(field){.name = "contact", .label = _("Contact"), .value = in->contact,
                             .hint = _("Telefoonnummer, e-mailadres of hoe de bewoner bereikbaar is."),
                             .error = errors_get(e, "contact"), .maxlength = 200, .autocomplete = "off"});
    field_textarea(req, &(field){.name = "body", .label = _("De vraag, het idee of het aanbod"), .value = in->body,
                                 .required = true, .hint = _("In de woorden van de bewoner."),
                                 .error = errors_get(e, "body"), .maxlength = 4000}, 6);
    field_text(req, &(field){.name = "household_id", .label = _("Huishoudnummer"), .value = household_text,
                             .type = "number", .hint = _("Als de bewoner al bekend is; het nummer staat op de pagina van het huishouden."),
                             .error = errors_get(e, "household_id"), .autocomplete = "off"});
    form_button(req, _("Registreren"), true);
    form_end(req);
    page_end(req);
}

static void get_new_question(http_request *req)
{
    if (web_failed(req, household_check_role(&req->ctx, true)))
        return;
    errors e;
    errors_init(&e, req->a);
    question_input in = {.kind = "question", .channel = "walk_in"};
    int64_t hh = query_int(req, "huishouden");
    new_question_page(req, &in, hh ? arena_printf(req->a, "%lld", (long long)hh) : NULL, &e);
}

static void post_new_question(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    question_input in = {.kind = req_form(req, "kind"), .channel = req_form(req, "channel"),
                         .name = req_form(req, "name"), .contact = req_form(req, "contact"),
                         .body = req_form(req, "body")};
    const char *hh = req_form(req, "household_id");
    if (!text_empty(hh) && (!text_parse_int64(hh, &in.household_id) || in.household_id <= 0))
        in.household_id = -1; /* the rules name it: no such household */
    int64_t id = 0;
    wt_status st = question_create(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        new_question_page(req, &in, hh, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/frontdoor/%lld", (long long)id), "question");
}

/* ---- one question ---------------------------------------------------------------------------------------------- */

static void question_page(http_request *req, const question *q, const errors *e, const char *status_value,
                          const char *outcome_value, const char *household_value)
{
    page_begin(req, _("Vraag"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s: %s</h1>", frontdoor_label(question_kinds, q->kind), q->name);
    error_summary(req, e);
    html_printf(b,
                "<dl class=\"wt-facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>",
                _("Status"), frontdoor_label(question_statuses, q->status), _("Ontvangen"),
                date_display(req->a, q->received_at), _("Kanaal"), frontdoor_label(question_channels, q->channel),
                _("Geregistreerd door"), or_empty(q->created_by_name), _("Contact"),
                q->contact ? q->contact : _("niet opgegeven"), _("Huishouden"));
    if (q->household_id)
        html_printf(b, "<a class=\"utrecht-link\" href=\"/households/%lld\">%s</a>", (long long)q->household_id,
                    or_empty(q->household_name));
    else
        html_printf(b, "%s", _("nog niet gekoppeld"));
    html_raw(b, "</dd></dl>");
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><blockquote class=\"utrecht-blockquote\"><p class=\"utrecht-paragraph\">",
                _("In de woorden van de bewoner"));
    text_lines(req->a, b, q->body);
    html_raw(b, "</p></blockquote>");
    if (q->outcome) {
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">", _("Uitkomst"));
        text_lines(req->a, b, q->outcome);
        html_raw(b, "</p>");
    }

    const char *action = arena_printf(req->a, "/frontdoor/%lld", (long long)q->id);
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Afhandelen"));
    if (strcmp(q->kind, "offer") == 0) /* volunteers through the front door: into the network in one step */
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-button-link utrecht-button-link--html-a\" "
                       "href=\"/frontdoor/%lld/offer\">%s</a></p>",
                    (long long)q->id, _("Maak er een aanbod in het netwerk van"));
    int ns;
    option *statuses = code_options(req->a, question_statuses, &ns);
    form_begin(req, action, NULL);
    html_raw(b, "<input type=\"hidden\" name=\"action\" value=\"status\">");
    field_select(req, &(field){.name = "status", .label = _("Status"), .value = status_value ? status_value : q->status,
                               .required = true, .error = errors_get(e, "status")}, statuses, ns);
    field_textarea(req, &(field){.name = "outcome", .label = _("Uitkomst"), .value = outcome_value ? outcome_value : q->outcome,
                                 .hint = _("Wat is er met de vraag gedaan? Nodig bij afgehandeld en casus geopend."),
                                 .error = errors_get(e, "outcome"), .maxlength = 4000}, 4);
    form_button(req, _("Opslaan"), true);
    form_end(req);

    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Koppelen aan een huishouden"));
    form_begin_get(req, "/search", "wt-form--inline");
    html_printf(b, "<input type=\"hidden\" name=\"vraag\" value=\"%lld\">", (long long)q->id);
    field_text(req, &(field){.name = "q", .id = "zoek-q", .label = _("Zoek het huishouden op naam"), .type = "search",
                             .maxlength = 100, .autocomplete = "off"});
    form_button(req, _("Zoeken"), false);
    form_end(req);
    form_begin(req, action, "wt-form--inline");
    html_raw(b, "<input type=\"hidden\" name=\"action\" value=\"link\">");
    field_text(req, &(field){.name = "household_id", .label = _("Of vul het huishoudnummer in"), .type = "number",
                             .value = household_value, .error = errors_get(e, "household_id"), .autocomplete = "off"});
    form_button(req, _("Koppelen"), false);
    form_end(req);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/new?vraag=%lld\">%s</a></p>",
                (long long)q->id, _("De bewoner is nog niet bekend: registreer een nieuw huishouden vanuit deze vraag"));
    page_end(req);
}

static void get_question(http_request *req)
{
    question q;
    if (web_failed(req, question_get(&req->ctx, req->ids[0], &q)))
        return;
    errors e;
    errors_init(&e, req->a);
    question_page(req, &q, &e, NULL, NULL, NULL);
}

static void post_question(http_request *req)
{
    if (web_failed(req, question_may_write(&req->ctx)))
        return;
    const char *action = req_form(req, "action");
    errors e;
    errors_init(&e, req->a);
    question_change ch = {0};
    const char *hh = req_form(req, "household_id");
    if (action && strcmp(action, "link") == 0) {
        ch.set_household = true;
        if (text_empty(hh))
            errors_add(&e, "household_id", _("Vul het huishoudnummer in."));
        else if (!text_parse_int64(hh, &ch.household_id) || ch.household_id <= 0)
            errors_add(&e, "household_id", _("Het huishoudnummer is een getal."));
    } else if (action && strcmp(action, "status") == 0) {
        ch.status = req_form(req, "status");
        ch.outcome = req_form(req, "outcome") ? req_form(req, "outcome") : "";
        if (!ch.status)
            errors_add(&e, "status", _("Kies een status: open, afgehandeld of casus geopend."));
    } else {
        page_error(req, 400, _("Onbekende handeling."));
        return;
    }
    wt_status st = e.count ? WT_INVALID : question_update(&req->ctx, req->ids[0], &ch, &e);
    if (st == WT_INVALID) {
        question q;
        if (web_failed(req, question_get(&req->ctx, req->ids[0], &q)))
            return;
        req->status = 400;
        question_page(req, &q, &e, ch.status, ch.outcome, hh);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/frontdoor/%lld", (long long)req->ids[0]),
                         ch.set_household ? "linked" : "saved");
}

void frontdoor_web_routes(void)
{
    router_add("GET", "/frontdoor", get_frontdoor, 0);
    router_add("GET", "/frontdoor/new", get_new_question, 0);
    router_add("POST", "/frontdoor/new", post_new_question, 0);
    router_add("GET", "/frontdoor/{id}", get_question, 0);
    router_add("POST", "/frontdoor/{id}", post_question, 0);
}
