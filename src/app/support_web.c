/* support_web.c - the support sections on the case page and the start page (see support_web.h). */
#include "support_web.h"
#include "../assessment/assessment_web.h"
#include "../consent/consent_web.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../intake/intake_web.h"
#include "../referral/referral_web.h"
#include "../signal/signal_web.h"

void support_case_nav(http_request *req, const wt_case *c)
{
    (void)c;
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-intake\">%s</a></li>", _("Intake"));
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-zrm\">%s</a></li>", _("Zelfredzaamheid"));
}

/* Links to the sections below the plan. */
void support_case_nav_after_plan(http_request *req, const wt_case *c)
{
    (void)c;
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-verwijzingen\">%s</a></li>", _("Verwijzingen"));
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-toestemming\">%s</a></li>", _("Toestemming"));
}

void support_case_before_plan(http_request *req, const wt_case *c)
{
    signal_case_section(req, c);
    intake_case_section(req, c);
    assessment_case_block(req, c->household_id);
}

void support_case_after_plan(http_request *req, const wt_case *c)
{
    referral_case_section(req, c);
    consent_case_section(req, c);
}

void support_home_sections(http_request *req)
{
    referral_home_block(req);
    signal_home_block(req);
    assessment_home_block(req);
}
