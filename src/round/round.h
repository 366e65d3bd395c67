/*
 * round.h - outreach rounds (wijkrondes): workers walk the neighbourhood at
 * fixed times, past a list of addresses, and record in one tap what happened
 * at each: not at home (note left), a short talk, a concern, a welcome visit
 * for a new resident, or skipped.
 *
 * Rules:
 * - A round has a date, one or more workers of the team, a purpose, and 1 to
 *   ROUND_MAX_STOPS addresses given as whole streets and/or single
 *   addresses; every address must lie in the team's area (presence.h), or
 *   the round is refused naming the address.
 * - The stops are put in a walking order: nearest neighbour from the first
 *   stop over latitude/longitude, then 2-opt until no reversal shortens the
 *   walk; ties go to the earlier stop, so the order is deterministic.
 *   Addresses without coordinates come last, in the order given.
 * - Outcomes are recorded while the round is planned or being walked, and
 *   not before its day; a round that is done is read-only. Recording the
 *   first outcome starts the round (walking).
 * - The walking page shows for each stop what happened at that address on
 *   the last earlier round and the open signals there.
 *
 * Every read and write of a stop is logged in the audit trail with the
 * household living at the address as subject.
 */
#ifndef WT_ROUND_H
#define WT_ROUND_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"
#include "../neighbourhood/presence.h"

#define ROUND_MAX_STOPS 60
#define ROUND_MAX_WORKERS 6
#define ROUND_PAGE 20

extern const presence_code round_purposes[];
extern const presence_code round_outcomes[];
extern const presence_code round_statuses[];

typedef struct round_worker_ref {
    int64_t user_id;
    const char *name;
} round_worker_ref;

typedef struct wt_round {
    int64_t id;
    int64_t team_id;
    const char *planned_on;
    const char *purpose;
    const char *note;
    const char *status; /* planned | walking | done */
    int64_t created_by;
    round_worker_ref *workers;
    int n_workers;
    int n_stops;
    int n_recorded;
} wt_round;

typedef struct round_signal_ref {
    int64_t id;
    const char *kind;
    const char *urgency;
} round_signal_ref;

typedef struct round_stop {
    int64_t id;
    int64_t round_id;
    int position;
    presence_address addr;
    const char *outcome; /* NULL while not visited */
    const char *note;
    const char *recorded_at;
    const char *recorded_by_name;
    /* what happened last time at this address (NULL when never visited before) */
    const char *prev_outcome;
    const char *prev_on;
    const char *prev_note;
    round_signal_ref *open_signals;
    int n_open_signals;
} round_stop;

typedef struct round_input {
    const char *planned_on;
    const char *purpose;
    const char *note;
    const int64_t *worker_ids; /* none: the acting user */
    int n_workers;
    const char *const *streets; /* every address of these streets in the team's area */
    int n_streets;
    const int64_t *address_ids;
    int n_address_ids;
    const char *const *address_keys; /* typed: "8923 AB 12" */
    int n_address_keys;
} round_input;

/* A point of the walking route. */
typedef struct route_point {
    double lat, lon;
    bool has_coords;
} route_point;

/* Pure: the walking order of n points (order[k] = index of the k-th stop). */
void round_order_route(const route_point *pts, int n, int *order);
/* Pure: metres walked along order (stops without coordinates count 0). */
double round_route_length(const route_point *pts, const int *order, int n);
/* Pure: metres between two points (equirectangular; fine within a neighbourhood). */
double round_distance(route_point a, route_point b);

wt_status round_plan(wt_ctx *ctx, const round_input *in, errors *e, int64_t *id);
/* The round without its stops. */
wt_status round_get(wt_ctx *ctx, int64_t id, wt_round *out);
/* The stops in walking order, each with last time and open signals; logs each stop read. */
wt_status round_stops(wt_ctx *ctx, const wt_round *r, round_stop **out, int *n);
/* upcoming: planned or walking, soonest first; else done or past, newest first. */
wt_status round_list(wt_ctx *ctx, bool upcoming, int limit, int offset, wt_round **out, int *n, bool *more);
wt_status round_record_stop(wt_ctx *ctx, int64_t round_id, int64_t stop_id, const char *outcome, const char *note,
                            errors *e);
/* planned -> walking -> done. */
wt_status round_set_status(wt_ctx *ctx, int64_t round_id, const char *status, errors *e);
/* The id of the next stop after stop_id not yet recorded (stop_id itself when none); no personal data, not logged. */
wt_status round_next_open_stop(wt_ctx *ctx, int64_t round_id, int64_t stop_id, int64_t *next);
/* One stop of a round (for the signal form opened from a stop). */
wt_status round_stop_get(wt_ctx *ctx, int64_t round_id, int64_t stop_id, round_stop *out);

#endif
