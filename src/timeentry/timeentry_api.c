/*
 * timeentry_api.c - JSON routes of time: the acting user's days
 * (GET /api/v1/time?from=&to=), saving a day (POST /api/v1/time; blocks left
 * out keep their value), and the team leader's balance
 * (GET /api/v1/teams/{id}/balance?weeks=N).
 */
#include "timeentry_api.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "../neighbourhood/presence_api.h"
#include "timeentry.h"

static json_t *blocks_json(const int minutes[TIME_BLOCKS])
{
    json_t *j = json_object();
    for (int i = 0; i < TIME_BLOCKS; i++)
        json_object_set_new(j, time_blocks[i].code, json_integer(minutes[i]));
    return j;
}

static json_t *day_json(const time_day *d)
{
    return json_pack("{s:s, s:o, s:i}", "day", d->day, "minutes", blocks_json(d->minutes), "total", d->total);
}

static json_t *share_json(const balance_cell *c)
{
    int s = timeentry_share(c);
    return s < 0 ? json_null() : json_integer(s);
}

static json_t *cell_json(const balance_cell *c)
{
    return json_pack("{s:o, s:i, s:o}", "minutes", blocks_json(c->minutes), "total", c->total, "prevention_share",
                     share_json(c));
}

/* A date from the query, or def when absent; records an error when it is not a date. */
static const char *query_date(http_request *req, const char *key, const char *def, errors *e)
{
    const char *v = req_query(req, key);
    wt_date d;
    if (!v)
        return def;
    if (!date_parse(v, &d))
        errors_add(e, key, _("Geen geldige datum (JJJJ-MM-DD)."));
    return v;
}

static void get_time(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    char today[11], before[11];
    date_format(date_today(), today);
    date_format(date_add_days(date_today(), -30), before);
    const char *from = query_date(req, "from", arena_strdup(req->a, before), &e);
    const char *to = query_date(req, "to", arena_strdup(req->a, today), &e);
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    time_day *days;
    int n = 0;
    wt_status st = timeentry_own_days(&req->ctx, from, to, &days, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, day_json(&days[i]));
    api_reply(req, 200, json_pack("{s:o}", "items", arr));
}

static void post_time(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    time_input in = {.day = papi_str(req, body, "day", &e)};
    json_t *m = json_object_get(body, "minutes");
    if (m && !json_is_object(m))
        errors_add(&e, "minutes", _("Geef de minuten per blok als object, zoals {\"casework\": 120}."));
    for (int i = 0; i < TIME_BLOCKS; i++) {
        json_t *v = json_is_object(m) ? json_object_get(m, time_blocks[i].code) : NULL;
        in.minutes[i] = -1;
        if (!v)
            continue;
        json_int_t x = json_is_integer(v) ? json_integer_value(v) : 0;
        if (!json_is_integer(v))
            errors_add(&e, time_blocks[i].code, _("Vul 0 tot en met 1440 minuten in."));
        else /* out of range: the rule names the block (-1 would mean "keep") */
            in.minutes[i] = x < 0 ? -2 : x > TIME_DAY_MAX ? TIME_DAY_MAX + 1 : (int)x;
    }
    json_decref(body);
    wt_status st = e.count ? WT_INVALID : timeentry_save_day(&req->ctx, &in, &e);
    if (st == WT_INVALID && !errors_get(&e, "day")) /* name a bad day along with the type errors */
        timeentry_check_day(in.day, date_today(), (int[TIME_BLOCKS]){0}, &e);
    time_day saved;
    if (st == WT_OK)
        st = timeentry_own_day(&req->ctx, in.day, &saved);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 200, day_json(&saved));
}

static void get_balance(http_request *req)
{
    int64_t weeks = 8;
    const char *w = req_query(req, "weeks");
    if (w && (!text_parse_int64(w, &weeks) || weeks < 1 || weeks > BALANCE_MAX_WEEKS)) {
        errors e;
        errors_init(&e, req->a);
        errors_add(&e, "weeks", _("Kies 1 tot en met 26 weken."));
        api_invalid(req, &e);
        return;
    }
    time_balance bal;
    wt_status st = timeentry_balance(&req->ctx, req->ids[0], (int)weeks, &bal);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *week_starts = json_array();
    json_t *team_weeks = json_array();
    for (int i = 0; i < bal.n_weeks; i++) {
        char iso[11];
        date_format(date_from_days(bal.week_start[i]), iso);
        json_array_append_new(week_starts, json_string(iso));
        json_array_append_new(team_weeks, cell_json(&bal.team_weeks[i]));
    }
    json_t *workers = json_array();
    for (int k = 0; k < bal.n_workers; k++) {
        json_t *ws = json_array();
        for (int i = 0; i < bal.n_weeks; i++)
            json_array_append_new(ws, cell_json(&bal.workers[k].weeks[i]));
        json_array_append_new(workers, json_pack("{s:I, s:s, s:o, s:o}", "user_id", (json_int_t)bal.workers[k].user_id,
                                                 "name", bal.workers[k].name ? bal.workers[k].name : "", "weeks", ws,
                                                 "total", cell_json(&bal.workers[k].total)));
    }
    api_reply(req, 200,
              json_pack("{s:I, s:s, s:i, s:o, s:o, s:o, s:o}", "team_id", (json_int_t)bal.team_id, "team_name",
                        bal.team_name ? bal.team_name : "", "agreed_prevention_share", bal.prevention_share,
                        "week_starts", week_starts, "team_weeks", team_weeks, "team_total", cell_json(&bal.team_total),
                        "workers", workers));
}

void timeentry_api_routes(void)
{
    router_add("GET", "/api/v1/time", get_time, ROUTE_API);
    router_add("POST", "/api/v1/time", post_time, ROUTE_API);
    router_add("GET", "/api/v1/teams/{id}/balance", get_balance, ROUTE_API);
}
