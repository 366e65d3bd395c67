/*
 * case_web.c - the case pages (see case_web.h).
 *
 * The case page is the page of the product: one household, its one plan, its
 * timeline and its one coordinator, calm and readable on a phone. Every form
 * on it sits in a <details> block, so the page shows the content first and the
 * forms only when asked; all of it works without JavaScript. A form that comes
 * back with errors is shown on its own page, with what the user typed.
 */
#include "case_web.h"
#include "../contact/contact.h"
#include "../contact/contact_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../household/household.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../plan/plan.h"
#include "../plan/plan_web.h"
#include "../user/user.h"
#include "../app/support_web.h"
#include "../casemember/casemember_web.h"

#include <string.h>

#define TIMELINE_PAGE 20
#define CASE_LIST_PAGE 25

/* ---- shared helpers ----------------------------------------------------------------------------------------------- */

const char *case_form_value(http_request *req, const case_form *f, const char *name, const char *dflt)
{
    if (f && f->posted) {
        const char *v = kv_get(&req->form, name);
        return v ? v : "";
    }
    return dflt;
}

const char *case_form_error(const case_form *f, const char *name)
{
    return f && f->e ? errors_get(f->e, name) : NULL;
}

const char *case_form_id(http_request *req, const case_form *f, const char *name)
{
    return f && f->prefix ? arena_printf(req->a, "%s%s", f->prefix, name) : NULL;
}

option *case_form_options(http_request *req, const code_text *list, const char *empty_label, int *n)
{
    int count = 0;
    while (list[count].code)
        count++;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(count + 1));
    *n = 0;
    if (empty_label)
        o[(*n)++] = (option){"", empty_label};
    for (int i = 0; i < count; i++)
        o[(*n)++] = (option){list[i].code, _(list[i].label)};
    return o;
}

option *case_form_team_options(http_request *req, int64_t team_id, const char *empty_label, int *n)
{
    user *users = NULL;
    int nu = 0;
    if (user_list_coordinators(&req->ctx, team_id, &users, &nu) != WT_OK)
        nu = 0;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(nu + 1));
    *n = 0;
    if (empty_label)
        o[(*n)++] = (option){"", empty_label};
    for (int i = 0; i < nu; i++) {
        const char *disc = discipline_label(users[i].discipline);
        o[(*n)++] = (option){arena_printf(req->a, "%lld", (long long)users[i].id),
                             *disc ? arena_printf(req->a, "%s (%s)", users[i].display_name, disc)
                                   : users[i].display_name};
    }
    return o;
}

bool case_web_failed(http_request *req, wt_status st, const errors *e)
{
    switch (st) {
    case WT_OK:
        return false;
    case WT_FORBIDDEN:
        page_error(req, 403, _("U hebt geen toegang tot de inhoud van casussen."));
        break;
    case WT_NOTFOUND:
        page_error(req, 404, _("Deze casus, dit doel of deze actie bestaat niet, of is niet zichtbaar voor u."));
        break;
    case WT_CONFLICT:
        page_error(req, 409, e && e->head ? e->head->message : _("Dit botst met bestaande gegevens."));
        break;
    case WT_INVALID:
        page_error(req, 400, e && e->head ? e->head->message : _("Controleer de invoer."));
        break;
    case WT_UNAVAILABLE:
        page_error(req, 503, _("De database is tijdelijk niet bereikbaar; probeer het zo opnieuw."));
        break;
    default:
        page_error(req, 500, _("Er ging iets mis; er is niets gewijzigd."));
        break;
    }
    return true;
}

const char *case_web_date(http_request *req, const char *iso)
{
    return iso ? date_display(req->a, iso) : "";
}

static const char *case_url(http_request *req, int64_t id, const char *rest)
{
    return arena_printf(req->a, "/cases/%lld%s", (long long)id, rest ? rest : "");
}

