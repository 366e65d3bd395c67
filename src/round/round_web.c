/*
 * round_web.c - the pages of outreach rounds: the list, planning a round,
 * the round's page, and the walking page made for a phone: the stops in
 * walking order, each with what happened there last time and the open
 * signals, and one big button per outcome (one tap records it).
 */
#include "round_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../neighbourhood/presence_web.h"
#include "../signal/signal.h"
#include "../user/user.h"
#include "round.h"

#include <string.h>

#define STREETS_SHOWN 150
#define ADDRESS_LINES_MAX ROUND_MAX_STOPS

static const char *workers_text(http_request *req, const wt_round *r)
{
    const char *s = "";
    for (int i = 0; i < r->n_workers; i++)
        s = i == 0 ? r->workers[i].name : arena_printf(req->a, "%s, %s", s, r->workers[i].name);
    return s;
}

/* ---- list ------------------------------------------------------------------------------------------------------ */

static void rounds_table(http_request *req, const wt_round *rounds, int n, const char *caption)
{
    buf *b = &req->out;
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "</tr></thead><tbody class=\"utrecht-table__body\">",
                caption, _("Datum"), _("Doel"), _("Lopers"), _("Voortgang"));
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                    "<a class=\"utrecht-link\" href=\"/rounds/%lld\">%s</a></th><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s: %d / %d</td></tr>",
                    (long long)rounds[i].id, presence_day(req, rounds[i].planned_on),
                    presence_label(round_purposes, rounds[i].purpose), workers_text(req, &rounds[i]),
                    presence_label(round_statuses, rounds[i].status), rounds[i].n_recorded, rounds[i].n_stops);
    html_raw(b, "</tbody></table></div>");
}

static int query_offset(http_request *req)
{
    int64_t v = 0;
    return text_parse_int64(req_query(req, "offset"), &v) && v > 0 && v < 100000 ? (int)v : 0;
}

static void get_rounds(http_request *req)
{
    bool past = req_query(req, "eerder") != NULL;
    int offset = query_offset(req);
    wt_round *rounds;
    int n = 0;
    bool more = false;
    if (presence_web_failed(req, round_list(&req->ctx, !past, ROUND_PAGE, offset, &rounds, &n, &more)))
        return;
    page_begin(req, _("Wijkrondes"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Wijkrondes"));
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/rounds/new\">%s</a> ",
                _("Ronde plannen"));
    if (past)
        html_printf(b, "<a class=\"utrecht-link\" href=\"/rounds\">%s</a></p>", _("Geplande rondes"));
    else
        html_printf(b, "<a class=\"utrecht-link\" href=\"/rounds?eerder=1\">%s</a></p>", _("Eerdere rondes"));
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", past ? _("Er zijn nog geen eerdere rondes.") : _("Er is geen ronde gepland."));
    else
        rounds_table(req, rounds, n, past ? _("Eerdere rondes, nieuwste eerst") : _("Geplande rondes, eerstvolgende eerst"));
    presence_pager(req, past ? "/rounds?eerder=1" : "/rounds", offset, ROUND_PAGE, more);
    page_end(req);
}

/* ---- plan ------------------------------------------------------------------------------------------------------ */

static bool in_list(http_request *req, const char *key, const char *value)
{
    int n = kv_count(&req->form, key);
    for (int i = 0; i < n; i++)
        if (strcmp(kv_get_nth(&req->form, key, i), value) == 0)
            return true;
    return false;
}

static void workers_fieldset(http_request *req, const errors *e, bool posted)
{
    user *users;
    int n = 0;
    buf *b = &req->out;
    if (user_list_coordinators(&req->ctx, req->ctx.who.team_id, &users, &n) != WT_OK)
        return;
    const char *err = presence_err(e, "worker_ids");
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wt-choices\"%s>"
                   "<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wt-choices__legend\">%s</legend>",
                err ? " aria-describedby=\"f-worker_ids-error\"" : "", _("Wie lopen mee?"));
    if (err)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-worker_ids-error\">%s</div>", err);
    html_raw(b, "<div class=\"wt-choices__list\">");
    for (int i = 0; i < n; i++) {
        const char *v = arena_printf(req->a, "%lld", (long long)users[i].id);
        bool checked = posted ? in_list(req, "worker_ids", v) : users[i].id == req->ctx.who.user_id;
        presence_checkbox(req, "worker_ids", i == 0 ? "f-worker_ids" : arena_printf(req->a, "f-worker-%s", v), v,
                          users[i].display_name, checked);
    }
    html_raw(b, "</div></fieldset>");
}

