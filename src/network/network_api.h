/* network_api.h - the JSON API of the neighbourhood network (see network_api.c). */
#ifndef WT_NETWORK_API_H
#define WT_NETWORK_API_H

#include <jansson.h>

#include "../core/status.h"
#include "../http/request.h"

void network_api_routes(void);
/* Adds "matches_due" (the acting user's match follow-ups due within NETWORK_DUE_DAYS or overdue) to the worklist o. */
wt_status network_worklist_json(http_request *req, json_t *o);

#endif
