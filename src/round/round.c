/* round.c - rules of outreach rounds: planning, the walking order, recording outcomes (see round.h). */
#include "round.h"
#include "../access/audit.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "round_db.h"

#include <math.h>
#include <string.h>

const presence_code round_purposes[] = {
    {"presence", N_("Vaste wijkronde: zichtbaar en aanspreekbaar")},
    {"welcome", N_("Welkom voor nieuwe bewoners")},
    {"signals", N_("Signalen nalopen")},
    {"activity", N_("Activiteit bekendmaken")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

const presence_code round_outcomes[] = {
    {"not_home_note_left", N_("Niet thuis, briefje")},
    {"short_talk", N_("Kort gesprek")},
    {"concern", N_("Zorgen gezien")},
    {"welcome_visit", N_("Welkomstbezoek")},
    {"skipped", N_("Overgeslagen")},
    {NULL, NULL},
};

const presence_code round_statuses[] = {
    {"planned", N_("Gepland")},
    {"walking", N_("Onderweg")},
    {"done", N_("Afgerond")},
    {NULL, NULL},
};

/* ---- the walking order ------------------------------------------------------------------------------------------ */

double round_distance(route_point a, route_point b)
{
    const double r = 6371000.0, rad = M_PI / 180.0;
    double x = (b.lon - a.lon) * rad * cos((a.lat + b.lat) * 0.5 * rad);
    double y = (b.lat - a.lat) * rad;
    return r * sqrt(x * x + y * y);
}

double round_route_length(const route_point *pts, const int *order, int n)
{
    double total = 0;
    for (int k = 1; k < n; k++) {
        const route_point *a = &pts[order[k - 1]], *b = &pts[order[k]];
        if (a->has_coords && b->has_coords)
            total += round_distance(*a, *b);
    }
    return total;
}

/* Nearest neighbour from path[0]; ties go to the point given first. */
static void route_nearest(const route_point *pts, int *path, int m)
{
    bool used[ROUND_MAX_STOPS] = {false};
    int idx[ROUND_MAX_STOPS];
    for (int k = 0; k < m; k++)
        idx[k] = path[k];
    used[0] = true;
    for (int k = 1; k < m; k++) {
        int best = -1;
        double best_d = 0;
        for (int j = 0; j < m; j++) {
            if (used[j])
                continue;
            double d = round_distance(pts[path[k - 1]], pts[idx[j]]);
            if (best < 0 || d < best_d) {
                best = j;
                best_d = d;
            }
        }
        used[best] = true;
        path[k] = idx[best];
    }
}

/* 2-opt on an open path with a fixed start: reverse path[i..j] while that shortens the walk. */
static void route_two_opt(const route_point *pts, int *path, int m)
{
    bool improved = true;
    for (int pass = 0; improved && pass < 200; pass++) {
        improved = false;
        for (int i = 1; i < m - 1; i++) {
            for (int j = i + 1; j < m; j++) {
                route_point a = pts[path[i - 1]], b = pts[path[i]], c = pts[path[j]];
                double delta = round_distance(a, c) - round_distance(a, b);
                if (j + 1 < m) {
                    route_point d = pts[path[j + 1]];
                    delta += round_distance(b, d) - round_distance(c, d);
                }
                if (delta < -1e-6) {
                    for (int lo = i, hi = j; lo < hi; lo++, hi--) {
                        int t = path[lo];
                        path[lo] = path[hi];
                        path[hi] = t;
                    }
                    improved = true;
                }
            }
        }
    }
}

void round_order_route(const route_point *pts, int n, int *order)
{
    int path[ROUND_MAX_STOPS];
    int m = 0, k = 0;
    for (int i = 0; i < n && i < ROUND_MAX_STOPS; i++)
        if (pts[i].has_coords)
            path[m++] = i;
    if (m > 1) {
        route_nearest(pts, path, m);
        route_two_opt(pts, path, m);
    }
    for (int i = 0; i < m; i++)
        order[k++] = path[i];
    for (int i = 0; i < n; i++)
        if (!pts[i].has_coords || i >= ROUND_MAX_STOPS)
            order[k++] = i;
}

/* ---- planning ------------------------------------------------------------------------------------------------- */

typedef struct stop_set {
    int64_t ids[ROUND_MAX_STOPS + 1];
    int n;
    bool too_many;
} stop_set;

static void stop_add(stop_set *s, int64_t id)
{
    for (int i = 0; i < s->n; i++)
        if (s->ids[i] == id)
            return;
    if (s->n >= ROUND_MAX_STOPS) {
        s->too_many = true;
        return;
    }
    s->ids[s->n++] = id;
}

static void check_date(wt_ctx *ctx, const char *planned_on, errors *e)
{
    wt_date d;
    if (text_empty(planned_on)) {
        errors_add(e, "planned_on", _("Vul de datum van de ronde in."));
        return;
    }
    if (!date_parse(planned_on, &d)) {
        errors_add(e, "planned_on", _("De datum van de ronde is geen geldige datum (JJJJ-MM-DD)."));
        return;
    }
    long days = date_to_days(d) - date_to_days(date_today());
    if (days < -366 || days > 366)
        errors_add(e, "planned_on", _("De datum van de ronde ligt meer dan een jaar van vandaag af."));
    (void)ctx;
}

static void check_workers(wt_ctx *ctx, int64_t team_id, const round_input *in, errors *e)
{
    if (in->n_workers > ROUND_MAX_WORKERS) {
        errors_add(e, "worker_ids", _("Een ronde heeft hoogstens 6 lopers."));
        return;
    }
    for (int i = 0; i < in->n_workers; i++) {
        bool ok = false;
        if (round_db_worker_ok(ctx->db, ctx->a, team_id, in->worker_ids[i], &ok) == WT_OK && !ok) {
            errors_add(e, "worker_ids", _("Kies lopers uit de actieve medewerkers van uw team."));
            return;
        }
    }
}

static void collect_streets(wt_ctx *ctx, int64_t team_id, const round_input *in, stop_set *s, errors *e)
{
    for (int i = 0; i < in->n_streets; i++) {
        const char *street = in->streets[i];
        if (!presence_check_text(e, "streets", _("De straatnaam"), street, PRESENCE_SHORT_MAX, true))
            return;
        int64_t *ids;
        int n = 0;
        if (presence_street_addresses(ctx, team_id, street, ROUND_MAX_STOPS, &ids, &n) != WT_OK)
            return;
        if (n == 0) {
            errors_add(e, "streets", arena_printf(ctx->a, _("De straat %s ligt niet in het werkgebied van uw team."),
                                                  street));
            return;
        }
        for (int k = 0; k < n; k++)
            stop_add(s, ids[k]);
    }
}

static void collect_addresses(wt_ctx *ctx, int64_t team_id, const round_input *in, stop_set *s, errors *e)
{
    for (int i = 0; i < in->n_address_ids; i++) {
        presence_address ad;
        wt_status st = presence_address_get(ctx, team_id, in->address_ids[i], &ad);
        if (st == WT_NOTFOUND) {
            errors_add(e, "address_ids",
                       arena_printf(ctx->a, _("Adres %lld bestaat niet of ligt buiten het werkgebied van uw team."),
                                    (long long)in->address_ids[i]));
            return;
        }
        if (st == WT_OK)
            stop_add(s, ad.id);
    }
    for (int i = 0; i < in->n_address_keys; i++) {
        int64_t id = 0;
        errors one;
        errors_init(&one, ctx->a);
        wt_status st = presence_address_find(ctx, team_id, in->address_keys[i], "addresses", &one, &id);
        if (st == WT_INVALID) {
            errors_add(e, "addresses", arena_printf(ctx->a, _("Regel %d: %s"), i + 1, one.head->message));
            return;
        }
        if (st == WT_OK)
            stop_add(s, id);
    }
}

/* The stops of the round in walking order. */
static wt_status order_stops(wt_ctx *ctx, int64_t team_id, const stop_set *s, int *order)
{
    route_point pts[ROUND_MAX_STOPS];
    for (int i = 0; i < s->n; i++) {
        presence_address ad;
        wt_status st = presence_address_get(ctx, team_id, s->ids[i], &ad);
        if (st != WT_OK)
            return st;
        pts[i] = (route_point){ad.lat, ad.lon, ad.has_coords};
    }
    round_order_route(pts, s->n, order);
    return WT_OK;
}

wt_status round_plan(wt_ctx *ctx, const round_input *in, errors *e, int64_t *id)
{
    int64_t team_id = ctx->who.team_id;
    wt_status st = presence_access(ctx, team_id);
    if (st != WT_OK)
        return st;
    check_date(ctx, in->planned_on, e);
    if (!presence_code_valid(round_purposes, in->purpose))
        errors_add(e, "purpose", _("Kies het doel van de ronde."));
    presence_check_text(e, "note", _("De toelichting"), in->note, PRESENCE_SHORT_MAX, false);
    check_workers(ctx, team_id, in, e);
    stop_set *s = arena_alloc(ctx->a, sizeof *s);
    collect_streets(ctx, team_id, in, s, e);
    collect_addresses(ctx, team_id, in, s, e);
    if (s->too_many)
        errors_add(e, "streets", _("Een ronde heeft hoogstens 60 adressen; kies minder straten of adressen."));
    else if (s->n == 0 && !errors_get(e, "streets") && !errors_get(e, "addresses") && !errors_get(e, "address_ids"))
        errors_add(e, "streets", _("Kies minstens één straat of adres voor de ronde."));
    if (e->count)
        return WT_INVALID;
    int order[ROUND_MAX_STOPS];
    st = order_stops(ctx, team_id, s, order);
    if (st == WT_OK)
        st = round_db_insert(ctx->db, team_id, in, presence_clean(ctx->a, in->note), ctx->who.user_id,
                             date_now_iso(ctx->a), id);
    if (st == WT_OK && in->n_workers == 0)
        st = round_db_add_worker(ctx->db, *id, ctx->who.user_id);
    for (int i = 0; st == WT_OK && i < in->n_workers; i++)
        st = round_db_add_worker(ctx->db, *id, in->worker_ids[i]);
    for (int k = 0; st == WT_OK && k < s->n; k++) {
        int64_t stop_id = 0;
        presence_address ad;
        st = presence_address_get(ctx, team_id, s->ids[order[k]], &ad);
        if (st == WT_OK)
            st = round_db_add_stop(ctx->db, *id, ad.id, k + 1, &stop_id);
        if (st == WT_OK)
            audit_log(ctx, AUDIT_CREATE, "round_stop", stop_id, (audit_subject){ad.household_id, 0, 0});
    }
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "round", *id, (audit_subject){0});
    return st;
}

/* ---- reading ------------------------------------------------------------------------------------------------- */

wt_status round_get(wt_ctx *ctx, int64_t id, wt_round *out)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    wt_status st = round_db_get(ctx->db, ctx->a, id, out);
    if (st != WT_OK)
        return st;
    st = presence_access(ctx, out->team_id);
    if (st != WT_OK)
        return st;
    return round_db_workers(ctx->db, ctx->a, out);
}

