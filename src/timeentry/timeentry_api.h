/* timeentry_api.h - the JSON routes of time: own days, saving a day, the team's balance. */
#ifndef WT_TIMEENTRY_API_H
#define WT_TIMEENTRY_API_H

void timeentry_api_routes(void);

#endif
