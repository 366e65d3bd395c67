/*
 * household_web.c - the pages of households and persons: search, register a
 * household with its members, the household page (members, the case block,
 * add a member) and the edit page of a person.
 */
#include "household_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../frontdoor/frontdoor.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../user/user.h"
#include "household.h"

#include <string.h>

#define MEMBER_ROWS 6   /* member rows on the registration form */
#define MEMBER_ROWS_MAX 20

/* ---- shared helpers -------------------------------------------------------------------------------------------- */

/* Answers a failed status with an error page; false when st is WT_OK. */
static bool web_failed(http_request *req, wt_status st)
{
    return page_failed(req, st, _("U hebt geen toegang tot huishoudens en bewoners."),
                       _("Dit huishouden of deze bewoner bestaat niet, of hoort niet bij uw team."));
}

static const char *fmt_id(http_request *req, int64_t id)
{
    return arena_printf(req->a, "%lld", (long long)id);
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The form value of a field with this prefix ("members.2." + "given_name"). */
static const char *form_at(http_request *req, const char *prefix, const char *name)
{
    return req_form(req, arena_printf(req->a, "%s%s", prefix, name));
}

static void person_from_form(http_request *req, const char *prefix, person_input *in)
{
    in->given_name = form_at(req, prefix, "given_name");
    in->family_name = form_at(req, prefix, "family_name");
    in->birth_date = form_at(req, prefix, "birth_date");
    in->bsn = form_at(req, prefix, "bsn");
    in->phone = form_at(req, prefix, "phone");
    in->email = form_at(req, prefix, "email");
    in->is_volunteer = form_at(req, prefix, "is_volunteer") != NULL;
    in->is_informal_carer = form_at(req, prefix, "is_informal_carer") != NULL;
    in->is_new_resident = form_at(req, prefix, "is_new_resident") != NULL;
}

/* The fields of one person, named prefix + field; values as typed, errors by field name. */
static void person_fields(http_request *req, const char *prefix, const person_input *v, const errors *e,
                          bool required)
{
    arena *a = req->a;
#define PF(n) arena_printf(a, "%s%s", prefix, n)
    const char *n_given = PF("given_name"), *n_family = PF("family_name"), *n_birth = PF("birth_date");
    const char *n_bsn = PF("bsn"), *n_phone = PF("phone"), *n_email = PF("email");
    field_text(req, &(field){.name = n_given, .label = _("Voornaam"), .value = v->given_name,
                             .error = e ? errors_get(e, n_given) : NULL, .maxlength = 100, .required = required,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = n_family, .label = _("Achternaam"), .value = v->family_name,
                             .hint = _("Met tussenvoegsel, zoals de Vries."), .error = e ? errors_get(e, n_family) : NULL,
                             .maxlength = 100, .required = required, .autocomplete = "off"});
    field_text(req, &(field){.name = n_birth, .label = _("Geboortedatum"), .value = v->birth_date, .type = "date",
                             .hint = _("JJJJ-MM-DD"), .error = e ? errors_get(e, n_birth) : NULL,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = n_bsn, .label = _("BSN"), .value = v->bsn,
                             .hint = _("9 cijfers; wordt gecontroleerd met de elfproef."),
                             .error = e ? errors_get(e, n_bsn) : NULL, .maxlength = 11, .autocomplete = "off"});
    field_text(req, &(field){.name = n_phone, .label = _("Telefoon"), .value = v->phone, .type = "tel",
                             .error = e ? errors_get(e, n_phone) : NULL, .maxlength = 30, .autocomplete = "off"});
    field_text(req, &(field){.name = n_email, .label = _("E-mail"), .value = v->email, .type = "email",
                             .error = e ? errors_get(e, n_email) : NULL, .maxlength = 200, .autocomplete = "off"});
    field_checkbox(req, PF("is_volunteer"), _("Vrijwilliger"), v->is_volunteer);
    field_checkbox(req, PF("is_informal_carer"), _("Mantelzorger"), v->is_informal_carer);
    field_checkbox(req, PF("is_new_resident"), _("Nieuwe bewoner"), v->is_new_resident);
#undef PF
}

/* "vrijwilliger, mantelzorger" */
static const char *person_roles(arena *a, const person *p)
{
    const char *parts[3];
    int n = 0;
    if (p->is_volunteer)
        parts[n++] = _("vrijwilliger");
    if (p->is_informal_carer)
        parts[n++] = _("mantelzorger");
    if (p->is_new_resident)
        parts[n++] = _("nieuwe bewoner");
    if (n == 0)
        return "";
    const char *s = parts[0];
    for (int i = 1; i < n; i++)
        s = arena_printf(a, "%s, %s", s, parts[i]);
    return s;
}

static const char *birth_and_age(arena *a, const person *p)
{
    if (!p->birth_date)
        return _("onbekend");
    int age = person_age(p);
    return arena_printf(a, _("%s (%d jaar)"), date_display(a, p->birth_date), age);
}

/* ---- search ---------------------------------------------------------------------------------------------------- */

static void search_form(http_request *req, const household_query *q, const errors *e, int64_t question_id)
{
    form_begin_get(req, "/search", "wt-form--inline");
    if (question_id)
        html_printf(&req->out, "<input type=\"hidden\" name=\"vraag\" value=\"%lld\">", (long long)question_id);
    field_text(req, &(field){.name = "q", .label = _("Naam"), .value = q->q, .type = "search",
                             .hint = _("Achternaam, of voornaam en achternaam; met of zonder accenten."),
                             .error = e ? errors_get(e, "q") : NULL, .maxlength = 100, .autocomplete = "off"});
    field_text(req, &(field){.name = "postcode", .label = _("Postcode"), .value = q->postcode,
                             .error = e ? errors_get(e, "postcode") : NULL, .maxlength = 7, .autocomplete = "off"});
    field_text(req, &(field){.name = "house_number", .label = _("Huisnummer"), .value = q->house_number,
                             .error = e ? errors_get(e, "house_number") : NULL, .maxlength = 5, .autocomplete = "off"});
    field_text(req, &(field){.name = "birth_date", .label = _("Geboortedatum"), .value = q->birth_date, .type = "date",
                             .error = e ? errors_get(e, "birth_date") : NULL, .autocomplete = "off"});
    form_button(req, _("Zoeken"), true);
    form_end(req);
}

/* A link to another page of the same search. */
static void search_page_link(http_request *req, const household_query *q, int64_t question_id, int offset,
                             const char *label, const char *rel)
{
    buf *b = &req->out;
    html_printf(b, "<a class=\"utrecht-link\" rel=\"%s\" href=\"/search?q=", rel);
    html_url_component(b, or_empty(q->q));
    html_raw(b, "&amp;postcode=");
    html_url_component(b, or_empty(q->postcode));
    html_raw(b, "&amp;house_number=");
    html_url_component(b, or_empty(q->house_number));
    html_raw(b, "&amp;birth_date=");
    html_url_component(b, or_empty(q->birth_date));
    if (question_id)
        html_printf(b, "&amp;vraag=%lld", (long long)question_id);
    html_printf(b, "&amp;offset=%d\">%s</a> ", offset, label);
}

static void search_results(http_request *req, const household_hit *hits, int n, int64_t question_id)
{
    buf *b = &req->out;
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                _("Gevonden huishoudens"), _("Huishouden"), _("Adres"), _("Gezinsleden"), _("Casus"));
    if (question_id)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>", _("Vraag"));
    html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
    for (int i = 0; i < n; i++) {
        const household *h = &hits[i].h;
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                    "<a class=\"utrecht-link\" href=\"/households/%lld\">%s</a></th><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\"><ul class=\"utrecht-unordered-list\">",
                    (long long)h->id, h->name, address_format(req->a, &h->addr));
        for (int m = 0; m < h->n_members; m++)
            html_printf(b, "<li>%s, %s</li>", person_full_name(req->a, &h->members[m]),
                        birth_and_age(req->a, &h->members[m]));
        html_raw(b, "</ul></td><td class=\"utrecht-table__cell\">");
        if (hits[i].open_case.case_id)
            html_printf(b, "<a class=\"utrecht-link\" href=\"/cases/%lld\">%s</a><br>%s %s",
                        (long long)hits[i].open_case.case_id, _("Open casus"), _("Regisseur:"),
                        or_empty(hits[i].open_case.coordinator_name));
        else
            html_printf(b, "<span class=\"wt-muted\">%s</span>", _("Geen open casus"));
        html_raw(b, "</td>");
        if (question_id) {
            html_printf(b,
                        "<td class=\"utrecht-table__cell\"><form method=\"post\" action=\"/frontdoor/%lld\" class=\"wt-inline-form\">"
                        "<input type=\"hidden\" name=\"_csrf\" value=\"%s\"><input type=\"hidden\" name=\"action\" value=\"link\">"
                        "<input type=\"hidden\" name=\"household_id\" value=\"%lld\">"
                        "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\">%s"
                        "<span class=\"wt-visually-hidden\"> %s</span></button></form></td>",
                        (long long)question_id, or_empty(req->session.csrf), (long long)h->id, _("Koppel aan de vraag"),
                        h->name);
        }
        html_raw(b, "</tr>");
    }
    html_raw(b, "</tbody></table></div>");
}

