/*
 * assessment_chart.h - the progress chart of a person's assessments, rendered
 * by the server as SVG (no JavaScript), with its text alternative.
 *
 * The chart is a set of small multiples: one small SVG per domain of the scale
 * with the scores over time (a line through the scored assessments, the score
 * printed at each point, the dates of the first and latest assessment along
 * the bottom). Each SVG has a <title> and a <desc> that lists the scores in
 * words; the table next to it holds the same numbers, so nothing depends on
 * seeing the lines or the colours. Dark lines on white (contrast above 7:1);
 * the grid scales with the width of the page and fits a 390 px phone.
 */
#ifndef WT_ASSESSMENT_CHART_H
#define WT_ASSESSMENT_CHART_H

#include "../core/buf.h"
#include "assessment.h"

/* The small multiples of items (one person, one scale, oldest first); id makes the element ids unique on the page. */
void assessment_chart_svg(buf *b, arena *a, const assessment_scale *s, const assessment *items, int n, const char *id);

/* The table with the same numbers: a row per domain, a column per assessment, the change first to latest. */
void assessment_chart_table(buf *b, arena *a, const assessment_scale *s, const assessment *items, int n,
                            const assessment_progress *p, const char *caption);

/* "+2", "-1", "0"; for averages "+0,8" (Dutch decimal comma). Arena strings. */
const char *assessment_change_text(arena *a, int change);
const char *assessment_decimal(arena *a, double v, bool sign);
/* "12-03-2025" from "2025-03-12". */
const char *assessment_short_date(arena *a, const char *iso);

#endif
