/*
 * demo_city.c - the rest of a city around Heechterp-Schieringen, for
 * `wijkteam demo --residents N` with N above DEMO_HS_MAX: teams of about
 * DEMO_CITY_TEAM residents, each with ten professionals and five
 * neighbourhoods of ten streets, filled with the same writer as the demo
 * neighbourhood (demo_people.c) but with the case rates of an ordinary team.
 *
 * Speed: statements are prepared once per connection (src/db caches them);
 * the work is committed every DEMO_CITY_COMMIT residents, so that a million
 * residents take a few large transactions; memory is one arena per batch of
 * households, freed after its audit entries are written.
 */
#include "demo_city.h"
#include "../access/audit.h"
#include "../assessment/assessment.h"
#include "../assessment/assessment_db.h"
#include "../core/date.h"
#include "../db/db.h"
#include "../team/team.h"
#include "../user/user.h"
#include "../user/user_db.h"
#include "demo_city_network.h"
#include "demo_db.h"
#include "demo_people.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEMO_CITY_TEAM 10000        /* residents per team (a neighbourhood team's usual area) */
#define DEMO_CITY_NEIGHBOURHOODS 5  /* per team */
#define DEMO_CITY_STREETS 10        /* per neighbourhood */
#define DEMO_CITY_BATCH 200         /* households per arena and audit flush */
#define DEMO_CITY_COMMIT 100000     /* residents per transaction */

typedef struct progress {
    long total;
    long done;
    int shown; /* per mille last drawn, -1 at the start */
    time_t start;
    bool draw;
} progress;