static int64_t query_id(http_request *req, const char *key)
{
    int64_t v = 0;
    if (!text_parse_int64(req_query(req, key), &v) || v < 0)
        return 0;
    return v;
}

static void get_search(http_request *req)
{
    household_query q = {.q = req_query(req, "q"), .postcode = req_query(req, "postcode"),
                         .house_number = req_query(req, "house_number"), .birth_date = req_query(req, "birth_date"),
                         .limit = HOUSEHOLD_PAGE};
    int64_t off = query_id(req, "offset");
    q.offset = off <= 1000000000 ? (int)off : 0;
    int64_t question_id = query_id(req, "vraag");
    bool asked = !text_empty(q.q) || !text_empty(q.postcode) || !text_empty(q.house_number) ||
                 !text_empty(q.birth_date);
    errors e;
    errors_init(&e, req->a);
    household_hit *hits = NULL;
    int n = 0;
    bool more = false;
    wt_status st = WT_OK;
    if (asked)
        st = household_search(&req->ctx, &q, &e, &hits, &n, &more);
    else
        st = household_check_role(&req->ctx, false);
    if (st != WT_OK && st != WT_INVALID) {
        web_failed(req, st);
        return;
    }
    if (st == WT_INVALID)
        req->status = 400;
    page_begin(req, _("Zoeken"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Huishouden of bewoner zoeken"));
    if (question_id)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s <a class=\"utrecht-link\" href=\"/frontdoor/%lld\">%s</a></p>",
                    _("Zoek het huishouden om aan de vraag te koppelen."), (long long)question_id,
                    _("Terug naar de vraag"));
    error_summary(req, &e);
    search_form(req, &q, &e, question_id);
    if (asked && st == WT_OK) {
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Resultaten"));
        if (n == 0 && q.offset == 0)
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen huishoudens gevonden in uw team."));
        else
            search_results(req, hits, n, question_id);
        if (q.offset > 0 || more) {
            html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Pagina's"));
            if (q.offset > 0)
                search_page_link(req, &q, question_id, q.offset > HOUSEHOLD_PAGE ? q.offset - HOUSEHOLD_PAGE : 0,
                                 _("Vorige"), "prev");
            if (more)
                search_page_link(req, &q, question_id, q.offset + HOUSEHOLD_PAGE, _("Volgende"), "next");
            html_raw(b, "</p></nav>");
        }
    }
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/new%s\">%s</a></p>",
                question_id ? arena_printf(req->a, "?vraag=%lld", (long long)question_id) : "",
                _("Nieuw huishouden registreren"));
    page_end(req);
}

