/* round_db.h - SQL of outreach rounds and their stops. */
#ifndef WT_ROUND_DB_H
#define WT_ROUND_DB_H

#include "../db/db.h"
#include "round.h"

wt_status round_db_worker_ok(db *c, arena *a, int64_t team_id, int64_t user_id, bool *ok);
wt_status round_db_insert(db *c, int64_t team_id, const round_input *in, const char *note, int64_t by,
                          const char *now, int64_t *id);
wt_status round_db_add_worker(db *c, int64_t round_id, int64_t user_id);
wt_status round_db_add_stop(db *c, int64_t round_id, int64_t address_id, int position, int64_t *id);
wt_status round_db_get(db *c, arena *a, int64_t id, wt_round *out);
wt_status round_db_workers(db *c, arena *a, wt_round *r);
wt_status round_db_list(db *c, arena *a, int64_t team_id, bool upcoming, const char *today, int limit, int offset,
                        wt_round **out, int *n);
wt_status round_db_stops(db *c, arena *a, const wt_round *r, round_stop **out, int *n);
wt_status round_db_stop(db *c, arena *a, const wt_round *r, int64_t stop_id, round_stop *out);
/* Fills prev_* (the last earlier round at the address) and the open signals there. */
wt_status round_db_stop_history(db *c, arena *a, const wt_round *r, round_stop *s);
wt_status round_db_record(db *c, int64_t stop_id, const char *outcome, const char *note, int64_t by,
                          const char *now);
/* The next stop after stop_id without an outcome; *next unchanged when none. */
wt_status round_db_next_open(db *c, arena *a, int64_t round_id, int64_t stop_id, int64_t *next);
wt_status round_db_set_status(db *c, int64_t round_id, const char *status);

#endif
