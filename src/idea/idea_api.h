/* idea_api.h - the JSON routes of residents' ideas. */
#ifndef WT_IDEA_API_H
#define WT_IDEA_API_H

void idea_api_routes(void);

#endif
