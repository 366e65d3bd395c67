/* round_web.h - the pages of outreach rounds. */
#ifndef WT_ROUND_WEB_H
#define WT_ROUND_WEB_H

void round_web_routes(void);

#endif
