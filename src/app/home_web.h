/* home_web.h - the start page: what needs this user today. */
#ifndef WT_HOME_WEB_H
#define WT_HOME_WEB_H

void home_web_routes(void);

#endif
