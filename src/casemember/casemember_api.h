/* casemember_api.h - case membership, emergency access and the access log over JSON (see casemember.h). */
#ifndef WT_CASEMEMBER_API_H
#define WT_CASEMEMBER_API_H

void casemember_api_routes(void);

#endif