void case_web_form_page_begin(http_request *req, const wt_case *c, const char *title, const errors *e)
{
    page_begin(req, title);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld\">%s %s</a></p>",
                (long long)c->id, _("Terug naar de casus van"), c->household_name);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    error_summary(req, e);
}

void case_web_redirect(http_request *req, int64_t case_id, const char *notice, const char *anchor)
{
    /* The notice goes in the query, the anchor after it: "/cases/7?melding=goal#h-plan". */
    resp_redirect(req, arena_printf(req->a, "/cases/%lld?melding=%s%s%s", (long long)case_id, notice,
                                    anchor ? "#" : "", anchor ? anchor : ""));
}

static bool may(http_request *req, const wt_case *c, permission p)
{
    return case_access_loaded(&req->ctx, c, p) == WT_OK;
}

/* ---- forms -------------------------------------------------------------------------------------------------------- */

static void open_form(http_request *req, int64_t household_id, const case_form *f)
{
    int n = 0;
    option *opts = case_form_team_options(req, req->ctx.who.team_id, NULL, &n);
    form_begin(req, arena_printf(req->a, "/households/%lld/case", (long long)household_id), NULL);
    field_textarea(req, &(field){.name = "reason", .label = _("Reden voor de casus"), .required = true,
                                 .value = case_form_value(req, f, "reason", ""),
                                 .error = case_form_error(f, "reason"),
                                 .hint = _("Wat is de vraag of zorg van het huishouden?"), .maxlength = CASE_TEXT_MAX},
                   4);
    field_select(req, &(field){.name = "coordinator_id", .label = _("Regisseur"), .required = true,
                               .value = case_form_value(req, f, "coordinator_id",
                                                        arena_printf(req->a, "%lld", (long long)req->ctx.who.user_id)),
                               .error = case_form_error(f, "coordinator_id")},
                 opts, n);
    form_button(req, _("Casus openen"), true);
    form_end(req);
}

static void handover_form(http_request *req, const wt_case *c, const case_form *f)
{
    int n = 0;
    option *opts = case_form_team_options(req, c->team_id, _("Kies een teamlid"), &n);
    form_begin(req, case_url(req, c->id, "/handover"), NULL);
    field_select(req, &(field){.name = "to_user_id", .id = case_form_id(req, f, "to_user_id"),
                               .label = _("Nieuwe regisseur"), .required = true,
                               .value = case_form_value(req, f, "to_user_id", ""),
                               .error = case_form_error(f, "to_user_id")},
                 opts, n);
    field_textarea(req, &(field){.name = "reason", .id = case_form_id(req, f, "reason"),
                                 .label = _("Reden van de overdracht"), .required = true,
                                 .value = case_form_value(req, f, "reason", ""), .error = case_form_error(f, "reason"),
                                 .maxlength = CASE_TEXT_MAX},
                   3);
    form_button(req, _("Regie overdragen"), true);
    form_end(req);
}

/*
 * The confirmation to close a case whose plan still has open actions: a
 * warning that says how many, and a checkbox; with its error like any field.
 */
static void confirm_field(http_request *req, const case_form *f, int open_actions)
{
    buf *b = &req->out;
    const char *err = case_form_error(f, "confirm");
    const char *id = f && f->prefix ? arena_printf(req->a, "%sconfirm", f->prefix) : "confirm";
    html_raw(b, "<div class=\"wt-warning\">");
    if (err)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-%s-error\"><span class=\"wt-visually-hidden\">%s </span>%s</div>",
                    id, _("Fout:"), err);
    else
        html_printf(b, "<p class=\"utrecht-paragraph\" id=\"f-%s-error\">%s</p>", id,
                    arena_printf(req->a,
                                 open_actions == 1 ? _("Er staat nog %d actie open in het plan.")
                                                   : _("Er staan nog %d acties open in het plan."),
                                 open_actions));
    html_printf(b,
                "<div class=\"utrecht-form-field utrecht-form-field--checkbox%s\"><div class=\"utrecht-form-field__input\">"
                "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-%s\" name=\"confirm\""
                " value=\"1\" aria-describedby=\"f-%s-error\"",
                err ? " utrecht-form-field--invalid" : "", id, id);
    if (*case_form_value(req, f, "confirm", "")) /* what the user ticked stays ticked */
        html_raw(b, " checked");
    html_printf(b,
                "></div><div class=\"utrecht-form-field__label\">"
                "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-%s\">%s</label></div></div></div>",
                id, _("Ik sluit de casus toch; de open acties blijven staan zoals ze zijn."));
}

