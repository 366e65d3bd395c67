/*
 * consent_web.c - consents on the web (see consent_web.h).
 *
 * The case page lists the household's consents: what, with whom, for what,
 * given when by whom, and a withdrawn one with its date, so nobody shares on
 * a consent that is gone. The form records a consent for a social-map
 * organisation or a named party; it returns to where it was opened from (the
 * referral form of an action, or the case page).
 */
#include "consent_web.h"
#include "../case/case_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../household/household.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../socialmap/socialmap.h"
#include "consent.h"

#include <string.h>

#define ORGANISATIONS_MAX 100

/* "naam, adres en contactgegevens, plan van aanpak" */
static const char *kinds_text(http_request *req, const char *set)
{
    const char *out = "";
    for (int k = 0; consent_data_kinds[k].code; k++)
        if (consent_set_has(set, consent_data_kinds[k].code))
            out = arena_printf(req->a, "%s%s%s", out, *out ? ", " : "", _(consent_data_kinds[k].label));
    return out;
}

void consent_web_kinds(http_request *req, const char *name, const char *legend, const char *hint, const char *checked,
                       const char *error)
{
    buf *b = &req->out;
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset wt-fieldset%s\" id=\"f-%s\"%s>",
                error ? " utrecht-form-fieldset--invalid" : "", name,
                error ? arena_printf(req->a, " aria-describedby=\"f-%s-error\"", name) : "");
    html_printf(b, "<legend class=\"utrecht-form-fieldset__legend\">%s</legend>", legend);
    if (hint)
        html_printf(b, "<p class=\"utrecht-form-field-description\">%s</p>", hint);
    if (error)
        html_printf(b,
                    "<p class=\"utrecht-form-field-error-message\" id=\"f-%s-error\"><span class=\"wt-visually-hidden\">%s </span>%s</p>",
                    name, _("Fout:"), error);
    for (int k = 0; consent_data_kinds[k].code; k++) {
        const char *code = consent_data_kinds[k].code;
        html_printf(b,
                    "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><div class=\"utrecht-form-field__input\">"
                    "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-%s-%s\""
                    " name=\"%s\" value=\"%s\"%s></div><div class=\"utrecht-form-field__label\">"
                    "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-%s-%s\">%s</label></div></div>",
                    name, code, name, code, consent_set_has(checked, code) ? " checked" : "", name, code,
                    _(consent_data_kinds[k].label));
    }
    html_raw(b, "</fieldset>");
}

const char **consent_web_posted_codes(http_request *req, const char *name, int *n)
{
    *n = kv_count(&req->form, name);
    const char **codes = arena_alloc(req->a, sizeof(char *) * (size_t)(*n ? *n : 1));
    for (int i = 0; i < *n; i++)
        codes[i] = kv_get_nth(&req->form, name, i);
    return codes;
}

/* " a b " of the posted codes, for ticking the boxes again. */
static const char *posted_set(http_request *req, const char *name)
{
    const char *set = " ";
    for (int i = 0, n = kv_count(&req->form, name); i < n; i++)
        set = arena_printf(req->a, "%s%s ", set, kv_get_nth(&req->form, name, i));
    return set;
}

/* ---- the section on the case page ------------------------------------------------------------------------------- */

static void withdraw_form(http_request *req, const consent *k, int64_t case_id)
{
    const char *prefix = arena_printf(req->a, "w%lld-", (long long)k->id);
    html_printf(&req->out, "<details class=\"wt-details\"><summary>%s<span class=\"wt-visually-hidden\">: %s</span></summary>",
                _("Toestemming intrekken"), k->with_whom);
    form_begin(req, arena_printf(req->a, "/consents/%lld/withdraw", (long long)k->id), NULL);
    html_printf(&req->out, "<input type=\"hidden\" name=\"case\" value=\"%lld\">", (long long)case_id);
    field_text(req, &(field){.name = "withdrawn_on", .id = arena_printf(req->a, "%swithdrawn_on", prefix),
                             .label = _("Ingetrokken op"), .type = "date", .required = true, .value = date_today_iso(req->a)});
    field_textarea(req, &(field){.name = "note", .id = arena_printf(req->a, "%snote", prefix), .label = _("Toelichting"),
                                 .maxlength = CONSENT_NOTE_MAX},
                   2);
    form_button(req, _("Intrekken"), false);
    form_end(req);
    html_raw(&req->out, "</details>");
}

