/*
 * signal_web.c - the pages of early signals: the team's list (due first),
 * recording a signal (from a round's stop, a person, an address, or
 * anonymously), the signal's page with its follow-ups, a follow-up form and
 * the form that ends it (no concern, light support, passed to a partner, or
 * a case for the household in one step). Choices are tiles: little typing.
 */
#include "signal_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../neighbourhood/presence_web.h"
#include "../round/round.h"
#include "../socialmap/socialmap.h"
#include "signal.h"

/* Services of the social map offered as partner (the demo city has about a hundred). */
#define SIGNAL_PARTNER_CHOICES 100

#include <string.h>

static const presence_code yes_no[] = {
    {"1", N_("Ja, contact gehad")},
    {"0", N_("Nee, geen contact")},
    {NULL, NULL},
};

static const presence_code intervals[] = {
    {"", N_("Naar urgentie (hoog 2, normaal 7, laag 14 dagen)")},
    {"1", N_("Na 1 dag")},
    {"3", N_("Na 3 dagen")},
    {"7", N_("Na een week")},
    {"14", N_("Na twee weken")},
    {"30", N_("Na een maand")},
    {NULL, NULL},
};

static const char *where_of(http_request *req, const wt_signal *s)
{
    if (s->anonymous)
        return s->place ? arena_printf(req->a, _("anoniem, %s"), s->place) : _("anoniem");
    if (s->address_id && s->person_name)
        return arena_printf(req->a, "%s, %s", s->person_name, presence_address_label(req->a, &s->addr));
    if (s->address_id)
        return presence_address_label(req->a, &s->addr);
    return s->person_name ? s->person_name : "";
}

static int query_offset(http_request *req)
{
    int64_t v = 0;
    return text_parse_int64(req_query(req, "offset"), &v) && v > 0 && v < 100000 ? (int)v : 0;
}

/* ---- list ------------------------------------------------------------------------------------------------------ */

static void signals_table(http_request *req, const wt_signal *items, int n, const char *caption)
{
    buf *b = &req->out;
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "</tr></thead><tbody class=\"utrecht-table__body\">",
                caption, _("Signaal"), _("Waar / wie"), _("Stand"), _("Opvolgen"));
    for (int i = 0; i < n; i++) {
        const wt_signal *s = &items[i];
        const char *follow = strcmp(s->status, "closed") == 0 ? presence_label(signal_outcomes, s->outcome)
                             : s->due ? arena_printf(req->a, _("Te laat: sinds %s"), presence_day(req, s->next_due_on))
                                      : arena_printf(req->a, _("Vóór %s"), presence_day(req, s->next_due_on));
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                    "<a class=\"utrecht-link\" href=\"/signals/%lld\">%s</a>%s</th><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell%s\">%s</td></tr>",
                    (long long)s->id, presence_label(signal_kinds, s->kind),
                    strcmp(s->urgency, "high") == 0 ? _(" (urgent)") : "", where_of(req, s),
                    presence_label(signal_statuses, s->status), s->due ? " wt-overdue" : "", follow);
    }
    html_raw(b, "</tbody></table></div>");
}

static void get_signals(http_request *req)
{
    const char *f = req_query(req, "filter");
    signal_filter filter = f && strcmp(f, "due") == 0      ? SIGNAL_FILTER_DUE
                           : f && strcmp(f, "closed") == 0 ? SIGNAL_FILTER_CLOSED
                                                           : SIGNAL_FILTER_ACTIVE;
    int offset = query_offset(req);
    wt_signal *items;
    int n = 0;
    bool more = false;
    if (presence_web_failed(req, signal_list(&req->ctx, filter, SIGNAL_PAGE, offset, &items, &n, &more)))
        return;
    page_begin(req, _("Signalen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Signalen"));
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/signals/new\">%s</a></p>",
                _("Signaal vastleggen"));
    static const struct { const char *q; const char *label; signal_filter f; } tabs[] = {
        {"", N_("Lopend"), SIGNAL_FILTER_ACTIVE},
        {"due", N_("Opvolging te laat"), SIGNAL_FILTER_DUE},
        {"closed", N_("Afgesloten"), SIGNAL_FILTER_CLOSED},
    };
    html_printf(b, "<nav class=\"wt-tabs\" aria-label=\"%s\"><ul>", _("Welke signalen"));
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
        html_printf(b, "<li><a class=\"utrecht-link%s\" href=\"/signals%s%s\"%s>%s</a></li>",
                    tabs[i].f == filter ? " wt-tabs__current" : "", *tabs[i].q ? "?filter=" : "", tabs[i].q,
                    tabs[i].f == filter ? " aria-current=\"page\"" : "", _(tabs[i].label));
    html_raw(b, "</ul></nav>");
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen signalen in deze lijst."));
    else
        signals_table(req, items, n, _("Signalen van het team"));
    presence_pager(req, filter == SIGNAL_FILTER_DUE ? "/signals?filter=due"
                        : filter == SIGNAL_FILTER_CLOSED ? "/signals?filter=closed" : "/signals",
                   offset, SIGNAL_PAGE, more);
    page_end(req);
}

