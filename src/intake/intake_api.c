/*
 * intake_api.c - the intake over JSON: read, record or replace it with its
 * findings per life domain, and make a finding a goal of the plan. The same
 * rules as the pages (intake.h).
 */
#include "intake_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "intake.h"

#include <string.h>

static json_t *intake_json(const intake *it)
{
    json_t *findings = json_array();
    for (int i = 0; i < it->n_findings; i++) {
        const intake_finding *f = &it->findings[i];
        json_array_append_new(findings, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)f->id, "domain",
                                                  f->domain, "situation", f->situation, "strength", f->strength, "wish",
                                                  f->wish, "goal_id", f->goal_id ? json_integer(f->goal_id) : json_null()));
    }
    return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:s}, s:{s:s, s:s}, s:o}", "id",
                     (json_int_t)it->id, "case_id", (json_int_t)it->case_id, "household_id", (json_int_t)it->household_id,
                     "held_on", it->held_on, "question", it->question, "strengths", it->strengths, "opportunities",
                     it->opportunities, "self_does", it->self_does, "network_does", it->network_does, "own_goals",
                     it->own_goals, "created", "by", it->created_by_name, "at", it->created_at, "updated", "by",
                     it->updated_by_name, "at", it->updated_at, "findings", findings);
}

static void reply_intake(http_request *req, int status)
{
    intake it;
    wt_case c;
    wt_status st = intake_get(&req->ctx, req->ids[0], &it, &c);
    if (st == WT_OK && !it.id) {
        api_error(req, 404, "not_found", _("Deze casus heeft nog geen intake."));
        return;
    }
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, intake_json(&it));
}

static void get_intake(http_request *req)
{
    reply_intake(req, 200);
}

static const char *str(http_request *req, json_t *o, const char *key, errors *e)
{
    const char *s = api_str(o, key, e);
    return s ? arena_strdup(req->a, s) : NULL;
}

static void findings_from_json(http_request *req, json_t *arr, intake_input *in, errors *e)
{
    if (!arr || json_is_null(arr))
        return;
    if (!json_is_array(arr)) {
        errors_add(e, "findings", _("Geef de bevindingen als lijst: [{\"domain\": \"money\", \"situation\": \"...\"}]."));
        return;
    }
    size_t n = json_array_size(arr);
    in->findings = arena_alloc(req->a, sizeof(intake_finding_input) * (n ? n : 1));
    for (size_t i = 0; i < n; i++) {
        json_t *f = json_array_get(arr, i);
        if (!json_is_object(f)) {
            errors_add(e, arena_printf(req->a, "findings.%zu", i), _("Elke bevinding is een object."));
            continue;
        }
        in->findings[in->n_findings++] = (intake_finding_input){str(req, f, "domain", e), str(req, f, "situation", e),
                                                                str(req, f, "strength", e), str(req, f, "wish", e)};
    }
}

static void put_intake(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    static const char *const known[] = {"held_on", "question", "strengths", "opportunities", "self_does",
                                        "network_does", "own_goals", "findings", NULL};
    static const char *const ignored[] = {"id", "case_id", "household_id", "created", "updated", NULL};
    api_refuse_unknown(body, known, ignored, &e);
    intake_input in = {0};
    in.held_on = str(req, body, "held_on", &e);
    in.question = str(req, body, "question", &e);
    in.strengths = str(req, body, "strengths", &e);
    in.opportunities = str(req, body, "opportunities", &e);
    in.self_does = str(req, body, "self_does", &e);
    in.network_does = str(req, body, "network_does", &e);
    in.own_goals = str(req, body, "own_goals", &e);
    findings_from_json(req, json_object_get(body, "findings"), &in, &e);
    json_decref(body);
    /* Errors of form (unknown members, types) travel into intake_save, which adds those of content. */
    intake before;
    wt_case c;
    wt_status st = intake_get(&req->ctx, req->ids[0], &before, &c);
    int64_t id = 0;
    if (st == WT_OK)
        st = intake_save(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_intake(req, before.id ? 200 : 201);
}

static void post_goal(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *text = str(req, body, "body", &e);
    json_decref(body);
    int64_t goal_id = 0, case_id = 0;
    wt_status st = e.count ? WT_INVALID : intake_goal_from_finding(&req->ctx, req->ids[0], text, &e, &goal_id, &case_id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 201, json_pack("{s:I, s:I, s:I}", "finding_id", (json_int_t)req->ids[0], "goal_id",
                                  (json_int_t)goal_id, "case_id", (json_int_t)case_id));
}

void intake_api_routes(void)
{
    router_add("GET", "/api/v1/cases/{id}/intake", get_intake, ROUTE_API);
    router_add("PUT", "/api/v1/cases/{id}/intake", put_intake, ROUTE_API);
    router_add("POST", "/api/v1/intakes/findings/{id}/goal", post_goal, ROUTE_API);
}