/* ---- register a household -------------------------------------------------------------------------------------- */

static int member_rows(http_request *req)
{
    int64_t v = 0;
    const char *s = req_form(req, "rows");
    if (!s)
        s = req_query(req, "rijen");
    if (!text_parse_int64(s, &v) || v < MEMBER_ROWS)
        return MEMBER_ROWS;
    return v > MEMBER_ROWS_MAX ? MEMBER_ROWS_MAX : (int)v;
}

static void new_household_page(http_request *req, const household_input *in, const errors *e, int rows,
                               const question *qn)
{
    page_begin(req, _("Nieuw huishouden"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Nieuw huishouden registreren"));
    error_summary(req, e);
    if (qn)
        html_printf(b,
                    "<div class=\"wt-card\"><h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s: %s</p>"
                    "<p class=\"utrecht-paragraph\">%s</p></div>",
                    _("Vanuit de voordeur"), _("Vraag van"), qn->name, qn->body);
    form_begin(req, "/households", NULL);
    html_printf(b, "<input type=\"hidden\" name=\"rows\" value=\"%d\">", rows);
    if (qn)
        html_printf(b, "<input type=\"hidden\" name=\"question_id\" value=\"%lld\">", (long long)qn->id);
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset\">"
                   "<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">%s</legend>",
                _("Adres"));
    const address_input *ad = &in->addr;
    field_text(req, &(field){.name = "postcode", .label = _("Postcode"), .value = ad->postcode, .required = true,
                             .hint = _("Zoals 1234 AB."), .error = errors_get(e, "postcode"), .maxlength = 7,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = "house_number", .label = _("Huisnummer"), .value = ad->house_number,
                             .required = true, .error = errors_get(e, "house_number"), .maxlength = 5,
                             .autocomplete = "off"});
    field_text(req, &(field){.name = "house_letter", .label = _("Huisletter"), .value = ad->house_letter,
                             .error = errors_get(e, "house_letter"), .maxlength = 1, .autocomplete = "off"});
    field_text(req, &(field){.name = "addition", .label = _("Toevoeging"), .value = ad->addition,
                             .error = errors_get(e, "addition"), .maxlength = 4, .autocomplete = "off"});
    field_text(req, &(field){.name = "street", .label = _("Straat"), .value = ad->street, .required = true,
                             .hint = _("Niet nodig als het adres al bekend is."), .error = errors_get(e, "street"),
                             .maxlength = 100, .autocomplete = "off"});
    field_text(req, &(field){.name = "town", .label = _("Woonplaats"), .value = ad->town, .required = true,
                             .hint = _("Niet nodig als het adres al bekend is."), .error = errors_get(e, "town"),
                             .maxlength = 100, .autocomplete = "off"});
    html_raw(b, "</fieldset>");
    field_text(req, &(field){.name = "name", .label = _("Naam van het huishouden"), .value = in->name,
                             .hint = _("Leeg: Huishouden en de achternaam van het eerste gezinslid."),
                             .error = errors_get(e, "name"), .maxlength = 100, .autocomplete = "off"});
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>", _("Gezinsleden"),
                _("Vul minstens één gezinslid in; lege rijen worden overgeslagen."));
    if (errors_get(e, "members"))
        html_printf(b, "<p class=\"utrecht-form-field-error-message\">%s</p>", errors_get(e, "members"));
    for (int i = 0; i < rows; i++) {
        html_raw(b, i == 0 ? "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset\" id=\"f-members\">"
                           : "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset\">");
        html_printf(b, "<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">%s %d</legend>",
                    _("Gezinslid"), i + 1);
        person_input empty = {0};
        person_fields(req, arena_printf(req->a, "members.%d.", i), i < in->n_members ? &in->members[i] : &empty, e,
                      false);
        html_raw(b, "</fieldset>");
    }
    form_button(req, _("Huishouden registreren"), true);
    form_end(req);
    if (rows < MEMBER_ROWS_MAX)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/new?rijen=%d%s\">%s</a></p>",
                    MEMBER_ROWS_MAX,
                    qn ? arena_printf(req->a, "&vraag=%lld", (long long)qn->id) : "",
                    _("Meer gezinsleden tegelijk invoeren (het formulier begint opnieuw)"));
    page_end(req);
}

