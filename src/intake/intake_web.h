/* intake_web.h - the intake on the case page, its form, and a goal from a finding (see intake_web.c). */
#ifndef WT_INTAKE_WEB_H
#define WT_INTAKE_WEB_H

#include "../case/case.h"
#include "../http/request.h"

void intake_web_routes(void);
/* The "Intake" section of the case page (an <h2> with id "h-intake"); nothing when the actor may not read it. */
void intake_case_section(http_request *req, const wt_case *c);

#endif
