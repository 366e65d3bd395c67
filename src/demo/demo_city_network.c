/*
 * demo_city_network.c - the social fabric of a team of the city (`wijkteam
 * demo --residents N`), so that matching and the network figures can be
 * measured at city scale (issue 5: 1,000,000 residents, 5,000,000 relations).
 *
 * Among the team's residents in street order (the order of their households):
 * one in twenty-five knows nobody the team knows of; the others have
 * neighbours a few doors away, friends further down the streets, now and then
 * an acquaintance or family anywhere in the team's neighbourhoods, informal
 * carers and volunteers close by, and one in a hundred a conflict. About four
 * in a hundred relations have ended. Residents who volunteer, and some others,
 * offer help; a few helpers say how much they can carry; the team has a few
 * needs. Relations stay within the team (a team records only what it knows of
 * its own residents). Rows are written many per statement (demo_db.c), with
 * the same rules the network's own writer obeys: undirected kinds ordered, one
 * current relation of a kind between two people. Like network_demo.c the
 * fabric is written by the system itself: no audit rows per relation.
 */
#include "demo_city_network.h"
#include "../core/date.h"
#include "../network/network.h"
#include "../network/network_db.h"
#include "demo_db.h"
#include "demo_gen.h"

#include <string.h>

#define FLUSH_ROWS 2000
#define ISOLATED_PERCENT 4

typedef struct net_gen {
    wt_ctx *ctx;
    demo_rng r;
    int64_t team_id;
    const net_demo_person *p;
    int n;
    bool *isolated;
    wt_date today;
    uint64_t *seen; /* open addressing: (index a, index b, kind) + 1 */
    size_t seen_mask;
    demo_relation_row *rows;
    int nrows;
    long written;
} net_gen;

static const char *const kinds[] = {"family", "friend", "neighbour", "acquaintance", "informal_carer_of",
                                    "volunteer_for", "conflict"};

static int below(net_gen *g, int n)
{
    return n > 0 ? demo_rng_int(&g->r, 0, n - 1) : 0;
}

static const char *date_ago(net_gen *g, long days)
{
    char *s = arena_alloc(g->ctx->a, 11);
    date_format(date_add_days(g->today, -days), s);
    return s;
}

/* True the first time this (a, b, kind) is seen. */
static bool first_time(net_gen *g, int ia, int ib, int kind)
{
    uint64_t key = (((uint64_t)ia * (uint64_t)g->n + (uint64_t)ib) * 8u + (uint64_t)kind) + 1u;
    size_t h = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & g->seen_mask;
    while (g->seen[h]) {
        if (g->seen[h] == key)
            return false;
        h = (h + 1) & g->seen_mask;
    }
    g->seen[h] = key;
    return true;
}

static wt_status flush(net_gen *g)
{
    wt_status st = demo_db_relations(g->ctx->db, g->ctx->a, g->rows, g->nrows);
    g->written += g->nrows;
    g->nrows = 0;
    return st;
}

/* A relation from resident i to resident j of the team (indexes), if it may and does not exist yet. */
static wt_status relate(net_gen *g, int i, int j, int kind)
{
    if (j < 0 || j >= g->n || j == i || g->isolated[j] || g->p[j].household_id == g->p[i].household_id)
        return WT_OK;
    int64_t a, b;
    network_order_pair(kinds[kind], g->p[i].id, g->p[j].id, &a, &b);
    int ia = a == g->p[i].id ? i : j, ib = ia == i ? j : i;
    if (!first_time(g, ia, ib, kind))
        return WT_OK;
    static const char *const sources[] = {"worker_observed", "resident_self", "neighbour", "family"};
    static const char *const grounds[] = {"consent", "public_task", "legitimate_interest"};
    long ago = 5 + below(g, 700);
    demo_relation_row *row = &g->rows[g->nrows++];
    *row = (demo_relation_row){g->team_id, a, b, kinds[kind], 1 + below(g, 3), date_ago(g, ago + below(g, 4000)),
                               sources[below(g, 4)], grounds[below(g, 3)], NULL, NULL};
    char at[11];
    date_format(date_add_days(g->today, -ago), at);
    row->recorded_at = arena_printf(g->ctx->a, "%sT%02d:%02d:00Z", at, 8 + below(g, 9), below(g, 60));
    if (below(g, 100) < 4)
        row->ended_on = date_ago(g, below(g, (int)ago));
    return g->nrows == FLUSH_ROWS ? flush(g) : WT_OK;
}

/* A resident some steps away in street order, either way. */
static int nearby(net_gen *g, int i, int span)
{
    int d = 1 + below(g, span);
    return below(g, 2) ? i + d : i - d;
}

