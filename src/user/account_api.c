/* account_api.c - the API client's own account: password, end all sessions. */
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "account_web.h"
#include "session.h"
#include "user.h"

static void put_password(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *cur = api_str(body, "current_password", &e);
    const char *pw = api_str(body, "password", &e);
    wt_status st = WT_INVALID;
    if (!e.count)
        st = user_change_own_password(&req->ctx, cur, pw, &e);
    json_decref(body);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

static void delete_sessions(http_request *req)
{
    session_end_all(req->ctx.db, req->ctx.who.user_id);
    req->status = 204;
    req->content_type = "application/json";
}

void account_api_routes(void)
{
    router_add("PUT", "/api/v1/me/password", put_password, ROUTE_API);
    router_add("DELETE", "/api/v1/me/sessions", delete_sessions, ROUTE_API);
}