static void streets_fieldset(http_request *req, const errors *e)
{
    const char **streets;
    int n = 0;
    buf *b = &req->out;
    if (presence_team_streets(&req->ctx, req->ctx.who.team_id, STREETS_SHOWN, &streets, &n) != WT_OK)
        return;
    const char *err = presence_err(e, "streets");
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wt-choices\" aria-describedby=\"f-streets-hint%s\">"
                   "<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wt-choices__legend\">%s</legend>"
                   "<div class=\"utrecht-form-field-description\" id=\"f-streets-hint\">%s</div>",
                err ? " f-streets-error" : "", _("Straten"),
                _("Alle adressen van de gekozen straten in het werkgebied komen op de ronde, hoogstens 60."));
    if (err)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-streets-error\">%s</div>", err);
    if (n == 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Het werkgebied van uw team heeft nog geen bekende adressen."));
    html_raw(b, "<div class=\"wt-choices__list\">");
    for (int i = 0; i < n; i++)
        presence_checkbox(req, "streets", i == 0 ? "f-streets" : arena_printf(req->a, "f-street-%d", i), streets[i],
                          streets[i], in_list(req, "streets", streets[i]));
    html_raw(b, "</div></fieldset>");
}

static void round_form(http_request *req, const errors *e)
{
    bool posted = strcmp(req->method, "POST") == 0;
    char today[11];
    date_format(date_today(), today);
    page_begin(req, _("Ronde plannen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Ronde plannen"));
    error_summary(req, e);
    form_begin(req, "/rounds", NULL);
    field_text(req, &(field){.name = "planned_on", .label = _("Datum"), .type = "date", .required = true,
                             .value = posted ? req_form(req, "planned_on") : today,
                             .error = presence_err(e, "planned_on")});
    presence_choices(req, "purpose", _("Doel van de ronde"), round_purposes,
                     posted ? req_form(req, "purpose") : "presence", presence_err(e, "purpose"), NULL);
    workers_fieldset(req, e, posted);
    streets_fieldset(req, e);
    field_textarea(req, &(field){.name = "addresses", .label = _("Losse adressen"),
                                 .hint = _("Eén adres per regel: postcode en huisnummer, zoals 8923 AB 12."),
                                 .value = req_form(req, "addresses"), .error = presence_err(e, "addresses"),
                                 .maxlength = 2000},
                   3);
    field_text(req, &(field){.name = "note", .label = _("Toelichting"), .value = req_form(req, "note"),
                             .error = presence_err(e, "note"), .maxlength = PRESENCE_SHORT_MAX});
    form_button(req, _("Ronde plannen"), true);
    form_end(req);
    page_end(req);
}

static void get_round_new(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    round_form(req, NULL);
}

/* The non-empty lines of the addresses field. */
static const char **address_lines(http_request *req, int *n)
{
    const char **lines = arena_alloc(req->a, sizeof(char *) * (ADDRESS_LINES_MAX + 1));
    *n = 0;
    const char *s = req_form(req, "addresses");
    while (s && *s && *n <= ADDRESS_LINES_MAX) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        char *line = text_trim(req->a, arena_strndup(req->a, s, len));
        if (line && *line)
            lines[(*n)++] = line;
        s = end ? end + 1 : NULL;
    }
    return lines;
}

