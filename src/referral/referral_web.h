/*
 * referral_web.h - referrals on the web: the form from an action (a service
 * picked from the social map, the data shared, the consent or legal ground),
 * the page of one referral with its history and the next step, the section
 * on the case page and the block of the work queue.
 */
#ifndef WT_REFERRAL_WEB_H
#define WT_REFERRAL_WEB_H

#include "../case/case.h"
#include "../http/request.h"

/* The "Verwijzingen en consultaties" section of the case page (an <h2> with id "h-verwijzingen"). */
void referral_case_section(http_request *req, const wt_case *c);
/* The "Wachten op antwoord" section of the work queue (an <h2> with id "h-verwijzingen"); nothing when none wait. */
void referral_home_block(http_request *req);
void referral_web_routes(void);

#endif
