/*
 * support_api.h - what the support domains add to JSON answers of others: the
 * work queue (/api/v1/worklist) gains the referrals waiting for an answer and
 * the assessments that are due, and the match follow-ups of the network.
 */
#ifndef WT_SUPPORT_API_H
#define WT_SUPPORT_API_H

#include <jansson.h>

#include "../core/status.h"
#include "../http/request.h"

/* Adds "referrals_waiting", "assessments_due" and "matches_due" to the worklist object o. */
wt_status support_worklist_json(http_request *req, json_t *o);

#endif
