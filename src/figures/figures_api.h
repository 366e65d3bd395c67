/* figures_api.h - GET /api/v1/figures: the same figures as JSON. */
#ifndef WT_FIGURES_API_H
#define WT_FIGURES_API_H

void figures_api_routes(void);

#endif
