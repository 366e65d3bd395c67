/* intake_api.h - the intake under /api/v1/ (see intake_api.c). */
#ifndef WT_INTAKE_API_H
#define WT_INTAKE_API_H

void intake_api_routes(void);

#endif