/* ---- new ------------------------------------------------------------------------------------------------------- */

typedef struct signal_origin {
    int64_t round_id;
    int64_t stop_id;
    const char *stop_label;
    int64_t person_id;
    const char *person_name;
} signal_origin;

/* Where the form was opened from: a round's stop (?ronde=&stop=) or a person (?persoon=). */
static wt_status origin_of(http_request *req, signal_origin *o, bool from_form)
{
    memset(o, 0, sizeof *o);
    o->round_id = from_form ? presence_form_id(req, "round_id") : presence_query_id(req, "ronde");
    o->stop_id = from_form ? presence_form_id(req, "round_stop_id") : presence_query_id(req, "stop");
    o->person_id = from_form ? presence_form_id(req, "person_id") : presence_query_id(req, "persoon");
    if (o->round_id && o->stop_id) {
        round_stop s;
        wt_status st = round_stop_get(&req->ctx, o->round_id, o->stop_id, &s);
        if (st != WT_OK)
            return st;
        o->stop_label = presence_address_label(req->a, &s.addr);
    } else {
        o->stop_id = 0;
    }
    if (o->person_id) {
        int64_t hh = 0, team = 0;
        wt_status st = presence_person_of(&req->ctx, o->person_id, &hh, &team, &o->person_name);
        if (st != WT_OK || team != req->ctx.who.team_id)
            return WT_NOTFOUND;
    }
    return WT_OK;
}