static void close_form(http_request *req, const wt_case *c, const case_form *f, int open_actions)
{
    int n = 0;
    option *opts = case_form_options(req, case_close_reasons, _("Kies een reden"), &n);
    form_begin(req, case_url(req, c->id, "/close"), NULL);
    field_select(req, &(field){.name = "close_reason", .id = case_form_id(req, f, "close_reason"),
                               .label = _("Reden van sluiten"), .required = true,
                               .value = case_form_value(req, f, "close_reason", ""),
                               .error = case_form_error(f, "close_reason")},
                 opts, n);
    field_textarea(req, &(field){.name = "note", .id = case_form_id(req, f, "note"), .label = _("Toelichting"),
                                 .hint = _("Verplicht bij de reden 'Anders'."),
                                 .value = case_form_value(req, f, "note", ""), .error = case_form_error(f, "note"),
                                 .maxlength = CASE_TEXT_MAX},
                   3);
    if (open_actions > 0)
        confirm_field(req, f, open_actions);
    form_button(req, _("Casus sluiten"), true);
    form_end(req);
}

/* ---- the case list ------------------------------------------------------------------------------------------------ */

static case_status_filter status_filter(const char *s)
{
    if (s && strcmp(s, "closed") == 0)
        return CASE_FILTER_CLOSED;
    if (s && strcmp(s, "all") == 0)
        return CASE_FILTER_ALL;
    return CASE_FILTER_OPEN;
}

static const char *status_label(const wt_case *c)
{
    return case_is_open(c) ? _("Open") : _("Gesloten");
}

static void list_filters(http_request *req, const char *status, int64_t coordinator, bool mine, bool second_line)
{
    static const option statuses[] = {{"open", N_("Open")}, {"closed", N_("Gesloten")}, {"all", N_("Alle")}};
    option st[3];
    for (int i = 0; i < 3; i++)
        st[i] = (option){statuses[i].value, _(statuses[i].label)};
    int n = 0;
    option *coords = case_form_team_options(req, req->ctx.who.team_id, _("Iedereen"), &n);
    form_begin_get(req, "/cases", "wt-form--inline");
    field_select(req, &(field){.name = "status", .label = _("Status"), .value = status}, st, 3);
    field_select(req, &(field){.name = "coordinator", .label = _("Regisseur"),
                               .value = coordinator ? arena_printf(req->a, "%lld", (long long)coordinator) : ""},
                 coords, n);
    field_checkbox(req, "mine", _("Alleen mijn casussen"), mine);
    field_checkbox(req, "second_line", _("Leunt op de tweede lijn"), second_line);
    form_button(req, _("Toon"), false);
    form_end(req);
}

/* The address of a page of the case list with the same filters. */
static const char *list_href(http_request *req, const char *status, int64_t coordinator, bool mine, bool second_line,
                             int offset)
{
    return arena_printf(req->a, "/cases?status=%s%s%s%s%s&offset=%d", status,
                        coordinator ? "&coordinator=" : "",
                        coordinator ? arena_printf(req->a, "%lld", (long long)coordinator) : "", mine ? "&mine=1" : "",
                        second_line ? "&second_line=1" : "", offset);
}

