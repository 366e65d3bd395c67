/*
 * casemember_api.c - need-to-know over JSON: the members of a case (list, add,
 * end), breaking the glass, the emergency accesses of a case and those to
 * report to the logged-in user, and who looked at a case. The same rules as the
 * pages (casemember.h). A request refused on need-to-know grounds answers 403
 * with "error": "need_to_know" and the case_id (src/http/api.c).
 */
#include "casemember_api.h"
#include "../case/case.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "casemember.h"

static json_t *member_json(const case_member_rec *m)
{
    return json_pack("{s:I, s:I, s:{s:I, s:s, s:s}, s:s, s:{s:I, s:s}, s:s, s:o, s:o}", "id", (json_int_t)m->id,
                     "case_id", (json_int_t)m->case_id, "user", "id", (json_int_t)m->user_id, "display_name",
                     m->user_name, "role", m->role, "reason", m->reason, "added_by", "id", (json_int_t)m->added_by,
                     "display_name", m->added_by_name, "added_at", m->added_at, "ended_at",
                     json_str_or_null(m->ended_at), "ended_by", json_str_or_null(*m->ended_by_name ? m->ended_by_name : NULL));
}

static json_t *emergency_json(const case_emergency_rec *e)
{
    return json_pack("{s:I, s:I, s:s, s:{s:I, s:s}, s:s, s:s, s:s, s:b}", "id", (json_int_t)e->id, "case_id",
                     (json_int_t)e->case_id, "household_name", e->household_name, "user", "id", (json_int_t)e->user_id,
                     "display_name", e->user_name, "reason", e->reason, "granted_at", e->granted_at, "expires_at",
                     e->expires_at, "active", e->active);
}

static void reply_members(http_request *req, int status)
{
    case_member_rec *m = NULL;
    int n = 0;
    wt_status st = casemember_list(&req->ctx, req->ids[0], &m, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, member_json(&m[i]));
    api_reply(req, status, json_pack("{s:o}", "items", items));
}

static void get_members(http_request *req)
{
    reply_members(req, 200);
}

/*
 * Reads a body of the known fields: "user_id" (when user_id is given) and "reason".
 * False when the request is answered already (no body, or 400 naming the fields).
 */
static bool read_body(http_request *req, const char *const known[], int64_t *user_id, const char **reason, errors *e)
{
    json_t *body = api_body(req);
    if (!body)
        return false;
    api_refuse_unknown(body, known, NULL, e);
    bool has = false;
    if (user_id)
        *user_id = api_int(body, "user_id", &has, e);
    *reason = api_str(body, "reason", e);
    *reason = *reason ? arena_strdup(req->a, *reason) : NULL;
    json_decref(body);
    if (e->count) {
        api_invalid(req, e);
        return false;
    }
    return true;
}

static void post_member(http_request *req)
{
    static const char *const known[] = {"user_id", "reason", NULL};
    errors e;
    errors_init(&e, req->a);
    int64_t user_id = 0, id = 0;
    const char *reason = NULL;
    if (!read_body(req, known, &user_id, &reason, &e))
        return;
    wt_status st = casemember_add(&req->ctx, req->ids[0], user_id, reason, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_members(req, 201);
}

static void delete_member(http_request *req)
{
    wt_status st = casemember_end(&req->ctx, req->ids[0], req->ids[1]);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    req->status = 204;
}

static void post_emergency(http_request *req)
{
    static const char *const known[] = {"reason", NULL};
    errors e;
    errors_init(&e, req->a);
    int64_t id = 0;
    const char *reason = NULL, *until = NULL;
    if (!read_body(req, known, NULL, &reason, &e))
        return;
    wt_status st = casemember_break_glass(&req->ctx, req->ids[0], reason, &e, &id, &until);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 201, json_pack("{s:I, s:I, s:s}", "id", (json_int_t)id, "case_id", (json_int_t)req->ids[0],
                                  "expires_at", until));
}

static void reply_emergencies(http_request *req, wt_status st, const case_emergency_rec *e, int n)
{
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, emergency_json(&e[i]));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

static void get_emergencies(http_request *req)
{
    case_emergency_rec *e = NULL;
    int n = 0;
    wt_status st = casemember_emergencies(&req->ctx, req->ids[0], &e, &n);
    reply_emergencies(req, st, e, n);
}

static void get_reports(http_request *req)
{
    case_emergency_rec *e = NULL;
    int n = 0;
    wt_status st = casemember_reports(&req->ctx, &e, &n);
    reply_emergencies(req, st, e, n);
}

static void get_access_log(http_request *req)
{
    case_access_line *l = NULL;
    int n = 0;
    wt_status st = casemember_access_log(&req->ctx, req->ids[0], 200, &l, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:s, s:{s:I, s:s, s:s}, s:s, s:o}", "at", l[i].at, "user", "id",
                                               (json_int_t)l[i].user_id, "display_name", l[i].user_name, "role",
                                               l[i].role, "what", l[i].what, "reason", json_str_or_null(l[i].reason)));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

void casemember_api_routes(void)
{
    router_add("GET", "/api/v1/cases/{id}/members", get_members, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/members", post_member, ROUTE_API);
    router_add("DELETE", "/api/v1/cases/{id}/members/{id}", delete_member, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/emergency-access", post_emergency, ROUTE_API);
    router_add("GET", "/api/v1/cases/{id}/emergency-access", get_emergencies, ROUTE_API);
    router_add("GET", "/api/v1/emergency-access", get_reports, ROUTE_API);
    router_add("GET", "/api/v1/cases/{id}/access-log", get_access_log, ROUTE_API);
}
