/* user_web.h - login, logout, and the administrator's user pages. */
#ifndef WT_USER_WEB_H
#define WT_USER_WEB_H

void user_web_routes(void);

#endif
