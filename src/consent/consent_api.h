/* consent_api.h - the consents under /api/v1/ (see consent_api.c), and two JSON helpers the referral API shares. */
#ifndef WT_CONSENT_API_H
#define WT_CONSENT_API_H

#include <jansson.h>

#include "../core/status.h"
#include "../http/request.h"

/* ["contact", "plan"] of the set " contact plan ". */
json_t *consent_kinds_json(const char *set);
/* The strings of the array member key of o (arena); *n their number; names key in e when it is no array. */
const char **consent_api_codes(http_request *req, json_t *o, const char *key, int *n, errors *e);

void consent_api_routes(void);

#endif
