/* signal_api.c - JSON routes of early signals: list (active, due, closed), record, read, follow up, close. */
#include "signal_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../neighbourhood/presence_api.h"

#include <string.h>

json_t *signal_json(http_request *req, const wt_signal *s)
{
    json_t *j = json_pack("{s:I, s:I, s:o, s:o, s:o, s:b, s:o, s:s, s:s, s:s, s:o, s:s, s:i, s:s, s:o, s:b, s:i}",
                          "id", (json_int_t)s->id, "team_id", (json_int_t)s->team_id, "address",
                          papi_address(req, &s->addr), "person_id", papi_id_or_null(s->person_id), "household_id",
                          papi_id_or_null(s->household_id), "anonymous", s->anonymous, "place",
                          json_str_or_null(s->place), "kind", s->kind, "noticed_by", s->noticed_by, "urgency",
                          s->urgency, "description", json_str_or_null(s->description), "noticed_on", s->noticed_on,
                          "follow_up_days", s->follow_up_days, "status", s->status, "next_due_on",
                          json_str_or_null(s->next_due_on), "due", s->due, "followups", s->followups);
    json_object_set_new(j, "round_stop_id", papi_id_or_null(s->round_stop_id));
    json_object_set_new(j, "outcome", json_str_or_null(s->outcome));
    json_object_set_new(j, "outcome_note", json_str_or_null(s->outcome_note));
    json_object_set_new(j, "partner_name", json_str_or_null(s->partner_name));
    json_object_set_new(j, "partner_service_key", json_str_or_null(s->partner_service_key));
    json_object_set_new(j, "shared_what", json_str_or_null(s->shared_what));
    json_object_set_new(j, "legal_ground", json_str_or_null(s->legal_ground));
    json_object_set_new(j, "case_id", papi_id_or_null(s->case_id));
    json_object_set_new(j, "closed_on", json_str_or_null(s->closed_on));
    json_object_set_new(j, "created_at", json_str_or_null(s->created_at));
    return j;
}

static json_t *followups_json(const signal_followup *f, int n)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:s, s:o, s:s, s:b, s:o}", "id", (json_int_t)f[i].id, "at", f[i].at,
                                             "by", json_str_or_null(f[i].by_name), "kind", f[i].kind, "contact_made",
                                             f[i].contact_made, "note", json_str_or_null(f[i].note)));
    return arr;
}

