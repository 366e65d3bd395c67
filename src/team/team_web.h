/* team_web.h - the team leader's team page (/team): caseload per worker and the team's composition. */
#ifndef WT_TEAM_WEB_H
#define WT_TEAM_WEB_H

#include "../http/request.h"
#include "team.h"

void team_web_routes(void);

#define TEAM_WARNINGS_MAX 3
/* The warnings about a team's composition, in words (team_check_composition); returns how many. */
int team_composition_warnings(const team_composition *tc, const char *out[TEAM_WARNINGS_MAX]);
/* The section "Samenstelling": professionals, warnings, and the count per discipline. */
void team_composition_section(http_request *req, const team_composition *tc);

#endif
