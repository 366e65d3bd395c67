/*
 * referral_web.c - referrals on the web (see referral_web.h).
 *
 * The form is opened from an action of the plan. It first offers a search in
 * the social map (a GET form that reloads the page with the matching
 * services), then the referral itself: the kind (a referral, or a specialist
 * consultation where the case stays with the coordinator), the service, the
 * reason and urgency, the data shared, and the ground for sharing: one of
 * the household's consents in force, or a legal ground with its explanation,
 * or none for an anonymous consultation. Without a choice the rules look up
 * a covering consent; the link to record one returns to this form.
 */
#include "referral_web.h"
#include "../case/case_web.h"
#include "../consent/consent.h"
#include "../consent/consent_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../plan/plan.h"
#include "../socialmap/socialmap.h"
#include "referral.h"

#include <string.h>

#define CHOICES_MAX 100
#define HOME_WAITING_LIMIT 10

static const char *kinds_text(http_request *req, const char *set)
{
    const char *out = "";
    for (int k = 0; consent_data_kinds[k].code; k++)
        if (consent_set_has(set, consent_data_kinds[k].code))
            out = arena_printf(req->a, "%s%s%s", out, *out ? ", " : "", _(consent_data_kinds[k].label));
    return out;
}

static option *options_of(http_request *req, const code_text *list, const char *empty, int *n)
{
    int k = 0;
    while (list[k].code)
        k++;
    int first = empty ? 1 : 0;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(k + 1));
    if (empty)
        o[0] = (option){"", empty};
    for (int i = 0; i < k; i++)
        o[i + first] = (option){list[i].code, _(list[i].label)};
    *n = k + first;
    return o;
}

/* The day of the referral's current status. */
static const char *status_on(const referral *r)
{
    if (strcmp(r->status, "accepted") == 0)
        return r->accepted_on;
    if (strcmp(r->status, "started") == 0)
        return r->started_on;
    if (strcmp(r->status, "ended") == 0)
        return r->ended_on;
    if (strcmp(r->status, "declined") == 0)
        return r->declined_on;
    return r->sent_on;
}

static const char *title_of(http_request *req, const referral *r)
{
    return arena_printf(req->a, strcmp(r->kind, "consultation") == 0 ? _("Consultatie bij %s") : _("Verwijzing naar %s"),
                        r->organisation);
}

static void withdrawn_warning(http_request *req, const referral *r)
{
    if (r->consent_withdrawn_on)
        html_printf(&req->out,
                    "<div class=\"wt-warning\"><p class=\"utrecht-paragraph\"><strong>%s %s.</strong> %s</p></div>",
                    _("De toestemming waarop deze verwijzing steunt is ingetrokken op"),
                    date_display(req->a, r->consent_withdrawn_on),
                    _("Deel geen nieuwe gegevens meer en bespreek met de organisatie wat er met de gedeelde gegevens gebeurt."));
}

/* ---- the section on the case page ------------------------------------------------------------------------------- */

static void referral_item(http_request *req, const referral *r)
{
    buf *b = &req->out;
    html_printf(b, "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/referrals/%lld\">%s</a>",
                (long long)r->id, title_of(req, r));
    if (r->service_name)
        html_printf(b, " (%s)", r->service_name);
    html_printf(b, "</p><p class=\"utrecht-paragraph\"><strong>%s</strong> %s %s.",
                referral_label(referral_statuses, r->status), _("op"), date_display(req->a, status_on(r)));
    if (strcmp(r->urgency, "normal") != 0)
        html_printf(b, " %s %s.", _("Urgentie:"), referral_label(referral_urgencies, r->urgency));
    html_printf(b, "</p><p class=\"utrecht-paragraph wt-muted\">%s <span class=\"wt-layer wt-layer--%s\">%s</span> %s</p>",
                _("Vanuit de actie"), r->action_layer, plan_label(plan_layers, r->action_layer), r->action_body);
    withdrawn_warning(req, r);
    html_raw(b, "</li>");
}

