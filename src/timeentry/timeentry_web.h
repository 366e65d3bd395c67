/* timeentry_web.h - the pages of time: writing a day, the team's balance. */
#ifndef WT_TIMEENTRY_WEB_H
#define WT_TIMEENTRY_WEB_H

void timeentry_web_routes(void);

#endif
