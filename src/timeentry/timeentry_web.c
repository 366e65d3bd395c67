/*
 * timeentry_web.c - the pages of time: a worker writes his day in blocks
 * (one choice per block, no typing: quarters of an hour), sees his last two
 * weeks; the team leader sees the balance of the team over weeks as a chart
 * (prevention share per week against the agreed share) and a table per
 * worker.
 */
#include "timeentry_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../neighbourhood/presence_web.h"
#include "timeentry.h"

#include <string.h>

#define STEP_MINUTES 15
#define CHOICE_MAX_MINUTES (12 * 60)
#define RECENT_DAYS 14

/* "1:30" for 90 minutes. */
static const char *hours_text(http_request *req, int minutes)
{
    return arena_printf(req->a, "%d:%02d", minutes / 60, minutes % 60);
}

/* ---- writing a day ------------------------------------------------------------------------------------------- */

static const char *chosen_day(http_request *req)
{
    const char *d = req_query(req, "dag");
    wt_date parsed;
    if (d && date_parse(d, &parsed) && date_compare(parsed, date_today()) <= 0)
        return d;
    char *today = arena_alloc(req->a, 11);
    date_format(date_today(), today);
    return today;
}

static void block_select(http_request *req, int block, const char *value, const errors *e)
{
    int n = CHOICE_MAX_MINUTES / STEP_MINUTES + 2;
    option *opts = arena_alloc(req->a, sizeof(option) * (size_t)n);
    int k = 0;
    int64_t v = -1;
    bool known = false;
    if (value)
        text_parse_int64(value, &v);
    for (int m = 0; m <= CHOICE_MAX_MINUTES; m += STEP_MINUTES) {
        known = known || m == v;
        opts[k++] = (option){arena_printf(req->a, "%d", m), m == 0 ? _("0:00 (geen)") : hours_text(req, m)};
    }
    if (!known && v > 0 && v <= TIME_DAY_MAX) /* a value written over the API that is not a quarter */
        opts[k++] = (option){arena_printf(req->a, "%lld", (long long)v), hours_text(req, (int)v)};
    field_select(req, &(field){.name = time_blocks[block].code, .label = _(time_blocks[block].label),
                               .value = value, .error = presence_err(e, time_blocks[block].code)},
                 opts, k);
}

static void day_nav(http_request *req, const char *day)
{
    wt_date d;
    if (!date_parse(day, &d))
        return;
    char prev[11], next[11];
    date_format(date_add_days(d, -1), prev);
    date_format(date_add_days(d, 1), next);
    buf *b = &req->out;
    html_printf(b, "<nav class=\"wt-daynav\" aria-label=\"%s\"><a class=\"utrecht-link\" href=\"/time?dag=%s\">%s</a>",
                _("Andere dag"), prev, _("Vorige dag"));
    if (date_compare(date_add_days(d, 1), date_today()) <= 0)
        html_printf(b, " <a class=\"utrecht-link\" href=\"/time?dag=%s\">%s</a> <a class=\"utrecht-link\" href=\"/time\">%s</a>",
                    next, _("Volgende dag"), _("Vandaag"));
    html_raw(b, "</nav>");
}

static void recent_days(http_request *req)
{
    time_day *days;
    int n = 0;
    char from[11], to[11];
    date_format(date_add_days(date_today(), -(RECENT_DAYS - 1)), from);
    date_format(date_today(), to);
    if (timeentry_own_days(&req->ctx, from, to, &days, &n) != WT_OK)
        return;
    buf *b = &req->out;
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("De laatste twee weken"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("U heeft de laatste twee weken geen tijd geschreven."));
        return;
    }
    html_printf(b, "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                   "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                   "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                _("Geschreven tijd in uren, nieuwste dag eerst"), _("Dag"));
    for (int i = 0; i < TIME_BLOCKS; i++)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>", _(time_blocks[i].label));
    html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead><tbody class=\"utrecht-table__body\">",
                _("Totaal"));
    for (int r = 0; r < n; r++) {
        html_printf(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                       "<a class=\"utrecht-link\" href=\"/time?dag=%s\">%s</a></th>",
                    days[r].day, presence_day(req, days[r].day));
        for (int i = 0; i < TIME_BLOCKS; i++)
            html_printf(b, "<td class=\"utrecht-table__cell\">%s</td>", hours_text(req, days[r].minutes[i]));
        html_printf(b, "<td class=\"utrecht-table__cell\">%s</td></tr>", hours_text(req, days[r].total));
    }
    html_raw(b, "</tbody></table></div>");
}

