/* team_api.h - /api/v1/teams/{id}/overview: caseload and composition of a team, for its team leader. */
#ifndef WT_TEAM_API_H
#define WT_TEAM_API_H

#include <jansson.h>

#include "team.h"

void team_api_routes(void);
/* A team's composition as JSON: professionals, count per discipline, the warnings as booleans. */
json_t *team_composition_json(const team_composition *tc);

#endif
