/*
 * network_demo.c - the social fabric of the demo neighbourhood, generated
 * from the demo seed among the residents the demo already holds: neighbours
 * on the same street, friends and friends of friends, family across
 * households, informal carers, a few conflicts, residents nobody knows yet,
 * offers of help (volunteers first) and a handful of needs. Relations are
 * spread over the past year, and some have ended, so the figures show change
 * over time. Written straight through network_db (the demo is the system
 * itself, not a team member).
 */
#include "../core/date.h"
#include "network.h"
#include "network_db.h"

#include <string.h>

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ull;
}

static int below(rng *r, int n)
{
    return n > 0 ? (int)(next(r) % (uint64_t)n) : 0;
}

static bool chance(rng *r, int percent)
{
    return below(r, 100) < percent;
}

/* A timestamp between 400 and 5 days ago. */
static const char *past(arena *a, rng *r, wt_date today, long *days_ago)
{
    *days_ago = 5 + below(r, 395);
    char d[11];
    date_format(date_add_days(today, -*days_ago), d);
    return arena_printf(a, "%sT%02d:%02d:00Z", d, 8 + below(r, 9), below(r, 60));
}

static wt_status relate(wt_ctx *ctx, rng *r, int64_t team_id, int64_t from, int64_t to, const char *kind)
{
    int64_t a, b;
    network_order_pair(kind, from, to, &a, &b);
    bool exists = false;
    wt_status st = network_db_relation_current(ctx->db, ctx->a, a, b, kind, &exists);
    if (st != WT_OK || exists || a == b)
        return st;
    static const char *const sources[] = {"worker_observed", "resident_self", "neighbour", "family"};
    static const char *const grounds[] = {"consent", "public_task", "legitimate_interest"};
    wt_date today = date_today();
    long ago = 0;
    const char *at = past(ctx->a, r, today, &ago);
    char since[11];
    date_format(date_add_days(today, -(ago + below(r, 3000))), since);
    relation_input in = {from, to, kind, 1 + below(r, 3), since, sources[below(r, 4)], grounds[below(r, 3)], NULL, NULL};
    int64_t id = 0;
    st = network_db_relation_insert(ctx->db, team_id, a, b, &in, at, 0, &id);
    if (st == WT_OK && chance(r, 6)) { /* some relations have ended since */
        char ended[11];
        date_format(date_add_days(today, -below(r, (int)ago)), ended);
        st = network_db_relation_end(ctx->db, id, ended, 0);
    }
    return st;
}

static wt_status demo_relations(wt_ctx *ctx, rng *r, int64_t team_id, const net_demo_person *p, int n)
{
    wt_status st = WT_OK;
    for (int i = 0; i < n && st == WT_OK; i++) {
        if (chance(r, 18)) /* about one in five knows nobody the team knows of */
            continue;
        /* Neighbours: people in the next few households on the street. */
        for (int j = i + 1; j < n && j < i + 8 && st == WT_OK; j++) {
            if (p[j].household_id == p[i].household_id)
                continue;
            bool close = p[i].has_coords && p[j].has_coords &&
                         network_distance_m(p[i].lat, p[i].lon, p[j].lat, p[j].lon) < 150;
            if ((close || !p[i].has_coords) && chance(r, 25))
                st = relate(ctx, r, team_id, p[i].id, p[j].id, chance(r, 70) ? "neighbour" : "acquaintance");
        }
        /* Friends a little further away. */
        if (st == WT_OK && chance(r, 35)) {
            int j = i + 8 + below(r, 80);
            if (j < n && p[j].household_id != p[i].household_id)
                st = relate(ctx, r, team_id, p[i].id, p[j].id, "friend");
        }
        /* Family in another household of the neighbourhood. */
        if (st == WT_OK && chance(r, 6)) {
            int j = below(r, n);
            if (p[j].household_id != p[i].household_id)
                st = relate(ctx, r, team_id, p[i].id, p[j].id, "family");
        }
        /* Informal care and volunteering. */
        if (st == WT_OK && (p[i].is_carer || chance(r, 2))) {
            int j = i + 1 + below(r, 40);
            if (j < n && p[j].household_id != p[i].household_id)
                st = relate(ctx, r, team_id, p[i].id, p[j].id, p[i].is_volunteer ? "volunteer_for" : "informal_carer_of");
        }
        /* A few on a war footing with a neighbour. */
        if (st == WT_OK && chance(r, 2)) {
            int j = i + 1 + below(r, 12);
            if (j < n && p[j].household_id != p[i].household_id)
                st = relate(ctx, r, team_id, p[i].id, p[j].id, "conflict");
        }
    }
    return st;
}

static wt_status demo_offers(wt_ctx *ctx, rng *r, int64_t team_id, const net_demo_person *p, int n)
{
    static const char *const notes[] = {NULL, "liefst op doordeweekse avonden", "heeft een auto", "spreekt Arabisch en Turks",
                                        "werkte bij een bank", "alleen overdag"};
    wt_status st = WT_OK;
    const char *now = date_now_iso(ctx->a);
    for (int i = 0; i < n && st == WT_OK; i++) {
        if (!p[i].is_volunteer && !chance(r, 7))
            continue;
        int offers = 1 + (chance(r, 30) ? 1 : 0);
        for (int k = 0; k < offers && st == WT_OK; k++) {
            const char *skill = network_skills[below(r, 10)].code;
            int64_t id = 0;
            st = network_db_offer_insert(ctx->db, team_id, p[i].id, skill, 1 + below(r, 6), notes[below(r, 6)], "consent",
                                         now, 0, &id);
        }
        if (st == WT_OK && chance(r, 10))
            st = network_db_load_set(ctx->db, p[i].id, 1 + below(r, 3), chance(r, 50), 0, now);
    }
    return st;
}

static wt_status demo_needs(wt_ctx *ctx, rng *r, int64_t team_id, const net_demo_person *p, int n)
{
    static const struct { const char *skill, *body; } needs[] = {
        {"administration", "Hulp bij de post en de rekeningen, een uur per week"},
        {"odd_jobs", "Een kapotte tuinpoort en een lekkende kraan"},
        {"transport", "Vervoer naar het ziekenhuis voor controles"},
        {"company", "Iemand om af en toe koffie mee te drinken"},
        {"shopping", "Wekelijkse boodschappen na een heupoperatie"},
        {"language", "Oefenen met Nederlands praten"},
    };
    wt_status st = WT_OK;
    int count = n < 60 ? n / 10 : 6;
    for (int k = 0; k < count && st == WT_OK; k++) {
        const net_demo_person *who = &p[below(r, n)];
        net_need nd = {.team_id = team_id, .household_id = who->household_id, .person_id = who->id,
                       .skill = needs[k % 6].skill, .body = needs[k % 6].body, .source = "worker",
                       .created_at = date_now_iso(ctx->a)};
        int64_t id = 0;
        st = network_db_need_insert(ctx->db, &nd, 0, &id);
    }
    return st;
}

wt_status network_demo(wt_ctx *ctx, int64_t team_id, uint64_t seed)
{
    net_demo_person *p;
    int n = 0;
    wt_status st = network_db_demo_persons(ctx->db, ctx->a, team_id, &p, &n);
    if (st != WT_OK || n < 2)
        return st;
    rng r = {seed ? seed ^ 0x6e6574776f726bull : 0x6e6574776f726bull};
    st = demo_relations(ctx, &r, team_id, p, n);
    if (st == WT_OK)
        st = demo_offers(ctx, &r, team_id, p, n);
    if (st == WT_OK)
        st = demo_needs(ctx, &r, team_id, p, n);
    return st;
}
