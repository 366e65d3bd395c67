/* activity_api.c - JSON routes of collective activities: list, plan, read, add people, record the outcome. */
#include "activity_api.h"
#include "../plan/plan.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../neighbourhood/presence_api.h"
#include "activity.h"

#include <string.h>

static json_t *activity_json(const wt_activity *a)
{
    json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:o, s:s, s:o, s:o, s:s, s:I, s:o, s:o}", "id", (json_int_t)a->id,
                          "team_id", (json_int_t)a->team_id, "title", a->title, "kind", a->kind, "description",
                          json_str_or_null(a->description), "starts_on", a->starts_on, "ends_on",
                          json_str_or_null(a->ends_on), "schedule", json_str_or_null(a->schedule), "place", a->place,
                          "costs_cents", (json_int_t)a->costs_cents, "supported_by", papi_id_or_null(a->supported_by),
                          "outcome", json_str_or_null(a->outcome));
    json_object_set_new(j, "organisers", json_integer(a->organisers));
    json_object_set_new(j, "volunteers", json_integer(a->volunteers));
    json_object_set_new(j, "participants", json_integer(a->participants));
    return j;
}

static void reply_activity(http_request *req, int status, int64_t id)
{
    wt_activity a;
    activity_person *p;
    int n = 0;
    wt_status st = activity_get(&req->ctx, id, &a);
    if (st == WT_OK)
        st = activity_people(&req->ctx, &a, &p, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *j = activity_json(&a);
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:s, s:o, s:o, s:i, s:o}", "id", (json_int_t)p[i].id, "role",
                                             p[i].role, "person_id", papi_id_or_null(p[i].person_id), "name",
                                             json_str_or_null(p[i].name), "anonymous_count", p[i].anonymous_count,
                                             "note", json_str_or_null(p[i].note)));
    json_object_set_new(j, "people", arr);
    /* Households pointed here by their plan: the number for everyone, which ones only on need-to-know. */
    int count = 0, nk = 0;
    plan_pointed *known = NULL;
    st = plan_pointed_to_activity(&req->ctx, id, &count, &known, &nk);
    if (st == WT_OK) {
        json_t *ka = json_array();
        for (int i = 0; i < nk; i++)
            json_array_append_new(ka, json_pack("{s:I, s:I, s:s, s:s}", "case_id", (json_int_t)known[i].case_id,
                                                "household_id", (json_int_t)known[i].household_id, "household_name",
                                                known[i].household_name, "action", known[i].action_body));
        json_object_set_new(j, "pointed_from_plans", json_pack("{s:i, s:o}", "count", count, "known", ka));
    } else if (st != WT_FORBIDDEN) {
        json_decref(j);
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, j);
}

static void get_activities(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    bool past = req_query(req, "past") && strcmp(req_query(req, "past"), "true") == 0;
    wt_activity *items;
    int n = 0;
    bool more = false;
    wt_status st = activity_list(&req->ctx, !past, limit, offset, &items, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, activity_json(&items[i]));
    api_reply(req, 200, json_pack("{s:o, s:b}", "items", arr, "more", more));
}

static void post_activities(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    activity_input in = {0};
    in.title = papi_str(req, body, "title", &e);
    in.kind = papi_str(req, body, "kind", &e);
    in.description = papi_str(req, body, "description", &e);
    in.starts_on = papi_str(req, body, "starts_on", &e);
    in.ends_on = papi_str(req, body, "ends_on", &e);
    in.schedule = papi_str(req, body, "schedule", &e);
    in.place = papi_str(req, body, "place", &e);
    in.costs_cents = papi_int(body, "costs_cents", &e);
    in.supported_by = papi_int(body, "supported_by", &e);
    in.organiser_names = papi_strs(req, body, "organisers", ACTIVITY_MAX_NAMES, &in.n_organiser_names, &e);
    in.organiser_person_ids =
        papi_ids(req, body, "organiser_person_ids", ACTIVITY_MAX_NAMES, &in.n_organiser_persons, &e);
    in.volunteer_names = papi_strs(req, body, "volunteers", ACTIVITY_MAX_NAMES, &in.n_volunteer_names, &e);
    int64_t anon = papi_int(body, "anonymous_participants", &e);
    in.idea_id = papi_int(body, "idea_id", &e);
    json_decref(body);
    if (anon < 0 || anon > ACTIVITY_MAX_ANONYMOUS)
        errors_add(&e, "anonymous_participants", _("Het aantal deelnemers is 0 tot en met 10000."));
    else
        in.anonymous_participants = (int)anon;
    int64_t id = 0;
    wt_status st = e.count ? WT_INVALID : activity_create(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_activity(req, 201, id);
}

static void get_activity(http_request *req)
{
    reply_activity(req, 200, req->ids[0]);
}

static void post_role(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    int64_t count = papi_int(body, "anonymous_count", &e);
    activity_role_input in = {.role = papi_str(req, body, "role", &e), .person_id = papi_int(body, "person_id", &e),
                              .name = papi_str(req, body, "name", &e), .note = papi_str(req, body, "note", &e)};
    json_decref(body);
    if (count < 0 || count > ACTIVITY_MAX_ANONYMOUS)
        errors_add(&e, "anonymous_count", _("Het aantal deelnemers is 1 tot en met 10000."));
    else
        in.anonymous_count = (int)count;
    wt_status st = e.count ? WT_INVALID : activity_add_role(&req->ctx, req->ids[0], &in, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_activity(req, 201, req->ids[0]);
}

static void patch_activity(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *outcome = papi_str(req, body, "outcome", &e);
    bool has_costs = false;
    int64_t cents = api_int(body, "costs_cents", &has_costs, &e);
    json_decref(body);
    const char *costs = has_costs && cents >= 0 ? arena_printf(req->a, "%lld,%02lld", (long long)(cents / 100), (long long)(cents % 100)) : NULL;
    if (has_costs && cents < 0)
        errors_add(&e, "costs_cents", _("De kosten liggen tussen 0 en 1.000.000 euro."));
    wt_status st = e.count ? WT_INVALID : activity_set_outcome(&req->ctx, req->ids[0], outcome, costs, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_activity(req, 200, req->ids[0]);
}

void activity_api_routes(void)
{
    router_add("GET", "/api/v1/activities", get_activities, ROUTE_API);
    router_add("POST", "/api/v1/activities", post_activities, ROUTE_API);
    router_add("GET", "/api/v1/activities/{id}", get_activity, ROUTE_API);
    router_add("PATCH", "/api/v1/activities/{id}", patch_activity, ROUTE_API);
    router_add("POST", "/api/v1/activities/{id}/people", post_role, ROUTE_API);
}
