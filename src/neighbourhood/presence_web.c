/*
 * presence_web.c - shared page pieces of the presence domains and the
 * neighbourhood overview page /neighbourhood (see presence_web.h).
 */
#include "presence_web.h"
#include "../activity/activity.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../idea/idea.h"
#include "../round/round.h"
#include "../signal/signal.h"

#include <string.h>

bool presence_web_failed(http_request *req, wt_status st)
{
    switch (st) {
    case WT_OK:
        return false;
    case WT_FORBIDDEN:
        page_error(req, 403, _("Werk in de wijk (rondes, signalen, activiteiten, ideeën) is alleen voor de medewerkers van het team."));
        break;
    case WT_NOTFOUND:
        page_error(req, 404, _("Dit bestaat niet, of hoort niet bij uw team."));
        break;
    case WT_CONFLICT:
        page_error(req, 409, _("Dit botst met bestaande gegevens; er is niets opgeslagen."));
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

/* Characters of the longest word of s (UTF-8 continuation bytes not counted). */
static int longest_word(const char *s)
{
    int best = 0, cur = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '/' || *p == '-' || *p == '(' || *p == ')')
            cur = 0;
        else if ((*p & 0xC0) != 0x80 && ++cur > best)
            best = cur;
    }
    return best;
}

bool presence_choices_wide(const presence_code *codes)
{
    for (const presence_code *c = codes; c->code; c++)
        if (longest_word(_(c->label)) > PRESENCE_TILE_WORD)
            return true;
    return false;
}

void presence_choices(http_request *req, const char *name, const char *legend, const presence_code *codes,
                      const char *value, const char *error, const char *hint)
{
    buf *b = &req->out;
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wt-choices%s\"", error ? " wt-choices--invalid" : "");
    if (hint || error) {
        html_raw(b, " aria-describedby=\"");
        if (hint)
            html_printf(b, "f-%s-hint%s", name, error ? " " : "");
        if (error)
            html_printf(b, "f-%s-error", name);
        html_raw(b, "\"");
    }
    html_printf(b, "><legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend wt-choices__legend\">%s</legend>",
                legend);
    if (hint)
        html_printf(b, "<div class=\"utrecht-form-field-description\" id=\"f-%s-hint\">%s</div>", name, hint);
    if (error)
        html_printf(b,
                    "<div class=\"utrecht-form-field-error-message\" id=\"f-%s-error\"><span class=\"wt-visually-hidden\">%s </span>%s</div>",
                    name, _("Fout:"), error);
    html_raw(b, presence_choices_wide(codes) ? "<div class=\"wt-choices__list wt-choices__list--wide\">"
                                             : "<div class=\"wt-choices__list\">");
    int i = 0;
    for (const presence_code *c = codes; c->code; c++, i++) {
        const char *id = i == 0 ? arena_printf(req->a, "f-%s", name) : arena_printf(req->a, "f-%s-%s", name, c->code);
        bool checked = value && strcmp(value, c->code) == 0;
        html_printf(b,
                    "<div class=\"wt-choice\"><input class=\"utrecht-radio-button utrecht-radio-button--html-input\""
                    " type=\"radio\" id=\"%s\" name=\"%s\" value=\"%s\"%s>"
                    "<label class=\"utrecht-form-label utrecht-form-label--radio-button\" for=\"%s\">%s</label></div>",
                    id, name, c->code, checked ? " checked" : "", id, _(c->label));
    }
    html_raw(b, "</div></fieldset>");
}

void presence_checkbox(http_request *req, const char *name, const char *id, const char *value, const char *label,
                       bool checked)
{
    html_printf(&req->out,
                "<div class=\"wt-choice wt-choice--check\"><input class=\"utrecht-checkbox utrecht-checkbox--html-input\""
                " type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"%s\"%s>"
                "<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"%s\">%s</label></div>",
                id, name, value, checked ? " checked" : "", id, label);
}

const char *presence_err(const errors *e, const char *name)
{
    return e ? errors_get(e, name) : NULL;
}

static int64_t parse_id(const char *s)
{
    int64_t v = 0;
    return s && text_parse_int64(s, &v) && v > 0 ? v : 0;
}

int64_t presence_form_id(http_request *req, const char *name)
{
    return parse_id(req_form(req, name));
}

int64_t presence_query_id(http_request *req, const char *name)
{
    return parse_id(req_query(req, name));
}

void presence_pager(http_request *req, const char *base, int offset, int limit, bool more)
{
    if (offset == 0 && !more)
        return;
    buf *b = &req->out;
    const char *sep = strchr(base, '?') ? "&amp;" : "?";
    html_printf(b, "<nav class=\"wt-pager\" aria-label=\"%s\">", _("Bladeren"));
    if (offset > 0)
        html_printf(b, "<a class=\"utrecht-link\" rel=\"prev\" href=\"%s", base);
    if (offset > 0) {
        html_raw(b, sep);
        html_printf(b, "offset=%d\">%s</a> ", offset - limit > 0 ? offset - limit : 0, _("Vorige"));
    }
    if (more) {
        html_printf(b, "<a class=\"utrecht-link\" rel=\"next\" href=\"%s", base);
        html_raw(b, sep);
        html_printf(b, "offset=%d\">%s</a>", offset + limit, _("Volgende"));
    }
    html_raw(b, "</nav>");
}

