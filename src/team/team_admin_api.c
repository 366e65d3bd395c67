/*
 * team_admin_api.c - the administrator's team management over JSON:
 *   GET   /api/v1/teams         every team, with its composition
 *   POST  /api/v1/teams         a new team
 *   GET   /api/v1/teams/{id}    one team, with its composition
 *   PATCH /api/v1/teams/{id}    change name, municipality, district code, prevention share or neighbourhoods
 *   GET   /api/v1/neighbourhoods  the neighbourhoods (CBS buurten) with their teams (?municipality=)
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

static json_t *neighbourhood_json(const neighbourhood *nb)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:o}", "code", nb->code, "name", nb->name, "district_code", nb->district_code,
                     "municipality", nb->municipality, "team_id", nb->team_id ? json_integer(nb->team_id) : json_null());
}

/* A team with its composition and its neighbourhoods. */
static wt_status team_json(wt_ctx *ctx, const team *t, json_t **out)
{
    team_composition tc;
    neighbourhood *nbs;
    int n = 0;
    wt_status st = team_composition_of(ctx, t->id, &tc);
    if (st == WT_OK)
        st = team_neighbourhoods(ctx, t->id, NULL, &nbs, &n);
    if (st != WT_OK)
        return st;
    json_t *codes = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(codes, json_pack("{s:s, s:s}", "code", nbs[i].code, "name", nbs[i].name));
    *out = json_pack("{s:I, s:s, s:s, s:o, s:i, s:i, s:o, s:o}", "id", (json_int_t)t->id, "name", t->name, "municipality",
                     t->municipality, "district_code", json_str_or_null(t->district_code), "prevention_share",
                     t->prevention_share, "members", t->members, "composition", team_composition_json(&tc),
                     "neighbourhoods", codes);
    return WT_OK;
}

/* One team, as the answer of GET, POST and PATCH. */
static void reply_team(http_request *req, int status, int64_t id)
{
    team t;
    json_t *j = NULL;
    wt_status st = team_get(&req->ctx, id, &t);
    if (st == WT_OK)
        st = team_json(&req->ctx, &t, &j);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, j);
}

/* "neighbourhoods": an array of CBS codes; the rules check that they exist. */
static void neighbourhoods_from_body(json_t *body, team_input *in, errors *e, arena *a)
{
    json_t *arr = json_object_get(body, "neighbourhoods");
    if (!arr)
        return;
    size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
    if (!json_is_array(arr) || n > TEAM_NEIGHBOURHOODS_MAX) {
        errors_add(e, "neighbourhoods", _("Moet een lijst van hoogstens 500 buurtcodes zijn."));
        return;
    }
    const char **codes = arena_alloc(a, sizeof(char *) * (n ? n : 1));
    for (size_t i = 0; i < n; i++) {
        json_t *c = json_array_get(arr, i);
        if (!json_is_string(c)) {
            errors_add(e, "neighbourhoods", _("Moet een lijst van buurtcodes (tekst) zijn."));
            return;
        }
        codes[i] = arena_strdup(a, json_string_value(c));
    }
    in->set_neighbourhoods = true;
    in->neighbourhoods = codes;
    in->n_neighbourhoods = (int)n;
}

static const char *const team_members[] = {"name", "municipality", "district_code", "prevention_share", "neighbourhoods", NULL};
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
    neighbourhoods_from_body(body, in, e, a);
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
        json_t *j = NULL;
        st = team_json(&req->ctx, &ts[i], &j);
        if (st == WT_OK)
            json_array_append_new(items, j);
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
    team_input in = {.prevention_share = -1};
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
    team_input in = {.name = t.name, .municipality = t.municipality, .district_code = t.district_code,
                      .prevention_share = t.prevention_share};
    team_from_body(body, &in, true, &e, req->a);
    json_decref(body);
    st = team_update(&req->ctx, t.id, &in, &e); /* writes nothing when e already holds an error */
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_team(req, 200, t.id);
}

static void get_neighbourhoods(http_request *req)
{
    neighbourhood *nbs;
    int n = 0;
    const char *m = req_query(req, "municipality");
    wt_status st = team_neighbourhoods(&req->ctx, 0, m && *m ? m : NULL, &nbs, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, neighbourhood_json(&nbs[i]));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

void team_admin_api_routes(void)
{
    router_add("GET", "/api/v1/teams", get_teams, ROUTE_API);
    router_add("POST", "/api/v1/teams", post_teams, ROUTE_API);
    router_add("GET", "/api/v1/teams/{id}", get_team, ROUTE_API);
    router_add("PATCH", "/api/v1/teams/{id}", patch_team, ROUTE_API);
    router_add("GET", "/api/v1/neighbourhoods", get_neighbourhoods, ROUTE_API);
}
