/* round_api.c - JSON routes of outreach rounds: list, plan, one round with its stops, status, record a stop. */
#include "round_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../neighbourhood/presence_api.h"
#include "round.h"

#include <string.h>

static json_t *round_json(const wt_round *r)
{
    json_t *workers = json_array();
    for (int i = 0; i < r->n_workers; i++)
        json_array_append_new(workers, json_pack("{s:I, s:s}", "id", (json_int_t)r->workers[i].user_id, "name",
                                                 r->workers[i].name ? r->workers[i].name : ""));
    return json_pack("{s:I, s:I, s:s, s:s, s:o, s:s, s:o, s:i, s:i}", "id", (json_int_t)r->id, "team_id",
                     (json_int_t)r->team_id, "planned_on", r->planned_on, "purpose", r->purpose, "note",
                     json_str_or_null(r->note), "status", r->status, "workers", workers, "stops_total", r->n_stops,
                     "stops_recorded", r->n_recorded);
}

static json_t *stop_json(http_request *req, const round_stop *s)
{
    json_t *signals = json_array();
    for (int k = 0; k < s->n_open_signals; k++)
        json_array_append_new(signals, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)s->open_signals[k].id, "kind",
                                                 s->open_signals[k].kind, "urgency", s->open_signals[k].urgency));
    json_t *last = s->prev_outcome ? json_pack("{s:s, s:s, s:o}", "outcome", s->prev_outcome, "on", s->prev_on,
                                               "note", json_str_or_null(s->prev_note))
                                   : json_null();
    return json_pack("{s:I, s:i, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)s->id, "position", s->position,
                     "address", papi_address(req, &s->addr), "outcome", json_str_or_null(s->outcome), "note",
                     json_str_or_null(s->note), "recorded_at", json_str_or_null(s->recorded_at), "last_time", last,
                     "open_signals", signals);
}

static void reply_round(http_request *req, int status, int64_t id)
{
    wt_round r;
    round_stop *stops;
    int n = 0;
    wt_status st = round_get(&req->ctx, id, &r);
    if (st == WT_OK)
        st = round_stops(&req->ctx, &r, &stops, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *j = round_json(&r);
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, stop_json(req, &stops[i]));
    json_object_set_new(j, "stops", arr);
    api_reply(req, status, j);
}

static void get_rounds(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    bool past = req_query(req, "past") && strcmp(req_query(req, "past"), "true") == 0;
    wt_round *rounds;
    int n = 0;
    bool more = false;
    wt_status st = round_list(&req->ctx, !past, limit, offset, &rounds, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, round_json(&rounds[i]));
    api_reply(req, 200, json_pack("{s:o, s:b}", "items", items, "more", more));
}

static void post_rounds(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    round_input in = {0};
    in.planned_on = papi_str(req, body, "planned_on", &e);
    in.purpose = papi_str(req, body, "purpose", &e);
    in.note = papi_str(req, body, "note", &e);
    in.worker_ids = papi_ids(req, body, "worker_ids", ROUND_MAX_WORKERS, &in.n_workers, &e);
    in.streets = papi_strs(req, body, "streets", 20, &in.n_streets, &e);
    in.address_ids = papi_ids(req, body, "address_ids", ROUND_MAX_STOPS, &in.n_address_ids, &e);
    in.address_keys = papi_strs(req, body, "addresses", ROUND_MAX_STOPS, &in.n_address_keys, &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st = e.count ? WT_INVALID : round_plan(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_round(req, 201, id);
}

static void get_round(http_request *req)
{
    reply_round(req, 200, req->ids[0]);
}

static void patch_round(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *status = papi_str(req, body, "status", &e);
    json_decref(body);
    wt_status st = e.count ? WT_INVALID : round_set_status(&req->ctx, req->ids[0], status, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_round(req, 200, req->ids[0]);
}

static void patch_stop(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *outcome = papi_str(req, body, "outcome", &e);
    const char *note = papi_str(req, body, "note", &e);
    json_decref(body);
    wt_status st = e.count ? WT_INVALID : round_record_stop(&req->ctx, req->ids[0], req->ids[1], outcome, note, &e);
    round_stop s;
    if (st == WT_OK)
        st = round_stop_get(&req->ctx, req->ids[0], req->ids[1], &s);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 200, stop_json(req, &s));
}

void round_api_routes(void)
{
    router_add("GET", "/api/v1/rounds", get_rounds, ROUTE_API);
    router_add("POST", "/api/v1/rounds", post_rounds, ROUTE_API);
    router_add("GET", "/api/v1/rounds/{id}", get_round, ROUTE_API);
    router_add("PATCH", "/api/v1/rounds/{id}", patch_round, ROUTE_API);
    router_add("PATCH", "/api/v1/rounds/{id}/stops/{id}", patch_stop, ROUTE_API);
}
