/* frontdoor_web.h - the pages of the front door (voorportaal). */
#ifndef WT_FRONTDOOR_WEB_H
#define WT_FRONTDOOR_WEB_H

void frontdoor_web_routes(void);

#endif