static void consent_item(http_request *req, const consent *k, const wt_case *c, bool can_write)
{
    buf *b = &req->out;
    html_printf(b, "<li id=\"consent-%lld\"><p class=\"utrecht-paragraph\"><strong>%s</strong> %s %s</p>", (long long)k->id,
                k->with_whom, _("voor"), consent_label(consent_purposes, k->purpose));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s %s.</p>", _("Gegevens:"), kinds_text(req, k->what));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s %s %s (%s), %s %s.</p>", _("Gegeven op"),
                date_display(req->a, k->given_on), _("door"), k->person_name, consent_label(consent_forms, k->form),
                _("vastgelegd door"), k->recorded_by_name);
    if (k->withdrawn_on) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-status\"><strong>%s %s.</strong>", _("Ingetrokken op"),
                    date_display(req->a, k->withdrawn_on));
        if (!text_empty(k->withdrawn_note))
            html_printf(b, " %s", k->withdrawn_note);
        html_raw(b, "</p>");
    } else if (can_write) {
        withdraw_form(req, k, c->id);
    }
    html_raw(b, "</li>");
}

void consent_case_section(http_request *req, const wt_case *c)
{
    consent *list = NULL;
    int n = 0;
    if (consent_list(&req->ctx, c->household_id, &list, &n) != WT_OK)
        return;
    buf *b = &req->out;
    bool can_write = case_is_open(c) && consent_household_access(&req->ctx, c->household_id, true) == WT_OK;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-toestemming\"><h2 class=\"utrecht-heading-2\" "
                   "id=\"h-toestemming\">%s</h2>",
                _("Toestemming voor delen"));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Welke gegevens het huishouden met wie wil delen, en waarvoor. Zonder toestemming geen verwijzing, "
                  "tenzij er een wettelijke grondslag is."));
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog geen toestemming vastgelegd."));
    else
        html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++)
        consent_item(req, &list[i], c, can_write);
    if (n)
        html_raw(b, "</ul>");
    if (can_write)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld/consents/new?case=%lld\">%s</a></p>",
                    (long long)c->household_id, (long long)c->id, _("Toestemming vastleggen"));
    html_raw(b, "</section>");
}

/* ---- the form --------------------------------------------------------------------------------------------------- */

typedef struct consent_form_ctx {
    const household *h;
    const errors *e;
    bool posted;
    const char *back_case;   /* the case to return to, or NULL */
    const char *back_action; /* the action whose referral form opened it, or NULL */
} consent_form_ctx;

static const char *value(http_request *req, const consent_form_ctx *f, const char *name, const char *dflt)
{
    if (f->posted) {
        const char *v = kv_get(&req->form, name);
        return v ? v : "";
    }
    const char *q = req_query(req, name);
    return q ? q : dflt;
}

static const char *error(const consent_form_ctx *f, const char *name)
{
    return f->e ? errors_get(f->e, name) : NULL;
}

static option *with_empty(http_request *req, const code_text *list, const char *empty, int *n)
{
    int k = 0;
    while (list[k].code)
        k++;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(k + 1));
    o[0] = (option){"", empty};
    for (int i = 0; i < k; i++)
        o[i + 1] = (option){list[i].code, _(list[i].label)};
    *n = k + 1;
    return o;
}

