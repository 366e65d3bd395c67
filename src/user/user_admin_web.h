/* user_admin_web.h - the administrator's pages for users: list, new, edit, password, block and unblock. */
#ifndef WT_USER_ADMIN_WEB_H
#define WT_USER_ADMIN_WEB_H

void user_admin_web_routes(void);

#endif
