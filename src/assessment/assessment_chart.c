/*
 * assessment_chart.c - the SVG small multiples and the table of a person's
 * assessments (see assessment_chart.h). All text goes through html_printf, so
 * names of domains loaded as data are escaped in SVG as in HTML.
 */
#include "assessment_chart.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../http/html.h"

#include <math.h>
#include <string.h>

/* Geometry of one small chart, in viewBox units. */
#define CW 300.0   /* width */
#define CH 112.0   /* height */
#define PX0 30.0   /* plot left (room for the score labels) */
#define PX1 284.0  /* plot right */
#define PY_TOP 16.0 /* y of score 5 */
#define PY_STEP 17.0 /* per score step */
#define PY_BOTTOM (PY_TOP + 4 * PY_STEP) /* y of score 1 */

#define INK "#1a1a1a"   /* text: 17:1 on white */
#define LINE "#1f4e79"  /* the line and points: 9:1 on white */
#define GRID "#767676"  /* grid labels and axis: 4.5:1 on white */
#define GRID_LIGHT "#d9d9d9" /* decorative grid lines */

const char *assessment_change_text(arena *a, int change)
{
    return change > 0 ? arena_printf(a, "+%d", change) : arena_printf(a, "%d", change);
}

const char *assessment_decimal(arena *a, double v, bool sign)
{
    double r = round(v * 10.0) / 10.0;
    if (r == 0.0)
        r = 0.0; /* no "-0,0" */
    char *s = arena_printf(a, sign && r > 0 ? "+%.1f" : "%.1f", r);
    for (char *p = s; *p; p++)
        if (*p == '.')
            *p = ',';
    return s;
}

const char *assessment_short_date(arena *a, const char *iso)
{
    wt_date d;
    if (!iso || !date_parse(iso, &d))
        return iso ? iso : "";
    return arena_printf(a, "%02d-%02d-%04d", d.d, d.m, d.y);
}

static double score_y(int score)
{
    return PY_BOTTOM - (score - 1) * PY_STEP;
}

/* x of each assessment by its date, proportional between the first and the latest. */
static double *x_positions(arena *a, const assessment *items, int n)
{
    double *xs = arena_alloc(a, sizeof(double) * (size_t)(n ? n : 1));
    long d0 = 0, d1 = 0;
    wt_date d;
    for (int i = 0; i < n; i++) {
        long days = items[i].assessed_on && date_parse(items[i].assessed_on, &d) ? date_to_days(d) : 0;
        if (i == 0 || days < d0)
            d0 = days;
        if (i == 0 || days > d1)
            d1 = days;
        xs[i] = (double)days;
    }
    for (int i = 0; i < n; i++)
        xs[i] = d1 > d0 ? PX0 + 8 + (xs[i] - (double)d0) / (double)(d1 - d0) * (PX1 - PX0 - 16) : (PX0 + PX1) / 2;
    return xs;
}

/* "12 maart 2025: 2 (niet zelfredzaam); 12 juni 2025: niet beoordeeld; ..." */
static const char *domain_desc(arena *a, const assessment_scale *s, const assessment *items, int n, int k)
{
    buf t = BUF_INIT;
    buf_printf(&t, _("%s. Score per meting, van de eerste naar de laatste: "), s->domains[k].name);
    for (int i = 0; i < n; i++) {
        int sc = k < items[i].n_scores ? items[i].scores[k] : 0;
        buf_printf(&t, "%s%s: %s", i ? "; " : "", date_display(a, items[i].assessed_on),
                   assessment_score_label(a, s, sc));
    }
    buf_puts(&t, ".");
    char *out = arena_strdup(a, buf_str(&t));
    buf_free(&t);
    return out;
}

static void grid(buf *b)
{
    for (int sc = 1; sc <= ASSESSMENT_LEVELS; sc++) {
        double y = score_y(sc);
        html_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>", PX0,
                    y, PX1, y, sc == 1 ? GRID : GRID_LIGHT);
        html_printf(b,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"%s\">%d</text>",
                    PX0 - 6, y + 4, GRID, sc);
    }
}

