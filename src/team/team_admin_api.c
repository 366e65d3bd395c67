/*
 * team_admin_api.c - the administrator's team management over JSON:
 *   GET   /api/v1/teams         every team, with its composition
 *   POST  /api/v1/teams         a new team
 *   GET   /api/v1/teams/{id}    one team, with its composition
 *   PATCH /api/v1/teams/{id}    change name, municipality, district code or prevention share
 * The same rules as the pages (team.c). The team leader's overview with the
 * caseload is /api/v1/teams/{id}/overview (team_api.c).
 */
#include "team_admin_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../user/user.h"
#include "team.h"
#include "team_api.h"

static json_t *team_json(const team *t, const team_composition *tc)
{
    return json_pack("{s:I, s:s, s:s, s:o, s:i, s:i, s:o}", "id", (json_int_t)t->id, "name", t->name, "municipality",
                     t->municipality, "district_code", json_str_or_null(t->district_code), "prevention_share",
                     t->prevention_share, "members", t->members, "composition", team_composition_json(tc));
}

/* One team with its composition, as the answer of GET, POST and PATCH. */
static void reply_team(http_request *req, int status, int64_t id)
{
    team t;
    team_composition tc;
    wt_status st = team_get(&req->ctx, id, &t);
    if (st == WT_OK)
        st = team_composition_of(&req->ctx, id, &tc);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, team_json(&t, &tc));
}

static const char *const team_members[] = {"name", "municipality", "district_code", "prevention_share", NULL};
/* Read-only members a client may send back unchanged in a PATCH; they are ignored. */
static const char *const team_readonly[] = {"id", "members", "composition", NULL};

/* Reads the members of a body over *in (absent members keep their value); records type errors. */
static void team_from_body(json_t *body, team_input *in, bool patch, errors *e, arena *a)
{
    api_refuse_unknown(body, team_members, patch ? team_readonly : NULL, e);
    if (json_object_get(body, "name"))
        in->name = arena_strdup(a, api_str(body, "name", e));
    if (json_object_get(body, "municipality"))
        in->municipality = arena_strdup(a, api_str(body, "municipality", e));
    if (json_object_get(body, "district_code"))
        in->district_code = arena_strdup(a, api_str(body, "district_code", e));
    bool present = false;
    int64_t share = api_int(body, "prevention_share", &present, e);
    if (present)
        in->prevention_share = share >= 0 && share <= 100 ? (int)share : 101; /* 101: the rules name the range */
}

static void get_teams(http_request *req)
{
    team *ts;
    int n = 0;
    wt_status st = team_check_admin(&req->ctx);
    if (st == WT_OK)
        st = team_list(&req->ctx, &ts, &n);
    json_t *items = json_array();
    for (int i = 0; st == WT_OK && i < n; i++) { /* a municipality has a handful of teams */
        team_composition tc;
        st = team_composition_of(&req->ctx, ts[i].id, &tc);
        if (st == WT_OK)
            json_array_append_new(items, team_json(&ts[i], &tc));
    }
    if (st != WT_OK) {
        json_decref(items);
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

static void post_teams(http_request *req)
{
    wt_status st = team_check_admin(&req->ctx);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    team_input in = {NULL, NULL, NULL, -1};
    team_from_body(body, &in, false, &e, req->a);
    json_decref(body);
    int64_t id = 0;
    st = team_create(&req->ctx, &in, &e, &id); /* writes nothing when e already holds an error */
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    resp_header(req, "Location", arena_printf(req->a, "/api/v1/teams/%lld", (long long)id));
    reply_team(req, 201, id);
}

static void get_team(http_request *req)
{
    wt_status st = team_check_admin(&req->ctx);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    reply_team(req, 200, req->ids[0]);
}

static void patch_team(http_request *req)
{
    team t;
    wt_status st = team_check_admin(&req->ctx);
    if (st == WT_OK)
        st = team_get(&req->ctx, req->ids[0], &t);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    team_input in = {t.name, t.municipality, t.district_code, t.prevention_share};
    team_from_body(body, &in, true, &e, req->a);
    json_decref(body);
    st = team_update(&req->ctx, t.id, &in, &e); /* writes nothing when e already holds an error */
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_team(req, 200, t.id);
}

void team_admin_api_routes(void)
{
    router_add("GET", "/api/v1/teams", get_teams, ROUTE_API);
    router_add("POST", "/api/v1/teams", post_teams, ROUTE_API);
    router_add("GET", "/api/v1/teams/{id}", get_team, ROUTE_API);
    router_add("PATCH", "/api/v1/teams/{id}", patch_team, ROUTE_API);
}
