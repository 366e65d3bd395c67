/* support_web.c - the support sections on the case page and the start page (see support_web.h). */
#include "support_web.h"
#include "../assessment/assessment_web.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../intake/intake_web.h"

void support_case_nav(http_request *req, const wt_case *c)
{
    (void)c;
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-intake\">%s</a></li>", _("Intake"));
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-zrm\">%s</a></li>", _("Zelfredzaamheid"));
}

void support_case_before_plan(http_request *req, const wt_case *c)
{
    intake_case_section(req, c);
    assessment_case_block(req, c->household_id);
}

void support_case_after_plan(http_request *req, const wt_case *c)
{
    (void)req;
    (void)c;
}

void support_home_sections(http_request *req)
{
    assessment_home_block(req);
}
