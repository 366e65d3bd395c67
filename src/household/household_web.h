/* household_web.h - the pages of households and persons: search, registration, household page, edit person. */
#ifndef WT_HOUSEHOLD_WEB_H
#define WT_HOUSEHOLD_WEB_H

void household_web_routes(void);

#endif
