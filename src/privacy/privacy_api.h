/* privacy_api.h - the resident's rights over JSON: his file (JSON and PDF) and erasure. */
#ifndef WT_PRIVACY_API_H
#define WT_PRIVACY_API_H

void privacy_api_routes(void);

#endif