static void post_rounds(http_request *req)
{
    round_input in = {.planned_on = req_form(req, "planned_on"), .purpose = req_form(req, "purpose"),
                      .note = req_form(req, "note")};
    int nw = kv_count(&req->form, "worker_ids");
    int64_t *workers = arena_alloc(req->a, sizeof(int64_t) * (size_t)(nw + 1));
    errors e;
    errors_init(&e, req->a);
    for (int i = 0; i < nw; i++) {
        int64_t v = 0;
        if (!text_parse_int64(kv_get_nth(&req->form, "worker_ids", i), &v) || v <= 0)
            errors_add(&e, "worker_ids", _("Kies lopers uit de lijst."));
        workers[i] = v;
    }
    int ns = kv_count(&req->form, "streets");
    const char **streets = arena_alloc(req->a, sizeof(char *) * (size_t)(ns + 1));
    for (int i = 0; i < ns; i++)
        streets[i] = kv_get_nth(&req->form, "streets", i);
    in.worker_ids = workers;
    in.n_workers = nw;
    in.streets = streets;
    in.n_streets = ns;
    in.address_keys = address_lines(req, &in.n_address_keys);
    if (in.n_address_keys > ADDRESS_LINES_MAX)
        errors_add(&e, "addresses", _("Een ronde heeft hoogstens 60 adressen."));
    int64_t id = 0;
    wt_status st = e.count ? WT_INVALID : round_plan(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        round_form(req, &e);
        req->status = 400;
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/rounds/%lld", (long long)id), "created");
}

/* ---- the round ------------------------------------------------------------------------------------------------- */

static const char *last_time(http_request *req, const round_stop *s)
{
    if (!s->prev_outcome)
        return NULL;
    const char *t = arena_printf(req->a, "%s: %s", presence_day(req, s->prev_on), presence_label(round_outcomes, s->prev_outcome));
    return s->prev_note ? arena_printf(req->a, "%s (%s)", t, s->prev_note) : t;
}

static void round_facts(http_request *req, const wt_round *r)
{
    html_raw(&req->out, "<dl class=\"wt-facts\">");
    presence_fact(req, _("Datum"), presence_day(req, r->planned_on));
    presence_fact(req, _("Doel"), presence_label(round_purposes, r->purpose));
    presence_fact(req, _("Toelichting"), r->note);
    presence_fact(req, _("Lopers"), workers_text(req, r));
    presence_fact(req, _("Stand"), arena_printf(req->a, _("%s, %d van %d adressen vastgelegd"),
                                                 presence_label(round_statuses, r->status), r->n_recorded, r->n_stops));
    html_raw(&req->out, "</dl>");
}

static void get_round(http_request *req)
{
    wt_round r;
    round_stop *stops;
    int n = 0;
    if (presence_web_failed(req, round_get(&req->ctx, req->ids[0], &r)) ||
        presence_web_failed(req, round_stops(&req->ctx, &r, &stops, &n)))
        return;
    page_begin(req, _("Wijkronde"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Wijkronde"), presence_day(req, r.planned_on));
    round_facts(req, &r);
    if (strcmp(r.status, "done") != 0) {
        html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/rounds/%lld/walk\">%s</a> ",
                    (long long)r.id, _("Ronde lopen"));
        button_form(req, arena_printf(req->a, "/rounds/%lld/status", (long long)r.id), _("Ronde afronden"), "status", "done");
        html_raw(b, "</p>");
    }
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "</tr></thead><tbody class=\"utrecht-table__body\">",
                _("Adressen in looproute"), _("Nr."), _("Adres"), _("Uitkomst"), _("Vorige keer"));
    for (int i = 0; i < n; i++) {
        const round_stop *s = &stops[i];
        const char *last = last_time(req, s);
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">%d</td>"
                    "<th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th><td class=\"utrecht-table__cell\">%s%s%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td></tr>",
                    s->position, presence_address_label(req->a, &s->addr),
                    s->outcome ? presence_label(round_outcomes, s->outcome) : _("nog niet"), s->note ? ": " : "",
                    s->note ? s->note : "", last ? last : "-");
    }
    html_raw(b, "</tbody></table></div>");
    html_printf(b, "<p><a class=\"utrecht-link\" href=\"/rounds\">%s</a></p>", _("Terug naar de rondes"));
    page_end(req);
}

