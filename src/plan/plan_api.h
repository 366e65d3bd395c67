/* plan_api.h - /api/v1/cases/{id}/plan, goals and actions. */
#ifndef WT_PLAN_API_H
#define WT_PLAN_API_H

#include <jansson.h>

#include "plan.h"

json_t *plan_json(const plan_view *p);
json_t *plan_goal_json(const plan_goal *g);
json_t *plan_action_json(const plan_action *x);

void plan_api_routes(void);

#endif