static void progress_draw(progress *p, bool last)
{
    int pm = p->total ? (int)(p->done * 1000 / p->total) : 1000;
    if (!p->draw || (!last && pm == p->shown))
        return;
    p->shown = pm;
    char bar[41];
    int filled = pm * 40 / 1000;
    for (int i = 0; i < 40; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[40] = '\0';
    fprintf(stderr, "\rcity [%s] %3d%%  %ld of %ld residents  %lds", bar, pm / 10, p->done, p->total,
            (long)(time(NULL) - p->start));
    if (last)
        fputc('\n', stderr);
    fflush(stderr);
}

static const char *const team_disciplines[] = {
    "team_leader",   "social_worker",   "social_worker",       "community_worker", "intercultural_worker",
    "district_nurse", "wmo_consultant", "youth_worker",        "elderly_advisor",  "mental_health_nurse",
};

/* A team with ten professionals of different disciplines, one of them its team leader. */
static wt_status city_team(wt_ctx *ctx, int t, const char *password_hash_str, const char *name, int64_t *team_id)
{
    errors e;
    errors_init(&e, ctx->a);
    int municipality = t < 95 ? 80 : 9000 + t / 95;
    team_input in = {.name = name, .municipality = "Leeuwarden",
                     .district_code = arena_printf(ctx->a, "WK%04d%02d", municipality, t % 95 + 4),
                     .prevention_share = -1};
    wt_status st = team_create(ctx, &in, &e, team_id);
    demo_rng r;
    demo_rng_seed(&r, (uint64_t)t * 7919);
    wt_date today = date_today();
    for (int i = 0; st == WT_OK && i < (int)(sizeof team_disciplines / sizeof team_disciplines[0]); i++) {
        demo_household h;
        uint64_t no_bsn = 0;
        demo_household_make(&r, ctx->a, today, 0, &no_bsn, &h);
        const demo_person *p = &h.members[0];
        bool leader = i == 0;
        user_input u = {arena_printf(ctx->a, "t%03d.%s", t + 1, i == 0 ? "leider" : arena_printf(ctx->a, "w%d", i)),
                        arena_printf(ctx->a, "%s %s", p->given_name, p->family_name),
                        leader ? "teamleader" : "worker",
                        team_disciplines[i],
                        NULL,
                        *team_id};
        int64_t uid;
        st = user_db_insert(ctx->db, &u, password_hash_str, date_now_iso(ctx->a), &uid);
    }
    return st;
}

static const char *neighbourhood_code(arena *a, int t, int b)
{
    int municipality = t < 95 ? 80 : 9000 + t / 95;
    return arena_printf(a, "BU%04d%02d%02d", municipality, t % 95 + 4, b);
}

/* Fills one neighbourhood (index k over the whole city) with about `residents` residents. */
static wt_status city_neighbourhood(demo_writer *w, int k, const char *code, long residents, long base, progress *pg,
                                    long *last_commit)
{
    wt_ctx *ctx = w->ctx;
    arena *keep = ctx->a;
    char pc4[12];
    snprintf(pc4, sizeof pc4, "%04d", 1011 + (7915 + k) % 8989);
    demo_street streets[DEMO_CITY_STREETS];
    int letters = 0;
    for (int s = 0; s < DEMO_CITY_STREETS; s++) {
        bool flats = s % 3 == 0;
        int numbers = flats ? 40 + (int)(residents / 60) : 120 + (int)(residents / 25);
        streets[s] = (demo_street){demo_city_street(keep, k, s), arena_strdup(keep, pc4), letters, numbers, flats};
        letters += ((numbers + 39) / 40) * 2;
    }
    double lat = 53.10 + (double)(k % 40) * 0.006, lon = 5.60 + (double)(k / 40 % 60) * 0.009;
    long start = w->n.persons;
    wt_status st = WT_OK;
    for (int s = 0, i = 0; s < DEMO_CITY_STREETS && st == WT_OK && w->n.persons - start < residents;) {
        arena batch;
        arena_init(&batch);
        ctx->a = &batch;
        /* First the households of a batch (written many rows per statement), then their cases. */
        demo_bulk_room(w->bulk, &batch, DEMO_CITY_BATCH);
        demo_household *hs = arena_alloc(&batch, sizeof(demo_household) * DEMO_CITY_BATCH);
        int64_t *ids = arena_alloc(&batch, sizeof(int64_t) * DEMO_CITY_BATCH);
        int n = 0;
        while (n < DEMO_CITY_BATCH && s < DEMO_CITY_STREETS && w->n.persons - start < residents && st == WT_OK) {
            demo_addr addr;
            if (!demo_street_address(&streets[s], i, &addr)) {
                s++;
                i = 0;
                continue;
            }
            i++;
            demo_place place = {&addr, "Leeuwarden", code, lat + (double)s * 0.0007,
                                lon + (double)(addr.house_number % 60) * 0.00005};
            st = demo_household_add(w, &place, &hs[n], &ids[n]);
            n++;
        }
        if (st == WT_OK)
            st = demo_bulk_flush(w);
        for (int j = 0; j < n && st == WT_OK; j++)
            st = demo_household_follow(w, ids[j], &hs[j]);
        if (st == WT_OK)
            st = demo_bulk_flush_assessments(w);
        if (st == WT_OK)
            st = demo_bulk_audit(w);
        ctx->a = keep;
        arena_free(&batch);
        pg->done = base + w->n.persons;
        progress_draw(pg, false);
        if (st == WT_OK && pg->done - *last_commit >= DEMO_CITY_COMMIT) {
            st = db_commit(ctx->db);
            if (st == WT_OK)
                st = db_begin_write(ctx->db);
            *last_commit = pg->done;
        }
    }
    return st;
}

wt_status demo_city(wt_ctx *ctx, const demo_options *opt, long residents, long already, const char **err)
{
    if (residents <= 0)
        return WT_OK;
    const char *hash = password_hash(ctx->a, DEMO_PASSWORD);
    if (!hash) {
        *err = "cannot hash the demo password";
        return WT_DBERROR;
    }
    if (demo_db_bulk_settings(ctx->db) != WT_OK) {
        *err = "cannot set up the database for a bulk load";
        return WT_DBERROR;
    }
    /* The adults in cases are assessed on the self-sufficiency matrix the team uses by default. */
    assessment_scale scale;
    if (assessment_db_scale_by_code(ctx->db, ctx->a, ASSESSMENT_DEFAULT_SCALE, &scale) != WT_OK ||
        assessment_db_scale_fill(ctx->db, ctx->a, &scale) != WT_OK) {
        *err = "cannot read the assessment scale";
        return WT_DBERROR;
    }
    int teams = (int)((residents + DEMO_CITY_TEAM - 1) / DEMO_CITY_TEAM);
    long per_nb = residents / ((long)teams * DEMO_CITY_NEIGHBOURHOODS) + 1;
    progress pg = {residents + already, already, -1, time(NULL), isatty(2) || residents + already >= 10000};
    demo_counts total = {0};
    demo_network_counts net = {0};
    long done = 0, last_commit = already;
    demo_bulk bulk;
    wt_status st = WT_OK;
    for (int t = 0; t < teams && st == WT_OK; t++) {
        int k0 = t * DEMO_CITY_NEIGHBOURHOODS;
        int64_t team_id = 0;
        const char *team_name = demo_city_neighbourhood_name(ctx->a, k0);
        st = city_team(ctx, t, hash, team_name, &team_id);
        demo_writer w;
        if (st == WT_OK)
            st = demo_writer_init(&w, ctx, opt->seed + (uint64_t)t + 1, team_id);
        if (st == WT_OK)
            st = demo_bulk_start(&w, &bulk);
        if (st != WT_OK)
            break;
        w.scale = &scale;
        w.open_case_percent = 3;
        w.closed_case_percent = 2;
        /* One numbering of BSNs for the whole city: never the number of an earlier resident. */
        w.bsn_seed = opt->seed;
        w.bsn_next = 10000 + (uint64_t)(already + done) * 2;
        for (int b = 0; b < DEMO_CITY_NEIGHBOURHOODS && st == WT_OK; b++) {
            const char *code = neighbourhood_code(ctx->a, t, b);
            st = demo_db_neighbourhood_insert(ctx->db, code, demo_city_neighbourhood_name(ctx->a, k0 + b),
                                              arena_printf(ctx->a, "WK%.6s", code + 2), "Leeuwarden", team_id);
            long want = residents - done - w.n.persons < per_nb ? residents - done - w.n.persons : per_nb;
            if (st == WT_OK && want > 0)
                st = city_neighbourhood(&w, k0 + b, code, want, already + done, &pg, &last_commit);
        }
        if (st == WT_OK) {
            arena *keep = ctx->a;
            arena batch;
            arena_init(&batch);
            ctx->a = &batch;
            st = demo_write_unknown_questions(&w, 20 + (int)(w.n.households / 100));
            if (st == WT_OK)
                st = demo_bulk_audit(&w);
            if (st == WT_OK)
                st = demo_city_network(ctx, team_id, opt->seed, &net);
            ctx->a = keep;
            arena_free(&batch);
        }
        done += w.n.persons;
        total.households += w.n.households;
        total.persons += w.n.persons;
        total.cases_open += w.n.cases_open;
        total.cases_closed += w.n.cases_closed;
        total.assessments += w.n.assessments;
    }
    /* Rows numbered here: PostgreSQL's sequences must go past them before anyone inserts again. */
    if (st == WT_OK)
        st = demo_db_sync_ids(ctx->db);
    if (st == WT_OK)
        st = demo_db_analyse(ctx->db);
    pg.done = already + done;
    progress_draw(&pg, true);
    if (st != WT_OK)
        *err = arena_printf(ctx->a, "cannot write the city: %s", db_last_error(ctx->db));
    else
        printf("city: %d teams, %ld households, %ld residents, %ld open and %ld closed cases with plans, %ld assessments,"
               " %ld relations, %ld offers of help\n",
               teams, total.households, total.persons, total.cases_open, total.cases_closed, total.assessments,
               net.relations, net.offers);
    return st;
}
