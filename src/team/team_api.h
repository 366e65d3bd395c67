/* team_api.h - /api/v1/teams/{id}/overview: caseload and composition of a team, for its team leader. */
#ifndef WT_TEAM_API_H
#define WT_TEAM_API_H

void team_api_routes(void);

#endif