/* The question the registration starts from, when one is given and visible. */
static wt_status load_question(http_request *req, int64_t id, question *qn, const question **out)
{
    *out = NULL;
    if (id <= 0)
        return WT_OK;
    wt_status st = question_get(&req->ctx, id, qn);
    if (st == WT_OK)
        *out = qn;
    return st;
}

static void get_new_household(http_request *req)
{
    if (web_failed(req, household_check_role(&req->ctx, true)))
        return;
    question qn;
    const question *qp;
    if (web_failed(req, load_question(req, query_id(req, "vraag"), &qn, &qp)))
        return;
    household_input in = {0};
    errors e;
    errors_init(&e, req->a);
    new_household_page(req, &in, &e, member_rows(req), qp);
}

static void post_household(http_request *req)
{
    int rows = member_rows(req);
    household_input in = {
        .name = req_form(req, "name"),
        .addr = {req_form(req, "postcode"), req_form(req, "house_number"), req_form(req, "house_letter"),
                 req_form(req, "addition"), req_form(req, "street"), req_form(req, "town")},
        .members = arena_alloc(req->a, sizeof(person_input) * MEMBER_ROWS_MAX),
        .n_members = rows,
    };
    for (int i = 0; i < rows; i++)
        person_from_form(req, arena_printf(req->a, "members.%d.", i), &in.members[i]);
    int64_t question_id = 0;
    text_parse_int64(req_form(req, "question_id"), &question_id);
    errors e;
    errors_init(&e, req->a);
    int64_t id = 0;
    wt_status st = household_create(&req->ctx, &in, &e, &id);
    if (st == WT_OK && question_id > 0)
        st = question_link_household(&req->ctx, question_id, id, &e);
    if (st == WT_INVALID) {
        question qn;
        const question *qp = NULL;
        if (question_id > 0 && question_get(&req->ctx, question_id, &qn) == WT_OK)
            qp = &qn;
        req->status = 400;
        new_household_page(req, &in, &e, rows, qp);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld", (long long)id), "household");
}

/* ---- the household page ---------------------------------------------------------------------------------------- */

static void members_table(http_request *req, const household *h)
{
    buf *b = &req->out;
    if (h->n_members == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er zijn nog geen gezinsleden geregistreerd."));
        return;
    }
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "</tr></thead><tbody class=\"utrecht-table__body\">",
                _("Gezinsleden"), _("Naam"), _("Geboortedatum"), _("BSN"), _("Contact"), _("Bijzonderheden"),
                _("Wijzigen"));
    for (int i = 0; i < h->n_members; i++) {
        const person *p = &h->members[i];
        const char *name = person_full_name(req->a, p);
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s%s%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\"><a class=\"utrecht-link\" href=\"/persons/%lld/edit\">%s"
                    "<span class=\"wt-visually-hidden\"> %s</span></a> <a class=\"utrecht-link\" href=\"/persons/%lld/rights\">%s"
                    "<span class=\"wt-visually-hidden\"> %s</span></a></td></tr>",
                    name, birth_and_age(req->a, p), p->bsn ? bsn_mask(req->a, p->bsn) : "-", or_empty(p->phone),
                    p->phone && p->email ? " " : "", or_empty(p->email), person_roles(req->a, p), (long long)p->id,
                    _("Wijzigen"), name, (long long)p->id, _("Inzage en wissen"), name);
    }
    html_raw(b, "</tbody></table></div>");
}

