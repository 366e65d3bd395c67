/*
 * network_api.c - the JSON API of the neighbourhood network (see
 * docs/openapi/network.json): relations, offers, needs, proposals, matches
 * and the team's figures. Access and audit are the rules' job (network.h).
 */
#include "../case/case_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "network.h"
#include "network_api.h"

#include <string.h>

static json_t *relation_json(const net_relation *r)
{
    return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:i, s:o, s:s, s:s, s:o, s:o, s:s, s:s, s:o}", "id", (json_int_t)r->id,
                     "person_a", (json_int_t)r->person_a, "name_a", r->name_a, "person_b", (json_int_t)r->person_b, "name_b",
                     r->name_b, "kind", r->kind, "strength", r->strength, "since", json_str_or_null(r->since), "source",
                     r->source, "legal_ground", r->legal_ground, "ground_note", json_str_or_null(r->ground_note), "note",
                     json_str_or_null(r->note), "recorded_by", r->recorded_by_name, "recorded_at", r->recorded_at,
                     "ended_on", json_str_or_null(r->ended_on));
}

static json_t *offer_json(const net_offer *o)
{
    return json_pack("{s:I, s:I, s:s, s:o, s:o, s:b, s:s, s:s, s:s, s:o}", "id", (json_int_t)o->id, "person_id",
                     (json_int_t)o->person_id, "skill", o->skill, "hours_per_week",
                     o->hours_per_week >= 0 ? json_integer(o->hours_per_week) : json_null(), "note",
                     json_str_or_null(o->note), "active", o->active, "legal_ground", o->legal_ground, "recorded_at",
                     o->recorded_at, "source", o->source ? o->source : "worker", "question_id",
                     o->question_id ? json_integer(o->question_id) : json_null());
}

static json_t *load_json(const net_load *l)
{
    return json_pack("{s:i, s:b, s:i, s:i, s:i, s:b}", "capacity", l->capacity, "carries_much", l->carries_much,
                     "active_matches", l->active_matches, "cares_for", l->cares_for, "load", l->load, "at_limit", l->at_limit);
}

static json_t *need_json(const net_need *n)
{
    return json_pack("{s:I, s:I, s:o, s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)n->id, "household_id",
                     (json_int_t)n->household_id, "person_id", n->person_id ? json_integer(n->person_id) : json_null(),
                     "skill", n->skill, "body", n->body, "source", n->source, "action_id",
                     n->action_id ? json_integer(n->action_id) : json_null(), "question_id",
                     n->question_id ? json_integer(n->question_id) : json_null(), "status", n->status, "created_at",
                     n->created_at);
}

static json_t *match_json(const net_match *m)
{
    return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)m->id, "need_id",
                     (json_int_t)m->need_id, "offerer_id", (json_int_t)m->offerer_id, "offerer_name", m->offerer_name,
                     "status", m->status, "reasons", m->reasons ? m->reasons : "", "note", json_str_or_null(m->note),
                     "follow_up_on", json_str_or_null(m->follow_up_on), "recorded_by", m->recorded_by_name, "updated_at",
                     m->updated_at);
}

static json_t *reasons_json(const char *reasons)
{
    json_t *a = json_array();
    const char *p = reasons ? reasons : "";
    while (*p) {
        const char *end = strstr(p, "; ");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        json_array_append_new(a, json_stringn(p, n));
        p += n;
        if (end)
            p += 2;
    }
    return a;
}

static json_t *candidate_json(const net_candidate *c)
{
    return json_pack("{s:I, s:s, s:I, s:I, s:o, s:i, s:i, s:i, s:o}", "person_id", (json_int_t)c->person_id, "name", c->name,
                     "household_id", (json_int_t)c->household_id, "offer_id", (json_int_t)c->offer_id, "distance_m",
                     c->has_distance ? json_integer((json_int_t)(c->distance_m + 0.5)) : json_null(), "network_depth",
                     c->depth, "load", c->load, "capacity", c->capacity, "reasons", reasons_json(c->reasons));
}

/* ---- relations ------------------------------------------------------------------------------------------------- */

static json_t *relations_json(const net_relation *r, int n)
{
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, relation_json(&r[i]));
    return items;
}

static bool query_true(http_request *req, const char *name)
{
    const char *v = req_query(req, name);
    return v && strcmp(v, "true") == 0;
}

