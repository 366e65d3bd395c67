/*
 * plan_api.c - the plan over JSON: read the plan, change its strengths, agree
 * it with the resident, add and change goals and actions. The same rules as
 * the pages (plan.h); PATCH changes only the members it is given.
 */
#include "plan_api.h"
#include "../case/case_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"

static const char *due_code(due_state d)
{
    switch (d) {
    case DUE_OVERDUE: return "overdue";
    case DUE_SOON: return "soon";
    case DUE_LATER: return "later";
    default: return NULL;
    }
}

json_t *plan_action_json(const plan_action *x)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o}", "id", (json_int_t)x->id, "goal_id",
                     (json_int_t)x->goal_id, "body", x->body, "layer", x->layer, "performer", x->performer,
                     "performer_user_id", x->performer_user_id ? json_integer(x->performer_user_id) : json_null(),
                     "due_on", json_str_or_null(x->due_on), "status", x->status, "due", json_str_or_null(due_code(x->due)),
                     "activity_id", x->activity_id ? json_integer(x->activity_id) : json_null(), "activity_title",
                     json_str_or_null(x->activity_id ? x->activity_title : NULL));
}

json_t *plan_goal_json(const plan_goal *g)
{
    json_t *actions = json_array();
    for (int i = 0; i < g->n_actions; i++)
        json_array_append_new(actions, plan_action_json(&g->actions[i]));
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)g->id, "domain", g->domain, "situation",
                     g->situation, "strength", g->strength, "body", g->body, "status", g->status, "actions", actions);
}

json_t *plan_json(const plan_view *p)
{
    json_t *goals = json_array();
    for (int i = 0; i < p->n_goals; i++)
        json_array_append_new(goals, plan_goal_json(&p->goals[i]));
    json_t *layers = json_object();
    for (int i = 0; i < PLAN_LAYERS; i++)
        json_object_set_new(layers, plan_layers[i].code, json_integer(p->layer_counts[i]));
    return json_pack("{s:o, s:I, s:s, s:i, s:o, s:o, s:b, s:o, s:i, s:o}", "id", p->id ? json_integer(p->id) : json_null(),
                     "case_id", (json_int_t)p->case_id, "strengths", p->strengths ? p->strengths : "", "version",
                     p->version, "agreed_on", json_str_or_null(p->agreed_on), "agreed_version",
                     p->agreed_on ? json_integer(p->agreed_version) : json_null(), "agreement_outdated",
                     plan_agreement_outdated(p->version, p->agreed_on, p->agreed_version), "layer_counts", layers,
                     "open_actions", p->open_actions, "goals", goals);
}

static void reply_plan(http_request *req, int64_t case_id)
{
    plan_view p;
    wt_status st = plan_get(&req->ctx, case_id, &p);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, plan_json(&p));
}

static void get_plan(http_request *req)
{
    reply_plan(req, req->ids[0]);
}

static void put_plan(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *strengths = case_api_str(req, body, "strengths", &e);
    json_decref(body);
    if (!strengths && !errors_get(&e, "strengths") && case_role_may_read(&req->ctx))
        errors_add(&e, "strengths", _("Geef de krachten van het huishouden mee (tekst, mag leeg zijn)."));
    wt_status st = plan_set_strengths(&req->ctx, req->ids[0], strengths, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_plan(req, req->ids[0]);
}

static void post_agree(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *on = case_api_str(req, body, "agreed_on", &e);
    json_decref(body);
    wt_status st = plan_agree(&req->ctx, req->ids[0], on, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_plan(req, req->ids[0]);
}

static void goal_from_json(http_request *req, json_t *body, goal_input *in, errors *e)
{
    in->domain = case_api_str(req, body, "domain", e);
    in->situation = case_api_str(req, body, "situation", e);
    in->strength = case_api_str(req, body, "strength", e);
    in->body = case_api_str(req, body, "body", e);
    in->status = case_api_str(req, body, "status", e);
}

static void reply_goal(http_request *req, int status, int64_t goal_id)
{
    plan_goal g;
    wt_case c;
    wt_status st = plan_goal_get(&req->ctx, goal_id, &g, &c);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    /* The goal with its actions, as the plan shows it. */
    plan_view p;
    st = plan_load(&req->ctx, &c, &p);
    for (int i = 0; st == WT_OK && i < p.n_goals; i++)
        if (p.goals[i].id == goal_id)
            g = p.goals[i];
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, plan_goal_json(&g));
}

static void post_goal(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    goal_input in = {0};
    goal_from_json(req, body, &in, &e);
    json_decref(body);
    if (in.status && case_role_may_read(&req->ctx))
        errors_add(&e, "status", _("Een nieuw doel is open; de stand verandert u later."));
    int64_t id = 0;
    wt_status st = plan_add_goal(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_goal(req, 201, id);
}

static void patch_goal(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    goal_input in = {0};
    goal_from_json(req, body, &in, &e);
    json_decref(body);
    wt_status st = plan_update_goal(&req->ctx, req->ids[0], &in, &e, NULL);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_goal(req, 200, req->ids[0]);
}

static void action_from_json(http_request *req, json_t *body, action_input *in, errors *e)
{
    in->body = case_api_str(req, body, "body", e);
    in->layer = case_api_str(req, body, "layer", e);
    in->performer = case_api_str(req, body, "performer", e);
    in->status = case_api_str(req, body, "status", e);
    /* Present and null clears; absent leaves unchanged. */
    in->has_due_on = json_object_get(body, "due_on") != NULL;
    in->due_on = case_api_str(req, body, "due_on", e);
    in->has_performer_user = json_object_get(body, "performer_user_id") != NULL;
    in->performer_user_id = case_api_id(body, "performer_user_id", e, NULL);
    in->has_activity = json_object_get(body, "activity_id") != NULL;
    in->activity_id = case_api_id(body, "activity_id", e, NULL);
}

static void reply_action(http_request *req, int status, int64_t action_id)
{
    plan_action x;
    wt_case c;
    wt_status st = plan_action_get(&req->ctx, action_id, &x, &c);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, plan_action_json(&x));
}

static void post_action(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    action_input in = {0};
    action_from_json(req, body, &in, &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st = plan_add_action(&req->ctx, req->ids[0], &in, &e, &id, NULL);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_action(req, 201, id);
}

static void patch_action(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    action_input in = {0};
    action_from_json(req, body, &in, &e);
    json_decref(body);
    wt_status st = plan_update_action(&req->ctx, req->ids[0], &in, &e, NULL);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_action(req, 200, req->ids[0]);
}

void plan_api_routes(void)
{
    router_add("GET", "/api/v1/cases/{id}/plan", get_plan, ROUTE_API);
    router_add("PUT", "/api/v1/cases/{id}/plan", put_plan, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/plan/agree", post_agree, ROUTE_API);
    router_add("POST", "/api/v1/cases/{id}/goals", post_goal, ROUTE_API);
    router_add("PATCH", "/api/v1/goals/{id}", patch_goal, ROUTE_API);
    router_add("POST", "/api/v1/goals/{id}/actions", post_action, ROUTE_API);
    router_add("PATCH", "/api/v1/actions/{id}", patch_action, ROUTE_API);
}
