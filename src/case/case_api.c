/*
 * case_api.c - the case over JSON: list, open, read, hand over, close, and the
 * work queue of the logged-in user. The same rules as the pages (case.h).
 */
#include "case_api.h"
#include "../app/support_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"

#include <string.h>

json_t *case_json(const wt_case *c)
{
    return json_pack("{s:I, s:I, s:s, s:I, s:{s:I, s:s}, s:s, s:o, s:s, s:o, s:o, s:o}", "id", (json_int_t)c->id,
                     "household_id", (json_int_t)c->household_id, "household_name", c->household_name, "team_id",
                     (json_int_t)c->team_id, "coordinator", "id", (json_int_t)c->coordinator_id, "display_name",
                     c->coordinator_name, "status", c->status, "reason", json_str_or_null(c->reason), "opened_on", c->opened_on,
                     "closed_on", json_str_or_null(c->closed_on), "close_reason", json_str_or_null(c->close_reason),
                     "close_note", json_str_or_null(c->close_note));
}

const char *case_api_str(http_request *req, json_t *body, const char *key, errors *e)
{
    const char *s = api_str(body, key, e);
    return s ? arena_strdup(req->a, s) : NULL;
}

int64_t case_api_id(json_t *body, const char *key, errors *e, bool *present)
{
    bool has = false;
    int before = e->count;
    int64_t v = api_int(body, key, &has, e);
    if (present)
        *present = has || e->count > before;
    if (has && v <= 0) {
        errors_add(e, key, _("Moet een positief nummer zijn."));
        return 0;
    }
    return has ? v : 0;
}

static json_t *handovers_json(const case_handover_rec *hs, int n)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:{s:I, s:s}, s:{s:I, s:s}, s:{s:I, s:s}, s:s, s:s}", "id",
                                             (json_int_t)hs[i].id, "from", "id", (json_int_t)hs[i].from_user_id,
                                             "display_name", hs[i].from_name, "to", "id", (json_int_t)hs[i].to_user_id,
                                             "display_name", hs[i].to_name, "by", "id", (json_int_t)hs[i].by_user_id,
                                             "display_name", hs[i].by_name, "at", hs[i].at, "reason", hs[i].reason));
    return arr;
}

/* The full case (with its hand-overs) after a read or a change; logs the read. */
static void reply_case(http_request *req, int status, int64_t id)
{
    wt_case c;
    wt_status st = case_get(&req->ctx, id, &c);
    case_handover_rec *hs = NULL;
    int n = 0;
    if (st == WT_OK)
        st = case_handovers(&req->ctx, &c, &hs, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *j = case_json(&c);
    json_object_set_new(j, "handovers", handovers_json(hs, n));
    api_reply(req, status, j);
}

static void get_cases(http_request *req)
{
    case_filter f = {CASE_FILTER_OPEN, 0, 0, 0, false};
    const char *status = req_query(req, "status");
    errors e;
    errors_init(&e, req->a);
    if (status && strcmp(status, "closed") == 0)
        f.status = CASE_FILTER_CLOSED;
    else if (status && strcmp(status, "all") == 0)
        f.status = CASE_FILTER_ALL;
    else if (status && strcmp(status, "open") != 0)
        errors_add(&e, "status", _("De status is open, closed of all."));
    const char *coord = req_query(req, "coordinator");
    if (coord && (!text_parse_int64(coord, &f.coordinator_id) || f.coordinator_id <= 0))
        errors_add(&e, "coordinator", _("De regisseur is het nummer van een gebruiker."));
    const char *mine = req_query(req, "mine");
    if (mine && (strcmp(mine, "1") == 0 || strcmp(mine, "true") == 0))
        f.coordinator_id = req->ctx.who.user_id;
    const char *second = req_query(req, "second_line");
    f.second_line = second && (strcmp(second, "1") == 0 || strcmp(second, "true") == 0);
    api_paging(req, &f.limit, &f.offset);
    if (f.limit > 200)
        f.limit = 200;
    if (e.count && !case_role_may_read(&req->ctx)) {
        api_status(req, WT_FORBIDDEN, NULL);
        return;
    }
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    case_page pg;
    wt_status st = case_list(&req->ctx, &f, &pg);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < pg.n; i++)
        json_array_append_new(items, case_json(&pg.items[i]));
    api_reply(req, 200, json_pack("{s:o, s:i, s:i, s:i}", "items", items, "total", pg.total, "limit", f.limit, "offset",
                                  f.offset));
}

