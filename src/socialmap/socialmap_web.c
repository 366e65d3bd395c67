/*
 * socialmap_web.c - the pages of the social map (sociale kaart):
 *
 *   /socialmap                         search and browse: free text, life domain, line, target group, cost,
 *                                      language, age, distance from a household or a postcode
 *   /socialmap/services/{key}          the service page: organisation, locations with address and opening
 *                                      hours, contact, for whom, how to refer
 *   /socialmap/organizations[/{key}]   organisations with their locations, services and contacts
 *   /socialmap/check                   entries not checked for a year
 *   /socialmap/terms                   taxonomies: life domains, target groups, line and the team's own
 *   .../new, .../{key}/edit            maintenance forms for organisations, services, locations,
 *                                      contacts, schedules and terms; .../{key}/checked marks a check
 *                                      (each kind of entry carries the date of its last check)
 *
 * Every page calls the rules (socialmap.c), which ask the policy: every role
 * reads the map, workers, team leaders and the administrator maintain it.
 */
#include "socialmap_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "socialmap.h"

#include <stdio.h>
#include <string.h>

/* ---- shared helpers -------------------------------------------------------------------------------------------- */

static bool web_failed(http_request *req, wt_status st)
{
    switch (st) {
    case WT_OK:
        return false;
    case WT_FORBIDDEN:
        page_error(req, 403, _("U mag de sociale kaart niet wijzigen."));
        break;
    case WT_NOTFOUND:
        page_error(req, 404, _("Dit onderdeel van de sociale kaart bestaat niet (meer)."));
        break;
    case WT_CONFLICT:
        page_error(req, 409, _("Dit onderdeel ligt vast en kan niet gewijzigd worden."));
        break;
    case WT_UNAVAILABLE:
        page_error(req, 503, _("De database is tijdelijk niet bereikbaar; probeer het opnieuw."));
        break;
    default:
        page_error(req, 500, _("Er ging iets mis; er is niets opgeslagen. Probeer het opnieuw."));
        break;
    }
    return true;
}

static bool require_write(http_request *req)
{
    if (socialmap_may_write(&req->ctx))
        return true;
    web_failed(req, WT_FORBIDDEN);
    return false;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static const char *get(const hsds_row *r, const char *name)
{
    return r->res ? hsds_get(r, name) : NULL;
}

/* The form's value, "" and white space as NULL. */
static const char *form(http_request *req, const char *name)
{
    const char *v = req_form(req, name);
    return v && *v ? v : NULL;
}

/* A valid key from the query string (?organization=...), else NULL. */
static const char *query_key(http_request *req, const char *name)
{
    const char *v = req_query(req, name);
    return v && hsds_uuid_valid(v) ? v : NULL;
}

static const char *err(const errors *e, const char *name)
{
    return e ? errors_get(e, name) : NULL;
}

static void text_field(http_request *req, const char *name, const char *label, const char *value, const errors *e,
                       const char *hint, const char *type, int maxlength, bool required)
{
    field_text(req, &(field){.name = name, .label = label, .value = value, .error = err(e, name), .hint = hint,
                             .type = type, .maxlength = maxlength, .required = required, .autocomplete = "off"});
}

static void long_field(http_request *req, const char *name, const char *label, const char *value, const errors *e,
                       const char *hint, int rows)
{
    field_textarea(req, &(field){.name = name, .label = label, .value = value, .error = err(e, name), .hint = hint,
                                 .maxlength = 4000},
                   rows);
}

/* Options from a code list, optionally with a first "any" option. */
static option *code_options(arena *a, const sm_code *list, const char *first_label, int *n)
{
    int count = 0;
    while (list[count].code)
        count++;
    option *o = arena_alloc(a, sizeof(option) * (size_t)(count + 1));
    *n = 0;
    if (first_label)
        o[(*n)++] = (option){"", first_label};
    for (int i = 0; i < count; i++)
        o[(*n)++] = (option){list[i].code, _(list[i].label)};
    return o;
}

static void select_codes(http_request *req, const char *name, const char *label, const sm_code *list,
                         const char *first_label, const char *value, const errors *e)
{
    int n;
    option *o = code_options(req->a, list, first_label, &n);
    field_select(req, &(field){.name = name, .label = label, .value = value, .error = err(e, name)}, o, n);
}

/* True when list (n values) holds v. */
static bool list_has(const char *const *list, int n, const char *v)
{
    for (int i = 0; i < n; i++)
        if (list[i] && v && strcmp(list[i], v) == 0)
            return true;
    return false;
}

/* A group of check boxes in a fieldset with a legend; the fieldset carries the id the error summary links to. */
static void checkbox_group(http_request *req, const char *name, const char *legend, const option *opts, int n,
                           const char *const *chosen, int n_chosen, const errors *e)
{
    buf *b = &req->out;
    const char *error = err(e, name);
    html_printf(b,
                "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wt-checks\" id=\"f-%s\">"
                "<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">%s</legend>",
                name, legend);
    if (error)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\"><span class=\"wt-visually-hidden\">%s </span>%s</div>",
                    _("Fout:"), error);
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><div class=\"utrecht-form-field__input\">"
                    "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-%s-%d\""
                    " name=\"%s\" value=\"%s\"%s></div><div class=\"utrecht-form-field__label\">"
                    "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-%s-%d\">%s</label></div></div>",
                    name, i, name, opts[i].value, list_has(chosen, n_chosen, opts[i].value) ? " checked" : "", name, i,
                    opts[i].label);
    html_raw(b, "</fieldset>");
}

/* All values of a repeated form field. */
static const char **form_list(http_request *req, const char *name, int *n)
{
    *n = kv_count(&req->form, name);
    const char **out = arena_alloc(req->a, sizeof(char *) * (size_t)(*n + 1));
    int k = 0;
    for (int i = 0; i < *n; i++) {
        const char *v = kv_get_nth(&req->form, name, i);
        if (v && *v)
            out[k++] = v;
    }
    *n = k;
    return out;
}

/* The codes of a space-separated set as an array. */
static const char **set_list(arena *a, const char *set, int *n)
{
    *n = 0;
    const char **out = arena_alloc(a, sizeof(char *) * 32);
    char *copy = arena_strdup(a, set ? set : "");
    for (char *save = NULL, *t = strtok_r(copy, " ", &save); t && *n < 32; t = strtok_r(NULL, " ", &save))
        out[(*n)++] = t;
    return out;
}

/* "Zorg en welzijn, Geld en schulden" */
static const char *set_labels(arena *a, const char *set, const sm_code *list)
{
    int n;
    const char **codes = set_list(a, set, &n);
    const char *s = "";
    for (int i = 0; i < n; i++)
        s = arena_printf(a, "%s%s%s", s, i ? ", " : "", sm_code_label(list, codes[i]));
    return s;
}

/* "350 m", "1,2 km" */
static const char *distance_text(arena *a, double km)
{
    if (km < 1.0)
        return arena_printf(a, "%d m", (int)(km * 1000.0 / 10.0 + 0.5) * 10);
    char *s = arena_printf(a, "%.1f km", km);
    char *dot = strchr(s, '.');
    if (dot)
        *dot = ',';
    return s;
}

/* The date of the last check, and the flag when it is over a year ago. */
static void checked_text(http_request *req, const char *last_checked)
{
    buf *b = &req->out;
    bool stale = sm_needs_check(last_checked, date_today());
    if (last_checked)
        html_printf(b, "%s %s", _("Laatst gecontroleerd:"), date_display(req->a, last_checked));
    else
        html_printf(b, "%s", _("Nooit gecontroleerd"));
    if (stale)
        html_printf(b, " <strong class=\"wt-flag\">%s</strong>", _("Langer dan een jaar niet gecontroleerd"));
}

/* A POST button that marks an entry as checked today. */
static void checked_button(http_request *req, const char *what, const char *key, const char *back)
{
    button_form(req, arena_printf(req->a, "/socialmap/%s/%s/checked", what, key), _("Vandaag gecontroleerd"),
                back ? "terug" : NULL, back);
}

/* The form field of the date of the last check (a new entry: today). */
static void checked_field(http_request *req, const char *value, const errors *e, const char *hint)
{
    text_field(req, "last_checked", _("Laatst gecontroleerd"), value, e, hint, "date", 10, false);
}

/* The date of the last check of an entry that is not a service, for its edit form (NULL when never). */
static wt_status checked_of(http_request *req, const char *resource, const char *key, const char **checked)
{
    return socialmap_wijkteam_fields(&req->ctx, resource, key, checked, NULL);
}

static void back_link(http_request *req, const char *href, const char *label)
{
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"%s\">%s</a></p>", href,
                label);
}

static void maintenance_link(http_request *req, const char *href, const char *label)
{
    html_printf(&req->out, "<a class=\"utrecht-link wt-action\" href=\"%s\">%s</a> ", href, label);
}

/* ---- search ---------------------------------------------------------------------------------------------------- */

typedef struct search_input {
    sm_query q;
    const char *age, *km, *household; /* as typed */
} search_input;

static void read_search(http_request *req, search_input *in, errors *e)
{
    sm_query *q = &in->q;
    sm_query_init(q);
    q->q = req_query(req, "q") && *req_query(req, "q") ? req_query(req, "q") : NULL;
    const char *codes[] = {"domain", "target", "line", "language", "sort", "cost"};
    const char **dest[] = {&q->domain, &q->target, &q->line, &q->language, &q->sort, &q->cost};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *v = req_query(req, codes[i]);
        *dest[i] = v && *v ? v : NULL;
    }
    q->free_only = req_query(req, "free") != NULL;
    const char *pc = req_query(req, "postcode");
    q->postcode = pc && *pc ? pc : NULL;
    in->age = req_query(req, "age");
    in->km = req_query(req, "km");
    in->household = req_query(req, "household");
    int64_t v;
    if (in->age && *in->age) {
        if (text_parse_int64(in->age, &v) && v >= 0 && v <= 120)
            q->age = (int)v;
        else
            errors_add(e, "age", _("Vul een leeftijd in van 0 tot 120 jaar."));
    }
    double km;
    if (in->km && *in->km) {
        if (hsds_number_parse(in->km, &km))
            q->km = km;
        else
            errors_add(e, "km", _("Kies een afstand uit de lijst."));
    }
    if (in->household && *in->household) {
        if (text_parse_int64(in->household, &v) && v > 0)
            q->household_id = v;
        else
            errors_add(e, "household", _("Dit huishouden bestaat niet."));
    }
    if (text_parse_int64(req_query(req, "offset"), &v) && v > 0 && v <= 100000)
        q->offset = (int)v;
}

static bool search_asked(const sm_query *q)
{
    return q->q || q->domain || q->target || q->line || q->language || q->free_only || q->cost || q->age >= 0 ||
           q->household_id || q->postcode;
}

/* The query string of a search, for the pager (escaped for an attribute). */
static void search_href(http_request *req, const search_input *in, int offset)
{
    buf *b = &req->out;
    const sm_query *q = &in->q;
    const char *names[] = {"q", "domain", "target", "line", "language", "cost", "sort", "postcode", "age", "km",
                           "household"};
    const char *values[] = {q->q, q->domain, q->target, q->line, q->language, q->cost, q->sort, q->postcode, in->age,
                            in->km, in->household};
    html_raw(b, "/socialmap?");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!values[i] || !*values[i])
            continue;
        html_printf(b, "%s=", names[i]);
        html_url_component(b, values[i]);
        html_raw(b, "&amp;");
    }
    if (q->free_only)
        html_raw(b, "free=1&amp;");
    html_printf(b, "offset=%d", offset);
}

