/* frontdoor_api.c - the front door over JSON: list, register, read and handle questions. */
#include "frontdoor_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"

json_t *question_json(const question *q)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:s, s:o, s:s, s:o}", "id", (json_int_t)q->id,
                     "team_id", (json_int_t)q->team_id, "kind", q->kind, "channel", q->channel, "name", q->name,
                     "contact", json_str_or_null(q->contact), "body", q->body, "household_id",
                     q->household_id ? json_integer(q->household_id) : json_null(), "household_name",
                     json_str_or_null(q->household_name), "status", q->status, "outcome", json_str_or_null(q->outcome),
                     "received_at", q->received_at, "created_by",
                     q->created_by ? json_integer(q->created_by) : json_null());
}

/* A text member as an arena copy; NULL when absent or null. */
static const char *jtext(arena *a, json_t *o, const char *key, errors *e)
{
    const char *s = api_str(o, key, e);
    return s ? arena_strdup(a, s) : NULL;
}

static void reply_question(http_request *req, int status, int64_t id)
{
    question q;
    wt_status st = question_get(&req->ctx, id, &q);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, question_json(&q));
}

static void get_questions(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    if (limit > 100)
        limit = 100;
    const char *status = req_query(req, "status");
    if (status && *status && !frontdoor_code_valid(question_statuses, status)) {
        errors e;
        errors_init(&e, req->a);
        errors_add(&e, "status", _("Kies een status: open, handled of case."));
        api_invalid(req, &e);
        return;
    }
    question *qs;
    int n = 0;
    bool more = false;
    wt_status st = question_list(&req->ctx, status, limit, offset, &qs, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, question_json(&qs[i]));
    api_reply(req, 200, json_pack("{s:o, s:i, s:i, s:b}", "items", items, "limit", limit, "offset", offset, "more", more));
}

static void post_questions(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    bool present = false;
    question_input in = {.kind = jtext(req->a, body, "kind", &e), .channel = jtext(req->a, body, "channel", &e),
                         .name = jtext(req->a, body, "name", &e), .contact = jtext(req->a, body, "contact", &e),
                         .body = jtext(req->a, body, "body", &e)};
    in.household_id = api_int(body, "household_id", &present, &e);
    json_decref(body);
    if (present && in.household_id <= 0)
        errors_add(&e, "household_id", _("Er is geen huishouden met dit nummer in uw team."));
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    int64_t id = 0;
    wt_status st = question_create(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_question(req, 201, id);
}

static void get_question(http_request *req)
{
    reply_question(req, 200, req->ids[0]);
}

static void patch_question(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    question_change ch = {0};
    ch.status = jtext(req->a, body, "status", &e);
    ch.outcome = jtext(req->a, body, "outcome", &e);
    if (json_is_null(json_object_get(body, "outcome")))
        ch.outcome = ""; /* null clears the outcome */
    json_t *hh = json_object_get(body, "household_id");
    if (hh) {
        bool present = false;
        ch.set_household = true;
        ch.household_id = api_int(body, "household_id", &present, &e);
        if (present && ch.household_id <= 0)
            errors_add(&e, "household_id", _("Er is geen huishouden met dit nummer in uw team."));
    }
    json_decref(body);
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    wt_status st = question_update(&req->ctx, req->ids[0], &ch, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_question(req, 200, req->ids[0]);
}

void frontdoor_api_routes(void)
{
    router_add("GET", "/api/v1/questions", get_questions, ROUTE_API);
    router_add("POST", "/api/v1/questions", post_questions, ROUTE_API);
    router_add("GET", "/api/v1/questions/{id}", get_question, ROUTE_API);
    router_add("PATCH", "/api/v1/questions/{id}", patch_question, ROUTE_API);
}
