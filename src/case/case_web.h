/*
 * case_web.h - the case pages: the case list, the case page (household, plan,
 * timeline, coordination, closing), opening a case, hand-over and closing.
 *
 * Also the small helpers the plan and contact pages share with it: mapping a
 * rule's status to an error page, and forms that keep what the user typed.
 */
#ifndef WT_CASE_WEB_H
#define WT_CASE_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/status.h"
#include "../http/request.h"
#include "../http/widgets.h"
#include "case.h"

/* How a form is drawn: inline on the case page, or on its own page after an error. */
typedef struct case_form {
    const errors *e;    /* field errors to show; NULL: none */
    bool posted;        /* take the values from the posted form */
    const char *prefix; /* id prefix when several forms share a page; NULL on a form page */
} case_form;

/* Value of a field: posted or the default. */
const char *case_form_value(http_request *req, const case_form *f, const char *name, const char *dflt);
const char *case_form_error(const case_form *f, const char *name);
/* The element id of a field (NULL on a form page: the widget uses the name). */
const char *case_form_id(http_request *req, const case_form *f, const char *name);
/* Options from a code/label table; the first option can be an empty "choose" entry. */
option *case_form_options(http_request *req, const code_text *list, const char *empty_label, int *n);
/* Options of the team members who can coordinate or carry out actions, with an optional empty entry. */
option *case_form_team_options(http_request *req, int64_t team_id, const char *empty_label, int *n);

/*
 * When st is not WT_OK, answers with the right error page (403, 404, 409 with
 * the message of the conflict, 503...) and returns true.
 */
bool case_web_failed(http_request *req, wt_status st, const errors *e);
/* "12 maart 2026" */
const char *case_web_date(http_request *req, const char *iso);
/* Page frame of a form page that belongs to a case: title, back link, h1, error summary. */
void case_web_form_page_begin(http_request *req, const wt_case *c, const char *title, const errors *e);

/* Redirect (303) to the case page with a notice code and an optional anchor ("h-plan"). */
void case_web_redirect(http_request *req, int64_t case_id, const char *notice, const char *anchor);

void case_web_routes(void);

#endif
