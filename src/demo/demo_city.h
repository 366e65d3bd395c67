/*
 * demo_city.h - the city around the demo neighbourhood, for `wijkteam demo
 * --residents N` (see demo_city.c). Runs inside the demo's write
 * transaction, commits it now and then and begins a new one, and draws a
 * progress bar on stderr.
 */
#ifndef WT_DEMO_CITY_H
#define WT_DEMO_CITY_H

#include "../core/ctx.h"
#include "../core/status.h"
#include "demo.h"

/* Adds about `residents` residents in teams of their own; `already` residents exist (for the progress bar). */
wt_status demo_city(wt_ctx *ctx, const demo_options *opt, long residents, long already, const char **err);

#endif
