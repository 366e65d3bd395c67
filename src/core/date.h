/*
 * date.h - calendar dates and timestamps as wijkteam stores them.
 *
 * Dates are ISO 8601 strings "YYYY-MM-DD" (they sort and compare as text);
 * timestamps are "YYYY-MM-DDTHH:MM:SSZ" in UTC. The clock can be fixed for
 * tests and for the demo generator with date_set_today().
 */
#ifndef WT_DATE_H
#define WT_DATE_H

#include <stdbool.h>
#include <time.h>

#include "arena.h"

typedef struct { int y, m, d; } wt_date;

/* Strict "YYYY-MM-DD", a real calendar day between 1900 and 2200. */
bool date_parse(const char *s, wt_date *out);
void date_format(wt_date d, char out[11]);
/* Today (local calendar), or the fixed day set for tests. */
wt_date date_today(void);
void date_set_today(const char *iso); /* NULL: the real clock again */
int date_compare(wt_date a, wt_date b);
/* Day number since 1970-01-01 and back. */
long date_to_days(wt_date d);
wt_date date_from_days(long days);
wt_date date_add_days(wt_date d, long n);
/* Whole years from birth to on. */
int date_age(wt_date birth, wt_date on);
/* Today as "YYYY-MM-DD", arena-allocated. */
char *date_today_iso(arena *a);
/* Timestamp now in UTC, "YYYY-MM-DDTHH:MM:SSZ", arena-allocated. */
char *date_now_iso(arena *a);
/* The timestamp seconds from now (negative: ago), in the same form. */
char *date_iso_in(arena *a, long seconds);
/* A timestamp for display in local time: "23 november 2026 om 14:05". */
char *date_display_time(arena *a, const char *ts);
/* "23 november 2026" for display. */
char *date_display(arena *a, const char *iso);

#endif