static void one_domain(buf *b, arena *a, const assessment_scale *s, const assessment *items, int n, const double *xs,
                       int k, const char *id)
{
    const char *tid = arena_printf(a, "%s-d%d-title", id, k);
    const char *did = arena_printf(a, "%s-d%d-desc", id, k);
    html_printf(b,
                "<svg class=\"wt-zrm-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\""
                " role=\"img\" aria-labelledby=\"%s %s\" focusable=\"false\">"
                "<title id=\"%s\">%s</title><desc id=\"%s\">%s</desc>",
                CW, CH, tid, did, tid, arena_printf(a, _("%s: scores over de tijd"), s->domains[k].name), did,
                domain_desc(a, s, items, n, k));
    html_printf(b, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>", CW, CH);
    grid(b);
    /* The line through the scored assessments, in date order. */
    buf pts = BUF_INIT;
    int scored = 0;
    for (int i = 0; i < n; i++) {
        int sc = k < items[i].n_scores ? items[i].scores[k] : 0;
        if (!sc)
            continue;
        buf_printf(&pts, "%s%.1f,%.1f", scored ? " " : "", xs[i], score_y(sc));
        scored++;
    }
    if (scored > 1)
        html_printf(b,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\""
                    " stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
                    buf_str(&pts), LINE);
    buf_free(&pts);
    bool labels = n <= 12; /* the score beside each point while there is room */
    for (int i = 0; i < n; i++) {
        int sc = k < items[i].n_scores ? items[i].scores[k] : 0;
        if (!sc) {
            /* not assessed: a hollow mark on the axis, so a gap reads as a gap */
            html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                        xs[i], PY_BOTTOM + 8, GRID);
            continue;
        }
        html_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
                    xs[i], score_y(sc), LINE);
        if (labels)
            html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\" fill=\"%s\">%d</text>",
                        xs[i], score_y(sc) - 7, INK, sc);
    }
    if (n > 0) {
        html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"start\" fill=\"%s\">%s</text>", PX0,
                    CH - 4, GRID, assessment_short_date(a, items[0].assessed_on));
        if (n > 1)
            html_printf(b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"%s\">%s</text>",
                        PX1, CH - 4, GRID, assessment_short_date(a, items[n - 1].assessed_on));
    }
    html_raw(b, "</svg>");
}

/* "2 → 4 (+2)", "3 (één meting)", "niet beoordeeld" */
static const char *domain_summary(arena *a, const assessment_domain_progress *dp)
{
    if (!dp->first)
        return _("niet beoordeeld");
    if (!dp->has_change)
        return arena_printf(a, _("%d (één meting)"), dp->first);
    return arena_printf(a, "%d \u2192 %d (%s)", dp->first, dp->latest, assessment_change_text(a, dp->change));
}

void assessment_chart_svg(buf *b, arena *a, const assessment_scale *s, const assessment *items, int n, const char *id)
{
    if (!s || n <= 0)
        return;
    assessment_progress p;
    assessment_progress_compute(a, s, items, n, &p);
    double *xs = x_positions(a, items, n);
    html_raw(b, "<div class=\"wt-grid wt-chart-grid\">");
    buf never = BUF_INIT; /* domains never scored get no chart of their own, only a mention */
    for (int k = 0; k < s->n_domains; k++) {
        if (!p.domains[k].first) {
            buf_printf(&never, "%s%s", never.len ? ", " : "", s->domains[k].name);
            continue;
        }
        html_printf(b, "<div class=\"wt-card wt-chart-card\"><p class=\"utrecht-paragraph\"><strong>%s</strong>: %s</p>",
                    s->domains[k].name, domain_summary(a, &p.domains[k]));
        one_domain(b, a, s, items, n, xs, k, id);
        html_raw(b, "</div>");
    }
    html_raw(b, "</div>");
    if (never.len)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s.</p>", _("Nooit beoordeeld:"), buf_str(&never));
    buf_free(&never);
}

void assessment_chart_table(buf *b, arena *a, const assessment_scale *s, const assessment *items, int n,
                            const assessment_progress *p, const char *caption)
{
    if (!s || n <= 0)
        return;
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                caption, _("Domein"));
    for (int i = 0; i < n; i++)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>",
                    assessment_short_date(a, items[i].assessed_on));
    html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead>"
                   "<tbody class=\"utrecht-table__body\">",
                _("Eerste \u2192 laatste"));
    for (int k = 0; k < s->n_domains; k++) {
        html_printf(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>",
                    s->domains[k].name);
        for (int i = 0; i < n; i++) {
            int sc = k < items[i].n_scores ? items[i].scores[k] : 0;
            if (sc)
                html_printf(b, "<td class=\"utrecht-table__cell\">%d</td>", sc);
            else
                html_printf(b, "<td class=\"utrecht-table__cell\"><span aria-hidden=\"true\">-</span>"
                               "<span class=\"wt-visually-hidden\">%s</span></td>",
                            _("niet beoordeeld"));
        }
        html_printf(b, "<td class=\"utrecht-table__cell\">%s</td></tr>", domain_summary(a, &p->domains[k]));
    }
    html_printf(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>",
                _("Gemiddelde"));
    for (int i = 0; i < n; i++) {
        int sum = 0, cnt = 0;
        for (int k = 0; k < items[i].n_scores; k++)
            if (items[i].scores[k]) {
                sum += items[i].scores[k];
                cnt++;
            }
        html_printf(b, "<td class=\"utrecht-table__cell\">%s</td>",
                    cnt ? assessment_decimal(a, (double)sum / cnt, false) : "-");
    }
    html_printf(b, "<td class=\"utrecht-table__cell\">%s</td></tr></tbody></table></div>",
                p->n_changed ? arena_printf(a, _("%s per domein"), assessment_decimal(a, p->avg_change, true))
                             : _("nog geen vergelijking"));
}
