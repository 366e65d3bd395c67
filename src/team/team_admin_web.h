/* team_admin_web.h - the administrator's pages for teams: list, new, edit with members and composition. */
#ifndef WT_TEAM_ADMIN_WEB_H
#define WT_TEAM_ADMIN_WEB_H

void team_admin_web_routes(void);

#endif
