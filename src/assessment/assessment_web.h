/*
 * assessment_web.h - the pages of self-sufficiency assessments: a person's
 * history with the progress chart (SVG from the server, with the same numbers
 * in a table), the form of a new assessment, one assessment; and the compact
 * block on the case page.
 */
#ifndef WT_ASSESSMENT_WEB_H
#define WT_ASSESSMENT_WEB_H

#include <stdint.h>

#include "../http/request.h"

void assessment_web_routes(void);

/*
 * The "Zelfredzaamheid" section for the case page of a household: per member
 * the first against the latest assessment with the change, whether a new one
 * is due, and links to the history and a new assessment. Opens with an <h2>
 * whose id is "h-zrm". Writes nothing when the actor may not see assessments
 * of this household.
 */
void assessment_case_block(http_request *req, int64_t household_id);

/* The "Metingen die aan de beurt zijn" section of the work queue (an <h2> with id "h-metingen"). */
void assessment_home_block(http_request *req);

#endif