void referral_case_section(http_request *req, const wt_case *c)
{
    referral *list = NULL;
    int n = 0;
    if (referral_list(&req->ctx, c->id, &list, &n) != WT_OK)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-verwijzingen\"><h2 class=\"utrecht-heading-2\" "
                   "id=\"h-verwijzingen\">%s</h2>",
                _("Verwijzingen en consultaties"));
    int under_way = 0;
    for (int i = 0; i < n; i++)
        under_way += strcmp(list[i].kind, "referral") == 0 &&
                     (strcmp(list[i].status, "sent") == 0 || strcmp(list[i].status, "accepted") == 0 ||
                      strcmp(list[i].status, "started") == 0);
    if (under_way)
        html_printf(b, "<p class=\"utrecht-paragraph wt-status\"><strong>%s</strong> %d %s.</p>",
                    _("Deze casus leunt op de tweede lijn:"), under_way,
                    under_way == 1 ? _("verwijzing loopt") : _("verwijzingen lopen"));
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog niet verwezen of geconsulteerd."));
    else
        html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++)
        referral_item(req, &list[i]);
    if (n)
        html_raw(b, "</ul>");
    if (case_is_open(c))
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                    _("Verwijzen of een specialist raadplegen gaat vanuit een actie in het plan: kies daar \"Verwijzen\"."));
    html_raw(b, "</section>");
}

/* ---- the work queue --------------------------------------------------------------------------------------------- */

void referral_home_block(http_request *req)
{
    referral_waiting *w = NULL;
    int n = 0;
    if (referral_waiting_list(&req->ctx, HOME_WAITING_LIMIT, &w, &n) != WT_OK || n == 0)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-verwijzingen\"><h2 class=\"utrecht-heading-2\" "
                   "id=\"h-verwijzingen\">%s</h2>",
                _("Verwijzingen die wachten op antwoord"));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++) {
        const referral_waiting *x = &w[i];
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/referrals/%lld\">%s %s</a> (%s).",
                    (long long)x->id,
                    strcmp(x->kind, "consultation") == 0 ? _("Consultatie bij") : _("Verwijzing naar"), x->organisation,
                    x->household_name);
        html_printf(b, " %s %s, %d %s.", _("Verstuurd op"), date_display(req->a, x->sent_on), x->days,
                    x->days == 1 ? _("dag geleden") : _("dagen geleden"));
        if (x->long_wait)
            html_printf(b, " <strong class=\"wt-overdue\">%s</strong>", _("Wacht lang: vraag na."));
        if (strcmp(x->urgency, "normal") != 0)
            html_printf(b, " %s %s.", _("Urgentie:"), referral_label(referral_urgencies, x->urgency));
        html_raw(b, "</p></li>");
    }
    html_raw(b, "</ul></section>");
}

/* ---- the form --------------------------------------------------------------------------------------------------- */

typedef struct ref_form {
    const plan_action *x;
    const wt_case *c;
    const errors *e;
    bool posted;
} ref_form;

static const char *value(http_request *req, const ref_form *f, const char *name, const char *dflt)
{
    if (f->posted) {
        const char *v = kv_get(&req->form, name);
        return v ? v : "";
    }
    return dflt;
}

static const char *error(const ref_form *f, const char *name)
{
    return f->e ? errors_get(f->e, name) : NULL;
}

static void search_form(http_request *req, const ref_form *f, const char *q)
{
    form_begin_get(req, arena_printf(req->a, "/actions/%lld/referrals/new", (long long)f->x->id), "wt-form--inline");
    field_text(req, &(field){.name = "q", .label = _("Zoek een dienst in de sociale kaart"), .type = "search",
                             .value = q, .maxlength = 200, .hint = _("Bijvoorbeeld: schulden, GGZ, opvoeding.")});
    form_button(req, _("Zoek"), false);
    form_end(req);
}

static void service_field(http_request *req, const ref_form *f, const char *q)
{
    sm_choice *ch = NULL;
    int n = 0;
    if (socialmap_service_choices(&req->ctx, q, CHOICES_MAX, &ch, &n) != WT_OK)
        n = 0;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(n + 1));
    o[0] = (option){"", n ? _("Kies een dienst") : _("Geen dienst gevonden: zoek met andere woorden")};
    for (int i = 0; i < n; i++)
        o[i + 1] = (option){ch[i].id, arena_printf(req->a, "%s - %s", ch[i].organization_name, ch[i].name)};
    field_select(req, &(field){.name = "service_id", .label = _("Dienst (organisatie - dienst)"), .required = true,
                               .value = value(req, f, "service_id", ""), .error = error(f, "service_id")},
                 o, n + 1);
}

