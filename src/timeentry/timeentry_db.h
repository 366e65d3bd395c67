/* timeentry_db.h - SQL of time entries and the team's balance. */
#ifndef WT_TIMEENTRY_DB_H
#define WT_TIMEENTRY_DB_H

#include "../db/db.h"
#include "timeentry.h"

/* Sets (or, with 0 minutes, removes) one block of a day. */
wt_status timeentry_db_set(db *c, int64_t user_id, const char *day, const char *block, int minutes, const char *now);
/* Days of a user from..to with their minutes per block, newest first (at most max days). */
wt_status timeentry_db_days(db *c, arena *a, int64_t user_id, const char *from, const char *to, int max,
                            time_day **out, int *n);
wt_status timeentry_db_workers(db *c, arena *a, int64_t team_id, int max, balance_worker **out, int *n);
/* Adds the team's minutes from..to to the balance (per worker of b->workers; others count for the team only). */
wt_status timeentry_db_team_rows(db *c, arena *a, int64_t team_id, const char *from, const char *to,
                                 time_balance *b);

#endif