static void post_case(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    case_open_input in = {0};
    in.household_id = case_api_id(body, "household_id", &e, NULL);
    in.reason = case_api_str(req, body, "reason", &e);
    in.coordinator_id = case_api_id(body, "coordinator_id", &e, NULL);
    json_decref(body);
    int64_t id = 0;
    wt_status st = case_open(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_case(req, 201, id);
}

static void get_case(http_request *req)
{
    reply_case(req, 200, req->ids[0]);
}

static void post_handover(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    int64_t to = case_api_id(body, "to_user_id", &e, NULL);
    const char *reason = case_api_str(req, body, "reason", &e);
    json_decref(body);
    wt_status st = case_handover(&req->ctx, req->ids[0], to, reason, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    case_known k;
    if (case_access(&req->ctx, req->ids[0], PERM_CASE_READ, &(wt_case){0}) == WT_OK) {
        reply_case(req, 200, req->ids[0]);
        return;
    }
    /* The team leader hands over cases whose content he does not read: what he may know. */
    req->ctx.need_to_know_case = 0;
    st = case_known_get(&req->ctx, req->ids[0], &k);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:I, s:I, s:s, s:{s:I, s:s}, s:s}", "id", (json_int_t)k.id, "household_id",
                                  (json_int_t)k.household_id, "household_name", k.household_name, "coordinator", "id",
                                  (json_int_t)k.coordinator_id, "display_name", k.coordinator_name, "status", k.status));
}

static void post_close(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    case_close_input in = {0};
    in.close_reason = case_api_str(req, body, "close_reason", &e);
    in.note = case_api_str(req, body, "note", &e);
    in.confirm = api_bool(body, "confirm", &e);
    json_decref(body);
    int open_actions = 0;
    wt_status st = case_close(&req->ctx, req->ids[0], &in, &e, &open_actions);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_case(req, 200, req->ids[0]);
}

static void get_worklist(http_request *req)
{
    worklist w;
    wt_status st = case_worklist(&req->ctx, &w);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *cases = json_array();
    for (int i = 0; i < w.n_cases; i++)
        json_array_append_new(cases, case_json(&w.cases[i]));
    json_t *actions = json_array();
    for (int i = 0; i < w.n_actions; i++) {
        const worklist_action *x = &w.actions[i];
        json_array_append_new(actions, json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b}", "action_id",
                                                 (json_int_t)x->action_id, "goal_id", (json_int_t)x->goal_id, "case_id",
                                                 (json_int_t)x->case_id, "household_name", x->household_name, "body",
                                                 x->body, "layer", x->layer, "due_on", x->due_on, "status", x->status,
                                                 "performer", x->performer, "mine", x->mine, "overdue", x->overdue));
    }
    json_t *handovers = json_array();
    for (int i = 0; i < w.n_handovers; i++) {
        const worklist_handover *h = &w.handovers[i];
        json_array_append_new(handovers, json_pack("{s:I, s:s, s:s, s:s, s:s}", "case_id", (json_int_t)h->case_id,
                                                   "household_name", h->household_name, "from", h->from_name, "at",
                                                   h->at, "reason", h->reason));
    }
    json_t *o = json_pack("{s:o, s:i, s:o, s:o}", "cases", cases, "total_cases", w.total_cases, "actions", actions,
                          "handovers", handovers);
    st = support_worklist_json(req, o);
    if (st != WT_OK) {
        json_decref(o);
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, o);
}

void case_api_routes(void)
{
    router_add("GET", "/api/v1/cases", get_cases, ROUTE_API);
    router_add("POST", "/api/v1/cases", post_case, ROUTE_API);
    router_add("GET", "/api/v1/cases/{id}", get_case, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/handover", post_handover, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/close", post_close, ROUTE_API);
    router_add("GET", "/api/v1/worklist", get_worklist, ROUTE_API);
}
