/*
 * consent_web.h - the consents of a household on the web: the section on the
 * case page (in force and withdrawn, with a withdraw form each), the form to
 * record one, and the checkbox group of data kinds that the referral form
 * shares.
 */
#ifndef WT_CONSENT_WEB_H
#define WT_CONSENT_WEB_H

#include <stdbool.h>

#include "../case/case.h"
#include "../http/request.h"

/* The "Toestemming voor delen" section of the case page (an <h2> with id "h-toestemming"). */
void consent_case_section(http_request *req, const wt_case *c);
/*
 * A fieldset of checkboxes, one per data kind, named name (id "f-<name>" for
 * the error summary); checked: the set " a b " to tick.
 */
void consent_web_kinds(http_request *req, const char *name, const char *legend, const char *hint, const char *checked,
                       const char *error);
/* The posted codes of a checkbox group (arena); *n their number. */
const char **consent_web_posted_codes(http_request *req, const char *name, int *n);
void consent_web_routes(void);

#endif
