/* hsds_api.h - the public, read-only HSDS 3.0 API under /hsds/ (see hsds_api.c). */
#ifndef WT_HSDS_API_H
#define WT_HSDS_API_H

void hsds_api_routes(void);

#endif
