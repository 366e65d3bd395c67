/*
 * demo.h - the demo neighbourhood: a believable Dutch neighbourhood generated
 * by code from a fixed seed (never a checked-in database).
 */
#ifndef WT_DEMO_H
#define WT_DEMO_H

#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

/* wijkteam demo without --residents: a neighbourhood of a few thousand residents, some two hundred cases. */
#define DEMO_DEFAULT_RESIDENTS 3000

typedef struct demo_options {
    uint64_t seed;
    int residents; /* about this many residents */
} demo_options;

/* Fills an empty, migrated database. Refuses (WT_CONFLICT) when it already has teams. */
wt_status demo_generate(wt_ctx *ctx, const demo_options *opt, const char **err);

/* The demo logins, printed by `make run`; password for all of them. */
#define DEMO_PASSWORD "wijkteam-demo-2026"

#endif
