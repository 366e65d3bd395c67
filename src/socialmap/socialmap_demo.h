/*
 * socialmap_demo.h - the social map of the demo neighbourhood (see socialmap_demo.c).
 */
#ifndef WT_SOCIALMAP_DEMO_H
#define WT_SOCIALMAP_DEMO_H

#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

/* Writes the demo map (organisations, locations, services, schedules, contacts) in the caller's transaction. */
wt_status socialmap_demo(wt_ctx *ctx, uint64_t seed, const char **err);
/* How many services the demo map has. */
int socialmap_demo_services(void);

#endif
