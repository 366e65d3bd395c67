/*
 * figures.h - the policy officer's figures: counts and averages over cases,
 * plans, referrals, assessments, the front door, signals and presence, per
 * team and neighbourhood, computed by SQL aggregates. No person, household or
 * case id ever leaves this domain: only categories and numbers.
 *
 * Rules (small cells, after the CBS practice for microdata output):
 * - A count of 1 to 4 is suppressed (shown as "<5", API: null with
 *   "suppressed": true). Zero is shown: it discloses nobody.
 * - A table with a total must not let a suppressed cell be recomputed by
 *   subtraction. Secondary suppression: while the suppressed cells of a table
 *   number exactly one, or together hold fewer than 5, the smallest shown
 *   non-zero cell is suppressed as well; when no cell is left, the total is.
 *   A total of 1 to 4 is itself suppressed.
 * - A derived figure (an average, a percentage) is suppressed when its base
 *   (the number of persons, actions... it is computed over) is 1 to 4; with
 *   base 0 it has no value. A percentage is also suppressed when its
 *   numerator is suppressed in the table it comes from (numerator = share x
 *   base would give it away).
 * - Hours of presence are about the team's own time, not about residents:
 *   they are shown per block over the team(s), without suppression.
 * - Who: the policy officer (every team, or one) and the team leader (his own
 *   team only): PERM_AGGREGATES. Workers see cases by need-to-know and the
 *   administrator sees no case content: both are refused. Every read is
 *   audited as an aggregate read (entity "figures", no person).
 */
#ifndef WT_FIGURES_H
#define WT_FIGURES_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

#define FIG_MIN 5         /* counts below this (and above 0) are suppressed */
#define FIG_MAX_ROWS 200  /* rows of one table (a neighbourhood each: the areas table) */
#define FIG_MONTHS 12     /* new cases per month: this month and the eleven before */
#define FIG_MAX_TEAMS 40
#define FIG_MAX_AREAS 200

typedef enum fig_kind {
    FIG_COUNT,   /* rows are counts, with a total */
    FIG_AVERAGE, /* value = average over count (the base) */
    FIG_PERCENT, /* value = percent of count (the base) */
    FIG_HOURS,   /* value = hours; no suppression (the team's own time) */
} fig_kind;

typedef struct fig_row {
    const char *code;  /* category code (a month, a domain...), never an id of a person */
    const char *label; /* Dutch text */
    long count;        /* the count, or the base of a derived figure */
    double value;      /* average, percent or hours */
    bool suppressed;
} fig_row;

typedef struct fig_table {
    const char *key;   /* "cases", "new_per_month"... (API and HTML ids) */
    const char *title; /* Dutch caption */
    const char *head;  /* Dutch header of the category column */
    fig_kind kind;
    int n;
    fig_row rows[FIG_MAX_ROWS];
    bool has_total;
    fig_row total;
} fig_table;

typedef struct fig_choice {
    const char *code;
    const char *name;
    int64_t team_id;
} fig_choice;

enum {
    FIG_T_CASES,
    FIG_T_AREAS,
    FIG_T_TEAMS,
    FIG_T_MONTHS,
    FIG_T_DOMAINS,
    FIG_T_LAYERS,
    FIG_T_SECOND_LINE,
    FIG_T_REFERRALS,
    FIG_T_ZRM,
    FIG_T_CHANNELS,
    FIG_T_SIGNALS,
    FIG_T_HOURS,
    FIG_TABLES
};

typedef struct figures {
    int64_t team_id;          /* 0: every team */
    const char *team_name;    /* NULL for every team */
    const char *neighbourhood; /* code, NULL for every neighbourhood */
    const char *neighbourhood_name;
    const char *from_month;   /* YYYY-MM of the first month of the series */
    fig_choice *teams;        /* what the actor may choose */
    int n_teams;
    fig_choice *areas;
    int n_areas;
    fig_table tables[FIG_TABLES];
} figures;

/* Pure: is a count small (1 to FIG_MIN - 1)? */
bool figures_small(long n);
/* Pure: primary and secondary suppression of a count table (rows and total). */
void figures_suppress_counts(fig_table *t);
/* Pure: suppression of derived figures (averages, percentages) by their base. */
void figures_suppress_derived(fig_table *t);
/* Pure: row r of a percent table as the share of num in base (both from count tables, after their suppression). */
void figures_share(fig_row *r, const fig_row *num, const fig_row *base);
/* Pure: the total of a count table from its rows. */
void figures_sum(fig_table *t);
/* Pure: adds a category with count 0 (the DB fills the counts); returns the row or NULL when full. */
fig_row *figures_add_row(fig_table *t, const char *code, const char *label);
/* Pure: the row with code, or NULL. */
fig_row *figures_row(fig_table *t, const char *code);

/* Pure: sums, suppression of every table and the rule across tables (open cases per area and team total the
 * open cases of the first table: hidden there, hidden here); averages from their sums. */
void figures_suppress_all(figures *f);

/* The figures for team_id (0: every team the actor may see) and neighbourhood (NULL or "": all). */
wt_status figures_get(wt_ctx *ctx, int64_t team_id, const char *neighbourhood, errors *e, figures *out);

#endif
