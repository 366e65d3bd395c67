/* privacy_web.h - the pages of the resident's rights: access (PDF), correction, erasure. */
#ifndef WT_PRIVACY_WEB_H
#define WT_PRIVACY_WEB_H

void privacy_web_routes(void);

#endif