static void list_pager(http_request *req, const case_page *pg, int offset, const char *status, int64_t coordinator,
                       bool mine, bool second_line)
{
    if (pg->total <= CASE_LIST_PAGE)
        return;
    buf *b = &req->out;
    int pages = (pg->total + CASE_LIST_PAGE - 1) / CASE_LIST_PAGE;
    int page = offset / CASE_LIST_PAGE + 1;
    html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Paginering"));
    if (offset > 0)
        html_printf(b, "<a class=\"utrecht-link\" rel=\"prev\" href=\"%s\">%s</a> ",
                    list_href(req, status, coordinator, mine, second_line, offset - CASE_LIST_PAGE > 0 ? offset - CASE_LIST_PAGE : 0),
                    _("Vorige"));
    html_printf(b, "%s %d %s %d", _("Pagina"), page, _("van"), pages);
    if (offset + CASE_LIST_PAGE < pg->total)
        html_printf(b, " <a class=\"utrecht-link\" rel=\"next\" href=\"%s\">%s</a>",
                    list_href(req, status, coordinator, mine, second_line, offset + CASE_LIST_PAGE), _("Volgende"));
    html_raw(b, "</p></nav>");
}

static void get_cases(http_request *req)
{
    const char *status = req_query(req, "status");
    case_status_filter sf = status_filter(status);
    status = sf == CASE_FILTER_CLOSED ? "closed" : sf == CASE_FILTER_ALL ? "all" : "open";
    int64_t coordinator = 0, offset = 0;
    if (!text_parse_int64(req_query(req, "coordinator"), &coordinator) || coordinator < 0)
        coordinator = 0;
    if (!text_parse_int64(req_query(req, "offset"), &offset) || offset < 0 || offset > 1000000)
        offset = 0;
    const char *mine_q = req_query(req, "mine");
    bool mine = mine_q && *mine_q && strcmp(mine_q, "0") != 0;
    const char *second_q = req_query(req, "second_line");
    bool second_line = second_q && *second_q && strcmp(second_q, "0") != 0;
    case_filter f = {sf, mine ? req->ctx.who.user_id : coordinator, CASE_LIST_PAGE, (int)offset, second_line};
    case_page pg;
    if (case_web_failed(req, case_list(&req->ctx, &f, &pg), NULL))
        return;
    page_begin(req, _("Casussen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Casussen van het team"));
    list_filters(req, status, mine ? 0 : coordinator, mine, second_line);
    html_printf(b, "<p class=\"utrecht-paragraph\" role=\"status\">%d %s</p>", pg.total,
                pg.total == 1 ? _("casus") : _("casussen"));
    if (pg.n > 0) {
        html_printf(b,
                    "<div class=\"wt-table-wrap\"><table class=\"utrecht-table\"><caption class=\"wt-visually-hidden\">%s</caption>"
                    "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead>"
                    "<tbody class=\"utrecht-table__body\">",
                    _("Casussen, nieuwste eerst"), _("Huishouden"), _("Regisseur"), _("Geopend"), _("Status"));
        for (int i = 0; i < pg.n; i++) {
            const wt_case *c = &pg.items[i];
            html_printf(b,
                        "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                        "<a class=\"utrecht-link\" href=\"/cases/%lld\">%s</a></th>"
                        "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                        "<td class=\"utrecht-table__cell\">%s</td></tr>",
                        (long long)c->id, c->household_name, c->coordinator_name, case_web_date(req, c->opened_on),
                        status_label(c));
        }
        html_raw(b, "</tbody></table></div>");
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Geen casussen gevonden met deze keuze."));
    }
    list_pager(req, &pg, (int)offset, status, mine ? 0 : coordinator, mine, second_line);
    page_end(req);
}

/* ---- the case page ------------------------------------------------------------------------------------------------ */

static void section_begin(http_request *req, const char *id, const char *title)
{
    html_printf(&req->out,
                "<section class=\"wt-section\" aria-labelledby=\"h-%s\"><h2 class=\"utrecht-heading-2\" id=\"h-%s\">%s</h2>",
                id, id, title);
}

static void section_end(http_request *req)
{
    html_raw(&req->out, "</section>");
}

