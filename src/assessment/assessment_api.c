/*
 * assessment_api.c - self-sufficiency assessments over JSON: the scales, the
 * history of a person with progress and cadence, a new assessment, one
 * assessment. The same rules as the pages (assessment.h).
 *
 * Scores travel as an object keyed by domain code: {"finances": 3,
 * "housing": null}; null, "" or an absent domain means "not assessed".
 */
#include "assessment_api.h"
#include "../core/i18n.h"
#include "../http/api.h"
#include "../http/router.h"
#include "assessment.h"

#include <string.h>

static json_t *levels_json(const assessment_scale *s)
{
    json_t *arr = json_array();
    for (int k = 0; k < ASSESSMENT_LEVELS; k++)
        json_array_append_new(arr, json_pack("{s:i, s:s, s:s}", "score", k + 1, "label", s->levels[k].label,
                                             "description", s->levels[k].description));
    return arr;
}

static json_t *scale_json(const assessment_scale *s)
{
    json_t *domains = json_array();
    for (int i = 0; i < s->n_domains; i++) {
        const assessment_domain *d = &s->domains[i];
        json_t *lv = json_array();
        for (int k = 0; k < ASSESSMENT_LEVELS; k++)
            json_array_append_new(lv, json_string(d->levels[k]));
        json_array_append_new(domains, json_pack("{s:s, s:s, s:s, s:i, s:o}", "code", d->code, "name", d->name,
                                                 "description", d->description, "position", d->position, "levels", lv));
    }
    return json_pack("{s:s, s:s, s:s, s:s, s:b, s:o, s:o}", "code", s->code, "name", s->name, "version", s->version,
                     "description", s->description, "active", s->active, "levels", levels_json(s), "domains", domains);
}

static json_t *assessment_json(const assessment *it, const assessment_scale *s)
{
    json_t *scores = json_object(), *notes = json_object();
    for (int k = 0; s && k < s->n_domains && k < it->n_scores; k++) {
        json_object_set_new(scores, s->domains[k].code, it->scores[k] ? json_integer(it->scores[k]) : json_null());
        if (*it->score_notes[k])
            json_object_set_new(notes, s->domains[k].code, json_string(it->score_notes[k]));
    }
    return json_pack("{s:I, s:I, s:o, s:s, s:s, s:{s:o, s:s}, s:s, s:s, s:o, s:o}", "id", (json_int_t)it->id,
                     "person_id", (json_int_t)it->person_id, "case_id",
                     it->case_id ? json_integer(it->case_id) : json_null(), "scale", s ? s->code : "", "assessed_on",
                     it->assessed_on, "assessed_by", "id", it->assessed_by ? json_integer(it->assessed_by) : json_null(),
                     "display_name", it->assessed_by_name, "note", it->note, "created_at", it->created_at, "scores",
                     scores, "notes", notes);
}

static json_t *due_json(const assessment_due *d)
{
    return json_pack("{s:b, s:b, s:o}", "applies", d->applies, "due", d->due, "since", json_str_or_null(d->since));
}

static json_t *progress_json(const assessment_scale *s, const assessment_progress *p)
{
    json_t *domains = json_object();
    for (int k = 0; k < s->n_domains; k++) {
        const assessment_domain_progress *dp = &p->domains[k];
        json_object_set_new(domains, s->domains[k].code,
                            json_pack("{s:o, s:o, s:o}", "first", dp->first ? json_integer(dp->first) : json_null(),
                                      "latest", dp->latest ? json_integer(dp->latest) : json_null(), "change",
                                      dp->has_change ? json_integer(dp->change) : json_null()));
    }
    return json_pack("{s:s, s:i, s:o, s:o, s:o, s:o, s:o, s:i, s:i, s:i, s:o}", "scale", s->code, "assessments",
                     p->n_assessments, "first_on", json_str_or_null(p->first_on), "latest_on",
                     json_str_or_null(p->latest_on), "first_average",
                     p->has_first_avg ? json_real(p->first_avg) : json_null(), "latest_average",
                     p->has_latest_avg ? json_real(p->latest_avg) : json_null(), "average_change",
                     p->n_changed ? json_real(p->avg_change) : json_null(), "improved", p->improved, "declined",
                     p->declined, "unchanged", p->unchanged, "domains", domains);
}

static void get_scales(http_request *req)
{
    assessment_scale *scales = NULL;
    int n = 0;
    wt_status st = assessment_scales(&req->ctx, false, &scales, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, scale_json(&scales[i]));
    api_reply(req, 200, json_pack("{s:o}", "scales", arr));
}