static void consent_field(http_request *req, const ref_form *f)
{
    consent *list = NULL;
    int n = 0;
    if (consent_list(&req->ctx, f->c->household_id, &list, &n) != WT_OK)
        n = 0;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(n + 1));
    int k = 0;
    o[k++] = (option){"", _("Zoek zelf de passende toestemming")};
    for (int i = 0; i < n; i++)
        if (!list[i].withdrawn_on)
            o[k++] = (option){arena_printf(req->a, "%lld", (long long)list[i].id),
                              arena_printf(req->a, "%s, %s (%s %s)", list[i].with_whom,
                                           consent_label(consent_purposes, list[i].purpose), _("gegeven op"),
                                           date_display(req->a, list[i].given_on))};
    field_select(req, &(field){.name = "consent_id", .label = _("Toestemming van het huishouden"),
                               .hint = _("De toestemming moet de gegevens, de organisatie en het doel dekken."),
                               .value = value(req, f, "consent_id", ""), .error = error(f, "consent_id")},
                 o, k);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld/consents/new?action=%lld&amp;case=%lld\">%s</a></p>",
                (long long)f->c->household_id, (long long)f->x->id, (long long)f->c->id, _("Toestemming vastleggen"));
}

static void ground_fields(http_request *req, const ref_form *f)
{
    int n;
    option *grounds = options_of(req, referral_legal_grounds, _("Geen: er is toestemming"), &n);
    field_select(req, &(field){.name = "legal_ground", .label = _("Of: wettelijke grondslag zonder toestemming"),
                               .value = value(req, f, "legal_ground", ""), .error = error(f, "legal_ground")},
                 grounds, n);
    field_textarea(req, &(field){.name = "legal_note", .label = _("Toelichting op de grondslag"),
                                 .hint = _("Verplicht bij een grondslag: waarom delen zonder toestemming nodig is."),
                                 .value = value(req, f, "legal_note", ""), .error = error(f, "legal_note"),
                                 .maxlength = REFERRAL_TEXT_MAX},
                   3);
    const char *anon = value(req, f, "anonymous", "");
    field_checkbox(req, "anonymous", _("Anonieme consultatie: er worden geen gegevens van de bewoner gedeeld"),
                   anon && *anon && strcmp(anon, "0") != 0);
    if (error(f, "anonymous"))
        html_printf(&req->out, "<p class=\"utrecht-form-field-error-message\">%s</p>", error(f, "anonymous"));
}

static const char *posted_set(http_request *req, const char *name)
{
    const char *set = " ";
    for (int i = 0, n = kv_count(&req->form, name); i < n; i++)
        set = arena_printf(req->a, "%s%s ", set, kv_get_nth(&req->form, name, i));
    return set;
}

static void referral_form(http_request *req, const ref_form *f, const char *q)
{
    search_form(req, f, q);
    form_begin(req, arena_printf(req->a, "/actions/%lld/referrals", (long long)f->x->id), NULL);
    int n;
    option *kinds = options_of(req, referral_kinds, NULL, &n);
    field_select(req, &(field){.name = "kind", .label = _("Soort"), .required = true,
                               .hint = _("Bij een consultatie geeft de specialist advies; de casus blijft bij de regisseur."),
                               .value = value(req, f, "kind", "referral"), .error = error(f, "kind")},
                 kinds, n);
    service_field(req, f, q);
    field_textarea(req, &(field){.name = "reason", .label = _("Reden"), .required = true,
                                 .value = value(req, f, "reason", ""), .error = error(f, "reason"),
                                 .maxlength = REFERRAL_TEXT_MAX},
                   4);
    option *urg = options_of(req, referral_urgencies, NULL, &n);
    field_select(req, &(field){.name = "urgency", .label = _("Urgentie"), .required = true,
                               .value = value(req, f, "urgency", "normal"), .error = error(f, "urgency")},
                 urg, n);
    consent_web_kinds(req, "shared", _("Welke gegevens deelt u"), _("Deel niet meer dan nodig is."),
                      f->posted ? posted_set(req, "shared") : " contact question ", error(f, "shared"));
    consent_field(req, f);
    ground_fields(req, f);
    field_text(req, &(field){.name = "sent_on", .label = _("Verstuurd op"), .type = "date", .required = true,
                             .value = value(req, f, "sent_on", date_today_iso(req->a)), .error = error(f, "sent_on")});
    form_button(req, _("Verwijzing vastleggen"), true);
    form_end(req);
}