static void signal_form(http_request *req, const signal_origin *o, const errors *e)
{
    bool posted = strcmp(req->method, "POST") == 0;
    page_begin(req, _("Signaal vastleggen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Signaal vastleggen"));
    error_summary(req, e);
    form_begin(req, "/signals", NULL);
    if (o->stop_id) {
        html_printf(b, "<input type=\"hidden\" name=\"round_id\" value=\"%lld\"><input type=\"hidden\" name=\"round_stop_id\" value=\"%lld\">"
                       "<p class=\"wt-fixed\"><span class=\"wt-stop__label\">%s</span> %s</p>",
                    (long long)o->round_id, (long long)o->stop_id, _("Adres (van de ronde):"), o->stop_label);
    }
    if (o->person_id)
        html_printf(b, "<input type=\"hidden\" name=\"person_id\" value=\"%lld\"><p class=\"wt-fixed\"><span class=\"wt-stop__label\">%s</span> %s</p>",
                    (long long)o->person_id, _("Over:"), o->person_name);
    presence_choices(req, "kind", _("Wat is opgemerkt?"), signal_kinds, req_form(req, "kind"), presence_err(e, "kind"), NULL);
    if (!o->stop_id && !o->person_id) {
        field_text(req, &(field){.name = "address", .label = _("Adres"), .value = req_form(req, "address"),
                                 .hint = _("Postcode en huisnummer, zoals 8923 AB 12. Leeg laten bij een anoniem signaal."),
                                 .error = presence_err(e, "address") ? presence_err(e, "address") : presence_err(e, "address_id"),
                                 .maxlength = 20, .autocomplete = "off"});
        html_printf(b, "<div class=\"utrecht-form-field utrecht-form-field--checkbox%s\"><div class=\"utrecht-form-field__input\">"
                       "<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"f-anonymous\" name=\"anonymous\" value=\"1\"%s%s></div>"
                       "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"f-anonymous\">%s</label></div>",
                    presence_err(e, "anonymous") ? " utrecht-form-field--invalid" : "",
                    req_form(req, "anonymous") ? " checked" : "",
                    presence_err(e, "anonymous") ? " aria-describedby=\"f-anonymous-error\" aria-invalid=\"true\"" : "",
                    _("Anoniem: niet over een adres of persoon (bijvoorbeeld overlast rond een plein)"));
        if (presence_err(e, "anonymous"))
            html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-anonymous-error\">%s</div>", presence_err(e, "anonymous"));
        html_raw(b, "</div>");
        field_text(req, &(field){.name = "place", .label = _("Plek"), .value = req_form(req, "place"),
                                 .hint = _("Alleen bij een anoniem signaal, zoals: speeltuin Schieringen."),
                                 .error = presence_err(e, "place"), .maxlength = PRESENCE_SHORT_MAX});
    } else if (presence_err(e, "anonymous")) {
        html_printf(b, "<p class=\"utrecht-form-field-error-message\" id=\"f-anonymous\">%s</p>", presence_err(e, "anonymous"));
    }
    presence_choices(req, "noticed_by", _("Wie merkte het op?"), signal_noticers,
                     posted ? req_form(req, "noticed_by") : "worker", presence_err(e, "noticed_by"), NULL);
    presence_choices(req, "urgency", _("Urgentie"), signal_urgencies, posted ? req_form(req, "urgency") : "normal",
                     presence_err(e, "urgency"), NULL);
    field_textarea(req, &(field){.name = "description", .label = _("Wat zag of hoorde u?"),
                                 .value = req_form(req, "description"), .error = presence_err(e, "description"),
                                 .maxlength = PRESENCE_LONG_MAX},
                   3);
    char today[11];
    date_format(date_today(), today);
    field_text(req, &(field){.name = "noticed_on", .label = _("Opgemerkt op"), .type = "date",
                             .value = posted ? req_form(req, "noticed_on") : today, .error = presence_err(e, "noticed_on")});
    option opts[8];
    int n = 0;
    for (const presence_code *c = intervals; c->code; c++)
        opts[n++] = (option){c->code, _(c->label)};
    field_select(req, &(field){.name = "follow_up_days", .label = _("Opvolgen"), .value = req_form(req, "follow_up_days"),
                               .error = presence_err(e, "follow_up_days")},
                 opts, n);
    form_button(req, _("Signaal vastleggen"), true);
    form_end(req);
    if (o->stop_id)
        html_printf(b, "<p><a class=\"utrecht-link\" href=\"/rounds/%lld/walk#stop-%lld\">%s</a></p>", (long long)o->round_id,
                    (long long)o->stop_id, _("Terug naar de ronde zonder signaal"));
    page_end(req);
}

static void get_signal_new(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    signal_origin o;
    if (presence_web_failed(req, origin_of(req, &o, false)))
        return;
    signal_form(req, &o, NULL);
}

