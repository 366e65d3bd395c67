/* idea_api.c - JSON routes of residents' ideas: list, record, read, change status. */
#include "idea_api.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../neighbourhood/presence_api.h"
#include "idea.h"

static json_t *idea_json(const wt_idea *i)
{
    json_t *j = json_pack("{s:I, s:I, s:s, s:o, s:o, s:o, s:s, s:o, s:s, s:o, s:o, s:s}", "id", (json_int_t)i->id,
                          "team_id", (json_int_t)i->team_id, "title", i->title, "body", json_str_or_null(i->body),
                          "person_id", papi_id_or_null(i->person_id), "brought_by", json_str_or_null(i->brought_by),
                          "source", i->source, "question_id", papi_id_or_null(i->question_id), "status", i->status,
                          "reason", json_str_or_null(i->reason), "activity_id", papi_id_or_null(i->activity_id),
                          "created_at", i->created_at);
    return j;
}

static void reply_idea(http_request *req, int status, int64_t id)
{
    wt_idea i;
    wt_status st = idea_get(&req->ctx, id, &i);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, idea_json(&i));
}

static void get_ideas(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    wt_idea *items;
    int n = 0;
    bool more = false;
    wt_status st = idea_list(&req->ctx, req_query(req, "status"), limit, offset, &items, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, idea_json(&items[i]));
    api_reply(req, 200, json_pack("{s:o, s:b}", "items", arr, "more", more));
}

static void post_ideas(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    idea_input in = {.title = papi_str(req, body, "title", &e), .body = papi_str(req, body, "body", &e),
                     .person_id = papi_int(body, "person_id", &e),
                     .brought_by_name = papi_str(req, body, "brought_by_name", &e),
                     .source = papi_str(req, body, "source", &e), .question_id = papi_int(body, "question_id", &e)};
    json_decref(body);
    int64_t id = 0;
    wt_status st = e.count ? WT_INVALID : idea_create(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_idea(req, 201, id);
}

static void get_idea(http_request *req)
{
    reply_idea(req, 200, req->ids[0]);
}

static void patch_idea(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *status = papi_str(req, body, "status", &e);
    const char *reason = papi_str(req, body, "reason", &e);
    int64_t activity_id = papi_int(body, "activity_id", &e);
    json_decref(body);
    wt_status st = e.count ? WT_INVALID : idea_set_status(&req->ctx, req->ids[0], status, reason, activity_id, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_idea(req, 200, req->ids[0]);
}

void idea_api_routes(void)
{
    router_add("GET", "/api/v1/ideas", get_ideas, ROUTE_API);
    router_add("POST", "/api/v1/ideas", post_ideas, ROUTE_API);
    router_add("GET", "/api/v1/ideas/{id}", get_idea, ROUTE_API);
    router_add("PATCH", "/api/v1/ideas/{id}", patch_idea, ROUTE_API);
}