static void reply_signal(http_request *req, int status, int64_t id)
{
    wt_signal s;
    signal_followup *f;
    int n = 0;
    wt_status st = signal_get(&req->ctx, id, &s);
    if (st == WT_OK)
        st = signal_followups(&req->ctx, &s, &f, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *j = signal_json(req, &s);
    json_object_set_new(j, "followup_list", followups_json(f, n));
    api_reply(req, status, j);
}

/* The signals that led to a case, each with its follow-ups: the signal's history that went with the case. */
static void get_case_signals(http_request *req, const char *case_param)
{
    int64_t case_id = 0;
    if (!text_parse_int64(case_param, &case_id) || case_id <= 0) {
        errors e;
        errors_init(&e, req->a);
        errors_add(&e, "case_id", _("Geef het nummer van een casus."));
        api_invalid(req, &e);
        return;
    }
    wt_signal *items;
    int n = 0;
    wt_status st = signal_list_for_case(&req->ctx, case_id, &items, &n);
    json_t *arr = json_array();
    for (int i = 0; st == WT_OK && i < n; i++) {
        signal_followup *f;
        int nf = 0;
        st = signal_followups(&req->ctx, &items[i], &f, &nf);
        json_t *j = signal_json(req, &items[i]);
        json_object_set_new(j, "followup_list", followups_json(f, st == WT_OK ? nf : 0));
        json_array_append_new(arr, j);
    }
    if (st != WT_OK) {
        json_decref(arr);
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o, s:b}", "items", arr, "more", false));
}

static void get_signals(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    const char *case_param = req_query(req, "case_id");
    if (case_param) {
        get_case_signals(req, case_param);
        return;
    }
    const char *f = req_query(req, "filter");
    signal_filter filter = SIGNAL_FILTER_ACTIVE;
    if (f && strcmp(f, "due") == 0)
        filter = SIGNAL_FILTER_DUE;
    else if (f && strcmp(f, "closed") == 0)
        filter = SIGNAL_FILTER_CLOSED;
    else if (f && strcmp(f, "active") != 0) {
        errors e;
        errors_init(&e, req->a);
        errors_add(&e, "filter", _("Kies active, due of closed."));
        api_invalid(req, &e);
        return;
    }
    wt_signal *items;
    int n = 0;
    bool more = false;
    wt_status st = signal_list(&req->ctx, filter, limit, offset, &items, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, signal_json(req, &items[i]));
    api_reply(req, 200, json_pack("{s:o, s:b}", "items", arr, "more", more));
}

static void post_signals(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    signal_input in = {0};
    in.address_id = papi_int(body, "address_id", &e);
    in.address_key = papi_str(req, body, "address", &e);
    in.person_id = papi_int(body, "person_id", &e);
    in.anonymous = api_bool(body, "anonymous", &e);
    in.place = papi_str(req, body, "place", &e);
    in.kind = papi_str(req, body, "kind", &e);
    in.noticed_by = papi_str(req, body, "noticed_by", &e);
    in.urgency = papi_str(req, body, "urgency", &e);
    in.description = papi_str(req, body, "description", &e);
    in.noticed_on = papi_str(req, body, "noticed_on", &e);
    int64_t days = papi_int(body, "follow_up_days", &e);
    in.round_stop_id = papi_int(body, "round_stop_id", &e);
    json_decref(body);
    /* out of range: the rule names the field (0 means "by urgency") */
    in.follow_up_days = (int)(days >= 0 && days <= SIGNAL_MAX_INTERVAL ? days : SIGNAL_MAX_INTERVAL + 1);
    int64_t id = 0;
    wt_status st = signal_create(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_signal(req, 201, id);
}

static void get_signal(http_request *req)
{
    reply_signal(req, 200, req->ids[0]);
}

static void post_followup(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    json_t *cm = json_object_get(body, "contact_made");
    if (!json_is_boolean(cm))
        errors_add(&e, "contact_made", _("Geef aan of er contact was: true of false."));
    followup_input in = {.at = papi_str(req, body, "at", &e), .kind = papi_str(req, body, "kind", &e),
                         .contact_made = json_is_true(cm), .note = papi_str(req, body, "note", &e)};
    json_decref(body);
    wt_status st = signal_add_followup(&req->ctx, req->ids[0], &in, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_signal(req, 201, req->ids[0]);
}

static void post_close(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    signal_close_input in = {
        .outcome = papi_str(req, body, "outcome", &e), .note = papi_str(req, body, "note", &e),
        .partner_name = papi_str(req, body, "partner_name", &e),
        .partner_service_key = papi_str(req, body, "partner_service_key", &e),
        .shared_what = papi_str(req, body, "shared_what", &e), .legal_ground = papi_str(req, body, "legal_ground", &e),
        .household_id = papi_int(body, "household_id", &e), .case_reason = papi_str(req, body, "case_reason", &e),
    };
    json_decref(body);
    int64_t case_id = 0;
    wt_status st = e.count ? WT_INVALID : signal_close(&req->ctx, req->ids[0], &in, &e, &case_id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_signal(req, 200, req->ids[0]);
}

void signal_api_routes(void)
{
    router_add("GET", "/api/v1/signals", get_signals, ROUTE_API);
    router_add("POST", "/api/v1/signals", post_signals, ROUTE_API);
    router_add("GET", "/api/v1/signals/{id}", get_signal, ROUTE_API);
    router_add("POST", "/api/v1/signals/{id}/followups", post_followup, ROUTE_API);
    router_add("POST", "/api/v1/signals/{id}/close", post_close, ROUTE_API);
}