wt_status round_stops(wt_ctx *ctx, const wt_round *r, round_stop **out, int *n)
{
    wt_status st = presence_access(ctx, r->team_id);
    if (st != WT_OK)
        return st;
    st = round_db_stops(ctx->db, ctx->a, r, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++) {
        round_stop *s = &(*out)[i];
        st = round_db_stop_history(ctx->db, ctx->a, r, s);
        if (st != WT_OK)
            break;
        audit_log(ctx, AUDIT_READ, "round_stop", s->id, (audit_subject){s->addr.household_id, 0, 0});
        for (int k = 0; k < s->n_open_signals; k++)
            audit_log(ctx, AUDIT_READ, "signal", s->open_signals[k].id, (audit_subject){s->addr.household_id, 0, 0});
    }
    return st;
}

wt_status round_stop_get(wt_ctx *ctx, int64_t round_id, int64_t stop_id, round_stop *out)
{
    wt_round r;
    wt_status st = round_get(ctx, round_id, &r);
    if (st == WT_OK)
        st = round_db_stop(ctx->db, ctx->a, &r, stop_id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "round_stop", out->id, (audit_subject){out->addr.household_id, 0, 0});
    return st;
}

wt_status round_list(wt_ctx *ctx, bool upcoming, int limit, int offset, wt_round **out, int *n, bool *more)
{
    wt_status st = presence_access(ctx, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    char today[11];
    date_format(date_today(), today);
    st = round_db_list(ctx->db, ctx->a, ctx->who.team_id, upcoming, today, limit + 1, offset, out, n);
    *more = st == WT_OK && *n > limit;
    if (*more)
        *n = limit;
    for (int i = 0; st == WT_OK && i < *n; i++)
        st = round_db_workers(ctx->db, ctx->a, &(*out)[i]);
    return st;
}

/* ---- walking ------------------------------------------------------------------------------------------------- */

/* A round takes outcomes while it is not done and its day has come. */
static wt_status check_recordable(wt_ctx *ctx, const wt_round *r, errors *e)
{
    if (strcmp(r->status, "done") == 0) {
        errors_add(e, "status", _("Deze ronde is afgerond; de uitkomsten liggen vast."));
        return WT_CONFLICT;
    }
    wt_date d;
    if (date_parse(r->planned_on, &d) && date_compare(d, date_today()) > 0) {
        errors_add(e, "planned_on", arena_printf(ctx->a, _("Deze ronde staat gepland op %s; uitkomsten legt u vast op of na die dag."),
                                                 date_display(ctx->a, r->planned_on)));
        return WT_CONFLICT;
    }
    return WT_OK;
}

wt_status round_record_stop(wt_ctx *ctx, int64_t round_id, int64_t stop_id, const char *outcome, const char *note,
                            errors *e)
{
    wt_round r;
    wt_status st = round_get(ctx, round_id, &r);
    if (st != WT_OK)
        return st;
    round_stop s;
    st = round_db_stop(ctx->db, ctx->a, &r, stop_id, &s);
    if (st != WT_OK)
        return st;
    if (!presence_code_valid(round_outcomes, outcome))
        errors_add(e, "outcome", _("Kies wat er op dit adres gebeurde."));
    presence_check_text(e, "note", _("De notitie"), note, PRESENCE_SHORT_MAX, false);
    if (e->count)
        return WT_INVALID;
    st = check_recordable(ctx, &r, e);
    if (st != WT_OK)
        return st;
    st = round_db_record(ctx->db, stop_id, outcome, presence_clean(ctx->a, note), ctx->who.user_id,
                         date_now_iso(ctx->a));
    if (st == WT_OK && strcmp(r.status, "planned") == 0)
        st = round_db_set_status(ctx->db, round_id, "walking");
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "round_stop", stop_id, (audit_subject){s.addr.household_id, 0, 0});
    return st;
}

wt_status round_set_status(wt_ctx *ctx, int64_t round_id, const char *status, errors *e)
{
    wt_round r;
    wt_status st = round_get(ctx, round_id, &r);
    if (st != WT_OK)
        return st;
    if (!presence_code_valid(round_statuses, status) || strcmp(status, "planned") == 0) {
        errors_add(e, "status", _("Kies 'walking' (op pad) of 'done' (afgerond)."));
        return WT_INVALID;
    }
    if (strcmp(r.status, status) == 0)
        return WT_OK;
    st = check_recordable(ctx, &r, e);
    if (st != WT_OK)
        return st;
    st = round_db_set_status(ctx->db, round_id, status);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "round", round_id, (audit_subject){0});
    return st;
}

wt_status round_next_open_stop(wt_ctx *ctx, int64_t round_id, int64_t stop_id, int64_t *next)
{
    *next = stop_id;
    wt_round r;
    wt_status st = presence_allowed(ctx, 0) ? round_db_get(ctx->db, ctx->a, round_id, &r) : WT_FORBIDDEN;
    if (st == WT_OK)
        st = presence_access(ctx, r.team_id);
    if (st == WT_OK)
        st = round_db_next_open(ctx->db, ctx->a, round_id, stop_id, next);
    return st;
}