static wt_status relations_of(net_gen *g, int i)
{
    const net_demo_person *me = &g->p[i];
    int neighbours = 2 + (below(g, 100) < 60);
    wt_status st = WT_OK;
    for (int k = 0; k < neighbours && st == WT_OK; k++)
        st = relate(g, i, nearby(g, i, 24), below(g, 100) < 70 ? 2 : 3);
    int friends = 1 + (below(g, 100) < 60);
    for (int k = 0; k < friends && st == WT_OK; k++)
        st = relate(g, i, nearby(g, i, 400), 1);
    if (st == WT_OK && below(g, 100) < 90)
        st = relate(g, i, below(g, g->n), below(g, 100) < 60 ? 3 : 1);
    if (st == WT_OK && below(g, 100) < 45)
        st = relate(g, i, below(g, g->n), 0);
    if (st == WT_OK && (me->is_carer || me->is_volunteer || below(g, 100) < 2))
        st = relate(g, i, nearby(g, i, 60), me->is_volunteer ? 5 : 4);
    if (st == WT_OK && below(g, 100) < 1)
        st = relate(g, i, nearby(g, i, 30), 6);
    return st;
}

static wt_status offers(net_gen *g, demo_network_counts *cnt)
{
    static const char *const notes[] = {NULL, "liefst op doordeweekse avonden", "heeft een auto",
                                        "spreekt Arabisch en Turks", "werkte bij een bank", "alleen overdag"};
    demo_offer_row *o = arena_alloc(g->ctx->a, sizeof(demo_offer_row) * (size_t)(2 * g->n + 1));
    demo_load_row *l = arena_alloc(g->ctx->a, sizeof(demo_load_row) * (size_t)(g->n + 1));
    int no = 0, nl = 0;
    const char *now = arena_printf(g->ctx->a, "%sT09:00:00Z", date_ago(g, 1));
    for (int i = 0; i < g->n; i++) {
        if (!g->p[i].is_volunteer && below(g, 100) >= 7)
            continue;
        int first = below(g, 10), count = 1 + (below(g, 100) < 30);
        for (int k = 0; k < count; k++)
            o[no++] = (demo_offer_row){g->team_id, g->p[i].id, network_skills[(first + 3 * k) % 10].code,
                                       1 + below(g, 6), notes[below(g, 6)], now};
        if (below(g, 100) < 10)
            l[nl++] = (demo_load_row){g->p[i].id, 1 + below(g, 3), below(g, 2) == 0, now};
    }
    wt_status st = demo_db_offers(g->ctx->db, g->ctx->a, o, no);
    if (st == WT_OK)
        st = demo_db_loads(g->ctx->db, g->ctx->a, l, nl);
    cnt->offers += no;
    return st;
}

static wt_status needs(net_gen *g, demo_network_counts *cnt)
{
    static const struct {
        const char *skill, *body;
    } list[] = {
        {"administration", "Hulp bij de post en de rekeningen, een uur per week"},
        {"odd_jobs", "Een kapotte tuinpoort en een lekkende kraan"},
        {"transport", "Vervoer naar het ziekenhuis voor controles"},
        {"company", "Iemand om af en toe koffie mee te drinken"},
        {"shopping", "Wekelijkse boodschappen na een heupoperatie"},
        {"language", "Oefenen met Nederlands praten"},
    };
    wt_status st = WT_OK;
    const char *now = arena_printf(g->ctx->a, "%sT10:00:00Z", date_ago(g, 2));
    for (int k = 0; k < 6 && st == WT_OK; k++) {
        const net_demo_person *who = &g->p[below(g, g->n)];
        net_need nd = {.team_id = g->team_id, .household_id = who->household_id, .person_id = who->id,
                       .skill = list[k].skill, .body = list[k].body, .source = "worker", .created_at = now};
        int64_t id = 0;
        st = network_db_need_insert(g->ctx->db, &nd, 0, &id);
        cnt->needs++;
    }
    return st;
}

wt_status demo_city_network(wt_ctx *ctx, int64_t team_id, uint64_t seed, demo_network_counts *cnt)
{
    net_gen g = {.ctx = ctx, .team_id = team_id, .today = date_today()};
    demo_rng_seed(&g.r, seed ^ ((uint64_t)team_id * 0x9E3779B97F4A7C15ull) ^ 0x6e6574776f726bull);
    net_demo_person *p;
    wt_status st = network_db_demo_persons(ctx->db, ctx->a, team_id, &p, &g.n);
    if (st != WT_OK || g.n < 2)
        return st;
    g.p = p;
    size_t cap = 1024;
    while (cap < (size_t)g.n * (DEMO_CITY_RELATIONS + 2) * 2)
        cap *= 2;
    g.seen = arena_alloc(ctx->a, sizeof(uint64_t) * cap);
    memset(g.seen, 0, sizeof(uint64_t) * cap);
    g.seen_mask = cap - 1;
    g.isolated = arena_alloc(ctx->a, sizeof(bool) * (size_t)g.n);
    for (int i = 0; i < g.n; i++)
        g.isolated[i] = below(&g, 100) < ISOLATED_PERCENT && !p[i].is_carer && !p[i].is_volunteer;
    g.rows = arena_alloc(ctx->a, sizeof(demo_relation_row) * FLUSH_ROWS);
    for (int i = 0; i < g.n && st == WT_OK; i++)
        if (!g.isolated[i])
            st = relations_of(&g, i);
    if (st == WT_OK && g.nrows)
        st = flush(&g);
    cnt->relations += g.written;
    if (st == WT_OK)
        st = offers(&g, cnt);
    if (st == WT_OK)
        st = needs(&g, cnt);
    return st;
}