static void get_relations(http_request *req)
{
    int64_t person_id = 0;
    if (!text_parse_int64(req_query(req, "person_id"), &person_id) || person_id <= 0) {
        if (!network_may(&req->ctx, false)) {
            api_status(req, WT_FORBIDDEN, NULL);
            return;
        }
        errors e;
        errors_init(&e, req->a);
        errors_add(&e, "person_id", _("Geef person_id: de bewoner van wie u de relaties wilt zien."));
        api_invalid(req, &e);
        return;
    }
    net_relation *r;
    int n = 0;
    wt_status st = network_relations_of_person(&req->ctx, person_id, query_true(req, "include_ended"), &r, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o}", "items", relations_json(r, n)));
}

static void post_relation(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    bool present = false;
    relation_input in = {0};
    in.person_id = case_api_id(body, "person_id", &e, NULL);
    in.other_person_id = case_api_id(body, "other_person_id", &e, NULL);
    in.kind = case_api_str(req, body, "kind", &e);
    in.strength = (int)api_int(body, "strength", &present, &e);
    if (present && (in.strength < 1 || in.strength > 3))
        in.strength = -1;
    in.since = case_api_str(req, body, "since", &e);
    in.source = case_api_str(req, body, "source", &e);
    in.legal_ground = case_api_str(req, body, "legal_ground", &e);
    in.ground_note = case_api_str(req, body, "ground_note", &e);
    in.note = case_api_str(req, body, "note", &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st;
    if (!network_may(&req->ctx, true))
        st = WT_FORBIDDEN;
    else
        st = e.count ? WT_INVALID : network_relation_add(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    net_relation *r;
    int n = 0;
    st = network_relations_of_person(&req->ctx, in.person_id, false, &r, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        if (r[i].id == id) {
            api_reply(req, 201, relation_json(&r[i]));
            return;
        }
    api_reply(req, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

static void get_household_relations(http_request *req)
{
    net_relation *r;
    int n = 0;
    wt_status st = network_relations_of_household(&req->ctx, req->ids[0], query_true(req, "include_ended"), &r, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o}", "items", relations_json(r, n)));
}

static void post_relation_end(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *on = case_api_str(req, body, "ended_on", &e);
    json_decref(body);
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_relation_end(&req->ctx, req->ids[0], on, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

static void delete_relation(http_request *req)
{
    wt_status st = network_relation_remove(&req->ctx, req->ids[0]);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

/* ---- offers ---------------------------------------------------------------------------------------------------- */

static void reply_offers(http_request *req, int64_t person_id, int status)
{
    net_offer *o;
    int n = 0;
    net_load load;
    wt_status st = network_offers_of_person(&req->ctx, person_id, &o, &n, &load);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, offer_json(&o[i]));
    api_reply(req, status, json_pack("{s:o, s:o}", "items", items, "load", load_json(&load)));
}

static void get_offers(http_request *req)
{
    reply_offers(req, req->ids[0], 200);
}

static void patch_offer(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    json_t *v = json_object_get(body, "active");
    if (!json_is_boolean(v))
        errors_add(&e, "active", _("Geef active: true (actief) of false (gepauzeerd)."));
    bool active = json_is_true(v);
    json_decref(body);
    int64_t person_id = 0;
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_offer_set_active(&req->ctx, req->ids[0], active, &person_id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_offers(req, person_id, 200);
}

static void delete_offer(http_request *req)
{
    int64_t person_id = 0;
    wt_status st = network_offer_remove(&req->ctx, req->ids[0], &person_id);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

static void put_load(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    bool present = false;
    int64_t cap = api_int(body, "capacity", &present, &e);
    bool much = api_bool(body, "carries_much", &e);
    json_decref(body);
    if (!present && !e.count)
        errors_add(&e, "capacity", _("Geef capacity: hoeveel hulpvragen tegelijk (0 tot 20)."));
    const char *capacity = arena_printf(req->a, "%lld", (long long)cap);
    /* The rule asks access first (404/403 before 400: existence and need-to-know do not leak), then counts errors. */
    wt_status st = network_load_set(&req->ctx, req->ids[0], capacity, much, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_offers(req, req->ids[0], 200);
}

/* 201 with the new offer, or the error. */
static void reply_offer(http_request *req, wt_status st, const errors *e, int64_t person_id, int64_t id)
{
    if (st != WT_OK) {
        api_status(req, st, e);
        return;
    }
    net_offer *o;
    int n = 0;
    st = network_offers_of_person(&req->ctx, person_id, &o, &n, NULL);
    for (int i = 0; st == WT_OK && i < n; i++)
        if (o[i].id == id) {
            api_reply(req, 201, offer_json(&o[i]));
            return;
        }
    api_reply(req, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

static void post_offer(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    bool present = false;
    offer_input in = {0};
    in.skill = case_api_str(req, body, "skill", &e);
    int64_t hours = api_int(body, "hours_per_week", &present, &e);
    in.hours_per_week = present ? arena_printf(req->a, "%lld", (long long)hours) : NULL;
    in.note = case_api_str(req, body, "note", &e);
    in.legal_ground = case_api_str(req, body, "legal_ground", &e);
    in.source = case_api_str(req, body, "source", &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_offer_add(&req->ctx, req->ids[0], &in, &e, &id);
    reply_offer(req, st, &e, req->ids[0], id);
}

/* Volunteers through the front door: a question of kind offer becomes an offer of a person in one step. */
static void post_question_offer(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    bool present = false;
    offer_input in = {0};
    int64_t person_id = case_api_id(body, "person_id", &e, NULL);
    in.skill = case_api_str(req, body, "skill", &e);
    int64_t hours = api_int(body, "hours_per_week", &present, &e);
    in.hours_per_week = present ? arena_printf(req->a, "%lld", (long long)hours) : NULL;
    in.note = case_api_str(req, body, "note", &e);
    in.legal_ground = case_api_str(req, body, "legal_ground", &e);
    api_refuse_unknown(body, (const char *const[]){"person_id", "skill", "hours_per_week", "note", "legal_ground", NULL},
                       NULL, &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_offer_from_question(&req->ctx, req->ids[0], person_id, &in, &e, &id);
    reply_offer(req, st, &e, person_id, id);
}

/* ---- needs, proposals, matches --------------------------------------------------------------------------------- */

static json_t *needs_json(const net_need *nd, int n)
{
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, need_json(&nd[i]));
    return items;
}

static void get_household_needs(http_request *req)
{
    net_need *nd;
    int n = 0;
    wt_status st = network_needs_of_household(&req->ctx, req->ids[0], &nd, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o}", "items", needs_json(nd, n)));
}

static json_t *matches_json(const net_match *m, int n)
{
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, match_json(&m[i]));
    return items;
}

/* The need with the contacts recorded for it. */
static void reply_need(http_request *req, int64_t id, int status)
{
    net_need nd;
    net_match *m;
    int n = 0;
    wt_status st = network_need_get(&req->ctx, id, &nd);
    if (st == WT_OK)
        st = network_matches_of_need(&req->ctx, id, &m, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *j = need_json(&nd);
    json_object_set_new(j, "matches", matches_json(m, n));
    api_reply(req, status, j);
}

static void get_need(http_request *req)
{
    reply_need(req, req->ids[0], 200);
}

static void patch_need(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    const char *status = case_api_str(req, body, "status", &e);
    json_decref(body);
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_need_set_status(&req->ctx, req->ids[0], status, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_need(req, req->ids[0], 200);
}

static void delete_need(http_request *req)
{
    int64_t household_id = 0;
    wt_status st = network_need_remove(&req->ctx, req->ids[0], &household_id);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

static void post_need(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    need_input in = {0};
    int64_t action_id = case_api_id(body, "action_id", &e, NULL);
    in.household_id = case_api_id(body, "household_id", &e, NULL);
    in.person_id = case_api_id(body, "person_id", &e, NULL);
    in.question_id = case_api_id(body, "question_id", &e, NULL);
    in.skill = case_api_str(req, body, "skill", &e);
    in.body = case_api_str(req, body, "body", &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st;
    if (!network_may(&req->ctx, true))
        st = WT_FORBIDDEN;
    else if (e.count)
        st = WT_INVALID;
    else if (action_id)
        st = network_need_from_action(&req->ctx, action_id, in.skill, &e, &id);
    else
        st = network_need_add(&req->ctx, &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_need(req, id, 201);
}

static void get_proposals(http_request *req)
{
    net_need need;
    net_candidate *c;
    int n = 0, exc = 0, exl = 0;
    wt_status st = network_proposals(&req->ctx, req->ids[0], &need, &c, &n, &exc, &exl);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, candidate_json(&c[i]));
    api_reply(req, 200, json_pack("{s:o, s:o, s:{s:i, s:i}}", "need", need_json(&need), "items", items, "excluded",
                                  "conflict", exc, "at_limit", exl));
}

static bool match_body(http_request *req, match_input *in, errors *e, bool with_offerer)
{
    json_t *body = api_body(req);
    if (!body)
        return false;
    memset(in, 0, sizeof(*in));
    if (with_offerer)
        in->offerer_id = case_api_id(body, "offerer_id", e, NULL);
    in->status = case_api_str(req, body, "status", e);
    in->reasons = case_api_str(req, body, "reasons", e);
    in->note = case_api_str(req, body, "note", e);
    in->follow_up_on = case_api_str(req, body, "follow_up_on", e);
    json_decref(body);
    return true;
}

static void reply_match(http_request *req, int status, int64_t need_id, int64_t id)
{
    net_match *m;
    int n = 0;
    wt_status st = network_matches_of_need(&req->ctx, need_id, &m, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        if (m[i].id == id) {
            api_reply(req, status, match_json(&m[i]));
            return;
        }
    api_reply(req, status, json_pack("{s:I}", "id", (json_int_t)id));
}

static void post_match(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    match_input in;
    if (!match_body(req, &in, &e, true))
        return;
    int64_t id = 0;
    /* The rule asks access first, then counts the errors found in the body. */
    wt_status st = network_match_add(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_match(req, 201, req->ids[0], id);
}

static void patch_match(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    match_input in;
    if (!match_body(req, &in, &e, false))
        return;
    int64_t need_id = 0;
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_match_update(&req->ctx, req->ids[0], &in, &e, &need_id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_match(req, 200, need_id, req->ids[0]);
}

/* ---- figures --------------------------------------------------------------------------------------------------- */

static json_t *snapshot_json(const net_snapshot *s)
{
    return json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:f}", "residents", s->residents, "relations", s->relations,
                     "conflicts", s->conflicts, "isolated", s->isolated, "isolated_elderly_alone",
                     s->isolated_elderly_alone, "clusters", s->clusters, "largest_cluster", s->largest_cluster,
                     "communities", s->communities, "modularity", s->modularity);
}

static json_t *ref_json(const net_person_ref *p)
{
    return json_pack("{s:I, s:I, s:s, s:o, s:b, s:f, s:b, s:i, s:i}", "person_id", (json_int_t)p->person_id,
                     "household_id", (json_int_t)p->household_id, "name", p->name,
                     "age", p->age >= 0 ? json_integer(p->age) : json_null(), "lives_alone", p->alone, "betweenness",
                     p->score, "bridge", p->bridge, "relations", p->degree, "recent_matches", p->recent_matches);
}

static void get_figures(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    net_figures f;
    wt_status st = network_figures(&req->ctx, req_query(req, "compare_on"), &e, &f);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    json_t *conn = json_array(), *iso = json_array(), *conf = json_array();
    for (int i = 0; i < f.n_connectors; i++)
        json_array_append_new(conn, ref_json(&f.connectors[i]));
    for (int i = 0; i < f.n_isolated; i++)
        json_array_append_new(iso, ref_json(&f.isolated[i]));
    for (int i = 0; i < f.n_conflicts; i++)
        json_array_append_new(conf, json_pack("{s:o, s:o}", "a", ref_json(&f.conflicts[i].a), "b", ref_json(&f.conflicts[i].b)));
    api_reply(req, 200, json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "on", f.on, "now", snapshot_json(&f.now),
                                  "compare_on", json_str_or_null(f.compare_on), "before",
                                  f.compare_on ? snapshot_json(&f.before) : json_null(), "connectors", conn, "isolated", iso,
                                  "conflicts", conf));
}

/* ---- everything recorded about one resident, and the team's helpers ------------------------------------------- */

static void get_person_network(http_request *req)
{
    net_person_data d;
    wt_status st = network_person_data(&req->ctx, req->ids[0], &d);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *offers = json_array();
    for (int i = 0; i < d.n_offers; i++)
        json_array_append_new(offers, offer_json(&d.offers[i]));
    api_reply(req, 200,
              json_pack("{s:I, s:I, s:s, s:o, s:o, s:o, s:o, s:o}", "person_id", (json_int_t)d.person_id, "household_id",
                        (json_int_t)d.household_id, "name", d.name, "relations", relations_json(d.relations, d.n_relations),
                        "offers", offers, "needs", needs_json(d.needs, d.n_needs), "asked_to_help",
                        matches_json(d.matches, d.n_matches), "load", load_json(&d.load)));
}

static void delete_person_network(http_request *req)
{
    wt_status st = network_person_data_remove(&req->ctx, req->ids[0]);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    req->status = 204;
    req->content_type = "application/json";
}

/* A helper's recent matches ({kind: match, skill, status, on}) and activities ({kind: activity, activity_id, title, role, on}). */
static json_t *helper_recent_json(const net_person_ref *h)
{
    json_t *a = json_array();
    for (int k = 0; k < h->n_recent; k++) {
        const net_recent *r = &h->recent[k];
        json_array_append_new(a, r->activity ? json_pack("{s:s, s:I, s:s, s:s, s:s}", "kind", "activity", "activity_id",
                                                         (json_int_t)r->activity_id, "title", r->what, "role", r->state,
                                                         "on", r->on)
                                             : json_pack("{s:s, s:s, s:s, s:s}", "kind", "match", "skill", r->what,
                                                         "status", r->state, "on", r->on));
    }
    return a;
}

static void get_helpers(http_request *req)
{
    net_person_ref *h;
    int n = 0;
    wt_status st = network_helpers(&req->ctx, &h, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, json_pack("{s:I, s:I, s:s, s:i, s:i, s:o}", "person_id", (json_int_t)h[i].person_id,
                                               "household_id", (json_int_t)h[i].household_id, "name", h[i].name,
                                               "active_offers", h[i].degree, "recent_matches", h[i].recent_matches,
                                               "recent", helper_recent_json(&h[i])));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

wt_status network_worklist_json(http_request *req, json_t *o)
{
    net_match *m = NULL;
    int n = 0;
    wt_status st = network_matches_due_for(&req->ctx, NETWORK_DUE_DAYS, &m, &n);
    if (st != WT_OK)
        return st;
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            items, json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:b, s:s}", "match_id", (json_int_t)m[i].id,
                             "need_id", (json_int_t)m[i].need_id, "household_id", (json_int_t)m[i].household_id,
                             "household_name", m[i].household_name, "need", m[i].need_body, "offerer_name",
                             m[i].offerer_name, "status", m[i].status, "follow_up_on", m[i].follow_up_on, "overdue",
                             m[i].overdue, "url",
                             arena_printf(req->a, "/needs/%lld/proposals#match-%lld", (long long)m[i].need_id,
                                          (long long)m[i].id)));
    json_object_set_new(o, "matches_due", items);
    return WT_OK;
}

void network_api_routes(void)
{
    router_add("GET", "/api/v1/relations", get_relations, ROUTE_API);
    router_add("POST", "/api/v1/relations", post_relation, ROUTE_API);
    router_add("DELETE", "/api/v1/relations/{id}", delete_relation, ROUTE_API);
    router_add("GET", "/api/v1/persons/{id}/offers", get_offers, ROUTE_API);
    router_add("POST", "/api/v1/persons/{id}/offers", post_offer, ROUTE_API);
    router_add("POST", "/api/v1/questions/{id}/offer", post_question_offer, ROUTE_API);
    router_add("POST", "/api/v1/needs", post_need, ROUTE_API);
    router_add("GET", "/api/v1/needs/{id}/proposals", get_proposals, ROUTE_API);
    router_add("POST", "/api/v1/needs/{id}/matches", post_match, ROUTE_API);
    router_add("PATCH", "/api/v1/matches/{id}", patch_match, ROUTE_API);
    router_add("GET", "/api/v1/network/figures", get_figures, ROUTE_API);
    router_add("GET", "/api/v1/network/helpers", get_helpers, ROUTE_API);
    router_add("GET", "/api/v1/households/{id}/relations", get_household_relations, ROUTE_API);
    router_add("POST", "/api/v1/relations/{id}/end", post_relation_end, ROUTE_API);
    router_add("PATCH", "/api/v1/offers/{id}", patch_offer, ROUTE_API);
    router_add("DELETE", "/api/v1/offers/{id}", delete_offer, ROUTE_API);
    router_add("PUT", "/api/v1/persons/{id}/load", put_load, ROUTE_API);
    router_add("GET", "/api/v1/households/{id}/needs", get_household_needs, ROUTE_API);
    router_add("GET", "/api/v1/needs/{id}", get_need, ROUTE_API);
    router_add("PATCH", "/api/v1/needs/{id}", patch_need, ROUTE_API);
    router_add("DELETE", "/api/v1/needs/{id}", delete_need, ROUTE_API);
    router_add("GET", "/api/v1/persons/{id}/network", get_person_network, ROUTE_API);
    router_add("DELETE", "/api/v1/persons/{id}/network", delete_person_network, ROUTE_API);
}
