/*
 * presence_api.h - JSON helpers the presence domains share: members copied
 * into the request's arena (so the body can be freed at once), arrays of ids
 * and strings with a message naming the field, and the address object.
 */
#ifndef WT_PRESENCE_API_H
#define WT_PRESENCE_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/status.h"
#include "../http/request.h"
#include "presence.h"

/* String member copied into the arena; NULL when absent or null (an error when of another type). */
const char *papi_str(http_request *req, json_t *o, const char *key, errors *e);
/* Integer member; 0 when absent. */
int64_t papi_int(json_t *o, const char *key, errors *e);
/* Array of positive integers (at most max); *n 0 when absent. */
int64_t *papi_ids(http_request *req, json_t *o, const char *key, int max, int *n, errors *e);
/* Array of strings (at most max), copied into the arena; *n 0 when absent. */
const char **papi_strs(http_request *req, json_t *o, const char *key, int max, int *n, errors *e);
/* {"id":..,"street":..,"house_number":..,"postcode":..,"label":..} or null. */
json_t *papi_address(http_request *req, const presence_address *ad);
json_t *papi_id_or_null(int64_t id);

#endif