static void post_signals(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    errors e;
    errors_init(&e, req->a);
    signal_origin o;
    if (presence_web_failed(req, origin_of(req, &o, true)))
        return;
    int64_t days = 0;
    const char *fd = req_form(req, "follow_up_days");
    if (fd && *fd && (!text_parse_int64(fd, &days) || days < 1 || days > SIGNAL_MAX_INTERVAL))
        errors_add(&e, "follow_up_days", _("Kies wanneer u het signaal opvolgt."));
    signal_input in = {
        .address_key = req_form(req, "address"), .person_id = o.person_id, .anonymous = req_form(req, "anonymous") != NULL,
        .place = req_form(req, "place"), .kind = req_form(req, "kind"), .noticed_by = req_form(req, "noticed_by"),
        .urgency = req_form(req, "urgency"), .description = req_form(req, "description"),
        .noticed_on = req_form(req, "noticed_on"), .follow_up_days = (int)days, .round_stop_id = o.stop_id,
    };
    int64_t id = 0;
    wt_status st = e.count ? WT_INVALID : signal_create(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        signal_form(req, &o, &e);
        req->status = 400;
        return;
    }
    if (presence_web_failed(req, st))
        return;
    if (o.stop_id) { /* recorded on a round: back to the walk, at the next address still open */
        int64_t next = o.stop_id;
        round_next_open_stop(&req->ctx, o.round_id, o.stop_id, &next);
        resp_redirect(req, arena_printf(req->a, "/rounds/%lld/walk?melding=signal#stop-%lld", (long long)o.round_id,
                                        (long long)next));
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/signals/%lld", (long long)id), "signal");
}

/* ---- the signal ------------------------------------------------------------------------------------------------ */

static void signal_facts(http_request *req, const wt_signal *s)
{
    buf *b = &req->out;
    html_raw(b, "<dl class=\"wt-facts\">");
    if (s->address_id)
        presence_fact(req, _("Adres"), presence_address_label(req->a, &s->addr));
    if (s->person_id) {
        html_printf(b, "<dt>%s</dt><dd>", _("Bewoner"));
        if (s->household_id)
            html_printf(b, "<a class=\"utrecht-link\" href=\"/households/%lld\">%s</a>", (long long)s->household_id, s->person_name);
        else
            html_text(b, s->person_name);
        html_raw(b, "</dd>");
    }
    if (s->anonymous)
        presence_fact(req, _("Anoniem"), s->place ? arena_printf(req->a, _("ja, %s"), s->place) : _("ja"));
    presence_fact(req, _("Opgemerkt door"), presence_label(signal_noticers, s->noticed_by));
    presence_fact(req, _("Opgemerkt op"), presence_day(req, s->noticed_on));
    presence_fact(req, _("Urgentie"), presence_label(signal_urgencies, s->urgency));
    presence_fact(req, _("Beschrijving"), s->description);
    presence_fact(req, _("Stand"), presence_label(signal_statuses, s->status));
    if (strcmp(s->status, "closed") != 0)
        presence_fact(req, _("Opvolgen"), arena_printf(req->a, s->due ? _("te laat: uiterlijk %s (elke %d dagen)")
                                                                      : _("uiterlijk %s (elke %d dagen)"),
                                                         presence_day(req, s->next_due_on), s->follow_up_days));
    presence_fact(req, _("Vastgelegd door"), s->created_by_name);
    if (s->outcome) {
        presence_fact(req, _("Afloop"), presence_label(signal_outcomes, s->outcome));
        presence_fact(req, _("Partner"), s->partner_name);
        if (s->partner_service_key)
            html_printf(b, "<dt>%s</dt><dd><a class=\"utrecht-link\" href=\"/socialmap/services/%s\">%s</a></dd>",
                        _("Op de sociale kaart"), s->partner_service_key, _("Dienst bekijken"));
        presence_fact(req, _("Gedeeld"), s->shared_what);
        presence_fact(req, _("Grondslag"), s->legal_ground ? presence_label(signal_legal_grounds, s->legal_ground) : NULL);
        presence_fact(req, _("Toelichting"), s->outcome_note);
        presence_fact(req, _("Afgesloten"), s->closed_on ? arena_printf(req->a, "%s, %s", presence_day(req, s->closed_on),
                                                                       s->closed_by_name ? s->closed_by_name : "")
                                                         : NULL);
    }
    if (s->case_id)
        html_printf(b, "<dt>%s</dt><dd><a class=\"utrecht-link\" href=\"/cases/%lld\">%s %lld</a></dd>", _("Casus"),
                    (long long)s->case_id, _("Casus"), (long long)s->case_id);
    html_raw(b, "</dl>");
}

static void followups_list(http_request *req, const signal_followup *f, int n)
{
    buf *b = &req->out;
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Opvolging"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Nog niet opgevolgd."));
        return;
    }
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++)
        html_printf(b, "<li><strong>%s</strong>: %s, %s%s%s%s</li>", presence_day(req, f[i].at),
                    presence_label(signal_followup_kinds, f[i].kind),
                    f[i].contact_made ? _("contact gehad") : _("geen contact"), f[i].by_name ? " (" : "",
                    f[i].by_name ? f[i].by_name : "", f[i].by_name ? ")" : "");
    html_raw(b, "</ul>");
    for (int i = 0; i < n; i++)
        if (f[i].note)
            html_printf(b, "<p class=\"wt-muted\">%s: %s</p>", presence_day(req, f[i].at), f[i].note);
}