static void reply_history(http_request *req, int status)
{
    assessment_history h;
    wt_status st = assessment_history_get(&req->ctx, req->ids[0], &h);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array(), *progress = json_array();
    for (int i = 0; i < h.n; i++)
        json_array_append_new(items, assessment_json(&h.items[i], assessment_history_scale(&h, h.items[i].scale_id)));
    for (int i = 0; i < h.n_scales; i++) {
        assessment *on = NULL;
        int n = assessment_history_on_scale(req->a, &h, h.scales[i].id, &on);
        assessment_progress p;
        assessment_progress_compute(req->a, &h.scales[i], on, n, &p);
        json_array_append_new(progress, progress_json(&h.scales[i], &p));
    }
    api_reply(req, status,
              json_pack("{s:{s:I, s:s, s:I, s:o}, s:o, s:o, s:b, s:o}", "person", "id", (json_int_t)h.person.id, "name",
                        h.person.name, "household_id", (json_int_t)h.person.household_id, "case_id",
                        h.person.case_id ? json_integer(h.person.case_id) : json_null(), "due", due_json(&h.due),
                        "assessments", items, "truncated", h.truncated, "progress", progress));
}

static void get_history(http_request *req)
{
    reply_history(req, 200);
}

/* A score as JSON: a number 1..5, a string, or null. Anything else is a type error. */
static const char *score_text(http_request *req, json_t *v, const char *field, errors *e)
{
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_integer(v))
        return arena_printf(req->a, "%lld", (long long)json_integer_value(v));
    if (json_is_string(v))
        return arena_strdup(req->a, json_string_value(v));
    errors_add(e, field, _("Een score is een getal van 1 tot en met 5, of null voor niet beoordeeld."));
    return NULL;
}

static void input_from_json(http_request *req, json_t *body, assessment_input *in, errors *e)
{
    memset(in, 0, sizeof(*in));
    const char *s = api_str(body, "scale", e);
    in->scale = s ? arena_strdup(req->a, s) : NULL;
    s = api_str(body, "assessed_on", e);
    in->assessed_on = s ? arena_strdup(req->a, s) : NULL;
    s = api_str(body, "note", e);
    in->note = s ? arena_strdup(req->a, s) : NULL;
    json_t *scores = json_object_get(body, "scores"), *notes = json_object_get(body, "notes");
    if (scores && !json_is_object(scores))
        errors_add(e, "scores", _("Geef de scores als object: {\"finances\": 3, ...}."));
    if (notes && !json_is_object(notes))
        errors_add(e, "notes", _("Geef de toelichtingen als object: {\"finances\": \"...\"}."));
    size_t n = json_is_object(scores) ? json_object_size(scores) : 0;
    in->scores = arena_alloc(req->a, sizeof(assessment_score_input) * (n ? n : 1));
    const char *key;
    json_t *v;
    if (!json_is_object(scores))
        return;
    json_object_foreach(scores, key, v) {
        const char *field = arena_printf(req->a, "scores.%s", key);
        json_t *note = json_is_object(notes) ? json_object_get(notes, key) : NULL;
        in->scores[in->n_scores++] = (assessment_score_input){
            arena_strdup(req->a, key), score_text(req, v, field, e),
            json_is_string(note) ? arena_strdup(req->a, json_string_value(note)) : NULL};
    }
}

static void post_assessment(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    assessment_input in;
    input_from_json(req, body, &in, &e);
    json_decref(body);
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    int64_t id = 0;
    wt_status st = assessment_create(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    assessment it;
    assessment_scale s;
    assessment_person p;
    st = assessment_get(&req->ctx, id, &it, &s, &p);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 201, assessment_json(&it, &s));
}

static void get_assessment(http_request *req)
{
    assessment it;
    assessment_scale s;
    assessment_person p;
    wt_status st = assessment_get(&req->ctx, req->ids[0], &it, &s, &p);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, assessment_json(&it, &s));
}

json_t *assessment_due_json(const assessment_due_item *items, int n)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:I, s:s, s:I, s:s, s:I, s:o, s:s}", "person_id",
                                             (json_int_t)items[i].person_id, "person_name", items[i].person_name,
                                             "household_id", (json_int_t)items[i].household_id, "household_name",
                                             items[i].household_name, "case_id", (json_int_t)items[i].case_id,
                                             "last_assessed_on", json_str_or_null(items[i].last_assessed_on),
                                             "due_since", items[i].due_since));
    return arr;
}

static void get_due(http_request *req)
{
    assessment_due_item *items = NULL;
    int n = 0;
    const char *all = req_query(req, "team");
    bool team = all && strcmp(all, "1") == 0;
    wt_status st = assessment_due_list(&req->ctx, team ? 0 : req->ctx.who.user_id, 100, &items, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = assessment_due_json(items, n);
    api_reply(req, 200, json_pack("{s:o}", "due", arr));
}

void assessment_api_routes(void)
{
    router_add("GET", "/api/v1/assessment-scales", get_scales, ROUTE_API);
    router_add("GET", "/api/v1/assessments/due", get_due, ROUTE_API);
    router_add("GET", "/api/v1/assessments/{id}", get_assessment, ROUTE_API);
    router_add("GET", "/api/v1/persons/{id}/assessments", get_history, ROUTE_API);
    router_add("POST", "/api/v1/persons/{id}/assessments", post_assessment, ROUTE_API);
}
