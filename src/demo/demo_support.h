/*
 * demo_support.h - the support of the demo neighbourhood's cases: intakes
 * feeding the plans, self-sufficiency assessment histories, consents,
 * referrals and consultations to services of the social map. Deterministic:
 * the same seed gives the same data. Runs after the social map is written.
 */
#ifndef WT_DEMO_SUPPORT_H
#define WT_DEMO_SUPPORT_H

#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

typedef struct demo_support_counts {
    long intakes, assessments, consents, referrals, consultations;
} demo_support_counts;

/* Writes the support of every case of team_id; *err says what failed. */
wt_status demo_support(wt_ctx *ctx, int64_t team_id, uint64_t seed, demo_support_counts *counts, const char **err);

#endif
