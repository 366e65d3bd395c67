/* case_api.h - /api/v1/cases, hand-over, closing and the work queue (/api/v1/worklist). */
#ifndef WT_CASE_API_H
#define WT_CASE_API_H

#include <jansson.h>
#include <stdbool.h>

#include "../core/status.h"
#include "../http/request.h"
#include "case.h"

/* A case as the API shows it. */
json_t *case_json(const wt_case *c);

/* Body helpers shared by the case, plan and contact API: strings are copied into the request arena. */
const char *case_api_str(http_request *req, json_t *body, const char *key, errors *e);
/* A positive id member: 0 when absent or null; an error when it is not a positive integer. */
int64_t case_api_id(json_t *body, const char *key, errors *e, bool *present);

void case_api_routes(void);

#endif
