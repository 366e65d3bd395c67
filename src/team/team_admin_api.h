/* team_admin_api.h - /api/v1/teams: the administrator's team management over JSON. */
#ifndef WT_TEAM_ADMIN_API_H
#define WT_TEAM_ADMIN_API_H

void team_admin_api_routes(void);

#endif
