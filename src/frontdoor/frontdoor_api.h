/* frontdoor_api.h - /api/v1/questions: the front door over JSON. */
#ifndef WT_FRONTDOOR_API_H
#define WT_FRONTDOOR_API_H

#include <jansson.h>

#include "frontdoor.h"

void frontdoor_api_routes(void);
json_t *question_json(const question *q);

#endif
