/*
 * support_web.h - the support of a case on pages that belong to others: the
 * sections of signals, intake, self-sufficiency and referrals on the case page, and
 * what needs the worker on the start page. Each domain draws its own block;
 * this file only decides the order, so the case and home pages need one call.
 */
#ifndef WT_SUPPORT_WEB_H
#define WT_SUPPORT_WEB_H

#include "../case/case.h"
#include "../http/request.h"

/* Links for the "Op deze pagina" navigation of the case page (<li> items). */
void support_case_nav(http_request *req, const wt_case *c);
/* Links to the sections below the plan: referrals and consents. */
void support_case_nav_after_plan(http_request *req, const wt_case *c);
/* Sections above the plan: the signals that led to the case, the intake and self-sufficiency. */
void support_case_before_plan(http_request *req, const wt_case *c);
/* Sections below the plan: referrals and consents. */
void support_case_after_plan(http_request *req, const wt_case *c);
/* Sections of the work queue: referrals waiting for an answer, signals to follow up, assessments due. */
void support_home_sections(http_request *req);

#endif