static void form_page(http_request *req, const ref_form *f, const char *q)
{
    case_web_form_page_begin(req, f->c, _("Verwijzen of een specialist raadplegen"), f->e);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s <span class=\"wt-layer wt-layer--%s\">%s</span> %s</p>",
                _("Vanuit de actie"), f->x->layer, plan_label(plan_layers, f->x->layer), f->x->body);
    if (!case_is_open(f->c))
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>", _("De casus is gesloten; er kan niet meer worden verwezen."));
    else
        referral_form(req, f, q);
    page_end(req);
}

static void get_new(http_request *req)
{
    plan_action x;
    wt_case c;
    if (case_web_failed(req, plan_action_get(&req->ctx, req->ids[0], &x, &c), NULL))
        return;
    if (case_web_failed(req, case_access_loaded(&req->ctx, &c, PERM_CASE_WRITE), NULL))
        return;
    const char *q = req_query(req, "q");
    form_page(req, &(ref_form){&x, &c, NULL, false}, q ? q : "");
}

static void post_referral(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int n_shared = 0;
    const char **shared = consent_web_posted_codes(req, "shared", &n_shared);
    const char *anon = req_form(req, "anonymous");
    referral_input in = {req_form(req, "kind"), req_form(req, "service_id"), req_form(req, "reason"),
                         req_form(req, "urgency"), shared, n_shared, req_form(req, "consent_id"),
                         req_form(req, "legal_ground"), req_form(req, "legal_note"),
                         anon && *anon && strcmp(anon, "0") != 0, req_form(req, "sent_on")};
    int64_t id = 0, case_id = 0;
    wt_status st = referral_create(&req->ctx, req->ids[0], &in, &e, &id, &case_id);
    if (st == WT_INVALID) {
        plan_action x;
        wt_case c;
        if (case_web_failed(req, plan_action_get(&req->ctx, req->ids[0], &x, &c), NULL))
            return;
        form_page(req, &(ref_form){&x, &c, &e, true}, "");
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, case_id, "referral", "h-verwijzingen");
}

/* ---- one referral ----------------------------------------------------------------------------------------------- */

static void fact(http_request *req, const char *label, const char *v)
{
    if (!text_empty(v))
        html_printf(&req->out, "<dt>%s</dt><dd class=\"wt-pre\">%s</dd>", label, v);
}

static const char *ground_text(http_request *req, const referral *r)
{
    if (r->anonymous)
        return _("Anoniem: geen gegevens van de bewoner gedeeld.");
    if (r->legal_ground)
        return arena_printf(req->a, "%s. %s", referral_label(referral_legal_grounds, r->legal_ground),
                            r->legal_note ? r->legal_note : "");
    if (r->consent_id)
        return arena_printf(req->a, _("Toestemming van het huishouden, gegeven op %s."),
                            date_display(req->a, r->consent_given_on));
    return "";
}

static void step_form(http_request *req, const referral *r, const errors *e)
{
    static const char *const next[] = {"accepted", "started", "ended", "declined"};
    option o[4];
    int n = 0;
    for (int i = 0; i < 4; i++)
        if (referral_step_allowed(r->kind, r->status, next[i]))
            o[n++] = (option){next[i], referral_label(referral_statuses, next[i])};
    if (n == 0)
        return;
    html_printf(&req->out, "<h2 class=\"utrecht-heading-2\" id=\"h-stap\">%s</h2>", _("Volgende stap vastleggen"));
    form_begin(req, arena_printf(req->a, "/referrals/%lld/status", (long long)r->id), NULL);
    bool posted = e != NULL;
    field_select(req, &(field){.name = "status", .label = _("Nieuwe status"), .required = true,
                               .value = posted ? kv_get(&req->form, "status") : o[0].value,
                               .error = e ? errors_get(e, "status") : NULL},
                 o, n);
    field_text(req, &(field){.name = "on", .label = _("Datum"), .type = "date", .required = true,
                             .value = posted ? kv_get(&req->form, "on") : date_today_iso(req->a),
                             .error = e ? errors_get(e, "on") : NULL});
    field_textarea(req, &(field){.name = "note",
                                 .label = strcmp(r->kind, "consultation") == 0 ? _("Advies of toelichting")
                                                                               : _("Uitkomst of toelichting"),
                                 .hint = strcmp(r->kind, "consultation") == 0
                                             ? _("Het advies van de specialist is verplicht bij afronden.")
                                             : NULL,
                                 .value = posted ? kv_get(&req->form, "note") : "",
                                 .error = e ? errors_get(e, "note") : NULL, .maxlength = REFERRAL_TEXT_MAX},
                   3);
    form_button(req, _("Stap vastleggen"), true);
    form_end(req);
}

