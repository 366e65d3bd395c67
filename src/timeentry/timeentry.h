/*
 * timeentry.h - time per worker per day, in blocks (individual casework,
 * outreach and presence, collective work, consultation, other), and the
 * balance the team leader sees: per worker and per team over weeks, against
 * the share of time the team agreed for prevention (team.prevention_share).
 * Prevention is outreach + collective work; the seeds warn that casework
 * tends to eat the time meant for it.
 *
 * Rules:
 * - A worker records his own time; a day is saved as a whole (minutes per
 *   block; the API may send some blocks, the others keep their value).
 * - A day's total is at most 24 hours (1440 minutes), counted over all its
 *   blocks; a day in the future is refused; minutes are 0 to 1440.
 * - The balance: weeks run Monday to Sunday; a worker's or the team's
 *   prevention share is (outreach + collective) / all recorded minutes, in
 *   whole percent; a week without time has no share (not 0 %).
 * - The balance is for the team leader of the team (PERM_TEAM_OVERVIEW).
 */
#ifndef WT_TIMEENTRY_H
#define WT_TIMEENTRY_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"
#include "../neighbourhood/presence.h"

#define TIME_BLOCKS 5
#define TIME_DAY_MAX 1440
#define BALANCE_MAX_WEEKS 26
#define BALANCE_MAX_WORKERS 40

enum time_block { TB_CASEWORK, TB_OUTREACH, TB_COLLECTIVE, TB_CONSULTATION, TB_OTHER };

/* The blocks in the order of enum time_block, NULL-terminated. */
extern const presence_code time_blocks[];
/* Index of a block code; -1 when unknown. */
int time_block_index(const char *code);

typedef struct time_day {
    const char *day;
    int minutes[TIME_BLOCKS];
    int total;
} time_day;

/* Minutes per block; -1: keep the stored value (API). */
typedef struct time_input {
    const char *day;
    int minutes[TIME_BLOCKS];
} time_input;

/* Pure: checks a day and its resulting minutes per block (the 24-hour rule, no future). */
bool timeentry_check_day(const char *day, wt_date today, const int minutes[TIME_BLOCKS], errors *e);

typedef struct balance_cell {
    int minutes[TIME_BLOCKS];
    int total;
} balance_cell;

typedef struct balance_worker {
    int64_t user_id;
    const char *name;
    balance_cell weeks[BALANCE_MAX_WEEKS];
    balance_cell total;
} balance_worker;

typedef struct time_balance {
    int64_t team_id;
    const char *team_name;
    int prevention_share; /* agreed, percent */
    int n_weeks;
    long week_start[BALANCE_MAX_WEEKS]; /* day numbers (date_to_days), oldest first */
    balance_worker *workers;
    int n_workers;
    balance_cell team_weeks[BALANCE_MAX_WEEKS];
    balance_cell team_total;
} time_balance;

/* Pure: the weeks of a balance of n weeks ending with the week of today. */
void timeentry_balance_init(time_balance *b, wt_date today, int n_weeks);
/* Pure: adds minutes of a block on a day for worker w (index into b->workers; -1: team only). */
void timeentry_balance_add(time_balance *b, int w, long day, int block, int minutes);
/* Pure: prevention share of a cell in whole percent (rounded); -1 when nothing was recorded. */
int timeentry_share(const balance_cell *c);

/* Saves the acting user's day. */
wt_status timeentry_save_day(wt_ctx *ctx, const time_input *in, errors *e);
/* The acting user's days from..to (inclusive), newest first, only days with time. */
wt_status timeentry_own_days(wt_ctx *ctx, const char *from, const char *to, time_day **out, int *n);
/* One day of the acting user (zeros when nothing recorded). */
wt_status timeentry_own_day(wt_ctx *ctx, const char *day, time_day *out);
/* The team leader's balance of the team over the last n_weeks weeks. */
wt_status timeentry_balance(wt_ctx *ctx, int64_t team_id, int n_weeks, time_balance *out);

#endif
