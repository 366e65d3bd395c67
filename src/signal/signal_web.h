/* signal_web.h - the pages of early signals, and their blocks on the case page and the start page. */
#ifndef WT_SIGNAL_WEB_H
#define WT_SIGNAL_WEB_H

#include "../case/case.h"
#include "../http/request.h"

/* At most this many overdue signals on the start page. */
#define SIGNAL_HOME_LIMIT 5

void signal_web_routes(void);
/* The signals that led to the case, with their follow-ups (nothing when none). */
void signal_case_section(http_request *req, const wt_case *c);
/* The team's signals whose follow-up is overdue: the reminder on the start page (nothing when none). */
void signal_home_block(http_request *req);

#endif