static void party_fields(http_request *req, const consent_form_ctx *f)
{
    hsds_row *orgs = NULL;
    int n = 0;
    bool more = false;
    if (socialmap_organizations(&req->ctx, NULL, ORGANISATIONS_MAX, 0, &orgs, &n, &more) != WT_OK)
        n = 0;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(n + 1));
    o[0] = (option){"", _("Geen organisatie uit de sociale kaart: vul hieronder de naam in")};
    for (int i = 0; i < n; i++)
        o[i + 1] = (option){hsds_get(&orgs[i], "id"), hsds_get(&orgs[i], "name")};
    field_select(req, &(field){.name = "organization_id", .label = _("Met welke organisatie"),
                               .hint = _("Een organisatie uit de sociale kaart."),
                               .value = value(req, f, "organization_id", ""), .error = error(f, "organization_id")},
                 o, n + 1);
    field_text(req, &(field){.name = "with_whom", .label = _("Of met wie anders"), .maxlength = CONSENT_PARTY_MAX,
                             .hint = _("Bijvoorbeeld de huisarts of de school, met naam."),
                             .value = value(req, f, "with_whom", ""), .error = error(f, "with_whom")});
}

static void consent_form(http_request *req, const consent_form_ctx *f)
{
    const household *h = f->h;
    form_begin(req, arena_printf(req->a, "/households/%lld/consents", (long long)h->id), NULL);
    if (f->back_case)
        html_printf(&req->out, "<input type=\"hidden\" name=\"case\" value=\"%s\">", f->back_case);
    if (f->back_action)
        html_printf(&req->out, "<input type=\"hidden\" name=\"action\" value=\"%s\">", f->back_action);
    option *people = arena_alloc(req->a, sizeof(option) * (size_t)(h->n_members + 1));
    people[0] = (option){"", _("Kies wie toestemming gaf")};
    for (int i = 0; i < h->n_members; i++)
        people[i + 1] = (option){arena_printf(req->a, "%lld", (long long)h->members[i].id),
                                 person_full_name(req->a, &h->members[i])};
    field_select(req, &(field){.name = "person_id", .label = _("Wie gaf toestemming"), .required = true,
                               .value = value(req, f, "person_id", h->n_members == 1 ? people[1].value : ""),
                               .error = error(f, "person_id")},
                 people, h->n_members + 1);
    consent_web_kinds(req, "what", _("Welke gegevens mogen gedeeld worden"), NULL,
                      f->posted ? posted_set(req, "what") : "", error(f, "what"));
    party_fields(req, f);
    int n;
    option *purposes = with_empty(req, consent_purposes, _("Kies het doel"), &n);
    field_select(req, &(field){.name = "purpose", .label = _("Waarvoor"), .required = true,
                               .value = value(req, f, "purpose", "referral"), .error = error(f, "purpose")},
                 purposes, n);
    field_text(req, &(field){.name = "given_on", .label = _("Gegeven op"), .type = "date", .required = true,
                             .value = value(req, f, "given_on", date_today_iso(req->a)), .error = error(f, "given_on")});
    option *forms = with_empty(req, consent_forms, _("Kies hoe"), &n);
    field_select(req, &(field){.name = "form", .label = _("Hoe gegeven"), .required = true,
                               .value = value(req, f, "form", ""), .error = error(f, "form")},
                 forms, n);
    form_button(req, _("Toestemming vastleggen"), true);
    form_end(req);
}

static const char *numeric_or_null(const char *s)
{
    int64_t v;
    return s && text_parse_int64(s, &v) && v > 0 ? s : NULL;
}

static void form_page(http_request *req, consent_form_ctx *f)
{
    page_begin(req, _("Toestemming vastleggen"));
    if (f->back_action)
        html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/actions/%s/referrals/new\">%s</a></p>",
                    f->back_action, _("Terug naar de verwijzing"));
    else if (f->back_case)
        html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%s\">%s</a></p>",
                    f->back_case, _("Terug naar de casus"));
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Toestemming vastleggen"));
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s <strong>%s</strong>.</p>", _("Van"), f->h->name);
    error_summary(req, f->e);
    consent_form(req, f);
    page_end(req);
}