static void followup_form(http_request *req, const wt_signal *s, const errors *e)
{
    char today[11];
    date_format(date_today(), today);
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-opvolgen\"><h2 class=\"utrecht-heading-2\" id=\"h-opvolgen\">%s</h2>",
                _("Opvolging vastleggen"));
    form_begin(req, arena_printf(req->a, "/signals/%lld/followups", (long long)s->id), NULL);
    presence_choices(req, "contact_made", _("Contact gemaakt?"), yes_no, e ? req_form(req, "contact_made") : NULL,
                     presence_err(e, "contact_made"), NULL);
    presence_choices(req, "kind", _("Hoe?"), signal_followup_kinds, e ? req_form(req, "kind") : "visit",
                     presence_err(e, "kind"), NULL);
    field_text(req, &(field){.name = "at", .label = _("Datum"), .type = "date", .value = e ? req_form(req, "at") : today,
                             .error = presence_err(e, "at")});
    field_text(req, &(field){.name = "note", .label = _("Notitie"), .value = e ? req_form(req, "note") : NULL,
                             .error = presence_err(e, "note"), .maxlength = PRESENCE_LONG_MAX, .id = "followup-note"});
    form_button(req, _("Opvolging vastleggen"), true);
    form_end(req);
    html_raw(b, "</section>");
}

/* The partner from the social map: its services by name, "Wijkagent Heechterp (Politie Leeuwarden-Oost)". */
static void partner_select(http_request *req, const errors *e)
{
    sm_choice *c = NULL;
    int n = 0;
    if (socialmap_service_choices(&req->ctx, NULL, SIGNAL_PARTNER_CHOICES, &c, &n) != WT_OK)
        n = 0;
    option *opts = arena_alloc(req->a, sizeof(option) * (size_t)(n + 1));
    opts[0] = (option){"", _("(kies een dienst)")};
    for (int i = 0; i < n; i++)
        opts[i + 1] = (option){c[i].id, c[i].organization_name ? arena_printf(req->a, "%s (%s)", c[i].name,
                                                                              c[i].organization_name)
                                                                : c[i].name};
    field_select(req, &(field){.name = "partner_service_key", .label = _("Partner op de sociale kaart"),
                               .hint = _("Zoals de wijkagent, de woningcorporatie of Veilig Thuis."),
                               .value = e ? req_form(req, "partner_service_key") : NULL,
                               .error = presence_err(e, "partner_service_key")},
                 opts, n + 1);
}