/* ---- walking --------------------------------------------------------------------------------------------------- */

static void stop_history(http_request *req, const round_stop *s)
{
    buf *b = &req->out;
    const char *last = last_time(req, s);
    html_printf(b, "<p class=\"wt-stop__last\"><span class=\"wt-stop__label\">%s</span> %s</p>", _("Vorige keer:"),
                last ? last : _("nog niet eerder bezocht"));
    for (int k = 0; k < s->n_open_signals; k++)
        html_printf(b, "<p class=\"wt-stop__signal\"><a class=\"utrecht-link\" href=\"/signals/%lld\">%s %s (%s)</a></p>",
                    (long long)s->open_signals[k].id, _("Open signaal:"),
                    presence_label(signal_kinds, s->open_signals[k].kind),
                    presence_label(signal_urgencies, s->open_signals[k].urgency));
}

static void stop_form(http_request *req, const wt_round *r, const round_stop *s, bool editable)
{
    buf *b = &req->out;
    if (!editable)
        return;
    html_printf(b, "<form method=\"post\" action=\"/rounds/%lld/stops/%lld\" class=\"wt-stop__form\">"
                   "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">",
                (long long)r->id, (long long)s->id, req->session.csrf ? req->session.csrf : "");
    html_printf(b, "<details class=\"wt-stop__note\"><summary>%s</summary><label class=\"utrecht-form-label\" for=\"note-%lld\">%s</label>"
                   "<input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"text\" id=\"note-%lld\" name=\"note\" maxlength=\"200\" value=\"%s\" autocomplete=\"off\"></details>",
                _("Notitie toevoegen"), (long long)s->id, _("Notitie (niet verplicht)"), (long long)s->id,
                s->note ? s->note : "");
    html_printf(b, "<div class=\"wt-outcomes\" role=\"group\" aria-label=\"%s\">",
                arena_printf(req->a, _("Uitkomst bij %s"), presence_address_label(req->a, &s->addr)));
    for (const presence_code *c = round_outcomes; c->code; c++) {
        bool chosen = s->outcome && strcmp(s->outcome, c->code) == 0;
        html_printf(b, "<button type=\"submit\" name=\"outcome\" value=\"%s\" class=\"utrecht-button utrecht-button--%s wt-outcome wt-outcome--%s%s\">%s%s</button>",
                    c->code, chosen ? "primary-action" : "secondary-action", c->code, chosen ? " wt-outcome--chosen" : "",
                    chosen ? "\xe2\x9c\x93 " : "", _(c->label));
    }
    html_raw(b, "</div></form>");
}

static void walk_stop(http_request *req, const wt_round *r, const round_stop *s, bool editable)
{
    buf *b = &req->out;
    html_printf(b, "<li class=\"wt-stop%s\" id=\"stop-%lld\"><h2 class=\"utrecht-heading-3 wt-stop__title\">%d. %s</h2>",
                s->outcome ? " wt-stop--done" : "", (long long)s->id, s->position,
                presence_address_label(req->a, &s->addr));
    stop_history(req, s);
    if (s->outcome)
        html_printf(b, "<p class=\"wt-stop__now\"><strong>%s</strong> %s%s%s</p>", _("Vastgelegd:"),
                    presence_label(round_outcomes, s->outcome), s->note ? ", " : "", s->note ? s->note : "");
    stop_form(req, r, s, editable);
    if (s->outcome && strcmp(s->outcome, "concern") == 0)
        html_printf(b, "<p><a class=\"utrecht-link\" href=\"/signals/new?ronde=%lld&amp;stop=%lld\">%s</a></p>",
                    (long long)r->id, (long long)s->id, _("Signaal vastleggen voor dit adres"));
    html_raw(b, "</li>");
}

