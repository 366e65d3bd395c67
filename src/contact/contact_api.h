/* contact_api.h - /api/v1/cases/{id}/contacts: the case timeline over JSON. */
#ifndef WT_CONTACT_API_H
#define WT_CONTACT_API_H

#include <jansson.h>

#include "contact.h"

json_t *contact_json(const contact *k);

void contact_api_routes(void);

#endif
