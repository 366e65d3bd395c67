/*
 * figures_api.c - GET /api/v1/figures?team_id=&neighbourhood= : the figures
 * as JSON, one object per table with its rows (code, label, value) and total.
 * A suppressed figure has "value": null and "suppressed": true; derived
 * figures carry their base ("base") the same way. No id of a person,
 * household or case appears.
 */
#include "figures_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "figures.h"

#include <math.h>

static const char *const kind_codes[] = {"count", "average", "percent", "hours"};

static json_t *count_json(const fig_row *r)
{
    return r->suppressed ? json_null() : json_integer(r->count);
}

static json_t *row_json(const fig_table *t, const fig_row *r)
{
    json_t *j = json_pack("{s:s, s:s, s:b}", "code", r->code, "label", r->label, "suppressed", r->suppressed);
    switch (t->kind) {
    case FIG_COUNT:
        json_object_set_new(j, "value", count_json(r));
        break;
    case FIG_HOURS:
        json_object_set_new(j, "value", json_real(round(r->value * 10) / 10));
        json_object_set_new(j, "suppressed", json_false());
        break;
    case FIG_AVERAGE:
    case FIG_PERCENT: {
        bool none = r->count == 0;
        double v = t->kind == FIG_PERCENT ? round(r->value) : round(r->value * 100) / 100;
        json_object_set_new(j, "value", r->suppressed || none ? json_null() : json_real(v));
        json_object_set_new(j, "base", count_json(r));
        break;
    }
    }
    return j;
}

static json_t *table_json(const fig_table *t)
{
    json_t *rows = json_array();
    for (int i = 0; i < t->n; i++)
        json_array_append_new(rows, row_json(t, &t->rows[i]));
    json_t *j = json_pack("{s:s, s:s, s:s, s:o}", "key", t->key, "title", t->title, "kind", kind_codes[t->kind],
                          "rows", rows);
    json_object_set_new(j, "total", t->has_total ? row_json(t, &t->total) : json_null());
    return j;
}

static void get_figures(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t team_id = 0;
    const char *team_q = req_query(req, "team_id");
    if (team_q && *team_q && !text_parse_int64(team_q, &team_id))
        errors_add(&e, "team_id", _("Geen geldig team."));
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    figures *f = arena_alloc(req->a, sizeof *f);
    wt_status st = figures_get(&req->ctx, team_id, req_query(req, "neighbourhood"), &e, f);
    if (st != WT_OK) {
        if (st == WT_INVALID && errors_get(&e, "team")) {
            errors e2;
            errors_init(&e2, req->a);
            errors_add(&e2, "team_id", errors_get(&e, "team"));
            api_invalid(req, &e2);
            return;
        }
        api_status(req, st, &e);
        return;
    }
    json_t *tables = json_object();
    for (int i = 0; i < FIG_TABLES; i++)
        json_object_set_new(tables, f->tables[i].key, table_json(&f->tables[i]));
    json_t *out = json_pack("{s:o, s:o, s:s, s:i, s:o}", "team_id", f->team_id ? json_integer(f->team_id) : json_null(),
                            "neighbourhood", json_str_or_null(f->neighbourhood), "from_month", f->from_month,
                            "suppression_threshold", FIG_MIN, "tables", tables);
    api_reply(req, 200, out);
}

void figures_api_routes(void)
{
    router_add("GET", "/api/v1/figures", get_figures, ROUTE_API);
}