static void case_header(http_request *req, const wt_case *c)
{
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases\">%s</a></p>",
                _("Alle casussen"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", c->household_name);
    if (case_is_open(c))
        html_printf(b, "<p class=\"utrecht-paragraph wt-lead\"><strong>%s</strong> %s %s. %s <strong>%s</strong>.</p>",
                    _("Open casus"), _("sinds"), case_web_date(req, c->opened_on), _("Regisseur:"),
                    c->coordinator_name);
    else
        html_printf(b,
                    "<div class=\"wt-warning\"><p class=\"utrecht-paragraph\"><strong>%s</strong> %s %s: %s.%s%s</p></div>",
                    _("Gesloten casus."), _("Gesloten op"), case_web_date(req, c->closed_on),
                    case_close_reason_label(c->close_reason), c->close_note ? " " : "",
                    c->close_note ? c->close_note : "");
    html_printf(b, "<nav class=\"wt-pagenav\" aria-label=\"%s\"><ul class=\"wt-pagenav__list\">", _("Op deze pagina"));
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"#h-huishouden\">%s</a></li>", _("Huishouden"));
    support_case_nav(req, c);
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"#h-plan\">%s</a></li>", _("Plan"));
    support_case_nav_after_plan(req, c);
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"#h-tijdlijn\">%s</a></li>", _("Tijdlijn"));
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"#h-regie\">%s</a></li>", _("Regie"));
    casemember_web_case_nav(req, c);
    if (case_is_open(c) && may(req, c, PERM_CASE_WRITE))
        html_printf(b, "<li><a class=\"utrecht-link\" href=\"#h-sluiten\">%s</a></li>", _("Casus sluiten"));
    html_raw(b, "</ul></nav>");
}

static const char *member_line(http_request *req, const person *p)
{
    const char *name = person_full_name(req->a, p);
    wt_date birth;
    if (p->birth_date && date_parse(p->birth_date, &birth))
        return arena_printf(req->a, "%s (%d %s, %s %s)", name, date_age(birth, date_today()), _("jaar"), _("geboren"),
                            case_web_date(req, p->birth_date));
    return name;
}

static void household_section(http_request *req, const wt_case *c)
{
    buf *b = &req->out;
    section_begin(req, "huishouden", _("Huishouden"));
    household h;
    wt_status st = household_get(&req->ctx, c->household_id, &h);
    html_raw(b, "<dl class=\"wt-facts\">");
    if (st == WT_OK)
        html_printf(b, "<dt>%s</dt><dd>%s</dd>", _("Adres"),
                    h.addr.id ? address_format(req->a, &h.addr) : _("Geen adres bekend"));
    html_printf(b, "<dt>%s</dt><dd class=\"wt-pre\">%s</dd></dl>", _("Reden van aanmelding"), c->reason);
    if (st == WT_OK && h.n_members > 0) {
        html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><ul class=\"utrecht-unordered-list\">", _("Gezinsleden"));
        for (int i = 0; i < h.n_members; i++)
            html_printf(b, "<li>%s</li>", member_line(req, &h.members[i]));
        html_raw(b, "</ul>");
    }
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld\">%s</a></p>",
                (long long)c->household_id, _("Naar het huishouden"));
    section_end(req);
}

static void coordination_section(http_request *req, const wt_case *c)
{
    buf *b = &req->out;
    section_begin(req, "regie", _("Regie"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s <strong>%s</strong></p>", _("Regisseur:"), c->coordinator_name);
    case_handover_rec *hs = NULL;
    int n = 0;
    if (case_handovers(&req->ctx, c, &hs, &n) == WT_OK && n > 0) {
        html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><ul class=\"wt-timeline\">", _("Eerdere overdrachten"));
        for (int i = 0; i < n; i++)
            html_printf(b,
                        "<li><p class=\"utrecht-paragraph\"><strong>%s</strong>: %s %s %s %s (%s %s).</p>"
                        "<p class=\"utrecht-paragraph wt-pre\">%s</p></li>",
                        case_web_date(req, hs[i].at), _("van"), hs[i].from_name, _("naar"), hs[i].to_name,
                        _("door"), hs[i].by_name, hs[i].reason);
        html_raw(b, "</ul>");
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("De regie is nog niet overgedragen."));
    }
    if (case_is_open(c) && may(req, c, PERM_CASE_HANDOVER)) {
        html_printf(b, "<details class=\"wt-details\"><summary>%s</summary>", _("Regie overdragen"));
        handover_form(req, c, &(case_form){.prefix = "ho-"});
        html_raw(b, "</details>");
    }
    section_end(req);
}

