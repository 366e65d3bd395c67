/* signal_api.h - the JSON routes of early signals. */
#ifndef WT_SIGNAL_API_H
#define WT_SIGNAL_API_H

#include <jansson.h>

#include "../http/request.h"
#include "signal.h"

void signal_api_routes(void);
/* The JSON form of a signal (also for the case API, when it lists a case's signals). */
json_t *signal_json(http_request *req, const wt_signal *s);

#endif
