/* socialmap_api.h - the social map in the JSON API under /api/v1/ (see socialmap_api.c). */
#ifndef WT_SOCIALMAP_API_H
#define WT_SOCIALMAP_API_H

#include <jansson.h>

#include "socialmap.h"

void socialmap_api_routes(void);
/* The wijkteam view of a service: its own fields and the team's columns. */
json_t *socialmap_service_json(const sm_service *s);

#endif
