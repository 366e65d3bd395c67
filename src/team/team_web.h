/* team_web.h - the team leader's team page (/team): caseload per worker and the team's composition. */
#ifndef WT_TEAM_WEB_H
#define WT_TEAM_WEB_H

void team_web_routes(void);

#endif
