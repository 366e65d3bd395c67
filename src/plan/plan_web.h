/* plan_web.h - the plan on the case page, and the pages to change goals and actions. */
#ifndef WT_PLAN_WEB_H
#define WT_PLAN_WEB_H

#include "../http/request.h"
#include "plan.h"

/* The plan block of the case page (inside its "Plan" section, below the h2). */
void plan_web_section(http_request *req, const wt_case *c, const plan_view *p);

void plan_web_routes(void);

#endif