void presence_fact(http_request *req, const char *label, const char *value)
{
    if (!value || !*value)
        return;
    html_printf(&req->out, "<dt>%s</dt><dd>%s</dd>", label, value);
}

const char *presence_day(http_request *req, const char *iso)
{
    return iso ? date_display(req->a, iso) : "";
}

/* ---- the overview page ------------------------------------------------------------------------------------------ */

static void overview_rounds(http_request *req)
{
    wt_round *rounds;
    int n = 0;
    bool more = false;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-rondes\"><h2 class=\"utrecht-heading-2\" id=\"h-rondes\">%s</h2>",
                _("Wijkrondes"));
    if (round_list(&req->ctx, true, 3, 0, &rounds, &n, &more) == WT_OK) {
        if (n == 0)
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er is geen ronde gepland."));
        html_raw(b, "<ul class=\"wt-linklist\">");
        for (int i = 0; i < n; i++)
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/rounds/%lld/walk\">%s: %s</a> <span class=\"wt-muted\">(%d %s)</span></li>",
                        (long long)rounds[i].id, presence_day(req, rounds[i].planned_on),
                        presence_label(round_purposes, rounds[i].purpose), rounds[i].n_stops, _("adressen"));
        html_raw(b, "</ul>");
    }
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/rounds/new\">%s</a>"
                   " <a class=\"utrecht-link\" href=\"/rounds\">%s</a></p></section>",
                _("Ronde plannen"), _("Alle rondes"));
}

static void overview_signals(http_request *req)
{
    wt_signal *due;
    int n = 0;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-signalen\"><h2 class=\"utrecht-heading-2\" id=\"h-signalen\">%s</h2>",
                _("Signalen om op te volgen"));
    if (signal_due(&req->ctx, 5, &due, &n) == WT_OK) {
        if (n == 0)
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen signaal wacht op opvolging."));
        html_raw(b, "<ul class=\"wt-linklist\">");
        for (int i = 0; i < n; i++) {
            const char *where = due[i].anonymous ? (due[i].place ? due[i].place : _("anoniem"))
                                : due[i].address_id ? presence_address_label(req->a, &due[i].addr)
                                                    : due[i].person_name;
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/signals/%lld\">%s, %s</a> <span class=\"wt-muted\">(%s %s)</span></li>",
                        (long long)due[i].id, presence_label(signal_kinds, due[i].kind), where, _("opvolgen sinds"),
                        presence_day(req, due[i].next_due_on));
        }
        html_raw(b, "</ul>");
    }
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/signals/new\">%s</a>"
                   " <a class=\"utrecht-link\" href=\"/signals\">%s</a></p></section>",
                _("Signaal vastleggen"), _("Alle signalen"));
}

static void overview_activities(http_request *req)
{
    wt_activity *acts;
    int n = 0;
    bool more = false;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-activiteiten\"><h2 class=\"utrecht-heading-2\" id=\"h-activiteiten\">%s</h2>",
                _("Activiteiten"));
    if (activity_list(&req->ctx, true, 3, 0, &acts, &n, &more) == WT_OK) {
        if (n == 0)
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er staat geen activiteit op de agenda."));
        html_raw(b, "<ul class=\"wt-linklist\">");
        for (int i = 0; i < n; i++)
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/activities/%lld\">%s</a> <span class=\"wt-muted\">(%s)</span></li>",
                        (long long)acts[i].id, acts[i].title, presence_day(req, acts[i].starts_on));
        html_raw(b, "</ul>");
    }
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/activities/new\">%s</a>"
                   " <a class=\"utrecht-link\" href=\"/activities\">%s</a></p></section>",
                _("Activiteit plannen"), _("Alle activiteiten"));
}

static void overview_ideas(http_request *req)
{
    wt_idea *ideas;
    int n = 0;
    bool more = false;
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-ideeen\"><h2 class=\"utrecht-heading-2\" id=\"h-ideeen\">%s</h2>",
                _("Ideeën van bewoners"));
    if (idea_list(&req->ctx, NULL, 3, 0, &ideas, &n, &more) == WT_OK) {
        if (n == 0)
            html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Er ligt geen open idee."));
        html_raw(b, "<ul class=\"wt-linklist\">");
        for (int i = 0; i < n; i++)
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/ideas/%lld\">%s</a> <span class=\"wt-muted\">(%s)</span></li>",
                        (long long)ideas[i].id, ideas[i].title, presence_label(idea_statuses, ideas[i].status));
        html_raw(b, "</ul>");
    }
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/ideas/new\">%s</a>"
                   " <a class=\"utrecht-link\" href=\"/ideas\">%s</a></p></section>",
                _("Idee vastleggen"), _("Alle ideeën"));
}

static void get_neighbourhood(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    page_begin(req, _("Wijk"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("In de wijk"));
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action\" href=\"/time\">%s</a>",
                _("Tijd schrijven"));
    if (req->ctx.who.role == ROLE_TEAMLEADER)
        html_printf(b, " <a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action\" href=\"/team/balance\">%s</a>",
                    _("Balans van het team"));
    html_raw(b, "</p><div class=\"wt-grid\">");
    overview_rounds(req);
    overview_signals(req);
    overview_activities(req);
    overview_ideas(req);
    html_raw(b, "</div>");
    page_end(req);
}

void neighbourhood_web_routes(void)
{
    router_add("GET", "/neighbourhood", get_neighbourhood, 0);
}
