/* team_api.c - the team overview over JSON (see team_api.h): the same rules as the team page. */
#include "team_api.h"
#include "../case/case.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../user/user.h"
#include "team.h"

json_t *team_composition_json(const team_composition *tc)
{
    json_t *disc = json_array();
    for (int i = 0; i < tc->n_disciplines; i++)
        json_array_append_new(disc, json_pack("{s:s, s:s, s:i}", "discipline", tc->by_discipline[i].discipline, "label",
                                              discipline_label(tc->by_discipline[i].discipline), "count",
                                              tc->by_discipline[i].count));
    return json_pack("{s:i, s:o, s:b, s:b, s:b}", "professionals", tc->professionals, "by_discipline", disc, "too_small",
                     tc->too_small, "too_large", tc->too_large, "no_community_worker", tc->no_community_worker);
}

static void get_overview(http_request *req)
{
    int64_t team_id = req->ids[0];
    caseload_row *rows = NULL;
    int n = 0;
    team t;
    team_composition tc;
    wt_status st = case_caseload(&req->ctx, team_id, &rows, &n);
    if (st == WT_OK)
        st = team_composition_of(&req->ctx, team_id, &tc);
    if (st == WT_OK)
        st = team_get(&req->ctx, team_id, &t);
    if (st != WT_OK) {
        api_status(req, st == WT_NOTFOUND ? WT_FORBIDDEN : st, NULL);
        return;
    }
    json_t *caseload = json_array();
    int open_cases = 0;
    for (int i = 0; i < n; i++) {
        open_cases += rows[i].open_cases;
        json_array_append_new(caseload, json_pack("{s:I, s:s, s:s, s:s, s:i}", "user_id", (json_int_t)rows[i].user_id,
                                                  "display_name", rows[i].display_name, "discipline",
                                                  rows[i].discipline, "role", rows[i].role, "open_cases",
                                                  rows[i].open_cases));
    }
    api_reply(req, 200,
              json_pack("{s:{s:I, s:s, s:s}, s:i, s:o, s:o}", "team", "id", (json_int_t)t.id, "name", t.name,
                        "municipality", t.municipality, "open_cases", open_cases, "caseload", caseload, "composition",
                        team_composition_json(&tc)));
}

void team_api_routes(void)
{
    router_add("GET", "/api/v1/teams/{id}/overview", get_overview, ROUTE_API);
}