static const option km_options[] = {
    {"0.5", "500 m"}, {"1", "1 km"}, {"2", "2 km"}, {"5", "5 km"}, {"10", "10 km"}, {"25", "25 km"}, {"100", "100 km"},
};

static void search_form(http_request *req, const search_input *in, const errors *e, const char *origin)
{
    buf *b = &req->out;
    const sm_query *q = &in->q;
    form_begin_get(req, "/socialmap", "wt-search");
    text_field(req, "q", _("Zoek op naam, doel of trefwoord"), q->q, e,
               _("Bijvoorbeeld schulden, opvoeden of huisarts; met of zonder accenten."), "search", 200, false);
    html_raw(b, "<div class=\"wt-search__filters\">");
    select_codes(req, "domain", _("Levensgebied"), sm_life_domains, _("Alle levensgebieden"), q->domain, e);
    select_codes(req, "target", _("Doelgroep"), sm_target_groups, _("Alle doelgroepen"), q->target, e);
    select_codes(req, "line", _("Eerste of tweede lijn"), sm_lines, _("Beide"), q->line, e);
    select_codes(req, "language", _("Taal"), sm_languages, _("Alle talen"), q->language, e);
    select_codes(req, "cost", _("Kosten"), sm_costs, _("Alle"), q->cost, e);
    text_field(req, "age", _("Leeftijd van de bewoner"), in->age, e, NULL, "number", 3, false);
    html_raw(b, "</div><div class=\"wt-search__filters\">");
    if (q->household_id) {
        html_printf(b, "<input type=\"hidden\" name=\"household\" value=\"%lld\">", (long long)q->household_id);
        html_printf(b, "<p class=\"utrecht-paragraph wt-origin\">%s <strong>%s</strong>. <a class=\"utrecht-link\" href=\"/socialmap\">%s</a></p>",
                    _("Afstand vanaf het adres van"), origin ? origin : _("het huishouden"), _("Zonder huishouden zoeken"));
    } else {
        text_field(req, "postcode", _("Afstand vanaf postcode"), q->postcode, e, _("Zoals 8923 AB of 8923."), NULL, 7,
                   false);
    }
    char km[16];
    snprintf(km, sizeof km, "%g", q->km);
    field_select(req, &(field){.name = "km", .label = _("Binnen"), .value = km, .error = err(e, "km")}, km_options,
                 (int)(sizeof km_options / sizeof km_options[0]));
    static const option sorts[] = {{"", N_("Beste eerst")}, {"distance", N_("Afstand")}, {"relevance", N_("Relevantie")},
                                   {"name", N_("Naam")}};
    option so[4];
    for (int i = 0; i < 4; i++)
        so[i] = (option){sorts[i].value, _(sorts[i].label)};
    field_select(req, &(field){.name = "sort", .label = _("Sorteren op"), .value = q->sort, .error = err(e, "sort")}, so, 4);
    html_raw(b, "</div>");
    field_checkbox(req, "free", _("Alleen gratis"), q->free_only);
    form_button(req, _("Zoeken"), true);
    form_end(req);
}

static void hit_item(http_request *req, const sm_hit *h)
{
    buf *b = &req->out;
    const sm_service *s = &h->s;
    html_printf(b, "<li class=\"wt-card wt-hit\"><h3 class=\"utrecht-heading-3 wt-hit__title\"><a class=\"utrecht-link\" href=\"/socialmap/services/%s\">%s</a></h3>",
                s->id, s->name);
    html_printf(b, "<p class=\"utrecht-paragraph wt-hit__org\">%s", s->organization_name);
    if (h->distance_km >= 0)
        html_printf(b, " &middot; <strong>%s</strong>", distance_text(req->a, h->distance_km));
    if (h->address)
        html_printf(b, " &middot; %s", h->address);
    html_raw(b, "</p>");
    if (s->description)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", s->description);
    html_raw(b, "<p class=\"utrecht-paragraph wt-tags\">");
    int n;
    const char **codes = set_list(req->a, s->life_domains, &n);
    for (int i = 0; i < n; i++)
        html_printf(b, "<span class=\"wt-tag\">%s</span> ", sm_code_label(sm_life_domains, codes[i]));
    if (s->line)
        html_printf(b, "<span class=\"wt-tag wt-tag--line\">%s</span> ", sm_code_label(sm_lines, s->line));
    if (s->free_of_charge)
        html_printf(b, "<span class=\"wt-tag wt-tag--free\">%s</span> ", _("Gratis"));
    const char **costs = set_list(req->a, s->cost, &n);
    for (int i = 0; i < n; i++)
        if (strcmp(costs[i], "free") != 0)
            html_printf(b, "<span class=\"wt-tag\">%s</span> ", sm_code_label(sm_costs, costs[i]));
    if (s->status && strcmp(s->status, "active") != 0)
        html_printf(b, "<span class=\"wt-tag wt-tag--status\">%s</span> ", sm_code_label(sm_service_statuses, s->status));
    if (s->needs_check)
        html_printf(b, "<span class=\"wt-flag\">%s</span>", _("Langer dan een jaar niet gecontroleerd"));
    html_raw(b, "</p></li>");
}

static void get_search(http_request *req)
{
    search_input in;
    errors e;
    errors_init(&e, req->a);
    read_search(req, &in, &e);
    in.q.count_upto = SM_COUNT_UPTO;
    sm_hit *hits = NULL;
    int n = 0;
    bool more = false;
    const char *origin = NULL;
    long total = 0;
    wt_status st = e.count ? WT_INVALID : socialmap_search(&req->ctx, &in.q, &e, &hits, &n, &more, &origin, &total);
    if (st != WT_OK && st != WT_INVALID) {
        web_failed(req, st);
        return;
    }
    if (st == WT_INVALID)
        req->status = 400;
    page_begin(req, _("Sociale kaart"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Sociale kaart"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Organisaties en voorzieningen rond het team: zoek de juiste hulp voor een bewoner, dichtbij huis."));
    error_summary(req, &e);
    search_form(req, &in, &e, origin);
    if (st == WT_OK) {
        bool asked = search_asked(&in.q);
        html_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"resultaten\">%s</h2>",
                    asked ? _("Gevonden voorzieningen") : _("Alle voorzieningen"));
        html_printf(b, "<p class=\"utrecht-paragraph\" role=\"status\">%s%ld %s%s%s.</p>",
                    total > SM_COUNT_UPTO ? _("Meer dan ") : "", total > SM_COUNT_UPTO ? (long)SM_COUNT_UPTO : total,
                    total == 1 ? _("voorziening") : _("voorzieningen"),
                    in.q.has_point ? _(" binnen ") : "",
                    in.q.has_point ? distance_text(req->a, in.q.km) : "");
        if (n > 0) {
            html_raw(b, "<ol class=\"wt-results\">");
            for (int i = 0; i < n; i++)
                hit_item(req, &hits[i]);
            html_raw(b, "</ol>");
        } else {
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                        _("Niets gevonden. Probeer een ander woord, minder filters of een grotere afstand."));
        }
        if (in.q.offset > 0 || more) {
            html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Pagina's"));
            if (in.q.offset > 0) {
                html_raw(b, "<a class=\"utrecht-link\" rel=\"prev\" href=\"");
                search_href(req, &in, in.q.offset > SM_PAGE ? in.q.offset - SM_PAGE : 0);
                html_printf(b, "\">%s</a> ", _("Vorige"));
            }
            if (more) {
                html_raw(b, "<a class=\"utrecht-link\" rel=\"next\" href=\"");
                search_href(req, &in, in.q.offset + SM_PAGE);
                html_printf(b, "\">%s</a>", _("Volgende"));
            }
            html_raw(b, "</p></nav>");
        }
    }
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><ul class=\"utrecht-unordered-list\">", _("De kaart bijhouden"));
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"/socialmap/organizations\">%s</a></li>", _("Organisaties"));
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"/socialmap/check\">%s</a></li>",
                _("Controleren: langer dan een jaar niet gecontroleerd"));
    html_printf(b, "<li><a class=\"utrecht-link\" href=\"/socialmap/terms\">%s</a></li></ul>",
                _("Levensgebieden, doelgroepen en eigen categorieën"));
    page_end(req);
}

/* ---- the service page ------------------------------------------------------------------------------------------ */

static void schedule_items(http_request *req, const hsds_row *rows, int n, const char *del_back)
{
    buf *b = &req->out;
    bool w = socialmap_may_write(&req->ctx);
    const char **checked;
    if (socialmap_checked_dates(&req->ctx, "schedule", rows, n, &checked) != WT_OK)
        return;
    for (int i = 0; i < n; i++) {
        html_printf(b, "<li>%s", sm_schedule_describe(req->a, &rows[i]));
        if (get(&rows[i], "valid_to"))
            html_printf(b, " (%s %s)", _("tot en met"), date_display(req->a, get(&rows[i], "valid_to")));
        if (get(&rows[i], "notes"))
            html_printf(b, " &mdash; %s", get(&rows[i], "notes"));
        html_raw(b, "<br>");
        checked_text(req, checked[i]);
        if (w) {
            html_raw(b, " ");
            checked_button(req, "schedules", get(&rows[i], "id"), del_back);
            html_printf(b, " <a class=\"utrecht-link\" href=\"/socialmap/schedules/%s/edit\">%s<span class=\"wt-visually-hidden\"> %s</span></a> ",
                        get(&rows[i], "id"), _("Wijzigen"), _("openingstijden"));
            button_form(req, arena_printf(req->a, "/socialmap/schedules/%s/delete", get(&rows[i], "id")),
                        _("Verwijderen"), "terug", del_back);
        }
        html_raw(b, "</li>");
    }
}

static void phone_items(http_request *req, const hsds_row *phones, int n)
{
    for (int i = 0; i < n; i++)
        html_printf(&req->out, "<li>%s <a class=\"utrecht-link\" href=\"tel:%s\">%s</a></li>", _("Telefoon:"),
                    get(&phones[i], "number"), get(&phones[i], "number"));
}

static void address_line(http_request *req, const hsds_row *addr)
{
    html_printf(&req->out, "%s, %s %s", or_empty(get(addr, "address_1")), or_empty(get(addr, "postal_code")),
                or_empty(get(addr, "city")));
}

static void location_block(http_request *req, const sm_location_view *v, const char *service_id)
{
    buf *b = &req->out;
    const char *lid = get(&v->loc, "id");
    html_printf(b, "<li class=\"wt-card\"><h3 class=\"utrecht-heading-3\">%s</h3><ul class=\"utrecht-unordered-list wt-plain\">",
                get(&v->loc, "name") ? get(&v->loc, "name") : _("Locatie"));
    for (int i = 0; i < v->n_addresses; i++) {
        html_raw(b, "<li>");
        address_line(req, &v->addresses[i]);
        html_raw(b, "</li>");
    }
    if (get(&v->loc, "transportation"))
        html_printf(b, "<li>%s</li>", get(&v->loc, "transportation"));
    phone_items(req, v->phones, v->n_phones);
    html_raw(b, "</ul>");
    if (v->n_schedules + v->n_sal_schedules > 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\"><strong>%s</strong></p><ul class=\"utrecht-unordered-list\">",
                    _("Openingstijden van de locatie"));
        const char *back = arena_printf(req->a, "/socialmap/services/%s", service_id);
        schedule_items(req, v->schedules, v->n_schedules, back);
        schedule_items(req, v->sal_schedules, v->n_sal_schedules, back);
        html_raw(b, "</ul>");
    }
    if (socialmap_may_write(&req->ctx)) {
        html_raw(b, "<p class=\"utrecht-paragraph\">");
        maintenance_link(req, arena_printf(req->a, "/socialmap/locations/%s/edit", lid), _("Locatie wijzigen"));
        maintenance_link(req, arena_printf(req->a, "/socialmap/schedules/new?location=%s", lid),
                         _("Openingstijden van de locatie toevoegen"));
        html_raw(b, "</p>");
    }
    html_raw(b, "</li>");
}

