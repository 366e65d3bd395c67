/* contact_web.h - the timeline on the case page and the form to record a contact. */
#ifndef WT_CONTACT_WEB_H
#define WT_CONTACT_WEB_H

#include "../http/request.h"
#include "contact.h"

/* The timeline block of the case page (inside its "Tijdlijn" section, below the h2). */
void contact_web_section(http_request *req, const wt_case *c, const contact *items, int n, int total, int offset,
                         int page_size);

void contact_web_routes(void);

#endif