static void case_block(http_request *req, const household *h)
{
    buf *b = &req->out;
    html_printf(b, "<section aria-labelledby=\"casus\"><h2 class=\"utrecht-heading-2\" id=\"casus\">%s</h2>", _("Casus"));
    household_case hc;
    wt_status st = household_open_case(&req->ctx, h->id, &hc);
    if (st == WT_OK && hc.case_id) {
        html_printf(b,
                    "<p class=\"utrecht-paragraph\">%s %s. %s %s.</p><p class=\"utrecht-paragraph\">"
                    "<a class=\"utrecht-link\" href=\"/cases/%lld\">%s</a></p></section>",
                    _("Er is een open casus sinds"), date_display(req->a, hc.opened_on), _("Regisseur:"),
                    or_empty(hc.coordinator_name), (long long)hc.case_id, _("Naar de casus"));
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Er is geen open casus. Open er een als het huishouden ondersteuning van het team krijgt: één gezin, één plan, één regisseur."));
    user *users = NULL;
    int n = 0;
    if (user_list_coordinators(&req->ctx, h->team_id, &users, &n) != WT_OK)
        n = 0;
    option *opts = arena_alloc(req->a, sizeof(option) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        opts[i].value = fmt_id(req, users[i].id);
        const char *disc = discipline_label(users[i].discipline);
        opts[i].label = *disc ? arena_printf(req->a, "%s (%s)", users[i].display_name, disc) : users[i].display_name;
    }
    form_begin(req, arena_printf(req->a, "/households/%lld/case", (long long)h->id), NULL);
    field_textarea(req, &(field){.name = "reason", .label = _("Reden voor de casus"), .required = true,
                                 .hint = _("Wat is de vraag of zorg van het huishouden?"), .maxlength = 4000}, 4);
    field_select(req, &(field){.name = "coordinator_id", .label = _("Regisseur"), .required = true,
                               .value = fmt_id(req, req->ctx.who.user_id)}, opts, n);
    form_button(req, _("Casus openen"), true);
    form_end(req);
    html_raw(b, "</section>");
}

static void questions_block(http_request *req, const household *h)
{
    buf *b = &req->out;
    question *qs = NULL;
    int n = 0;
    if (question_list_for_household(&req->ctx, h->id, 20, &qs, &n) != WT_OK)
        n = 0;
    html_printf(b, "<section aria-labelledby=\"voordeur\"><h2 class=\"utrecht-heading-2\" id=\"voordeur\">%s</h2>",
                _("Via de voordeur"));
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er zijn geen vragen aan dit huishouden gekoppeld."));
    else
        html_raw(b, "<ul class=\"utrecht-unordered-list\">");
    for (int i = 0; i < n; i++)
        html_printf(b, "<li><a class=\"utrecht-link\" href=\"/frontdoor/%lld\">%s: %s</a> (%s, %s)</li>",
                    (long long)qs[i].id, frontdoor_label(question_kinds, qs[i].kind), qs[i].name,
                    date_display(req->a, qs[i].received_at), frontdoor_label(question_statuses, qs[i].status));
    if (n > 0)
        html_raw(b, "</ul>");
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/frontdoor/new?huishouden=%lld\">%s</a></p></section>",
                (long long)h->id, _("Nieuwe vraag van dit huishouden registreren"));
}

