/* signal_web.h - the pages of early signals. */
#ifndef WT_SIGNAL_WEB_H
#define WT_SIGNAL_WEB_H

void signal_web_routes(void);

#endif
