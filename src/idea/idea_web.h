/* idea_web.h - the pages of residents' ideas. */
#ifndef WT_IDEA_WEB_H
#define WT_IDEA_WEB_H

void idea_web_routes(void);

#endif