static void household_page(http_request *req, const household *h, const person_input *add, const errors *e)
{
    page_begin(req, h->name);
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", h->name);
    error_summary(req, e);
    html_printf(b, "<dl class=\"wt-facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%s</dd></dl>",
                _("Adres"), h->addr.id ? address_format(req->a, &h->addr) : _("Geen adres bekend"),
                _("Huishoudnummer"), (long long)h->id, _("Geregistreerd op"), date_display(req->a, h->created_at));
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld/network\">%s</a></p>",
                (long long)h->id, _("Netwerk: ecogram, relaties, aanbod en hulpvragen"));
    if (h->addr.id)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap?household=%lld\">%s</a></p>",
                    (long long)h->id, _("Hulp in de buurt: sociale kaart vanaf dit adres"));
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Gezinsleden"));
    members_table(req, h);
    case_block(req, h);
    questions_block(req, h);
    html_printf(b, "<section aria-labelledby=\"toevoegen\"><h2 class=\"utrecht-heading-2\" id=\"toevoegen\">%s</h2>",
                _("Gezinslid toevoegen"));
    form_begin(req, arena_printf(req->a, "/households/%lld/persons", (long long)h->id), NULL);
    person_fields(req, "", add, e, true);
    form_button(req, _("Gezinslid toevoegen"), false);
    form_end(req);
    html_raw(b, "</section>");
    page_end(req);
}

static void get_household(http_request *req)
{
    household h;
    if (web_failed(req, household_get(&req->ctx, req->ids[0], &h)))
        return;
    person_input add = {0};
    household_page(req, &h, &add, NULL);
}

static void post_person(http_request *req)
{
    person_input in = {0};
    person_from_form(req, "", &in);
    errors e;
    errors_init(&e, req->a);
    int64_t pid = 0;
    wt_status st = household_add_person(&req->ctx, req->ids[0], &in, &e, &pid);
    if (st == WT_INVALID) {
        household h;
        if (web_failed(req, household_get(&req->ctx, req->ids[0], &h)))
            return;
        req->status = 400;
        household_page(req, &h, &in, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld", (long long)req->ids[0]), "member");
}

/* ---- edit a person --------------------------------------------------------------------------------------------- */

static void person_edit_page(http_request *req, const person *p, const person_input *in, const errors *e)
{
    const char *name = person_full_name(req->a, p);
    page_begin(req, _("Gegevens wijzigen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Gegevens wijzigen van"), name);
    error_summary(req, e);
    form_begin(req, arena_printf(req->a, "/persons/%lld/edit", (long long)p->id), NULL);
    person_fields(req, "", in, e, true);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld\">%s</a></p>",
                (long long)p->household_id, _("Terug naar het huishouden zonder op te slaan"));
    page_end(req);
}

static void get_person_edit(http_request *req)
{
    person p;
    if (web_failed(req, person_get(&req->ctx, req->ids[0], &p)))
        return;
    person_input in;
    person_to_input(&p, &in);
    person_edit_page(req, &p, &in, NULL);
}

static void post_person_edit(http_request *req)
{
    person_input in = {0};
    person_from_form(req, "", &in);
    errors e;
    errors_init(&e, req->a);
    wt_status st = person_update(&req->ctx, req->ids[0], &in, &e);
    if (st == WT_INVALID) {
        person p;
        if (web_failed(req, person_get(&req->ctx, req->ids[0], &p)))
            return;
        req->status = 400;
        person_edit_page(req, &p, &in, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    person p;
    if (web_failed(req, person_get(&req->ctx, req->ids[0], &p)))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld", (long long)p.household_id), "saved");
}

void household_web_routes(void)
{
    router_add("GET", "/search", get_search, 0);
    router_add("GET", "/households/new", get_new_household, 0);
    router_add("POST", "/households", post_household, 0);
    router_add("GET", "/households/{id}", get_household, 0);
    router_add("POST", "/households/{id}/persons", post_person, 0);
    router_add("GET", "/persons/{id}/edit", get_person_edit, 0);
    router_add("POST", "/persons/{id}/edit", post_person_edit, 0);
}