static void contact_items(http_request *req, const sm_contact_view *cs, int n, const char *back)
{
    buf *b = &req->out;
    bool w = socialmap_may_write(&req->ctx);
    for (int i = 0; i < n; i++) {
        const hsds_row *c = &cs[i].c;
        html_printf(b, "<li><strong>%s</strong>", get(c, "name") ? get(c, "name") : _("Contact"));
        if (get(c, "title"))
            html_printf(b, ", %s", get(c, "title"));
        if (get(c, "department"))
            html_printf(b, " (%s)", get(c, "department"));
        for (int k = 0; k < cs[i].n_phones; k++)
            html_printf(b, " &middot; <a class=\"utrecht-link\" href=\"tel:%s\">%s</a>", get(&cs[i].phones[k], "number"),
                        get(&cs[i].phones[k], "number"));
        if (get(c, "email"))
            html_printf(b, " &middot; <a class=\"utrecht-link\" href=\"mailto:%s\">%s</a>", get(c, "email"), get(c, "email"));
        html_raw(b, "<br>");
        checked_text(req, cs[i].last_checked);
        if (w) {
            html_raw(b, " ");
            checked_button(req, "contacts", get(c, "id"), back);
            html_printf(b, " <a class=\"utrecht-link\" href=\"/socialmap/contacts/%s/edit\">%s<span class=\"wt-visually-hidden\"> %s</span></a> ",
                        get(c, "id"), _("Wijzigen"), or_empty(get(c, "name")));
            button_form(req, arena_printf(req->a, "/socialmap/contacts/%s/delete", get(c, "id")), _("Verwijderen"),
                        "terug", back);
        }
        html_raw(b, "</li>");
    }
}

static void fact(http_request *req, const char *label, const char *value)
{
    if (value && *value)
        html_printf(&req->out, "<dt>%s</dt><dd>%s</dd>", label, value);
}

static const char *ages_text(arena *a, const sm_service *s)
{
    if (s->minimum_age >= 0 && s->maximum_age >= 0)
        return arena_printf(a, _("%d tot en met %d jaar"), s->minimum_age, s->maximum_age);
    if (s->minimum_age >= 0)
        return arena_printf(a, _("vanaf %d jaar"), s->minimum_age);
    if (s->maximum_age >= 0)
        return arena_printf(a, _("tot en met %d jaar"), s->maximum_age);
    return NULL;
}

/* The attached terms of taxonomies other than wijkteam's domains, targets and line. */
static const char *own_terms_text(arena *a, const sm_service_detail *d)
{
    const char *s = "";
    for (int i = 0; i < d->n_terms; i++) {
        const char *tax = get(&d->terms[i], "taxonomy_id");
        if (tax && (strcmp(tax, SM_TAXONOMY_DOMAINS) == 0 || strcmp(tax, SM_TAXONOMY_TARGETS) == 0 ||
                    strcmp(tax, SM_TAXONOMY_LINE) == 0))
            continue;
        s = arena_printf(a, "%s%s%s", s, *s ? ", " : "", get(&d->terms[i], "name"));
    }
    return *s ? s : NULL;
}

/* The languages in the order of the form's list, then any others by name. */
static const char *languages_text(arena *a, const sm_service_detail *d)
{
    const char *s = "";
    for (const sm_code *c = sm_languages; c->code; c++)
        for (int i = 0; i < d->n_languages; i++)
            if (get(&d->languages[i], "code") && strcmp(get(&d->languages[i], "code"), c->code) == 0) {
                s = arena_printf(a, "%s%s%s", s, *s ? ", " : "", _(c->label));
                break;
            }
    for (int i = 0; i < d->n_languages; i++) {
        const char *code = get(&d->languages[i], "code");
        if (code && strcmp(sm_code_label(sm_languages, code), code) != 0)
            continue; /* listed above */
        const char *name = get(&d->languages[i], "name") ? get(&d->languages[i], "name") : code;
        if (name)
            s = arena_printf(a, "%s%s%s", s, *s ? ", " : "", name);
    }
    return *s ? s : NULL;
}

static const char *cost_text(arena *a, const sm_service_detail *d)
{
    const char *fees = get(&d->service, "fees_description");
    if (d->s.free_of_charge)
        return fees ? arena_printf(a, _("Gratis. %s"), fees) : _("Gratis");
    const char *kinds = d->s.cost && *d->s.cost ? set_labels(a, d->s.cost, sm_costs) : NULL;
    if (kinds && fees)
        return arena_printf(a, "%s. %s", kinds, fees);
    return kinds ? kinds : fees ? fees : _("Onbekend; vraag het na bij de organisatie.");
}

static void service_facts(http_request *req, const sm_service_detail *d)
{
    arena *a = req->a;
    const sm_service *s = &d->s;
    html_raw(&req->out, "<dl class=\"wt-facts\">");
    fact(req, _("Voor wie"), s->eligibility_description);
    fact(req, _("Leeftijd"), ages_text(a, s));
    fact(req, _("Doelgroepen"), set_labels(a, s->target_groups, sm_target_groups));
    fact(req, _("Levensgebieden"), set_labels(a, s->life_domains, sm_life_domains));
    fact(req, _("Lijn"), s->line ? sm_code_label(sm_lines, s->line) : NULL);
    fact(req, _("Kosten"), cost_text(a, d));
    fact(req, _("Wachttijd"), s->wait_time);
    fact(req, _("Talen"), languages_text(a, d));
    fact(req, _("Eigen categorieën"), own_terms_text(a, d));
    fact(req, _("Status"), sm_code_label(sm_service_statuses, s->status));
    html_raw(&req->out, "</dl>");
}

static void service_contact(http_request *req, const sm_service_detail *d)
{
    buf *b = &req->out;
    const sm_service *s = &d->s;
    const char *back = arena_printf(req->a, "/socialmap/services/%s", s->id);
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><ul class=\"utrecht-unordered-list wt-plain\">", _("Contact"));
    if (d->n_phones > 0)
        phone_items(req, d->phones, d->n_phones);
    else
        phone_items(req, d->org_phones, d->n_org_phones);
    const char *email = s->email ? s->email : get(&d->org, "email");
    const char *url = s->url ? s->url : get(&d->org, "website");
    if (email)
        html_printf(b, "<li>%s <a class=\"utrecht-link\" href=\"mailto:%s\">%s</a></li>", _("E-mail:"), email, email);
    if (url)
        html_printf(b, "<li>%s <a class=\"utrecht-link\" href=\"%s\" rel=\"noopener\">%s</a></li>", _("Website:"), url, url);
    contact_items(req, d->contacts, d->n_contacts, back);
    html_raw(b, "</ul>");
    if (d->n_phones + d->n_org_phones + d->n_contacts == 0 && !email && !url)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen contactgegevens bekend; zie de organisatie."));
    if (socialmap_may_write(&req->ctx))
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/contacts/new?service=%s\">%s</a></p>",
                    s->id, _("Contactpersoon toevoegen"));
}

/* How often the team referred to the service and how often it was accepted: numbers only, never who. */
static void referral_counts(http_request *req, const char *service_id)
{
    long received = 0, accepted = 0;
    if (socialmap_referral_counts(&req->ctx, service_id, &received, &accepted) != WT_OK)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\"><h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\" id=\"verwijzingen\">",
                _("Verwijzingen van het team"));
    if (received == 0)
        html_text(b, _("Het team heeft hier nog niet naar verwezen."));
    else
        html_printf(b, received == 1 ? _("%s verwijzing ontvangen, waarvan %s geaccepteerd.")
                                     : _("%s verwijzingen ontvangen, waarvan %s geaccepteerd."),
                    arena_printf(req->a, "%ld", received), arena_printf(req->a, "%ld", accepted));
    html_raw(b, "</p></section>");
}

static void get_service(http_request *req)
{
    sm_service_detail d;
    if (web_failed(req, socialmap_service_detail(&req->ctx, req->keys[0], &d)))
        return;
    const sm_service *s = &d.s;
    bool w = socialmap_may_write(&req->ctx);
    page_begin(req, s->name);
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap\">%s</a></p>",
                _("Sociale kaart"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", s->name);
    html_printf(b, "<p class=\"utrecht-paragraph wt-lead\">%s <a class=\"utrecht-link\" href=\"/socialmap/organizations/%s\">%s</a></p>",
                _("Van"), s->organization_id, s->organization_name);
    if (s->status && strcmp(s->status, "active") != 0)
        html_printf(b, "<div class=\"wt-warning\"><p class=\"utrecht-paragraph\">%s: %s</p></div>", _("Let op"),
                    sm_code_label(sm_service_statuses, s->status));
    if (get(&d.service, "alert"))
        html_printf(b, "<div class=\"wt-warning\"><p class=\"utrecht-paragraph\">%s</p></div>", get(&d.service, "alert"));
    html_raw(b, "<p class=\"utrecht-paragraph\">");
    checked_text(req, s->assured_date);
    html_raw(b, "</p>");
    if (s->description)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", s->description);
    service_facts(req, &d);
    html_printf(b, "<section class=\"wt-section\"><h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p></section>",
                _("Hoe verwijst u door"),
                s->application_process ? s->application_process : _("Niet beschreven; neem contact op met de organisatie."));
    referral_counts(req, s->id);
    html_printf(b, "<section class=\"wt-section\"><h2 class=\"utrecht-heading-2\">%s</h2>", _("Locaties en openingstijden"));
    if (d.n_locs > 0) {
        html_raw(b, "<ul class=\"wt-grid wt-plain\">");
        for (int i = 0; i < d.n_locs; i++)
            location_block(req, &d.locs[i], s->id);
        html_raw(b, "</ul>");
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen vaste locatie (bijvoorbeeld aan huis of telefonisch)."));
    }
    if (d.n_schedules > 0) {
        html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><ul class=\"utrecht-unordered-list\">", _("Openingstijden"));
        schedule_items(req, d.schedules, d.n_schedules, arena_printf(req->a, "/socialmap/services/%s", s->id));
        html_raw(b, "</ul>");
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Op afspraak."));
    }
    if (w)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/schedules/new?service=%s\">%s</a></p>",
                    s->id, _("Openingstijden toevoegen"));
    html_raw(b, "</section><section class=\"wt-section\">");
    service_contact(req, &d);
    html_raw(b, "</section>");
    if (s->internal_note)
        html_printf(b, "<section class=\"wt-section\"><h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p></section>",
                    _("Notitie van het team"), s->internal_note);
    if (w) {
        html_printf(b, "<section class=\"wt-section\"><h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">",
                    _("Bijhouden"));
        maintenance_link(req, arena_printf(req->a, "/socialmap/services/%s/edit", s->id), _("Voorziening wijzigen"));
        html_raw(b, "</p>");
        checked_button(req, "services", s->id, NULL);
        if (!s->published)
            html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                        _("Deze voorziening staat niet in de open HSDS-gegevens voor andere sociale kaarten."));
        html_raw(b, "</section>");
    }
    page_end(req);
}

