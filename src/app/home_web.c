/*
 * home_web.c - the start page. Each role starts where its work is: a worker
 * at his work queue, a team leader at the team, an administrator at users,
 * a policy officer at the figures.
 */
#include "home_web.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"

static void get_home(http_request *req)
{
    page_begin(req, _("Start"));
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s %s</h1>", _("Welkom,"),
                req->ctx.who.display_name ? req->ctx.who.display_name : "");
    page_end(req);
}

void home_web_routes(void)
{
    router_add("GET", "/", get_home, 0);
}
