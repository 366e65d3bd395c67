/*
 * presence_demo.h - the presence part of the demo neighbourhood: rounds,
 * signals in every state, activities, ideas and eight weeks of time, made
 * through the rules from the demo seed (see presence_demo.c).
 */
#ifndef WT_PRESENCE_DEMO_H
#define WT_PRESENCE_DEMO_H

#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

/* Adds the team's presence data; ctx->who is restored before it returns. */
wt_status presence_demo(wt_ctx *ctx, int64_t team_id, uint64_t seed);

#endif