static void get_walk(http_request *req)
{
    wt_round r;
    round_stop *stops;
    int n = 0;
    if (presence_web_failed(req, round_get(&req->ctx, req->ids[0], &r)) ||
        presence_web_failed(req, round_stops(&req->ctx, &r, &stops, &n)))
        return;
    wt_date d;
    bool future = date_parse(r.planned_on, &d) && date_compare(d, date_today()) > 0;
    bool editable = strcmp(r.status, "done") != 0 && !future;
    page_begin(req, _("Ronde lopen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Ronde lopen"));
    html_printf(b, "<p class=\"wt-walk__meta\">%s &middot; %s &middot; <span id=\"voortgang\">%d %s %d %s</span></p>",
                presence_day(req, r.planned_on), presence_label(round_purposes, r.purpose), r.n_recorded, _("van"),
                r.n_stops, _("vastgelegd"));
    if (strcmp(r.status, "done") == 0)
        html_printf(b, "<p class=\"wt-warning\">%s</p>", _("Deze ronde is afgerond; de uitkomsten liggen vast."));
    else if (future)
        html_printf(b, "<p class=\"wt-warning\">%s</p>", _("Deze ronde is nog niet begonnen; op de dag zelf legt u hier de uitkomsten vast."));
    html_raw(b, "<ol class=\"wt-stops\">");
    for (int i = 0; i < n; i++)
        walk_stop(req, &r, &stops[i], editable);
    html_raw(b, "</ol>");
    if (editable) {
        html_raw(b, "<p class=\"wt-actions\">");
        button_form(req, arena_printf(req->a, "/rounds/%lld/status", (long long)r.id), _("Ronde afronden"), "status", "done");
        html_raw(b, "</p>");
    }
    html_printf(b, "<p><a class=\"utrecht-link\" href=\"/rounds/%lld\">%s</a></p>", (long long)r.id, _("Overzicht van de ronde"));
    page_end(req);
}

/* After a stop: back to the walking page, at the next stop still open (or this one). */
static const char *next_anchor(http_request *req, int64_t round_id, int64_t stop_id)
{
    int64_t next = stop_id;
    round_next_open_stop(&req->ctx, round_id, stop_id, &next);
    return arena_printf(req->a, "/rounds/%lld/walk?melding=stop_saved#stop-%lld", (long long)round_id, (long long)next);
}

static void post_stop(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = round_record_stop(&req->ctx, req->ids[0], req->ids[1], req_form(req, "outcome"),
                                     req_form(req, "note"), &e);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        page_error(req, st == WT_INVALID ? 400 : 409, e.head ? e.head->message : _("Controleer de invoer."));
        return;
    }
    if (presence_web_failed(req, st))
        return;
    const char *outcome = req_form(req, "outcome");
    if (outcome && strcmp(outcome, "concern") == 0) /* a concern: straight on to the signal, address filled in */
        resp_redirect(req, arena_printf(req->a, "/signals/new?ronde=%lld&stop=%lld", (long long)req->ids[0],
                                        (long long)req->ids[1]));
    else
        resp_redirect(req, next_anchor(req, req->ids[0], req->ids[1]));
}

static void post_status(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = round_set_status(&req->ctx, req->ids[0], req_form(req, "status"), &e);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        page_error(req, st == WT_INVALID ? 400 : 409, e.head ? e.head->message : _("Controleer de invoer."));
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/rounds/%lld", (long long)req->ids[0]), "round_done");
}

void round_web_routes(void)
{
    router_add("GET", "/rounds", get_rounds, 0);
    router_add("GET", "/rounds/new", get_round_new, 0);
    router_add("POST", "/rounds", post_rounds, 0);
    router_add("GET", "/rounds/{id}", get_round, 0);
    router_add("GET", "/rounds/{id}/walk", get_walk, 0);
    router_add("POST", "/rounds/{id}/stops/{id}", post_stop, 0);
    router_add("POST", "/rounds/{id}/status", post_status, 0);
}