static void close_section(http_request *req, const wt_case *c, int open_actions)
{
    if (!case_is_open(c) || !may(req, c, PERM_CASE_WRITE))
        return;
    section_begin(req, "sluiten", _("Casus sluiten"));
    html_printf(&req->out, "<details class=\"wt-details\"><summary>%s</summary>", _("Casus sluiten met een reden"));
    close_form(req, c, &(case_form){.prefix = "cl-"}, open_actions);
    html_raw(&req->out, "</details>");
    section_end(req);
}

static void get_case(http_request *req)
{
    wt_case c;
    if (case_web_failed(req, case_get(&req->ctx, req->ids[0], &c), NULL))
        return;
    plan_view plan;
    if (case_web_failed(req, plan_load(&req->ctx, &c, &plan), NULL))
        return;
    int64_t offset = 0;
    if (!text_parse_int64(req_query(req, "tijdlijn"), &offset) || offset < 0 || offset > 1000000)
        offset = 0;
    contact *contacts = NULL;
    int n_contacts = 0, total_contacts = 0;
    if (case_web_failed(req, contact_load(&req->ctx, &c, TIMELINE_PAGE, (int)offset, &contacts, &n_contacts, &total_contacts),
                        NULL))
        return;
    page_begin(req, arena_printf(req->a, "%s - %s", _("Casus"), c.household_name));
    case_header(req, &c);
    casemember_web_case_banner(req, &c);
    household_section(req, &c);
    support_case_before_plan(req, &c);
    section_begin(req, "plan", _("Plan"));
    plan_web_section(req, &c, &plan);
    section_end(req);
    support_case_after_plan(req, &c);
    section_begin(req, "tijdlijn", _("Tijdlijn"));
    contact_web_section(req, &c, contacts, n_contacts, total_contacts, (int)offset, TIMELINE_PAGE);
    section_end(req);
    coordination_section(req, &c);
    casemember_web_case_section(req, &c);
    close_section(req, &c, plan.open_actions);
    page_end(req);
}

/* ---- opening, hand-over, closing ---------------------------------------------------------------------------------- */

/* The household already has an open case: say so, with what the team may know of it (need-to-know). */
static void open_case_exists(http_request *req, int64_t case_id)
{
    case_known k;
    if (case_web_failed(req, case_known_get(&req->ctx, case_id, &k), NULL))
        return;
    page_begin(req, _("Casus openen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Casus openen voor"), k.household_name);
    html_printf(b,
                "<div class=\"wt-warning\" role=\"alert\"><p class=\"utrecht-paragraph\">%s</p>"
                "<p class=\"utrecht-paragraph\">%s <strong>%s</strong>.</p>"
                "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld\">%s</a></p></div>",
                _("Dit huishouden heeft al een open casus. Eén gezin, één plan: werk verder in de bestaande casus."),
                _("Regisseur:"), k.coordinator_name, (long long)case_id, _("Naar de open casus"));
    page_end(req);
}

static void open_page(http_request *req, int64_t household_id, const case_form *f)
{
    int64_t existing = 0;
    if (case_web_failed(req, case_open_of_household(&req->ctx, household_id, &existing), NULL))
        return;
    if (existing) {
        int status = req->status;
        open_case_exists(req, existing);
        if (req->status < 400)
            req->status = status;
        return;
    }
    household h;
    if (case_web_failed(req, household_get(&req->ctx, household_id, &h), NULL))
        return;
    page_begin(req, _("Casus openen"));
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld\">%s %s</a></p>",
                (long long)household_id, _("Terug naar"), h.name);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Casus openen voor"), h.name);
    error_summary(req, f ? f->e : NULL);
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Eén gezin, één plan, één regisseur: de casus krijgt één plan en één regisseur uit het team."));
    open_form(req, household_id, f);
    page_end(req);
}

