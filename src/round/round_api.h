/* round_api.h - the JSON routes of outreach rounds. */
#ifndef WT_ROUND_API_H
#define WT_ROUND_API_H

void round_api_routes(void);

#endif