static void close_form(http_request *req, const wt_signal *s, const errors *e)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-afsluiten\"><h2 class=\"utrecht-heading-2\" id=\"h-afsluiten\">%s</h2>",
                _("Signaal afsluiten"));
    form_begin(req, arena_printf(req->a, "/signals/%lld/close", (long long)s->id), NULL);
    presence_choices(req, "outcome", _("Hoe loopt het af?"), signal_outcomes, e ? req_form(req, "outcome") : NULL,
                     presence_err(e, "outcome"), NULL);
    field_text(req, &(field){.name = "note", .label = _("Toelichting"), .value = e ? req_form(req, "note") : NULL,
                             .error = presence_err(e, "note"), .maxlength = PRESENCE_LONG_MAX, .id = "close-note"});
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Bij doorgeven aan een partner"));
    partner_select(req, e);
    field_text(req, &(field){.name = "partner_name", .label = _("Of een andere partner"),
                             .value = e ? req_form(req, "partner_name") : NULL,
                             .hint = _("Als de partner niet op de sociale kaart staat."),
                             .error = presence_err(e, "partner_name"), .maxlength = PRESENCE_SHORT_MAX});
    field_text(req, &(field){.name = "shared_what", .label = _("Wat is gedeeld"), .value = e ? req_form(req, "shared_what") : NULL,
                             .error = presence_err(e, "shared_what"), .maxlength = PRESENCE_LONG_MAX});
    presence_choices(req, "legal_ground", _("Grondslag"), signal_legal_grounds, e ? req_form(req, "legal_ground") : NULL,
                     presence_err(e, "legal_ground"), NULL);
    if (!s->anonymous) {
        html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Bij een casus"));
        int64_t *ids;
        const char **names;
        int n = 0;
        if (!s->person_id && signal_households(&req->ctx, s, &ids, &names, &n) == WT_OK && n > 1) {
            option *opts = arena_alloc(req->a, sizeof(option) * (size_t)n);
            for (int i = 0; i < n; i++)
                opts[i] = (option){arena_printf(req->a, "%lld", (long long)ids[i]), names[i]};
            field_select(req, &(field){.name = "household_id", .label = _("Huishouden"),
                                       .value = req_form(req, "household_id"), .error = presence_err(e, "household_id")},
                         opts, n);
        } else if (presence_err(e, "household_id")) {
            html_printf(b, "<p class=\"utrecht-form-field-error-message\" id=\"f-household_id\">%s</p>", presence_err(e, "household_id"));
        }
        field_text(req, &(field){.name = "case_reason", .label = _("Reden van aanmelding"),
                                 .value = e ? req_form(req, "case_reason") : NULL,
                                 .hint = _("Leeg laten: het signaal wordt de reden."),
                                 .error = presence_err(e, "case_reason"), .maxlength = PRESENCE_LONG_MAX});
    }
    form_button(req, _("Afsluiten"), true);
    form_end(req);
    html_raw(b, "</section>");
}

static void signal_page(http_request *req, int64_t id, const errors *follow_e, const errors *close_e)
{
    wt_signal s;
    signal_followup *f;
    int n = 0;
    int status = req->status;
    if (presence_web_failed(req, signal_get(&req->ctx, id, &s)) ||
        presence_web_failed(req, signal_followups(&req->ctx, &s, &f, &n)))
        return;
    page_begin(req, _("Signaal"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s: %s</h1>", presence_label(signal_kinds, s.kind), where_of(req, &s));
    error_summary(req, follow_e ? follow_e : close_e);
    signal_facts(req, &s);
    followups_list(req, f, n);
    if (strcmp(s.status, "closed") != 0) {
        html_raw(b, "<div class=\"wt-grid\">");
        followup_form(req, &s, follow_e);
        close_form(req, &s, close_e);
        html_raw(b, "</div>");
    }
    html_printf(b, "<p><a class=\"utrecht-link\" href=\"/signals\">%s</a></p>", _("Terug naar de signalen"));
    page_end(req);
    if (status)
        req->status = status;
}

static void get_signal(http_request *req)
{
    signal_page(req, req->ids[0], NULL, NULL);
}

static void post_followup(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    const char *contact = req_form(req, "contact_made");
    if (!contact || (strcmp(contact, "0") != 0 && strcmp(contact, "1") != 0))
        errors_add(&e, "contact_made", _("Kies of er contact was."));
    followup_input in = {.at = req_form(req, "at"), .kind = req_form(req, "kind"),
                         .contact_made = contact && strcmp(contact, "1") == 0, .note = req_form(req, "note")};
    wt_status st = signal_add_followup(&req->ctx, req->ids[0], &in, &e);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        req->status = st == WT_INVALID ? 400 : 409;
        signal_page(req, req->ids[0], &e, NULL);
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/signals/%lld", (long long)req->ids[0]), "followup");
}

static void post_close(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    signal_close_input in = {
        .outcome = req_form(req, "outcome"), .note = req_form(req, "note"), .partner_name = req_form(req, "partner_name"),
        .partner_service_key = req_form(req, "partner_service_key"), .shared_what = req_form(req, "shared_what"),
        .legal_ground = req_form(req, "legal_ground"), .household_id = presence_form_id(req, "household_id"),
        .case_reason = req_form(req, "case_reason"),
    };
    int64_t case_id = 0;
    wt_status st = signal_close(&req->ctx, req->ids[0], &in, &e, &case_id);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        req->status = st == WT_INVALID ? 400 : 409;
        signal_page(req, req->ids[0], NULL, &e);
        return;
    }
    if (presence_web_failed(req, st))
        return;
    if (case_id)
        page_redirect_notice(req, arena_printf(req->a, "/cases/%lld", (long long)case_id), "signal_case");
    else
        page_redirect_notice(req, arena_printf(req->a, "/signals/%lld", (long long)req->ids[0]), "signal_closed");
}

void signal_web_routes(void)
{
    router_add("GET", "/signals", get_signals, 0);
    router_add("GET", "/signals/new", get_signal_new, 0);
    router_add("POST", "/signals", post_signals, 0);
    router_add("GET", "/signals/{id}", get_signal, 0);
    router_add("POST", "/signals/{id}/followups", post_followup, 0);
    router_add("POST", "/signals/{id}/close", post_close, 0);
}

/* ---- on other pages ---------------------------------------------------------------------------------------------- */

/* One signal that led to a case, with its follow-ups: its history goes with the case. */
static void case_signal_item(http_request *req, const wt_signal *s)
{
    buf *b = &req->out;
    html_printf(b, "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/signals/%lld\">%s: %s</a></p>",
                (long long)s->id, presence_label(signal_kinds, s->kind), where_of(req, s));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s %s %s. %s</p>", _("Opgemerkt door"),
                presence_label(signal_noticers, s->noticed_by), _("op"), presence_day(req, s->noticed_on),
                arena_printf(req->a, _("Urgentie: %s."), presence_label(signal_urgencies, s->urgency)));
    if (s->description)
        html_printf(b, "<p class=\"utrecht-paragraph wt-pre\">%s</p>", s->description);
    signal_followup *f = NULL;
    int n = 0;
    if (signal_followups(&req->ctx, s, &f, &n) == WT_OK && n > 0) {
        html_printf(b, "<ul class=\"wt-plain\" aria-label=\"%s\">", _("Opvolging"));
        for (int i = 0; i < n; i++)
            html_printf(b, "<li><time datetime=\"%s\">%s</time>: %s, %s%s%s</li>", f[i].at, presence_day(req, f[i].at),
                        presence_label(signal_followup_kinds, f[i].kind),
                        f[i].contact_made ? _("contact gehad") : _("geen contact"), f[i].note ? ". " : "",
                        f[i].note ? f[i].note : "");
        html_raw(b, "</ul>");
    }
    if (s->closed_on)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s%s%s</p>", _("Casus geworden op"),
                    presence_day(req, s->closed_on), s->closed_by_name ? ", " : "",
                    s->closed_by_name ? s->closed_by_name : "");
    html_raw(b, "</li>");
}

