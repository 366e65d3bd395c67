/* socialmap_web.h - the pages of the social map: search, service page, maintenance forms (see socialmap_web.c). */
#ifndef WT_SOCIALMAP_WEB_H
#define WT_SOCIALMAP_WEB_H

void socialmap_web_routes(void);

#endif
