/*
 * network_api.c - the JSON API of the neighbourhood network (see
 * docs/openapi/network.json): relations, offers, needs, proposals, matches
 * and the team's figures. Access and audit are the rules' job (network.h).
 */
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
    return json_pack("{s:I, s:I, s:s, s:o, s:o, s:b, s:s, s:s}", "id", (json_int_t)o->id, "person_id",
                     (json_int_t)o->person_id, "skill", o->skill, "hours_per_week",
                     o->hours_per_week >= 0 ? json_integer(o->hours_per_week) : json_null(), "note",
                     json_str_or_null(o->note), "active", o->active, "legal_ground", o->legal_ground, "recorded_at",
                     o->recorded_at);
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

/* Reads an optional id member; records a field error when it is not a positive integer. */
static int64_t body_id(json_t *body, const char *key, errors *e)
{
    bool present = false;
    int64_t v = api_int(body, key, &present, e);
    if (present && v <= 0) {
        errors_add(e, key, _("Moet een positief geheel getal zijn."));
        return 0;
    }
    return v;
}

/* ---- relations ------------------------------------------------------------------------------------------------- */

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
    const char *ended = req_query(req, "include_ended");
    net_relation *r;
    int n = 0;
    wt_status st = network_relations_of_person(&req->ctx, person_id, ended && strcmp(ended, "true") == 0, &r, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, relation_json(&r[i]));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
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
    in.person_id = body_id(body, "person_id", &e);
    in.other_person_id = body_id(body, "other_person_id", &e);
    in.kind = arena_strdup(req->a, api_str(body, "kind", &e));
    in.strength = (int)api_int(body, "strength", &present, &e);
    if (present && (in.strength < 1 || in.strength > 3))
        in.strength = -1;
    in.since = arena_strdup(req->a, api_str(body, "since", &e));
    in.source = arena_strdup(req->a, api_str(body, "source", &e));
    in.legal_ground = arena_strdup(req->a, api_str(body, "legal_ground", &e));
    in.ground_note = arena_strdup(req->a, api_str(body, "ground_note", &e));
    in.note = arena_strdup(req->a, api_str(body, "note", &e));
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

static void get_offers(http_request *req)
{
    net_offer *o;
    int n = 0;
    net_load load;
    wt_status st = network_offers_of_person(&req->ctx, req->ids[0], &o, &n, &load);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, offer_json(&o[i]));
    api_reply(req, 200, json_pack("{s:o, s:o}", "items", items, "load", load_json(&load)));
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
    in.skill = arena_strdup(req->a, api_str(body, "skill", &e));
    int64_t hours = api_int(body, "hours_per_week", &present, &e);
    in.hours_per_week = present ? arena_printf(req->a, "%lld", (long long)hours) : NULL;
    in.note = arena_strdup(req->a, api_str(body, "note", &e));
    in.legal_ground = arena_strdup(req->a, api_str(body, "legal_ground", &e));
    json_decref(body);
    int64_t id = 0;
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_offer_add(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    net_offer *o;
    int n = 0;
    st = network_offers_of_person(&req->ctx, req->ids[0], &o, &n, NULL);
    for (int i = 0; st == WT_OK && i < n; i++)
        if (o[i].id == id) {
            api_reply(req, 201, offer_json(&o[i]));
            return;
        }
    api_reply(req, 201, json_pack("{s:I}", "id", (json_int_t)id));
}

/* ---- needs, proposals, matches --------------------------------------------------------------------------------- */

static void post_need(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    need_input in = {0};
    int64_t action_id = body_id(body, "action_id", &e);
    in.household_id = body_id(body, "household_id", &e);
    in.person_id = body_id(body, "person_id", &e);
    in.question_id = body_id(body, "question_id", &e);
    in.skill = arena_strdup(req->a, api_str(body, "skill", &e));
    in.body = arena_strdup(req->a, api_str(body, "body", &e));
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
    net_need n;
    if (st == WT_OK)
        st = network_need_get(&req->ctx, id, &n);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 201, need_json(&n));
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
        in->offerer_id = body_id(body, "offerer_id", e);
    in->status = arena_strdup(req->a, api_str(body, "status", e));
    in->reasons = arena_strdup(req->a, api_str(body, "reasons", e));
    in->note = arena_strdup(req->a, api_str(body, "note", e));
    in->follow_up_on = arena_strdup(req->a, api_str(body, "follow_up_on", e));
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
    wt_status st = !network_may(&req->ctx, true) ? WT_FORBIDDEN
                   : e.count                     ? WT_INVALID
                                                 : network_match_add(&req->ctx, req->ids[0], &in, &e, &id);
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

void network_api_routes(void)
{
    router_add("GET", "/api/v1/relations", get_relations, ROUTE_API);
    router_add("POST", "/api/v1/relations", post_relation, ROUTE_API);
    router_add("DELETE", "/api/v1/relations/{id}", delete_relation, ROUTE_API);
    router_add("GET", "/api/v1/persons/{id}/offers", get_offers, ROUTE_API);
    router_add("POST", "/api/v1/persons/{id}/offers", post_offer, ROUTE_API);
    router_add("POST", "/api/v1/needs", post_need, ROUTE_API);
    router_add("GET", "/api/v1/needs/{id}/proposals", get_proposals, ROUTE_API);
    router_add("POST", "/api/v1/needs/{id}/matches", post_match, ROUTE_API);
    router_add("PATCH", "/api/v1/matches/{id}", patch_match, ROUTE_API);
    router_add("GET", "/api/v1/network/figures", get_figures, ROUTE_API);
}
