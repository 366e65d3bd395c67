/* user_api.h - /api/v1/session and /api/v1/users. */
#ifndef WT_USER_API_H
#define WT_USER_API_H

void user_api_routes(void);

#include <jansson.h>
#include "user.h"
/* A user as the API shows it (no password hash, ever). */
json_t *user_json(const user *u);

#endif
