/*
 * page.h - the frame of every HTML page: head, header with navigation for
 * the user's role, skip link, main landmark, footer; and error pages.
 *
 * A handler writes:
 *   page_begin(req, _("Huishouden"));
 *   html_printf(&req->out, "<p>%s</p>", ...);
 *   page_end(req);
 */
#ifndef WT_PAGE_H
#define WT_PAGE_H

#include <stdbool.h>

#include "../core/status.h"
#include "request.h"

void page_begin(http_request *req, const char *title);
void page_end(http_request *req);
/* A complete page with a heading and one message, for 403/404/500 etc. */
void page_error(http_request *req, int status, const char *message);
/*
 * The page a 403 shows instead when the rules refused on need-to-know grounds
 * (ctx.need_to_know_case): set by the module that owns cases, so this layer
 * does not depend on it.
 */
typedef void (*page_need_to_know_fn)(http_request *req, int64_t case_id);
void page_set_need_to_know(page_need_to_know_fn fn);
/*
 * Answers a failed status from the rules with the right error page and
 * returns true; returns false for WT_OK. forbidden and notfound are the
 * domain's own words for 403 and 404; the other statuses have common ones.
 */
bool page_failed(http_request *req, wt_status st, const char *forbidden, const char *notfound);
/* A confirmation banner chosen by the ?melding= code of a redirect. */
void page_notice_from_query(http_request *req);
/* Redirect after a successful POST, with a confirmation code shown on arrival. */
void page_redirect_notice(http_request *req, const char *location, const char *notice_code);

#endif