/* ---- organisations --------------------------------------------------------------------------------------------- */

static void get_organizations(http_request *req)
{
    const char *q = req_query(req, "q");
    int64_t off = 0;
    text_parse_int64(req_query(req, "offset"), &off);
    int offset = off > 0 && off < 100000 ? (int)off : 0;
    hsds_row *rows;
    int n = 0;
    bool more = false;
    if (web_failed(req, socialmap_organizations(&req->ctx, q, SM_PAGE * 2, offset, &rows, &n, &more)))
        return;
    page_begin(req, _("Organisaties"));
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap\">%s</a></p>", _("Sociale kaart"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Organisaties op de sociale kaart"));
    form_begin_get(req, "/socialmap/organizations", "wt-form--inline");
    text_field(req, "q", _("Naam begint met"), q, NULL, NULL, "search", 100, false);
    form_button(req, _("Zoeken"), true);
    form_end(req);
    if (socialmap_may_write(&req->ctx))
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/organizations/new\">%s</a></p>",
                    _("Nieuwe organisatie"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen organisaties gevonden."));
    } else {
        html_raw(b, "<ul class=\"utrecht-unordered-list\">");
        for (int i = 0; i < n; i++)
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/socialmap/organizations/%s\">%s</a></li>",
                        get(&rows[i], "id"), get(&rows[i], "name"));
        html_raw(b, "</ul>");
    }
    if (offset > 0 || more) {
        html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Pagina's"));
        if (offset > 0) {
            html_raw(b, "<a class=\"utrecht-link\" rel=\"prev\" href=\"/socialmap/organizations?q=");
            html_url_component(b, or_empty(q));
            html_printf(b, "&amp;offset=%d\">%s</a> ", offset > SM_PAGE * 2 ? offset - SM_PAGE * 2 : 0, _("Vorige"));
        }
        if (more) {
            html_raw(b, "<a class=\"utrecht-link\" rel=\"next\" href=\"/socialmap/organizations?q=");
            html_url_component(b, or_empty(q));
            html_printf(b, "&amp;offset=%d\">%s</a>", offset + SM_PAGE * 2, _("Volgende"));
        }
        html_raw(b, "</p></nav>");
    }
    page_end(req);
}

static void org_locations(http_request *req, const char *org_id, bool w)
{
    buf *b = &req->out;
    hsds_row *locs;
    int n = 0;
    if (socialmap_children(&req->ctx, "location", "organization_id", org_id, &locs, &n) != WT_OK)
        return;
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Locaties"));
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Nog geen locaties."));
    html_raw(b, "<ul class=\"utrecht-unordered-list\">");
    for (int i = 0; i < n; i++) {
        const char *lid = get(&locs[i], "id");
        hsds_row *addrs;
        int na = 0;
        const char *checked = NULL;
        socialmap_children(&req->ctx, "address", "location_id", lid, &addrs, &na);
        socialmap_wijkteam_fields(&req->ctx, "location", lid, &checked, NULL);
        html_printf(b, "<li><strong>%s</strong>", get(&locs[i], "name") ? get(&locs[i], "name") : _("Locatie"));
        for (int k = 0; k < na; k++) {
            html_raw(b, ", ");
            address_line(req, &addrs[k]);
        }
        html_raw(b, "<br>");
        checked_text(req, checked);
        if (w) {
            html_printf(b, " <a class=\"utrecht-link\" href=\"/socialmap/locations/%s/edit\">%s<span class=\"wt-visually-hidden\"> %s</span></a> ",
                        lid, _("Wijzigen"), or_empty(get(&locs[i], "name")));
            checked_button(req, "locations", lid, NULL);
        }
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>");
    if (w)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/locations/new?organization=%s\">%s</a></p>",
                    org_id, _("Locatie toevoegen"));
}

static void org_services(http_request *req, const char *org_id, bool w)
{
    buf *b = &req->out;
    sm_query q;
    sm_query_init(&q);
    q.organization_id = org_id;
    q.include_ended = true;
    q.limit = 100;
    errors e;
    errors_init(&e, req->a);
    sm_hit *hits;
    int n = 0;
    bool more;
    const char *origin;
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Voorzieningen"));
    if (socialmap_search(&req->ctx, &q, &e, &hits, &n, &more, &origin, NULL) != WT_OK || n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Nog geen voorzieningen."));
    } else {
        html_raw(b, "<ul class=\"utrecht-unordered-list\">");
        for (int i = 0; i < n; i++) {
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/socialmap/services/%s\">%s</a>", hits[i].s.id,
                        hits[i].s.name);
            if (hits[i].s.needs_check)
                html_printf(b, " <span class=\"wt-flag\">%s</span>", _("Langer dan een jaar niet gecontroleerd"));
            html_raw(b, "</li>");
        }
        html_raw(b, "</ul>");
    }
    if (w)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/services/new?organization=%s\">%s</a></p>",
                    org_id, _("Voorziening toevoegen"));
}

static void get_organization(http_request *req)
{
    hsds_row org;
    const char *checked = NULL, *note = NULL;
    const char *key = req->keys[0];
    if (web_failed(req, socialmap_get(&req->ctx, "organization", key, &org)))
        return;
    if (web_failed(req, socialmap_wijkteam_fields(&req->ctx, "organization", key, &checked, &note)))
        return;
    hsds_row *phones;
    int np = 0;
    sm_contact_view *contacts = NULL;
    int nc = 0;
    if (web_failed(req, socialmap_children(&req->ctx, "phone", "organization_id", key, &phones, &np)) ||
        web_failed(req, socialmap_contacts(&req->ctx, "organization_id", key, &contacts, &nc)))
        return;
    bool w = socialmap_may_write(&req->ctx);
    page_begin(req, get(&org, "name"));
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/organizations\">%s</a></p>",
                _("Organisaties"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", get(&org, "name"));
    html_raw(b, "<p class=\"utrecht-paragraph\">");
    checked_text(req, checked);
    html_raw(b, "</p>");
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p><ul class=\"utrecht-unordered-list wt-plain\">",
                or_empty(get(&org, "description")));
    phone_items(req, phones, np);
    if (get(&org, "email"))
        html_printf(b, "<li>%s <a class=\"utrecht-link\" href=\"mailto:%s\">%s</a></li>", _("E-mail:"), get(&org, "email"),
                    get(&org, "email"));
    if (get(&org, "website"))
        html_printf(b, "<li>%s <a class=\"utrecht-link\" href=\"%s\" rel=\"noopener\">%s</a></li>", _("Website:"),
                    get(&org, "website"), get(&org, "website"));
    html_raw(b, "</ul>");
    if (note)
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
                    _("Notitie van het team"), note);
    org_services(req, key, w);
    org_locations(req, key, w);
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Contactpersonen"));
    if (nc == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen contactpersonen."));
    html_raw(b, "<ul class=\"utrecht-unordered-list\">");
    contact_items(req, contacts, nc, arena_printf(req->a, "/socialmap/organizations/%s", key));
    html_raw(b, "</ul>");
    if (w) {
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/contacts/new?organization=%s\">%s</a></p>",
                    key, _("Contactpersoon toevoegen"));
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">", _("Bijhouden"));
        maintenance_link(req, arena_printf(req->a, "/socialmap/organizations/%s/edit", key), _("Organisatie wijzigen"));
        html_raw(b, "</p>");
        checked_button(req, "organizations", key, NULL);
    }
    page_end(req);
}

