/* household_api.h - /api/v1/households and /api/v1/persons. */
#ifndef WT_HOUSEHOLD_API_H
#define WT_HOUSEHOLD_API_H

#include <jansson.h>

#include "../core/arena.h"
#include "household.h"

void household_api_routes(void);

/* A person as the API shows it; the BSN only masked unless full_bsn. */
json_t *person_json(arena *a, const person *p, bool full_bsn);
/* An address as the API shows it, null when there is none. */
json_t *address_json(arena *a, const address *addr);

#endif
