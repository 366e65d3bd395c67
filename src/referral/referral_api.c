/*
 * referral_api.c - referrals over JSON: refer from an action, list a case's
 * referrals, read one with its history, record the next step, and the
 * referrals waiting for an answer. The same rules as the pages (referral.h).
 */
#include "referral_api.h"
#include "../consent/consent_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "referral.h"

#include <string.h>

#define API_WAITING_LIMIT 100

static json_t *events_json(const referral *r)
{
    json_t *a = json_array();
    for (int i = 0; i < r->n_events; i++)
        json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s}", "status", r->events[i].status, "on",
                                           r->events[i].happened_on, "note", r->events[i].note, "by",
                                           r->events[i].user_name));
    return a;
}

static json_t *ground_json(const referral *r)
{
    if (r->consent_id)
        return json_pack("{s:s, s:I, s:o, s:o}", "type", "consent", "consent_id", (json_int_t)r->consent_id, "given_on",
                         json_str_or_null(r->consent_given_on), "withdrawn_on", json_str_or_null(r->consent_withdrawn_on));
    if (r->legal_ground)
        return json_pack("{s:s, s:s, s:o}", "type", "legal_ground", "legal_ground", r->legal_ground, "legal_note",
                         json_str_or_null(r->legal_note));
    return json_pack("{s:s}", "type", r->anonymous ? "anonymous" : "none");
}

static json_t *referral_json(const referral *r, bool with_events)
{
    json_t *j = json_pack(
        "{s:I, s:s, s:I, s:I, s:{s:I, s:s, s:s}, s:{s:o, s:o, s:s, s:o}, s:s, s:s, s:o, s:o, s:b, s:s,"
        " s:{s:o, s:o, s:o, s:o, s:o}, s:s, s:b, s:s}",
        "id", (json_int_t)r->id, "kind", r->kind, "case_id", (json_int_t)r->case_id, "household_id",
        (json_int_t)r->household_id, "action", "id", (json_int_t)r->action_id, "body", r->action_body, "layer",
        r->action_layer, "service", "id", json_str_or_null(r->service_id), "name", json_str_or_null(r->service_name),
        "organisation", r->organisation, "organization_id", json_str_or_null(r->organization_id), "reason", r->reason,
        "urgency", r->urgency, "shared", consent_kinds_json(r->shared), "ground", ground_json(r), "anonymous",
        r->anonymous, "status", r->status, "dates", "sent_on", json_str_or_null(r->sent_on), "accepted_on",
        json_str_or_null(r->accepted_on), "started_on", json_str_or_null(r->started_on), "ended_on",
        json_str_or_null(r->ended_on), "declined_on", json_str_or_null(r->declined_on), "outcome", r->outcome,
        "consent_withdrawn", r->consent_withdrawn_on != NULL, "created_by", r->created_by_name);
    if (with_events)
        json_object_set_new(j, "events", events_json(r));
    return j;
}

static void reply_referral(http_request *req, int status, int64_t id)
{
    referral r;
    wt_case c;
    wt_status st = referral_get(&req->ctx, id, &r, &c);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, referral_json(&r, true));
}

static void get_list(http_request *req)
{
    referral *list = NULL;
    int n = 0;
    wt_status st = referral_list(&req->ctx, req->ids[0], &list, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, referral_json(&list[i], false));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

static const char *str(http_request *req, json_t *o, const char *key, errors *e)
{
    const char *s = api_str(o, key, e);
    return s ? arena_strdup(req->a, s) : NULL;
}

static void post_referral(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    static const char *const known[] = {"kind", "service_id", "reason", "urgency", "shared", "consent_id",
                                        "legal_ground", "legal_note", "anonymous", "sent_on", NULL};
    api_refuse_unknown(body, known, NULL, &e);
    referral_input in = {0};
    in.kind = str(req, body, "kind", &e);
    in.service_id = str(req, body, "service_id", &e);
    in.reason = str(req, body, "reason", &e);
    in.urgency = str(req, body, "urgency", &e);
    in.shared = consent_api_codes(req, body, "shared", &in.n_shared, &e);
    bool present = false;
    int64_t consent_id = api_int(body, "consent_id", &present, &e);
    in.consent_id = present ? arena_printf(req->a, "%lld", (long long)consent_id) : NULL;
    in.legal_ground = str(req, body, "legal_ground", &e);
    in.legal_note = str(req, body, "legal_note", &e);
    in.anonymous = api_bool(body, "anonymous", &e);
    in.sent_on = str(req, body, "sent_on", &e);
    json_decref(body);
    /* Errors of form travel into referral_create, which checks access first and adds those of content. */
    int64_t id = 0, case_id = 0;
    wt_status st = referral_create(&req->ctx, req->ids[0], &in, &e, &id, &case_id);
    if (st == WT_OK && e.count)
        st = WT_INVALID;
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_referral(req, 201, id);
}

static void get_referral(http_request *req)
{
    reply_referral(req, 200, req->ids[0]);
}

static void post_status(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    static const char *const known[] = {"status", "on", "note", NULL};
    api_refuse_unknown(body, known, NULL, &e);
    referral_step_input in = {str(req, body, "status", &e), str(req, body, "on", &e), str(req, body, "note", &e)};
    json_decref(body);
    int64_t case_id = 0;
    wt_status st = referral_step(&req->ctx, req->ids[0], &in, &e, &case_id);
    if (st == WT_OK && e.count)
        st = WT_INVALID;
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_referral(req, 200, req->ids[0]);
}

static void get_waiting(http_request *req)
{
    referral_waiting *w = NULL;
    int n = 0;
    wt_status st = referral_waiting_list(&req->ctx, API_WAITING_LIMIT, &w, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o}", "items", referral_waiting_json(w, n)));
}

json_t *referral_waiting_json(const referral_waiting *w, int n)
{
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:s, s:s, s:i, s:b}", "id",
                                               (json_int_t)w[i].id, "case_id", (json_int_t)w[i].case_id,
                                               "household_name", w[i].household_name, "kind", w[i].kind,
                                               "organisation", w[i].organisation, "service_name",
                                               json_str_or_null(w[i].service_name), "urgency", w[i].urgency, "sent_on",
                                               w[i].sent_on, "days", w[i].days, "long_wait", w[i].long_wait));
    return items;
}

void referral_api_routes(void)
{
    router_add("GET", "/api/v1/cases/{id}/referrals", get_list, ROUTE_API);
    router_add("POST", "/api/v1/actions/{id}/referrals", post_referral, ROUTE_API);
    router_add("GET", "/api/v1/referrals/waiting", get_waiting, ROUTE_API);
    router_add("GET", "/api/v1/referrals/{id}", get_referral, ROUTE_API);
    router_add("POST", "/api/v1/referrals/{id}/status", post_status, ROUTE_API);
}
