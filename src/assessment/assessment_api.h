/* assessment_api.h - self-sufficiency assessments under /api/v1/ (see assessment_api.c). */
#ifndef WT_ASSESSMENT_API_H
#define WT_ASSESSMENT_API_H

void assessment_api_routes(void);

#endif
