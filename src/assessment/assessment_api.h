/* assessment_api.h - self-sufficiency assessments under /api/v1/ (see assessment_api.c). */
#ifndef WT_ASSESSMENT_API_H
#define WT_ASSESSMENT_API_H

#include <jansson.h>

#include "assessment.h"

/* The persons due for an assessment as a JSON array (the worklist uses it too). */
json_t *assessment_due_json(const assessment_due_item *items, int n);

void assessment_api_routes(void);

#endif