static void time_page(http_request *req, const char *day, const errors *e)
{
    time_day saved;
    wt_status st = timeentry_own_day(&req->ctx, day, &saved);
    if (presence_web_failed(req, st))
        return;
    int status = req->status;
    page_begin(req, _("Tijd schrijven"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Tijd schrijven"));
    error_summary(req, e);
    day_nav(req, day);
    form_begin(req, "/time", "wt-narrow");
    field_text(req, &(field){.name = "day", .label = _("Dag"), .type = "date", .required = true,
                             .value = e ? req_form(req, "day") : day, .error = presence_err(e, "day")});
    if (presence_err(e, "minutes"))
        html_printf(b, "<p class=\"utrecht-form-field-error-message\" id=\"f-minutes\">%s</p>", presence_err(e, "minutes"));
    for (int i = 0; i < TIME_BLOCKS; i++)
        block_select(req, i, e ? req_form(req, time_blocks[i].code) : arena_printf(req->a, "%d", saved.minutes[i]), e);
    if (!e && saved.total > 0)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s %s %s</p>", _("Geschreven op deze dag:"),
                    hours_text(req, saved.total), _("uur"));
    form_button(req, _("Dag opslaan"), true);
    form_end(req);
    recent_days(req);
    page_end(req);
    if (status)
        req->status = status;
}

static void get_time(http_request *req)
{
    time_page(req, chosen_day(req), NULL);
}

static void post_time(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    errors e;
    errors_init(&e, req->a);
    time_input in = {.day = req_form(req, "day")};
    for (int i = 0; i < TIME_BLOCKS; i++) {
        const char *v = req_form(req, time_blocks[i].code);
        int64_t m = 0;
        if (v && *v && (!text_parse_int64(v, &m) || m < 0 || m > TIME_DAY_MAX)) {
            errors_add(&e, time_blocks[i].code, _("Kies een aantal uren uit de lijst."));
            m = 0;
        }
        in.minutes[i] = (int)m;
    }
    wt_status st = e.count ? WT_INVALID : timeentry_save_day(&req->ctx, &in, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        wt_date d;
        char today[11];
        date_format(date_today(), today);
        time_page(req, in.day && date_parse(in.day, &d) ? in.day : today, &e);
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/time?dag=%s", in.day), "time_saved");
}

/* ---- the balance ----------------------------------------------------------------------------------------------- */

static const char *const block_colours[TIME_BLOCKS] = {"#7a8ba0", "#1d7a3a", "#6bbf59", "#c9a227", "#bbbbbb"};
/* Prevention first, from the bottom: the agreed line then reads straight off the bars. */
static const int stack_order[TIME_BLOCKS] = {TB_OUTREACH, TB_COLLECTIVE, TB_CASEWORK, TB_CONSULTATION, TB_OTHER};

static const char *week_label(http_request *req, long start)
{
    char iso[11];
    date_format(date_from_days(start), iso);
    return arena_printf(req->a, "%c%c-%c%c", iso[8], iso[9], iso[5], iso[6]);
}

static const char *share_text(http_request *req, const balance_cell *c)
{
    int s = timeentry_share(c);
    return s < 0 ? "-" : arena_printf(req->a, "%d%%", s);
}

/* The team's weeks as 100 % bars; a dashed line at the agreed share. */
static void balance_chart(http_request *req, const time_balance *bal)
{
    const int bar_w = 28, gap = 12, left = 40, top = 10, h = 200;
    int width = left + bal->n_weeks * (bar_w + gap) + gap;
    buf *b = &req->out;
    html_printf(b, "<figure class=\"wt-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                   " role=\"img\" aria-labelledby=\"chart-title chart-desc\"><title id=\"chart-title\">%s</title>"
                   "<desc id=\"chart-desc\">%s</desc>",
                width, top + h + 30, _("Tijdsbesteding van het team per week"),
                arena_printf(req->a, _("Per week het aandeel van elk blok; onderaan outreach en collectief werk (preventie). De stippellijn is het afgesproken aandeel preventie: %d%%."),
                             bal->prevention_share));
    for (int p = 0; p <= 100; p += 50)
        html_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#333\">%d%%</text>", left - 6,
                    top + h - p * h / 100 + 4, p);
    for (int w = 0; w < bal->n_weeks; w++) {
        const balance_cell *c = &bal->team_weeks[w];
        int x = left + gap + w * (bar_w + gap);
        if (c->total <= 0)
            html_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#bbb\" stroke-dasharray=\"2 2\"/>",
                        x, top, bar_w, h);
        double y = top + h;
        for (int k = 0; c->total > 0 && k < TIME_BLOCKS; k++) {
            int blk = stack_order[k];
            double bh = (double)c->minutes[blk] * h / c->total;
            y -= bh;
            if (bh > 0)
                html_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>", x, y, bar_w, bh,
                            block_colours[blk]);
        }
        html_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
                    x + bar_w / 2, top + h + 14, week_label(req, bal->week_start[w]));
    }
    int ly = top + h - bal->prevention_share * h / 100;
    html_printf(b, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                left, width, ly, ly);
    html_raw(b, "</svg><figcaption><ul class=\"wt-legend\">");
    for (int k = 0; k < TIME_BLOCKS; k++)
        html_printf(b, "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"%s\"/></svg> %s</li>",
                    block_colours[stack_order[k]], _(time_blocks[stack_order[k]].label));
    html_printf(b, "<li><svg width=\"20\" height=\"14\" aria-hidden=\"true\"><line x1=\"0\" x2=\"20\" y1=\"7\" y2=\"7\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/></svg> %s</li>",
                arena_printf(req->a, _("Afgesproken preventie: %d%%"), bal->prevention_share));
    html_raw(b, "</ul></figcaption></figure>");
}

