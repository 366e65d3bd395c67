/* activity_api.h - the JSON routes of collective activities. */
#ifndef WT_ACTIVITY_API_H
#define WT_ACTIVITY_API_H

void activity_api_routes(void);

#endif
