/* activity_web.h - the pages of collective activities. */
#ifndef WT_ACTIVITY_WEB_H
#define WT_ACTIVITY_WEB_H

void activity_web_routes(void);

#endif