void signal_case_section(http_request *req, const wt_case *c)
{
    wt_signal *items = NULL;
    int n = 0;
    if (signal_list_for_case(&req->ctx, c->id, &items, &n) != WT_OK || n == 0)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-signalen\"><h2 class=\"utrecht-heading-2\" "
                   "id=\"h-signalen\">%s</h2>",
                n == 1 ? _("Aanleiding: een signaal uit de wijk") : _("Aanleiding: signalen uit de wijk"));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++)
        case_signal_item(req, &items[i]);
    html_raw(b, "</ul></section>");
}

void signal_home_block(http_request *req)
{
    wt_signal *items = NULL;
    int n = 0;
    if (signal_due(&req->ctx, SIGNAL_HOME_LIMIT, &items, &n) != WT_OK || n == 0)
        return;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-signalen-opvolgen\"><h2 class=\"utrecht-heading-2\" "
                   "id=\"h-signalen-opvolgen\">%s</h2>",
                _("Signalen die opgevolgd moeten worden"));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Bij deze signalen is te lang geen opvolging geweest: ga langs of bel."));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++)
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/signals/%lld\">%s: %s</a>%s "
                       "<strong class=\"wt-overdue\">%s</strong></p></li>",
                    (long long)items[i].id, presence_label(signal_kinds, items[i].kind), where_of(req, &items[i]),
                    strcmp(items[i].urgency, "high") == 0 ? _(" (urgent)") : "",
                    arena_printf(req->a, _("Opvolgen sinds %s."), presence_day(req, items[i].next_due_on)));
    html_raw(b, "</ul>");
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/signals\">%s</a></p></section>",
                _("Alle signalen"));
}