static void get_open_case(http_request *req)
{
    int64_t existing = 0;
    /* Ask the case rules first: a role without case access gets 403 here, before any household data. */
    if (case_web_failed(req, case_open_of_household(&req->ctx, req->ids[0], &existing), NULL))
        return;
    open_page(req, req->ids[0], &(case_form){0});
}

static int64_t form_id(http_request *req, const char *name)
{
    int64_t v = 0;
    const char *s = req_form(req, name);
    if (!s || !text_parse_int64(s, &v) || v < 0)
        return s && *s ? -1 : 0;
    return v;
}

static void post_open_case(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    case_open_input in = {req->ids[0], req_form(req, "reason"), form_id(req, "coordinator_id")};
    if (in.coordinator_id < 0) {
        errors_add(&e, "coordinator_id", _("Kies een regisseur uit de lijst."));
        in.coordinator_id = 0;
    }
    int64_t id = 0;
    wt_status st = case_open(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        /* A 403/404 must not be hidden behind the form: check access first. */
        int64_t existing = 0;
        if (case_web_failed(req, case_open_of_household(&req->ctx, req->ids[0], &existing), NULL))
            return;
        req->status = st == WT_CONFLICT ? 409 : 400;
        open_page(req, req->ids[0], &(case_form){.e = &e, .posted = true});
        req->status = st == WT_CONFLICT ? 409 : 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, id, "case_opened", NULL);
}

static void post_handover(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t to = form_id(req, "to_user_id");
    wt_status st = case_handover(&req->ctx, req->ids[0], to < 0 ? 0 : to, req_form(req, "reason"), &e);
    if (st == WT_INVALID) {
        /* What the team may know is enough for the form: the team leader hands over cases he does not read. */
        case_known k;
        if (case_web_failed(req, case_known_get(&req->ctx, req->ids[0], &k), NULL))
            return;
        wt_case c = {.id = k.id, .household_id = k.household_id, .team_id = k.team_id, .coordinator_id = k.coordinator_id,
                     .coordinator_name = k.coordinator_name, .household_name = k.household_name, .status = k.status};
        req->status = 400;
        case_web_form_page_begin(req, &c, _("Regie overdragen"), &e);
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s <strong>%s</strong></p>", _("Huidige regisseur:"),
                    c.coordinator_name);
        handover_form(req, &c, &(case_form){.e = &e, .posted = true});
        page_end(req);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "handover", "h-regie");
}

static void post_close(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    case_close_input in = {req_form(req, "close_reason"), req_form(req, "note"), false};
    const char *confirm = req_form(req, "confirm");
    in.confirm = confirm && *confirm && strcmp(confirm, "0") != 0;
    int open_actions = 0;
    wt_status st = case_close(&req->ctx, req->ids[0], &in, &e, &open_actions);
    if (st == WT_INVALID) {
        wt_case c;
        if (case_web_failed(req, case_get(&req->ctx, req->ids[0], &c), NULL))
            return;
        req->status = 400;
        case_web_form_page_begin(req, &c, _("Casus sluiten"), &e);
        close_form(req, &c, &(case_form){.e = &e, .posted = true}, open_actions);
        page_end(req);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "case_closed", NULL);
}

void case_web_routes(void)
{
    router_add("GET", "/cases", get_cases, 0);
    router_add("GET", "/cases/{id}", get_case, 0);
    router_add("GET", "/households/{id}/case", get_open_case, 0);
    router_add("POST", "/households/{id}/case", post_open_case, 0);
    router_add("POST", "/cases/{id}/handover", post_handover, 0);
    router_add("POST", "/cases/{id}/close", post_close, 0);
}
