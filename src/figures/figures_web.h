/* figures_web.h - the page of figures (/figures) for the policy officer and the team leader. */
#ifndef WT_FIGURES_WEB_H
#define WT_FIGURES_WEB_H

void figures_web_routes(void);

#endif
