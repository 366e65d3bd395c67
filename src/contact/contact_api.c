/* contact_api.c - the case timeline over JSON (see contact_api.h). */
#include "contact_api.h"
#include "../case/case_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"

json_t *contact_json(const contact *k)
{
    return json_pack("{s:I, s:I, s:{s:I, s:s}, s:s, s:s, s:i, s:s, s:s}", "id", (json_int_t)k->id, "case_id",
                     (json_int_t)k->case_id, "user", "id", (json_int_t)k->user_id, "display_name", k->user_name, "kind",
                     k->kind, "happened_on", k->happened_on, "minutes", k->minutes, "summary", k->summary, "created_at",
                     k->created_at);
}

static void get_contacts(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    contact *items = NULL;
    int n = 0, total = 0;
    wt_status st = contact_list(&req->ctx, req->ids[0], limit, offset, &items, &n, &total);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, contact_json(&items[i]));
    api_reply(req, 200, json_pack("{s:o, s:i, s:i, s:i}", "items", arr, "total", total, "limit", limit, "offset", offset));
}

static void post_contact(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    contact_input in = {0};
    in.kind = case_api_str(req, body, "kind", &e);
    in.happened_on = case_api_str(req, body, "happened_on", &e);
    in.summary = case_api_str(req, body, "summary", &e);
    bool has = false;
    int64_t minutes = api_int(body, "minutes", &has, &e);
    if (has)
        in.minutes = arena_printf(req->a, "%lld", (long long)minutes);
    json_decref(body);
    int64_t id = 0;
    wt_status st = contact_add(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    contact k;
    st = contact_get(&req->ctx, id, &k);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 201, contact_json(&k));
}

void contact_api_routes(void)
{
    router_add("GET", "/api/v1/cases/{id}/contacts", get_contacts, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/contacts", post_contact, ROUTE_API);
}
