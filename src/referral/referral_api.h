/* referral_api.h - the referrals under /api/v1/ (see referral_api.c). */
#ifndef WT_REFERRAL_API_H
#define WT_REFERRAL_API_H

#include <jansson.h>

#include "referral.h"

/* The referrals waiting for an answer as a JSON array (the worklist uses it too). */
json_t *referral_waiting_json(const referral_waiting *w, int n);

void referral_api_routes(void);

#endif
