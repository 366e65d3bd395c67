/*
 * demo_city_network.h - the social fabric of one team of the city (see
 * demo_city_network.c): relations, offers of help, helpers' load and a few
 * needs, among the residents the team already holds.
 */
#ifndef WT_DEMO_CITY_NETWORK_H
#define WT_DEMO_CITY_NETWORK_H

#include "../core/ctx.h"
#include "../core/status.h"

/* About DEMO_CITY_RELATIONS relations per resident of the team. */
#define DEMO_CITY_RELATIONS 5

typedef struct demo_network_counts {
    long relations, offers, needs;
} demo_network_counts;

/* Writes the team's network (many rows per statement); adds what it wrote to *n. */
wt_status demo_city_network(wt_ctx *ctx, int64_t team_id, uint64_t seed, demo_network_counts *n);

#endif
