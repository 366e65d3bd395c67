/*
 * casemember_web.h - need-to-know on the pages: the "known to the team" page a
 * team member without access sees (with the way to ask access and to break
 * the glass), the access section of the case page (members, emergency
 * accesses, who looked), and the emergency reports on the start page.
 */
#ifndef WT_CASEMEMBER_WEB_H
#define WT_CASEMEMBER_WEB_H

#include "../case/case.h"
#include "../http/request.h"

/* The banner at the top of a case seen through broken glass. */
void casemember_web_case_banner(http_request *req, const wt_case *c);
/* The "Toegang" section of the case page. */
void casemember_web_case_section(http_request *req, const wt_case *c);
/* A link for the "Op deze pagina" navigation of the case page. */
void casemember_web_case_nav(http_request *req, const wt_case *c);
/* The emergency accesses to report on the start page of a coordinator or team leader. */
void casemember_web_home_section(http_request *req);

void casemember_web_routes(void);

#endif