/* The form page of an organisation. */
static void organization_form(http_request *req, const hsds_row *org, const char *phone, const char *checked,
                              const char *note, const errors *e)
{
    const char *id = get(org, "id");
    page_begin(req, id ? _("Organisatie wijzigen") : _("Nieuwe organisatie"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", id ? _("Organisatie wijzigen") : _("Nieuwe organisatie"));
    error_summary(req, e);
    form_begin(req, id ? arena_printf(req->a, "/socialmap/organizations/%s/edit", id) : "/socialmap/organizations", NULL);
    text_field(req, "name", _("Naam"), get(org, "name"), e, NULL, NULL, 200, true);
    text_field(req, "alternate_name", _("Andere naam of afkorting"), get(org, "alternate_name"), e, NULL, NULL, 200, false);
    long_field(req, "description", _("Beschrijving"), get(org, "description"), e, _("Wat doet de organisatie, voor wie?"), 4);
    text_field(req, "phone", _("Telefoon"), phone, e, NULL, "tel", 30, false);
    text_field(req, "email", _("E-mailadres"), get(org, "email"), e, NULL, "email", 200, false);
    text_field(req, "website", _("Website"), get(org, "website"), e, _("Met https://"), "url", 500, false);
    checked_field(req, checked, e, _("De dag waarop de gegevens bij de organisatie zijn nagevraagd."));
    long_field(req, "internal_note", _("Notitie van het team"), note, e, _("Alleen zichtbaar in wijkteam, niet in de open gegevens."), 3);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    back_link(req, id ? arena_printf(req->a, "/socialmap/organizations/%s", id) : "/socialmap/organizations",
              _("Terug zonder op te slaan"));
    page_end(req);
}

static void get_organization_new(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row org = hsds_row_new(req->a, hsds_resource_by_name("organization"));
    organization_form(req, &org, NULL, date_today_iso(req->a), NULL, NULL);
}

static const char *first_phone(http_request *req, const char *owner, const char *key)
{
    hsds_row *phones;
    int n = 0;
    if (socialmap_children(&req->ctx, "phone", owner, key, &phones, &n) != WT_OK || n == 0)
        return NULL;
    return get(&phones[0], "number");
}

static void get_organization_edit(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row org;
    const char *checked = NULL, *note = NULL;
    if (web_failed(req, socialmap_get(&req->ctx, "organization", req->keys[0], &org)) ||
        web_failed(req, socialmap_wijkteam_fields(&req->ctx, "organization", req->keys[0], &checked, &note)))
        return;
    organization_form(req, &org, first_phone(req, "organization_id", req->keys[0]), checked, note, NULL);
}

static void save_organization(http_request *req, const char *key)
{
    if (!require_write(req))
        return;
    hsds_row org;
    if (key) {
        if (web_failed(req, socialmap_get(&req->ctx, "organization", key, &org)))
            return;
    } else {
        org = hsds_row_new(req->a, hsds_resource_by_name("organization"));
    }
    static const char *const fields[] = {"name", "alternate_name", "description", "email", "website"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        hsds_set(req->a, &org, fields[i], req_form(req, fields[i]));
    errors e;
    errors_init(&e, req->a);
    const char *phone = form(req, "phone"), *checked = form(req, "last_checked"), *note = form(req, "internal_note");
    wt_status st = socialmap_save_organization(&req->ctx, &org, phone, checked, note, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        if (!key)
            hsds_set_raw(&org, "id", NULL);
        organization_form(req, &org, phone, checked, note, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/socialmap/organizations/%s", get(&org, "id")), key ? "saved" : "created");
}

static void post_organization(http_request *req)
{
    save_organization(req, NULL);
}

static void post_organization_edit(http_request *req)
{
    save_organization(req, req->keys[0]);
}

/* ---- services: the form ---------------------------------------------------------------------------------------- */

typedef struct service_form_data {
    hsds_row svc;
    sm_service_extra x;
    const char *org_name;
} service_form_data;

static option *term_options(http_request *req, const char *taxonomy_id, int *n)
{
    hsds_row *terms;
    *n = 0;
    if (socialmap_terms(&req->ctx, taxonomy_id, &terms, n) != WT_OK)
        return NULL;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(*n ? *n : 1));
    for (int i = 0; i < *n; i++)
        o[i] = (option){get(&terms[i], "id"), get(&terms[i], "name")};
    return o;
}

static option *location_options(http_request *req, const char *org_id, int *n)
{
    hsds_row *locs;
    *n = 0;
    if (!org_id || socialmap_children(&req->ctx, "location", "organization_id", org_id, &locs, n) != WT_OK)
        return NULL;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(*n ? *n : 1));
    for (int i = 0; i < *n; i++)
        o[i] = (option){get(&locs[i], "id"), get(&locs[i], "name") ? get(&locs[i], "name") : get(&locs[i], "id")};
    return o;
}

static void service_form(http_request *req, const service_form_data *f, const errors *e)
{
    const hsds_row *s = &f->svc;
    const sm_service_extra *x = &f->x;
    const char *id = get(s, "id");
    const char *title = id ? _("Voorziening wijzigen") : _("Nieuwe voorziening");
    page_begin(req, title);
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s %s</p>", title,
                _("Organisatie:"), or_empty(f->org_name));
    error_summary(req, e);
    form_begin(req, id ? arena_printf(req->a, "/socialmap/services/%s/edit", id) : "/socialmap/services", NULL);
    html_printf(b, "<input type=\"hidden\" name=\"organization_id\" value=\"%s\">", or_empty(get(s, "organization_id")));
    text_field(req, "name", _("Naam"), get(s, "name"), e, NULL, NULL, 200, true);
    text_field(req, "alternate_name", _("Andere naam"), get(s, "alternate_name"), e, NULL, NULL, 200, false);
    long_field(req, "description", _("Beschrijving"), get(s, "description"), e, _("Wat biedt de voorziening?"), 4);
    long_field(req, "application_process", _("Hoe verwijst u door"), get(s, "application_process"), e,
               _("Wie meldt aan, hoe, en wat is nodig (toestemming, beschikking, verwijzing van de huisarts)?"), 3);
    long_field(req, "eligibility_description", _("Voor wie"), get(s, "eligibility_description"), e, NULL, 2);
    text_field(req, "minimum_age", _("Vanaf leeftijd"), get(s, "minimum_age"), e, NULL, "number", 3, false);
    text_field(req, "maximum_age", _("Tot en met leeftijd"), get(s, "maximum_age"), e, NULL, "number", 3, false);
    int n;
    option *o = code_options(req->a, sm_life_domains, NULL, &n);
    checkbox_group(req, "domains", _("Levensgebieden"), o, n, x->domains, x->n_domains, e);
    o = code_options(req->a, sm_target_groups, NULL, &n);
    checkbox_group(req, "targets", _("Doelgroepen"), o, n, x->targets, x->n_targets, e);
    select_codes(req, "line", _("Eerste of tweede lijn"), sm_lines, _("Niet aangegeven"), x->line, e);
    o = term_options(req, SM_TAXONOMY_OWN, &n);
    if (n > 0)
        checkbox_group(req, "own_terms", _("Eigen categorieën"), o, n, x->own_terms, x->n_own_terms, e);
    o = code_options(req->a, sm_languages, NULL, &n);
    checkbox_group(req, "languages", _("Talen"), o, n, x->languages, x->n_languages, e);
    o = location_options(req, get(s, "organization_id"), &n);
    if (n > 0)
        checkbox_group(req, "locations", _("Locaties waar de voorziening wordt geboden"), o, n, x->location_ids,
                       x->n_location_ids, e);
    field_checkbox(req, "free_of_charge", _("Gratis"), x->free_of_charge);
    long_field(req, "fees_description", _("Kosten"), get(s, "fees_description"), e, _("Eigen bijdrage, contributie, vergoeding."), 2);
    text_field(req, "wait_time", _("Wachttijd"), get(s, "wait_time"), e, NULL, NULL, 200, false);
    text_field(req, "phone", _("Telefoon"), x->phone, e, NULL, "tel", 30, false);
    text_field(req, "email", _("E-mailadres"), get(s, "email"), e, NULL, "email", 200, false);
    text_field(req, "url", _("Website"), get(s, "url"), e, _("Met https://"), "url", 500, false);
    select_codes(req, "status", _("Status"), sm_service_statuses, NULL, get(s, "status"), e);
    text_field(req, "assured_date", _("Laatst gecontroleerd"), get(s, "assured_date"), e,
               _("De dag waarop de gegevens bij de organisatie zijn nagevraagd."), "date", 10, false);
    long_field(req, "internal_note", _("Notitie van het team"), x->internal_note, e,
               _("Alleen zichtbaar in wijkteam, niet in de open gegevens."), 3);
    field_checkbox(req, "published", _("Opnemen in de open gegevens (HSDS) voor andere sociale kaarten"), x->published);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    back_link(req, id ? arena_printf(req->a, "/socialmap/services/%s", id)
                      : arena_printf(req->a, "/socialmap/organizations/%s", or_empty(get(s, "organization_id"))),
              _("Terug zonder op te slaan"));
    page_end(req);
}

static const char *org_name(http_request *req, const char *org_id)
{
    hsds_row org;
    if (!org_id || socialmap_get(&req->ctx, "organization", org_id, &org) != WT_OK)
        return NULL;
    return get(&org, "name");
}

static void get_service_new(http_request *req)
{
    if (!require_write(req))
        return;
    const char *org = query_key(req, "organization");
    service_form_data f = {0};
    f.org_name = org_name(req, org);
    if (!f.org_name) {
        page_error(req, 404, _("Kies eerst de organisatie van de nieuwe voorziening."));
        return;
    }
    f.svc = hsds_row_new(req->a, hsds_resource_by_name("service"));
    hsds_set_raw(&f.svc, "organization_id", org);
    hsds_set_raw(&f.svc, "status", "active");
    hsds_set_raw(&f.svc, "assured_date", date_today_iso(req->a));
    f.x.published = true;
    int n;
    option *locs = location_options(req, org, &n);
    if (n == 1) { /* one location: offered there, as a rule */
        f.x.location_ids = arena_alloc(req->a, sizeof(char *));
        f.x.location_ids[0] = locs[0].value;
        f.x.n_location_ids = 1;
    }
    service_form(req, &f, NULL);
}

static void get_service_edit(http_request *req)
{
    if (!require_write(req))
        return;
    sm_service_detail d;
    if (web_failed(req, socialmap_service_detail(&req->ctx, req->keys[0], &d)))
        return;
    service_form_data f = {0};
    f.svc = d.service;
    f.org_name = d.s.organization_name;
    sm_service_extra *x = &f.x;
    x->domains = set_list(req->a, d.s.life_domains, &x->n_domains);
    x->targets = set_list(req->a, d.s.target_groups, &x->n_targets);
    x->line = d.s.line;
    x->free_of_charge = d.s.free_of_charge;
    x->published = d.s.published;
    x->internal_note = d.s.internal_note;
    x->phone = d.n_phones ? get(&d.phones[0], "number") : NULL;
    x->own_terms = arena_alloc(req->a, sizeof(char *) * (size_t)(d.n_terms + 1));
    for (int i = 0; i < d.n_terms; i++)
        x->own_terms[x->n_own_terms++] = get(&d.terms[i], "id");
    x->languages = arena_alloc(req->a, sizeof(char *) * (size_t)(d.n_languages + 1));
    for (int i = 0; i < d.n_languages; i++)
        x->languages[x->n_languages++] = get(&d.languages[i], "code");
    x->location_ids = arena_alloc(req->a, sizeof(char *) * (size_t)(d.n_locs + 1));
    for (int i = 0; i < d.n_locs; i++)
        x->location_ids[x->n_location_ids++] = get(&d.locs[i].loc, "id");
    service_form(req, &f, NULL);
}

static void save_service(http_request *req, const char *key)
{
    if (!require_write(req))
        return;
    service_form_data f = {0};
    if (key) {
        if (web_failed(req, socialmap_get(&req->ctx, "service", key, &f.svc)))
            return;
    } else {
        f.svc = hsds_row_new(req->a, hsds_resource_by_name("service"));
        const char *org = form(req, "organization_id");
        hsds_set_raw(&f.svc, "organization_id", org && hsds_uuid_valid(org) ? org : NULL);
    }
    static const char *const fields[] = {"name", "alternate_name", "description", "application_process",
                                         "eligibility_description", "minimum_age", "maximum_age", "fees_description",
                                         "wait_time", "email", "url", "status", "assured_date"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        hsds_set(req->a, &f.svc, fields[i], req_form(req, fields[i]));
    hsds_set_raw(&f.svc, "last_modified", date_now_iso(req->a));
    sm_service_extra *x = &f.x;
    x->domains = form_list(req, "domains", &x->n_domains);
    x->targets = form_list(req, "targets", &x->n_targets);
    x->own_terms = form_list(req, "own_terms", &x->n_own_terms);
    x->languages = form_list(req, "languages", &x->n_languages);
    x->location_ids = form_list(req, "locations", &x->n_location_ids);
    x->line = form(req, "line");
    x->phone = form(req, "phone");
    x->free_of_charge = form(req, "free_of_charge") != NULL;
    x->published = form(req, "published") != NULL;
    x->internal_note = form(req, "internal_note");
    f.org_name = org_name(req, get(&f.svc, "organization_id"));
    if (!f.org_name) {
        page_error(req, 400, _("Kies eerst de organisatie van de nieuwe voorziening."));
        return;
    }
    errors e;
    errors_init(&e, req->a);
    wt_status st = socialmap_save_service(&req->ctx, &f.svc, x, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        if (!key)
            hsds_set_raw(&f.svc, "id", NULL);
        service_form(req, &f, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/socialmap/services/%s", get(&f.svc, "id")), key ? "saved" : "created");
}

static void post_service(http_request *req)
{
    save_service(req, NULL);
}

static void post_service_edit(http_request *req)
{
    save_service(req, req->keys[0]);
}

/* ---- locations ------------------------------------------------------------------------------------------------- */

static const option provinces[] = {
    {"Drenthe", "Drenthe"}, {"Flevoland", "Flevoland"}, {"Fryslân", "Fryslân"}, {"Gelderland", "Gelderland"},
    {"Groningen", "Groningen"}, {"Limburg", "Limburg"}, {"Noord-Brabant", "Noord-Brabant"},
    {"Noord-Holland", "Noord-Holland"}, {"Overijssel", "Overijssel"}, {"Utrecht", "Utrecht"},
    {"Zeeland", "Zeeland"}, {"Zuid-Holland", "Zuid-Holland"},
};

static void location_form(http_request *req, const hsds_row *loc, const hsds_row *addr, const char *checked,
                          const errors *e)
{
    const char *id = get(loc, "id");
    const char *title = id ? _("Locatie wijzigen") : _("Nieuwe locatie");
    page_begin(req, title);
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s %s</p>", title,
                _("Organisatie:"), or_empty(org_name(req, get(loc, "organization_id"))));
    error_summary(req, e);
    form_begin(req, id ? arena_printf(req->a, "/socialmap/locations/%s/edit", id) : "/socialmap/locations", NULL);
    html_printf(b, "<input type=\"hidden\" name=\"organization_id\" value=\"%s\">", or_empty(get(loc, "organization_id")));
    text_field(req, "name", _("Naam van de locatie"), get(loc, "name"), e, NULL, NULL, 200, true);
    long_field(req, "description", _("Beschrijving"), get(loc, "description"), e, NULL, 2);
    text_field(req, "address.address_1", _("Straat en huisnummer"), get(addr, "address_1"), e, NULL, NULL, 200, false);
    text_field(req, "address.postal_code", _("Postcode"), get(addr, "postal_code"), e, _("Zoals 8923 AB."), NULL, 7, false);
    text_field(req, "address.city", _("Plaats"), get(addr, "city"), e, NULL, NULL, 100, false);
    field_select(req, &(field){.name = "address.state_province", .label = _("Provincie"),
                               .value = get(addr, "state_province") ? get(addr, "state_province") : "Fryslân",
                               .error = err(e, "address.state_province")},
                 provinces, (int)(sizeof provinces / sizeof provinces[0]));
    text_field(req, "latitude", _("Breedtegraad"), get(loc, "latitude"), e,
               _("Voor de afstand, zoals 53.2040 (een punt, geen komma)."), NULL, 20, false);
    text_field(req, "longitude", _("Lengtegraad"), get(loc, "longitude"), e, _("Zoals 5.8260."), NULL, 20, false);
    long_field(req, "transportation", _("Bereikbaarheid"), get(loc, "transportation"), e, _("Bus, parkeren, toegankelijkheid."), 2);
    checked_field(req, checked, e, NULL);
    form_button(req, _("Opslaan"), true);
    form_end(req);
    back_link(req, arena_printf(req->a, "/socialmap/organizations/%s", or_empty(get(loc, "organization_id"))),
              _("Terug zonder op te slaan"));
    page_end(req);
}

static void get_location_new(http_request *req)
{
    if (!require_write(req))
        return;
    const char *org = query_key(req, "organization");
    if (!org_name(req, org)) {
        page_error(req, 404, _("Kies eerst de organisatie van de nieuwe locatie."));
        return;
    }
    hsds_row loc = hsds_row_new(req->a, hsds_resource_by_name("location"));
    hsds_row addr = hsds_row_new(req->a, hsds_resource_by_name("address"));
    hsds_set_raw(&loc, "organization_id", org);
    location_form(req, &loc, &addr, date_today_iso(req->a), NULL);
}

static void get_location_edit(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row loc, *addrs;
    int na = 0;
    const char *checked = NULL;
    if (web_failed(req, socialmap_get(&req->ctx, "location", req->keys[0], &loc)) ||
        web_failed(req, socialmap_children(&req->ctx, "address", "location_id", req->keys[0], &addrs, &na)) ||
        web_failed(req, socialmap_wijkteam_fields(&req->ctx, "location", req->keys[0], &checked, NULL)))
        return;
    hsds_row addr = na ? addrs[0] : hsds_row_new(req->a, hsds_resource_by_name("address"));
    location_form(req, &loc, &addr, checked, NULL);
}

static void save_location(http_request *req, const char *key)
{
    if (!require_write(req))
        return;
    hsds_row loc, addr, *addrs;
    int na = 0;
    if (key) {
        if (web_failed(req, socialmap_get(&req->ctx, "location", key, &loc)) ||
            web_failed(req, socialmap_children(&req->ctx, "address", "location_id", key, &addrs, &na)))
            return;
    } else {
        loc = hsds_row_new(req->a, hsds_resource_by_name("location"));
        const char *org = form(req, "organization_id");
        if (!org_name(req, org && hsds_uuid_valid(org) ? org : NULL)) {
            page_error(req, 400, _("Kies eerst de organisatie van de nieuwe locatie."));
            return;
        }
        hsds_set_raw(&loc, "organization_id", org);
    }
    addr = na ? addrs[0] : hsds_row_new(req->a, hsds_resource_by_name("address"));
    static const char *const lf[] = {"name", "description", "latitude", "longitude", "transportation"};
    for (size_t i = 0; i < sizeof lf / sizeof lf[0]; i++)
        hsds_set(req->a, &loc, lf[i], req_form(req, lf[i]));
    static const char *const af[] = {"address_1", "postal_code", "city", "state_province"};
    for (size_t i = 0; i < sizeof af / sizeof af[0]; i++)
        hsds_set(req->a, &addr, af[i], req_form(req, arena_printf(req->a, "address.%s", af[i])));
    const char *checked = form(req, "last_checked");
    errors e;
    errors_init(&e, req->a);
    if (!get(&loc, "name"))
        errors_add(&e, "name", _("Naam is verplicht."));
    wt_status st = e.count ? WT_INVALID : socialmap_save_location(&req->ctx, &loc, &addr, checked, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        if (!key)
            hsds_set_raw(&loc, "id", NULL);
        location_form(req, &loc, &addr, checked, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/socialmap/organizations/%s", get(&loc, "organization_id")),
                         key ? "saved" : "created");
}

static void post_location(http_request *req)
{
    save_location(req, NULL);
}

static void post_location_edit(http_request *req)
{
    save_location(req, req->keys[0]);
}

/* ---- contacts -------------------------------------------------------------------------------------------------- */

/* Where a contact or schedule belongs: the page to return to. */
static const char *owner_page(http_request *req, const hsds_row *row)
{
    if (get(row, "service_id"))
        return arena_printf(req->a, "/socialmap/services/%s", get(row, "service_id"));
    if (get(row, "organization_id"))
        return arena_printf(req->a, "/socialmap/organizations/%s", get(row, "organization_id"));
    hsds_row loc;
    if (get(row, "location_id") && socialmap_get(&req->ctx, "location", get(row, "location_id"), &loc) == WT_OK &&
        get(&loc, "organization_id"))
        return arena_printf(req->a, "/socialmap/organizations/%s", get(&loc, "organization_id"));
    return "/socialmap";
}

/* "Voor: Schuldhulpverlening" - what a new contact or schedule belongs to. */
static void owner_line(http_request *req, const hsds_row *row)
{
    static const struct { const char *field, *resource, *label; } owners[] = {
        {"service_id", "service", N_("Voorziening:")},
        {"organization_id", "organization", N_("Organisatie:")},
        {"location_id", "location", N_("Locatie:")},
    };
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++) {
        hsds_row o;
        if (hsds_field_index(row->res, owners[i].field) >= 0 && get(row, owners[i].field) &&
            socialmap_get(&req->ctx, owners[i].resource, get(row, owners[i].field), &o) == WT_OK) {
            html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s %s</p>", _(owners[i].label), or_empty(get(&o, "name")));
            return;
        }
    }
}

static void owner_hidden(http_request *req, const hsds_row *row, const char *const *fields, int n)
{
    for (int i = 0; i < n; i++)
        if (get(row, fields[i]))
            html_printf(&req->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", fields[i], get(row, fields[i]));
}

static const char *const contact_owners[] = {"service_id", "organization_id", "location_id"};

static void contact_form(http_request *req, const hsds_row *c, const char *phone, const char *checked,
                         const errors *e)
{
    const char *id = get(c, "id");
    const char *title = id ? _("Contactpersoon wijzigen") : _("Nieuwe contactpersoon");
    page_begin(req, title);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    owner_line(req, c);
    error_summary(req, e);
    form_begin(req, id ? arena_printf(req->a, "/socialmap/contacts/%s/edit", id) : "/socialmap/contacts", NULL);
    owner_hidden(req, c, contact_owners, 3);
    text_field(req, "name", _("Naam"), get(c, "name"), e, NULL, NULL, 200, false);
    text_field(req, "title", _("Functie"), get(c, "title"), e, NULL, NULL, 200, false);
    text_field(req, "department", _("Afdeling"), get(c, "department"), e, NULL, NULL, 200, false);
    text_field(req, "phone", _("Telefoon"), phone, e, NULL, "tel", 30, false);
    text_field(req, "email", _("E-mailadres"), get(c, "email"), e, NULL, "email", 200, false);
    checked_field(req, checked, e, _("De dag waarop is nagevraagd of deze contactpersoon nog klopt."));
    form_button(req, _("Opslaan"), true);
    form_end(req);
    back_link(req, owner_page(req, c), _("Terug zonder op te slaan"));
    page_end(req);
}

/* A new contact or schedule: its owner from ?service= / ?organization= / ?location=; false after a 404. */
static bool owner_from_query(http_request *req, hsds_row *row)
{
    static const struct { const char *param, *resource, *field; } owners[] = {
        {"service", "service", "service_id"},
        {"organization", "organization", "organization_id"},
        {"location", "location", "location_id"},
    };
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++) {
        const char *key = query_key(req, owners[i].param);
        hsds_row owner;
        if (key && hsds_field_index(row->res, owners[i].field) >= 0 &&
            socialmap_get(&req->ctx, owners[i].resource, key, &owner) == WT_OK) {
            hsds_set_raw(row, owners[i].field, key);
            return true;
        }
    }
    page_error(req, 404, _("Kies eerst de voorziening, organisatie of locatie waar dit bij hoort."));
    return false;
}

static void get_contact_new(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row c = hsds_row_new(req->a, hsds_resource_by_name("contact"));
    if (owner_from_query(req, &c))
        contact_form(req, &c, NULL, date_today_iso(req->a), NULL);
}

static void get_contact_edit(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row c;
    const char *checked = NULL;
    if (web_failed(req, socialmap_get(&req->ctx, "contact", req->keys[0], &c)) ||
        web_failed(req, checked_of(req, "contact", req->keys[0], &checked)))
        return;
    contact_form(req, &c, first_phone(req, "contact_id", req->keys[0]), checked, NULL);
}

static void save_contact(http_request *req, const char *key)
{
    if (!require_write(req))
        return;
    hsds_row c;
    if (key) {
        if (web_failed(req, socialmap_get(&req->ctx, "contact", key, &c)))
            return;
    } else {
        c = hsds_row_new(req->a, hsds_resource_by_name("contact"));
        for (int i = 0; i < 3; i++) {
            const char *v = form(req, contact_owners[i]);
            hsds_set_raw(&c, contact_owners[i], v && hsds_uuid_valid(v) ? v : NULL);
        }
    }
    static const char *const fields[] = {"name", "title", "department", "email"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        hsds_set(req->a, &c, fields[i], req_form(req, fields[i]));
    const char *phone = form(req, "phone"), *checked = form(req, "last_checked");
    errors e;
    errors_init(&e, req->a);
    wt_status st = socialmap_save_contact(&req->ctx, &c, phone, checked, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        if (!key)
            hsds_set_raw(&c, "id", NULL);
        contact_form(req, &c, phone, checked, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, owner_page(req, &c), key ? "saved" : "created");
}

static void post_contact(http_request *req)
{
    save_contact(req, NULL);
}

static void post_contact_edit(http_request *req)
{
    save_contact(req, req->keys[0]);
}

/* Where to go after a removal or a check: the page the button was on (a local path only). */
static const char *back_to(http_request *req, const char *fallback)
{
    const char *t = form(req, "terug");
    if (t && strcmp(t, "check") == 0)
        return "/socialmap/check";
    if (t && strncmp(t, "/socialmap/", 11) == 0 && !strchr(t, '?') && !strstr(t, "//"))
        return t;
    return fallback;
}

static void delete_entry(http_request *req, const char *resource)
{
    if (!require_write(req))
        return;
    hsds_row row;
    if (web_failed(req, socialmap_get(&req->ctx, resource, req->keys[0], &row)))
        return;
    const char *back = back_to(req, owner_page(req, &row));
    if (web_failed(req, socialmap_delete(&req->ctx, resource, req->keys[0])))
        return;
    page_redirect_notice(req, back, "removed");
}

static void post_contact_delete(http_request *req)
{
    delete_entry(req, "contact");
}

/* ---- schedules ------------------------------------------------------------------------------------------------- */

static const char *const day_codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU", NULL};
static const char *const day_labels[] = {N_("maandag"), N_("dinsdag"), N_("woensdag"), N_("donderdag"),
                                         N_("vrijdag"), N_("zaterdag"), N_("zondag")};

/* The days and the week of the month of a BYDAY list ("1TU,1TH" -> TU, TH and "1"). */
static const char **byday_days(arena *a, const char *byday, const char **week, int *n)
{
    *n = 0;
    *week = "";
    const char **out = arena_alloc(a, sizeof(char *) * 8);
    char *copy = arena_strdup(a, byday ? byday : "");
    for (char *save = NULL, *t = strtok_r(copy, ",", &save); t && *n < 7; t = strtok_r(NULL, ",", &save)) {
        size_t len = strlen(t);
        if (len < 2)
            continue;
        if (len > 2 && !**week)
            *week = arena_strndup(a, t, len - 2);
        out[(*n)++] = t + len - 2;
    }
    return out;
}

static void schedule_form(http_request *req, const hsds_row *s, const char *checked, const errors *e)
{
    const char *id = get(s, "id");
    const char *title = id ? _("Openingstijden wijzigen") : _("Openingstijden toevoegen");
    page_begin(req, title);
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    owner_line(req, s);
    error_summary(req, e);
    form_begin(req, id ? arena_printf(req->a, "/socialmap/schedules/%s/edit", id) : "/socialmap/schedules", NULL);
    static const char *const owners[] = {"service_id", "location_id", "service_at_location_id"};
    owner_hidden(req, s, owners, 3);
    static const option freqs[] = {{"WEEKLY", N_("Elke week")}, {"MONTHLY", N_("Elke maand")}};
    option fo[2] = {{freqs[0].value, _(freqs[0].label)}, {freqs[1].value, _(freqs[1].label)}};
    field_select(req, &(field){.name = "freq", .label = _("Herhaling"), .value = get(s, "freq"), .error = err(e, "freq")},
                 fo, 2);
    const char *week;
    int nd;
    const char **days = byday_days(req->a, get(s, "byday"), &week, &nd);
    option dayo[7];
    for (int i = 0; i < 7; i++)
        dayo[i] = (option){day_codes[i], _(day_labels[i])};
    checkbox_group(req, "byday", _("Op welke dagen"), dayo, 7, days, nd, e);
    static const option weeks[] = {{"", N_("Elke week van de maand")}, {"1", N_("De eerste")}, {"2", N_("De tweede")},
                                   {"3", N_("De derde")}, {"4", N_("De vierde")}, {"-1", N_("De laatste")}};
    option wo[6];
    for (int i = 0; i < 6; i++)
        wo[i] = (option){weeks[i].value, _(weeks[i].label)};
    field_select(req, &(field){.name = "week", .label = _("Welke week van de maand"), .value = week,
                               .hint = _("Alleen bij een maandelijkse herhaling."), .error = err(e, "week")},
                 wo, 6);
    text_field(req, "bymonthday", _("Of op dag van de maand"), get(s, "bymonthday"), e,
               _("Alleen bij een maandelijkse herhaling, zoals 1 of 1,15."), NULL, 40, false);
    text_field(req, "interval", _("Om de hoeveel weken of maanden"), get(s, "interval"), e, _("Leeg: elke keer."),
               "number", 2, false);
    text_field(req, "opens_at", _("Open vanaf"), get(s, "opens_at"), e, _("UU:MM"), "time", 8, false);
    text_field(req, "closes_at", _("Open tot"), get(s, "closes_at"), e, _("UU:MM"), "time", 8, false);
    text_field(req, "valid_from", _("Geldig vanaf"), get(s, "valid_from"), e, NULL, "date", 10, false);
    text_field(req, "valid_to", _("Geldig tot en met"), get(s, "valid_to"), e, NULL, "date", 10, false);
    long_field(req, "description", _("Beschrijving"), get(s, "description"), e,
               _("Bijvoorbeeld: inloop zonder afspraak, of alleen in schoolweken."), 2);
    long_field(req, "notes", _("Opmerkingen"), get(s, "notes"), e, NULL, 2);
    checked_field(req, checked, e, _("De dag waarop is nagevraagd of deze openingstijden nog kloppen."));
    form_button(req, _("Opslaan"), true);
    form_end(req);
    back_link(req, owner_page(req, s), _("Terug zonder op te slaan"));
    page_end(req);
}

static void get_schedule_new(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row s = hsds_row_new(req->a, hsds_resource_by_name("schedule"));
    hsds_set_raw(&s, "freq", "WEEKLY");
    if (owner_from_query(req, &s))
        schedule_form(req, &s, date_today_iso(req->a), NULL);
}

static void get_schedule_edit(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row s;
    const char *checked = NULL;
    if (web_failed(req, socialmap_get(&req->ctx, "schedule", req->keys[0], &s)) ||
        web_failed(req, checked_of(req, "schedule", req->keys[0], &checked)))
        return;
    schedule_form(req, &s, checked, NULL);
}

/* The days and the week as one BYDAY list: "1TU,1TH" for the first Tuesday and Thursday. */
static const char *byday_from_form(http_request *req, errors *e)
{
    int n;
    const char **days = form_list(req, "byday", &n);
    const char *week = form(req, "week");
    const char *freq = form(req, "freq");
    static const char *const weeks[] = {"1", "2", "3", "4", "-1", NULL};
    if (week && !text_in(week, weeks)) {
        errors_add(e, "week", _("Kies een week uit de lijst."));
        week = NULL;
    }
    if (week && !(freq && strcmp(freq, "MONTHLY") == 0))
        errors_add(e, "week", _("Een week van de maand past alleen bij een maandelijkse herhaling."));
    const char *s = "";
    for (int i = 0; i < n; i++) {
        if (!text_in(days[i], day_codes))
            continue;
        s = arena_printf(req->a, "%s%s%s%s", s, *s ? "," : "", week ? week : "", days[i]);
    }
    return *s ? s : NULL;
}

static void save_schedule(http_request *req, const char *key)
{
    if (!require_write(req))
        return;
    hsds_row s;
    if (key) {
        if (web_failed(req, socialmap_get(&req->ctx, "schedule", key, &s)))
            return;
    } else {
        s = hsds_row_new(req->a, hsds_resource_by_name("schedule"));
        static const char *const owners[] = {"service_id", "location_id", "service_at_location_id"};
        for (int i = 0; i < 3; i++) {
            const char *v = form(req, owners[i]);
            hsds_set_raw(&s, owners[i], v && hsds_uuid_valid(v) ? v : NULL);
        }
    }
    static const char *const fields[] = {"freq", "bymonthday", "interval", "opens_at", "closes_at",
                                         "valid_from", "valid_to", "description", "notes"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        hsds_set(req->a, &s, fields[i], req_form(req, fields[i]));
    errors e;
    errors_init(&e, req->a);
    hsds_set_raw(&s, "byday", byday_from_form(req, &e));
    if (!get(&s, "byday") && !get(&s, "bymonthday") && !get(&s, "description"))
        errors_add(&e, "byday", _("Kies de dagen, een dag van de maand, of beschrijf de openingstijden."));
    const char *checked = form(req, "last_checked");
    wt_status st = e.count ? WT_INVALID : socialmap_save_schedule(&req->ctx, &s, checked, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        if (!key)
            hsds_set_raw(&s, "id", NULL);
        schedule_form(req, &s, checked, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, owner_page(req, &s), key ? "saved" : "created");
}

static void post_schedule(http_request *req)
{
    save_schedule(req, NULL);
}

static void post_schedule_edit(http_request *req)
{
    save_schedule(req, req->keys[0]);
}

static void post_schedule_delete(http_request *req)
{
    delete_entry(req, "schedule");
}

/* ---- taxonomy terms -------------------------------------------------------------------------------------------- */

static bool fixed_taxonomy(const char *id)
{
    return id && (strcmp(id, SM_TAXONOMY_DOMAINS) == 0 || strcmp(id, SM_TAXONOMY_TARGETS) == 0 ||
                  strcmp(id, SM_TAXONOMY_LINE) == 0);
}

static void get_terms(http_request *req)
{
    hsds_row *taxes;
    int nt = 0;
    if (web_failed(req, socialmap_taxonomies(&req->ctx, &taxes, &nt)))
        return;
    bool w = socialmap_may_write(&req->ctx);
    page_begin(req, _("Indelingen"));
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap\">%s</a></p>", _("Sociale kaart"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
                _("Levensgebieden, doelgroepen en eigen categorieën"),
                _("De levensgebieden, doelgroepen en lijnen van wijkteam liggen vast; eigen categorieën houdt het team zelf bij."));
    if (w)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap/terms/new\">%s</a></p>",
                    _("Nieuwe categorie"));
    for (int i = 0; i < nt; i++) {
        const char *tid = get(&taxes[i], "id");
        hsds_row *terms;
        int n = 0;
        const char **checked = NULL;
        if (web_failed(req, socialmap_terms(&req->ctx, tid, &terms, &n)) ||
            web_failed(req, socialmap_checked_dates(&req->ctx, "taxonomy_term", terms, n, &checked)))
            return;
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
                    get(&taxes[i], "name"), or_empty(get(&taxes[i], "description")));
        if (n == 0) {
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Nog geen termen."));
            continue;
        }
        html_raw(b, "<ul class=\"utrecht-unordered-list\">");
        for (int k = 0; k < n; k++) {
            html_printf(b, "<li><strong>%s</strong> &mdash; %s<br>", get(&terms[k], "name"), or_empty(get(&terms[k], "description")));
            checked_text(req, checked[k]);
            if (w && !fixed_taxonomy(tid))
                html_printf(b, " <a class=\"utrecht-link\" href=\"/socialmap/terms/%s/edit\">%s<span class=\"wt-visually-hidden\"> %s</span></a>",
                            get(&terms[k], "id"), _("Wijzigen"), get(&terms[k], "name"));
            if (w) {
                html_raw(b, " ");
                checked_button(req, "terms", get(&terms[k], "id"), NULL);
            }
            html_raw(b, "</li>");
        }
        html_raw(b, "</ul>");
    }
    page_end(req);
}

static void term_form(http_request *req, const hsds_row *t, const char *checked, const errors *e)
{
    const char *id = get(t, "id");
    const char *title = id ? _("Categorie wijzigen") : _("Nieuwe categorie");
    page_begin(req, title);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    error_summary(req, e);
    form_begin(req, id ? arena_printf(req->a, "/socialmap/terms/%s/edit", id) : "/socialmap/terms", NULL);
    hsds_row *taxes;
    int nt = 0;
    socialmap_taxonomies(&req->ctx, &taxes, &nt);
    option *to = arena_alloc(req->a, sizeof(option) * (size_t)(nt + 1));
    int k = 0;
    for (int i = 0; i < nt; i++)
        if (!fixed_taxonomy(get(&taxes[i], "id")))
            to[k++] = (option){get(&taxes[i], "id"), get(&taxes[i], "name")};
    field_select(req, &(field){.name = "taxonomy_id", .label = _("Indeling"),
                               .value = get(t, "taxonomy_id") ? get(t, "taxonomy_id") : SM_TAXONOMY_OWN,
                               .error = err(e, "taxonomy_id"), .required = true},
                 to, k);
    text_field(req, "name", _("Naam"), get(t, "name"), e, NULL, NULL, 200, true);
    text_field(req, "code", _("Code"), get(t, "code"), e, _("Een korte code, als een andere indeling die gebruikt."), NULL,
               200, false);
    long_field(req, "description", _("Beschrijving"), get(t, "description"), e, NULL, 2);
    hsds_row *terms;
    int n = 0;
    socialmap_terms(&req->ctx, get(t, "taxonomy_id") ? get(t, "taxonomy_id") : SM_TAXONOMY_OWN, &terms, &n);
    option *po = arena_alloc(req->a, sizeof(option) * (size_t)(n + 1));
    int np = 0;
    po[np++] = (option){"", _("Geen (bovenste niveau)")};
    for (int i = 0; i < n; i++)
        if (!id || strcmp(get(&terms[i], "id"), id) != 0)
            po[np++] = (option){get(&terms[i], "id"), get(&terms[i], "name")};
    field_select(req, &(field){.name = "parent_id", .label = _("Valt onder"), .value = get(t, "parent_id"),
                               .error = err(e, "parent_id")},
                 po, np);
    checked_field(req, checked, e, _("De dag waarop is nagegaan of deze categorie nog klopt en gebruikt wordt."));
    form_button(req, _("Opslaan"), true);
    form_end(req);
    back_link(req, "/socialmap/terms", _("Terug zonder op te slaan"));
    page_end(req);
}

static void get_term_new(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row t = hsds_row_new(req->a, hsds_resource_by_name("taxonomy_term"));
    term_form(req, &t, date_today_iso(req->a), NULL);
}

static void get_term_edit(http_request *req)
{
    if (!require_write(req))
        return;
    hsds_row t;
    const char *checked = NULL;
    if (web_failed(req, socialmap_get(&req->ctx, "taxonomy_term", req->keys[0], &t)) ||
        web_failed(req, checked_of(req, "taxonomy_term", req->keys[0], &checked)))
        return;
    if (fixed_taxonomy(get(&t, "taxonomy_id"))) {
        web_failed(req, WT_CONFLICT);
        return;
    }
    term_form(req, &t, checked, NULL);
}

static void save_term(http_request *req, const char *key)
{
    if (!require_write(req))
        return;
    hsds_row t;
    if (key) {
        if (web_failed(req, socialmap_get(&req->ctx, "taxonomy_term", key, &t)))
            return;
    } else {
        t = hsds_row_new(req->a, hsds_resource_by_name("taxonomy_term"));
        hsds_set_raw(&t, "language", "nl");
    }
    static const char *const fields[] = {"taxonomy_id", "name", "code", "description", "parent_id"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        hsds_set(req->a, &t, fields[i], req_form(req, fields[i]));
    errors e;
    errors_init(&e, req->a);
    if (!get(&t, "description"))
        hsds_set_raw(&t, "description", get(&t, "name"));
    const char *checked = form(req, "last_checked");
    wt_status st = socialmap_save_term(&req->ctx, &t, checked, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        if (!key)
            hsds_set_raw(&t, "id", NULL);
        term_form(req, &t, checked, &e);
        req->status = 400;
        return;
    }
    if (web_failed(req, st))
        return;
    page_redirect_notice(req, "/socialmap/terms", key ? "saved" : "created");
}

static void post_term(http_request *req)
{
    save_term(req, NULL);
}

static void post_term_edit(http_request *req)
{
    save_term(req, req->keys[0]);
}

/* ---- what to check --------------------------------------------------------------------------------------------- */

/* The page that shows an entry of the check list. */
static const char *stale_page(http_request *req, const sm_stale *r)
{
    if (r->service_id)
        return arena_printf(req->a, "/socialmap/services/%s", r->service_id);
    if (r->organization_id)
        return arena_printf(req->a, "/socialmap/organizations/%s", r->organization_id);
    return "/socialmap/terms";
}

static void stale_list(http_request *req, const char *resource, const char *what, const char *heading, bool w)
{
    buf *b = &req->out;
    sm_stale *rows;
    int n = 0;
    if (socialmap_stale(&req->ctx, resource, SM_STALE_MAX, &rows, &n) != WT_OK)
        return;
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s (%d)</h2>", heading, n);
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Alles is in het afgelopen jaar gecontroleerd."));
        return;
    }
    html_raw(b, "<ul class=\"utrecht-unordered-list\">");
    for (int i = 0; i < n; i++) {
        html_printf(b, "<li><a class=\"utrecht-link\" href=\"%s\">%s</a> &mdash; %s", stale_page(req, &rows[i]),
                    rows[i].name, rows[i].last_checked ? date_display(req->a, rows[i].last_checked) : _("nooit gecontroleerd"));
        if (w) {
            html_raw(b, " ");
            checked_button(req, what, rows[i].id, "check");
        }
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>");
}

static void get_check(http_request *req)
{
    int64_t off = 0;
    text_parse_int64(req_query(req, "offset"), &off);
    int offset = off > 0 && off < 100000 ? (int)off : 0;
    sm_service *svcs;
    int n = 0;
    bool more = false;
    if (web_failed(req, socialmap_to_check(&req->ctx, 50, offset, &svcs, &n, &more)))
        return;
    bool w = socialmap_may_write(&req->ctx);
    page_begin(req, _("Controleren"));
    buf *b = &req->out;
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/socialmap\">%s</a></p>", _("Sociale kaart"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>",
                _("Langer dan een jaar niet gecontroleerd"),
                _("Vraag na of de gegevens nog kloppen, pas ze aan en markeer ze als gecontroleerd."));
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Voorzieningen"));
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Alles is in het afgelopen jaar gecontroleerd."));
    html_raw(b, "<ul class=\"utrecht-unordered-list\">");
    for (int i = 0; i < n; i++) {
        html_printf(b, "<li><a class=\"utrecht-link\" href=\"/socialmap/services/%s\">%s</a> (%s) &mdash; %s", svcs[i].id,
                    svcs[i].name, svcs[i].organization_name,
                    svcs[i].assured_date ? date_display(req->a, svcs[i].assured_date) : _("nooit gecontroleerd"));
        if (w) {
            html_raw(b, " ");
            checked_button(req, "services", svcs[i].id, "check");
        }
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>");
    if (offset > 0 || more) {
        html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\"><p class=\"utrecht-paragraph\">", _("Pagina's"));
        if (offset > 0)
            html_printf(b, "<a class=\"utrecht-link\" rel=\"prev\" href=\"/socialmap/check?offset=%d\">%s</a> ",
                        offset > 50 ? offset - 50 : 0, _("Vorige"));
        if (more)
            html_printf(b, "<a class=\"utrecht-link\" rel=\"next\" href=\"/socialmap/check?offset=%d\">%s</a>", offset + 50,
                        _("Volgende"));
        html_raw(b, "</p></nav>");
    }
    stale_list(req, "organization", "organizations", _("Organisaties"), w);
    stale_list(req, "location", "locations", _("Locaties"), w);
    stale_list(req, "contact", "contacts", _("Contactpersonen"), w);
    stale_list(req, "schedule", "schedules", _("Openingstijden (van de voorziening of locatie)"), w);
    stale_list(req, "taxonomy_term", "terms", _("Levensgebieden, doelgroepen en eigen categorieën"), w);
    page_end(req);
}

/* The page an entry is shown on: its own, or that of the service or organisation it belongs to. */
static const char *checked_page(http_request *req, const char *resource, const char *key)
{
    hsds_row row;
    if (strcmp(resource, "service") == 0 || strcmp(resource, "organization") == 0)
        return arena_printf(req->a, "/socialmap/%ss/%s", resource, key);
    if (strcmp(resource, "taxonomy_term") == 0)
        return "/socialmap/terms";
    if (socialmap_get(&req->ctx, resource, key, &row) != WT_OK)
        return "/socialmap/check";
    return owner_page(req, &row);
}

/* POST .../{key}/checked of each kind of entry: the kind is the route's arg. */
static void post_checked(http_request *req)
{
    if (!require_write(req))
        return;
    const char *resource = req->route_arg;
    if (web_failed(req, socialmap_mark_checked(&req->ctx, resource, req->keys[0])))
        return;
    page_redirect_notice(req, back_to(req, checked_page(req, resource, req->keys[0])), "checked");
}

void socialmap_web_routes(void)
{
    router_add("GET", "/socialmap", get_search, 0);
    router_add("GET", "/socialmap/check", get_check, 0);
    router_add("GET", "/socialmap/services/new", get_service_new, 0);
    router_add("POST", "/socialmap/services", post_service, 0);
    router_add("GET", "/socialmap/services/{key}", get_service, 0);
    router_add("GET", "/socialmap/services/{key}/edit", get_service_edit, 0);
    router_add("POST", "/socialmap/services/{key}/edit", post_service_edit, 0);
    router_add_arg("POST", "/socialmap/services/{key}/checked", post_checked, 0, "service");
    router_add("GET", "/socialmap/organizations", get_organizations, 0);
    router_add("GET", "/socialmap/organizations/new", get_organization_new, 0);
    router_add("POST", "/socialmap/organizations", post_organization, 0);
    router_add("GET", "/socialmap/organizations/{key}", get_organization, 0);
    router_add("GET", "/socialmap/organizations/{key}/edit", get_organization_edit, 0);
    router_add("POST", "/socialmap/organizations/{key}/edit", post_organization_edit, 0);
    router_add_arg("POST", "/socialmap/organizations/{key}/checked", post_checked, 0, "organization");
    router_add("GET", "/socialmap/locations/new", get_location_new, 0);
    router_add("POST", "/socialmap/locations", post_location, 0);
    router_add("GET", "/socialmap/locations/{key}/edit", get_location_edit, 0);
    router_add("POST", "/socialmap/locations/{key}/edit", post_location_edit, 0);
    router_add_arg("POST", "/socialmap/locations/{key}/checked", post_checked, 0, "location");
    router_add("GET", "/socialmap/contacts/new", get_contact_new, 0);
    router_add("POST", "/socialmap/contacts", post_contact, 0);
    router_add("GET", "/socialmap/contacts/{key}/edit", get_contact_edit, 0);
    router_add("POST", "/socialmap/contacts/{key}/edit", post_contact_edit, 0);
    router_add("POST", "/socialmap/contacts/{key}/delete", post_contact_delete, 0);
    router_add_arg("POST", "/socialmap/contacts/{key}/checked", post_checked, 0, "contact");
    router_add("GET", "/socialmap/schedules/new", get_schedule_new, 0);
    router_add("POST", "/socialmap/schedules", post_schedule, 0);
    router_add("GET", "/socialmap/schedules/{key}/edit", get_schedule_edit, 0);
    router_add("POST", "/socialmap/schedules/{key}/edit", post_schedule_edit, 0);
    router_add("POST", "/socialmap/schedules/{key}/delete", post_schedule_delete, 0);
    router_add_arg("POST", "/socialmap/schedules/{key}/checked", post_checked, 0, "schedule");
    router_add("GET", "/socialmap/terms", get_terms, 0);
    router_add("GET", "/socialmap/terms/new", get_term_new, 0);
    router_add("POST", "/socialmap/terms", post_term, 0);
    router_add("GET", "/socialmap/terms/{key}/edit", get_term_edit, 0);
    router_add("POST", "/socialmap/terms/{key}/edit", post_term_edit, 0);
    router_add_arg("POST", "/socialmap/terms/{key}/checked", post_checked, 0, "taxonomy_term");
}