static void balance_row(http_request *req, const char *name, const balance_cell *weeks, int n_weeks,
                        const balance_cell *total, int agreed, bool team)
{
    buf *b = &req->out;
    int share = timeentry_share(total);
    html_printf(b, "<tr class=\"utrecht-table__row%s\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>",
                team ? " wt-row--total" : "", name);
    for (int w = 0; w < n_weeks; w++)
        html_printf(b, "<td class=\"utrecht-table__cell\">%s</td>", share_text(req, &weeks[w]));
    html_printf(b, "<td class=\"utrecht-table__cell%s\"><strong>%s</strong></td><td class=\"utrecht-table__cell\">%s</td></tr>",
                share >= 0 && share < agreed ? " wt-overdue" : "", share_text(req, total), hours_text(req, total->total));
}

static void balance_table(http_request *req, const time_balance *bal)
{
    buf *b = &req->out;
    /* a wide table scrolls sideways on a phone: the region takes keyboard focus so it can be scrolled without a mouse */
    html_printf(b, "<div class=\"wt-table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"balance-caption\">"
                   "<table class=\"utrecht-table utrecht-table--html-table\">"
                   "<caption class=\"utrecht-table__caption\" id=\"balance-caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                   "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                _("Aandeel preventie per week"), _("Medewerker"));
    for (int w = 0; w < bal->n_weeks; w++)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>", week_label(req, bal->week_start[w]));
    html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                   "</tr></thead><tbody class=\"utrecht-table__body\">",
                _("Samen"), _("Uren"));
    for (int i = 0; i < bal->n_workers; i++)
        balance_row(req, bal->workers[i].name, bal->workers[i].weeks, bal->n_weeks, &bal->workers[i].total,
                    bal->prevention_share, false);
    balance_row(req, _("Het team"), bal->team_weeks, bal->n_weeks, &bal->team_total, bal->prevention_share, true);
    html_raw(b, "</tbody></table></div>");
}

static int query_weeks(http_request *req)
{
    int64_t v = 0;
    const char *w = req_query(req, "weken");
    return w && text_parse_int64(w, &v) && v >= 1 && v <= BALANCE_MAX_WEEKS ? (int)v : 8;
}

static void get_balance(http_request *req)
{
    int weeks = query_weeks(req);
    time_balance bal;
    if (presence_web_failed(req, timeentry_balance(&req->ctx, req->ctx.who.team_id, weeks, &bal)))
        return;
    page_begin(req, _("Balans van het team"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Balans van het team"));
    int share = timeentry_share(&bal.team_total);
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                share < 0 ? arena_printf(req->a, _("In de laatste %d weken is geen tijd geschreven."), bal.n_weeks)
                          : arena_printf(req->a, _("In de laatste %d weken ging %d%% van de tijd naar preventie (outreach en collectief werk); afgesproken is %d%%."),
                                         bal.n_weeks, share, bal.prevention_share));
    if (share >= 0 && share < bal.prevention_share)
        html_printf(b, "<p class=\"wt-warning\">%s</p>", _("Het casuswerk eet de tijd voor preventie op: het team zit onder het afgesproken aandeel."));
    html_printf(b, "<nav class=\"wt-tabs\" aria-label=\"%s\"><ul>", _("Periode"));
    static const int choices[] = {4, 8, 13, 26};
    for (size_t i = 0; i < sizeof choices / sizeof choices[0]; i++)
        html_printf(b, "<li><a class=\"utrecht-link%s\" href=\"/team/balance?weken=%d\"%s>%s</a></li>",
                    choices[i] == bal.n_weeks ? " wt-tabs__current" : "", choices[i],
                    choices[i] == bal.n_weeks ? " aria-current=\"page\"" : "",
                    arena_printf(req->a, _("%d weken"), choices[i]));
    html_raw(b, "</ul></nav>");
    balance_chart(req, &bal);
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Per medewerker het deel van de geschreven tijd dat naar outreach en collectief werk ging; rood: onder de afspraak."));
    balance_table(req, &bal);
    page_end(req);
}

void timeentry_web_routes(void)
{
    router_add("GET", "/time", get_time, 0);
    router_add("POST", "/time", post_time, 0);
    router_add("GET", "/team/balance", get_balance, 0);
}