static void referral_page(http_request *req, const referral *r, const wt_case *c, const errors *e)
{
    buf *b = &req->out;
    case_web_form_page_begin(req, c, title_of(req, r), e);
    withdrawn_warning(req, r);
    html_raw(b, "<dl class=\"wt-facts\">");
    fact(req, _("Soort"), referral_label(referral_kinds, r->kind));
    fact(req, _("Dienst"), r->service_name);
    fact(req, _("Organisatie"), r->organisation);
    fact(req, _("Status"), arena_printf(req->a, "%s (%s)", referral_label(referral_statuses, r->status),
                                        date_display(req->a, status_on(r))));
    fact(req, _("Urgentie"), referral_label(referral_urgencies, r->urgency));
    fact(req, _("Reden"), r->reason);
    fact(req, _("Vanuit de actie"), arena_printf(req->a, "%s (%s)", r->action_body, plan_label(plan_layers, r->action_layer)));
    fact(req, _("Gedeelde gegevens"), r->anonymous ? _("geen") : kinds_text(req, r->shared));
    fact(req, _("Grond voor delen"), ground_text(req, r));
    fact(req, strcmp(r->kind, "consultation") == 0 ? _("Advies") : _("Uitkomst"), r->outcome);
    fact(req, _("Vastgelegd door"), r->created_by_name);
    html_raw(b, "</dl>");
    if (strcmp(r->kind, "consultation") == 0)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s.</p>",
                    _("Een consultatie: de specialist adviseert, de casus blijft bij de regisseur,"), c->coordinator_name);
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><ol class=\"wt-timeline\">", _("Verloop"));
    for (int i = 0; i < r->n_events; i++) {
        const referral_event *ev = &r->events[i];
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><time datetime=\"%s\">%s</time> <strong>%s</strong>, %s %s.</p>",
                    ev->happened_on, date_display(req->a, ev->happened_on), referral_label(referral_statuses, ev->status),
                    _("door"), ev->user_name);
        if (!text_empty(ev->note))
            html_printf(b, "<p class=\"utrecht-paragraph wt-pre\">%s</p>", ev->note);
        html_raw(b, "</li>");
    }
    html_raw(b, "</ol>");
    if (case_is_open(c) && case_access_loaded(&req->ctx, c, PERM_CASE_WRITE) == WT_OK)
        step_form(req, r, e);
    page_end(req);
}

static void get_referral(http_request *req)
{
    referral r;
    wt_case c;
    if (case_web_failed(req, referral_get(&req->ctx, req->ids[0], &r, &c), NULL))
        return;
    referral_page(req, &r, &c, NULL);
}

static void post_step(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    referral_step_input in = {req_form(req, "status"), req_form(req, "on"), req_form(req, "note")};
    int64_t case_id = 0;
    wt_status st = referral_step(&req->ctx, req->ids[0], &in, &e, &case_id);
    if (st == WT_INVALID) {
        referral r;
        wt_case c;
        if (case_web_failed(req, referral_get(&req->ctx, req->ids[0], &r, &c), NULL))
            return;
        referral_page(req, &r, &c, &e);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/referrals/%lld", (long long)req->ids[0]), "referral_step");
}

void referral_web_routes(void)
{
    router_add("GET", "/actions/{id}/referrals/new", get_new, 0);
    router_add("POST", "/actions/{id}/referrals", post_referral, 0);
    router_add("GET", "/referrals/{id}", get_referral, 0);
    router_add("POST", "/referrals/{id}/status", post_step, 0);
}
