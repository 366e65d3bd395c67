/* user_admin_api.h - /api/v1/users: the administrator's user management over JSON. */
#ifndef WT_USER_ADMIN_API_H
#define WT_USER_ADMIN_API_H

void user_admin_api_routes(void);

#endif
