/* account_web.h - the user's own account: password, log out everywhere. */
#ifndef WT_ACCOUNT_WEB_H
#define WT_ACCOUNT_WEB_H

void account_web_routes(void);
void account_api_routes(void);

#endif