static void get_new(http_request *req)
{
    household h;
    if (case_web_failed(req, consent_household_access(&req->ctx, req->ids[0], true), NULL))
        return;
    if (case_web_failed(req, household_get(&req->ctx, req->ids[0], &h), NULL))
        return;
    consent_form_ctx f = {&h, NULL, false, numeric_or_null(req_query(req, "case")),
                          numeric_or_null(req_query(req, "action"))};
    form_page(req, &f);
}

static void post_consent(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int n_what = 0;
    const char **what = consent_web_posted_codes(req, "what", &n_what);
    consent_input in = {req_form(req, "person_id"), what, n_what, req_form(req, "organization_id"),
                        req_form(req, "with_whom"), req_form(req, "purpose"), req_form(req, "given_on"),
                        req_form(req, "form")};
    int64_t id = 0;
    wt_status st = consent_record(&req->ctx, req->ids[0], &in, &e, &id);
    consent_form_ctx f = {NULL, &e, true, numeric_or_null(req_form(req, "case")), numeric_or_null(req_form(req, "action"))};
    if (st == WT_INVALID) {
        household h;
        if (case_web_failed(req, household_get(&req->ctx, req->ids[0], &h), NULL))
            return;
        f.h = &h;
        form_page(req, &f);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    if (f.back_action)
        page_redirect_notice(req, arena_printf(req->a, "/actions/%s/referrals/new", f.back_action), "consent");
    else if (f.back_case)
        resp_redirect(req, arena_printf(req->a, "/cases/%s?melding=consent#h-toestemming", f.back_case));
    else
        page_redirect_notice(req, arena_printf(req->a, "/households/%lld", (long long)req->ids[0]), "consent");
}

static void post_withdraw(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t household_id = 0;
    wt_status st = consent_withdraw(&req->ctx, req->ids[0], req_form(req, "withdrawn_on"), req_form(req, "note"), &e,
                                    &household_id);
    const char *back_case = numeric_or_null(req_form(req, "case"));
    if (st == WT_INVALID) {
        consent k;
        if (case_web_failed(req, consent_get(&req->ctx, req->ids[0], &k), NULL))
            return;
        page_begin(req, _("Toestemming intrekken"));
        html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Toestemming intrekken"));
        error_summary(req, &e);
        html_printf(&req->out, "<p class=\"utrecht-paragraph\"><strong>%s</strong> %s %s, %s %s.</p>", k.with_whom,
                    _("voor"), consent_label(consent_purposes, k.purpose), _("gegeven op"),
                    date_display(req->a, k.given_on));
        form_begin(req, arena_printf(req->a, "/consents/%lld/withdraw", (long long)k.id), NULL);
        if (back_case)
            html_printf(&req->out, "<input type=\"hidden\" name=\"case\" value=\"%s\">", back_case);
        field_text(req, &(field){.name = "withdrawn_on", .label = _("Ingetrokken op"), .type = "date", .required = true,
                                 .value = kv_get(&req->form, "withdrawn_on"), .error = errors_get(&e, "withdrawn_on")});
        field_textarea(req, &(field){.name = "note", .label = _("Toelichting"), .maxlength = CONSENT_NOTE_MAX,
                                     .value = kv_get(&req->form, "note"), .error = errors_get(&e, "note")},
                       2);
        form_button(req, _("Intrekken"), true);
        form_end(req);
        page_end(req);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    if (back_case)
        resp_redirect(req, arena_printf(req->a, "/cases/%s?melding=consent_withdrawn#h-toestemming", back_case));
    else
        page_redirect_notice(req, arena_printf(req->a, "/households/%lld", (long long)household_id), "consent_withdrawn");
}

void consent_web_routes(void)
{
    router_add("GET", "/households/{id}/consents/new", get_new, 0);
    router_add("POST", "/households/{id}/consents", post_consent, 0);
    router_add("POST", "/consents/{id}/withdraw", post_withdraw, 0);
}
