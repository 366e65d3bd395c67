/*
 * network_graph.c - the figures of a team's social fabric, computed with
 * igraph on the team's subgraph only (see network.h).
 *
 * The team's residents are the nodes, its current relations other than
 * conflicts the edges (several kinds between two people make one edge).
 * igraph gives the degrees (isolated residents), the connected components
 * (clusters), betweenness (connectors; exact up to EXACT_NODES nodes, estimated
 * from PIVOTS sampled sources beyond that), articulation points (residents whose
 * absence splits a group) and communities (Leiden, modularity, fixed seed).
 *
 * igraph 0.10 from Debian is not thread-safe (IGRAPH_THREAD_SAFE 0: a global
 * error stack and random generator), so every use is serialised by one mutex.
 * The result is cached in memory per team, day, comparison date and a stamp
 * of the team's data (counts and highest ids of its persons and relations),
 * so a change shows at once and an unchanged network is computed once a day.
 */
#include "../access/audit.h"
#include "../core/i18n.h"
#include "network.h"
#include "network_db.h"

#include <igraph.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXACT_NODES 1000 /* exact betweenness up to this many residents, estimated beyond */
#define PIVOTS 32
#define CACHE_SLOTS 8

static pthread_mutex_t graph_lock = PTHREAD_MUTEX_INITIALIZER;
static bool graph_ready;

static void graph_init_locked(void)
{
    if (graph_ready)
        return;
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    graph_ready = true;
}

/*
 * Betweenness estimated from PIVOTS sources (Brandes and Pich 2007): shortest
 * paths from an evenly spread sample of residents to everyone, scaled up to
 * all n. Cost grows with PIVOTS x edges instead of n x edges; the ranking of
 * the strongest connectors, which is all the page shows, holds. With graph_lock held.
 */
static igraph_error_t betweenness_estimate_locked(const igraph_t *g, int n, igraph_vector_t *btw)
{
    igraph_vector_int_t pick;
    IGRAPH_CHECK(igraph_vector_int_init(&pick, PIVOTS));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &pick);
    /* Every (n / PIVOTS)-th resident, from a fixed odd offset: the same answer every time. */
    for (int i = 0; i < PIVOTS; i++)
        VECTOR(pick)[i] = (igraph_integer_t)(((long)i * n + n / (2 * PIVOTS)) / PIVOTS);
    IGRAPH_CHECK(igraph_betweenness_subset(g, btw, igraph_vss_all(), false, igraph_vss_vector(&pick), igraph_vss_all(),
                                           NULL));
    igraph_vector_scale(btw, (igraph_real_t)n / PIVOTS);
    igraph_vector_int_destroy(&pick);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* Betweenness of every node, communities and articulation points; with graph_lock held. */
static igraph_error_t compute_locked(arena *a, const igraph_t *g, int n, net_graph_result *out)
{
    igraph_vector_int_t deg, memb, csize, art;
    igraph_vector_t btw, modv;
    igraph_integer_t ncomp = 0;
    IGRAPH_CHECK(igraph_vector_int_init(&deg, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &deg);
    IGRAPH_CHECK(igraph_vector_int_init(&memb, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &memb);
    IGRAPH_CHECK(igraph_vector_int_init(&csize, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &csize);
    IGRAPH_CHECK(igraph_vector_int_init(&art, 0));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &art);
    IGRAPH_CHECK(igraph_vector_init(&btw, 0));
    IGRAPH_FINALLY(igraph_vector_destroy, &btw);
    IGRAPH_CHECK(igraph_vector_init(&modv, 0));
    IGRAPH_FINALLY(igraph_vector_destroy, &modv);

    IGRAPH_CHECK(igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_ALL, false));
    IGRAPH_CHECK(igraph_connected_components(g, &memb, &csize, &ncomp, IGRAPH_WEAK));
    if (n <= EXACT_NODES)
        IGRAPH_CHECK(igraph_betweenness(g, &btw, igraph_vss_all(), false, NULL));
    else
        IGRAPH_CHECK(betweenness_estimate_locked(g, n, &btw));
    IGRAPH_CHECK(igraph_articulation_points(g, &art));

    for (int i = 0; i < n; i++) {
        out->degree[i] = (int)VECTOR(deg)[i];
        out->betweenness[i] = VECTOR(btw)[i];
        if (out->degree[i] == 0)
            out->isolated++;
    }
    for (igraph_integer_t c = 0; c < ncomp; c++) {
        int size = (int)VECTOR(csize)[c];
        if (size >= 2)
            out->clusters++;
        if (size >= 2 && size > out->largest_cluster)
            out->largest_cluster = size;
    }
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&art); i++)
        out->articulation[VECTOR(art)[i]] = true;

    if (igraph_ecount(g) > 0) {
        /* Leiden with the modularity objective (node weights: degrees, resolution 1 / 2m): as good as
           multilevel (Louvain) and about three times faster on a 10,000-resident neighbourhood. */
        igraph_integer_t nc = 0;
        igraph_real_t quality = 0;
        igraph_rng_seed(igraph_rng_default(), 20261123);
        IGRAPH_CHECK(igraph_strength(g, &modv, igraph_vss_all(), IGRAPH_ALL, true, NULL));
        IGRAPH_CHECK(igraph_community_leiden(g, NULL, &modv, 1.0 / (2.0 * (double)igraph_ecount(g)), 0.01, false, 2,
                                             &memb, &nc, &quality));
        IGRAPH_CHECK(igraph_modularity(g, &memb, NULL, 1.0, false, &out->modularity));
        bool *seen = arena_alloc(a, sizeof(bool) * (size_t)(n + 1));
        for (int i = 0; i < n; i++) {
            igraph_integer_t m = VECTOR(memb)[i];
            if (out->degree[i] > 0 && m >= 0 && m < n && !seen[m]) {
                seen[m] = true;
                out->communities++;
            }
        }
    }
    igraph_vector_destroy(&modv);
    igraph_vector_destroy(&btw);
    igraph_vector_int_destroy(&art);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&deg);
    IGRAPH_FINALLY_CLEAN(6);
    return IGRAPH_SUCCESS;
}

wt_status network_graph_compute(arena *a, int n, const int *from, const int *to, int m, net_graph_result *out)
{
    memset(out, 0, sizeof(*out));
    out->betweenness = arena_alloc(a, sizeof(double) * (size_t)(n + 1));
    out->articulation = arena_alloc(a, sizeof(bool) * (size_t)(n + 1));
    out->degree = arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    if (n == 0)
        return WT_OK;
    for (int i = 0; i < m; i++)
        if (from[i] < 0 || from[i] >= n || to[i] < 0 || to[i] >= n)
            return WT_INVALID;
    pthread_mutex_lock(&graph_lock);
    graph_init_locked();
    igraph_vector_int_t edges;
    igraph_t g;
    wt_status st = WT_DBERROR;
    if (igraph_vector_int_init(&edges, 2 * (igraph_integer_t)m) == IGRAPH_SUCCESS) {
        for (int i = 0; i < m; i++) {
            VECTOR(edges)[2 * i] = from[i];
            VECTOR(edges)[2 * i + 1] = to[i];
        }
        if (igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS) {
            if (igraph_simplify(&g, true, true, NULL) == IGRAPH_SUCCESS && compute_locked(a, &g, n, out) == IGRAPH_SUCCESS)
                st = WT_OK;
            igraph_destroy(&g);
        }
        igraph_vector_int_destroy(&edges);
    }
    pthread_mutex_unlock(&graph_lock);
    return st;
}

/* ---- the team's figures ---------------------------------------------------------------------------------------- */

/* What the cache keeps: ids and numbers only, fixed size. */
typedef struct cached_ref {
    int64_t person_id, household_id;
    int age;
    bool alone, bridge;
    double score;
    int degree;
} cached_ref;

typedef struct cached_figures {
    char key[200];
    unsigned long used;
    net_snapshot now, before;
    bool has_before;
    cached_ref connectors[NETWORK_TOP];
    int n_connectors;
    cached_ref isolated[NETWORK_LIST];
    int n_isolated;
    cached_ref conflicts[NETWORK_LIST][2];
    int n_conflicts;
} cached_figures;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static cached_figures cache[CACHE_SLOTS];
static unsigned long cache_clock;

static bool cache_get(const char *key, cached_figures *out)
{
    bool hit = false;
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < CACHE_SLOTS && !hit; i++)
        if (strcmp(cache[i].key, key) == 0) {
            cache[i].used = ++cache_clock;
            *out = cache[i];
            hit = true;
        }
    pthread_mutex_unlock(&cache_lock);
    return hit;
}

static void cache_put(const cached_figures *f)
{
    pthread_mutex_lock(&cache_lock);
    int victim = 0;
    for (int i = 1; i < CACHE_SLOTS; i++)
        if (cache[i].used < cache[victim].used)
            victim = i;
    cache[victim] = *f;
    cache[victim].used = ++cache_clock;
    pthread_mutex_unlock(&cache_lock);
}

static int find_person(const net_team_person *p, int n, int64_t id)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (p[mid].id == id)
            return mid;
        if (p[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int cmp_i64(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return a < b ? -1 : a > b;
}

typedef struct snap_work {
    net_team_person *p;
    int n;
    int *age;
    bool *alone;
    net_graph_result g;
    net_team_relation *conf;
    int n_conf;
} snap_work;

/* The figures on one day (`on`), from the team's subgraph as recorded before the next day. */
static wt_status snapshot(wt_ctx *ctx, const char *on, net_snapshot *s, snap_work *w)
{
    wt_date d;
    date_parse(on, &d);
    char next[11];
    date_format(date_add_days(d, 1), next);
    net_team_relation *rel;
    int nrel = 0;
    wt_status st = network_db_team_persons(ctx->db, ctx->a, ctx->who.team_id, next, &w->p, &w->n);
    if (st == WT_OK)
        st = network_db_team_relations(ctx->db, ctx->a, ctx->who.team_id, next, on, &rel, &nrel);
    if (st != WT_OK)
        return st;
    int *from = arena_alloc(ctx->a, sizeof(int) * (size_t)(nrel + 1));
    int *to = arena_alloc(ctx->a, sizeof(int) * (size_t)(nrel + 1));
    int m = 0;
    w->conf = arena_alloc(ctx->a, sizeof(net_team_relation) * (size_t)(nrel + 1));
    w->n_conf = 0;
    memset(s, 0, sizeof(*s));
    s->residents = w->n;
    for (int i = 0; i < nrel; i++) {
        int ia = find_person(w->p, w->n, rel[i].a), ib = find_person(w->p, w->n, rel[i].b);
        if (ia < 0 || ib < 0)
            continue;
        if (rel[i].conflict) {
            w->conf[w->n_conf++] = rel[i];
            continue;
        }
        s->relations++;
        from[m] = ia;
        to[m++] = ib;
    }
    s->conflicts = w->n_conf;
    st = network_graph_compute(ctx->a, w->n, from, to, m, &w->g);
    if (st != WT_OK)
        return st;
    /* Household sizes and ages, for "elderly living alone". */
    int64_t *hh = arena_alloc(ctx->a, sizeof(int64_t) * (size_t)(w->n + 1));
    for (int i = 0; i < w->n; i++)
        hh[i] = w->p[i].household_id;
    qsort(hh, (size_t)w->n, sizeof *hh, cmp_i64);
    w->age = arena_alloc(ctx->a, sizeof(int) * (size_t)(w->n + 1));
    w->alone = arena_alloc(ctx->a, sizeof(bool) * (size_t)(w->n + 1));
    for (int i = 0; i < w->n; i++) {
        int64_t *lo = bsearch(&w->p[i].household_id, hh, (size_t)w->n, sizeof *hh, cmp_i64);
        int count = 0;
        if (lo) {
            while (lo > hh && lo[-1] == w->p[i].household_id)
                lo--;
            for (int64_t *q = lo; q < hh + w->n && *q == w->p[i].household_id; q++)
                count++;
        }
        w->alone[i] = count == 1;
        wt_date b;
        w->age[i] = w->p[i].birth_date && date_parse(w->p[i].birth_date, &b) ? date_age(b, d) : -1;
    }
    s->isolated = w->g.isolated;
    for (int i = 0; i < w->n; i++)
        if (w->g.degree[i] == 0 && w->alone[i] && w->age[i] >= NETWORK_ELDERLY_AGE)
            s->isolated_elderly_alone++;
    s->clusters = w->g.clusters;
    s->largest_cluster = w->g.largest_cluster;
    s->communities = w->g.communities;
    s->modularity = w->g.modularity;
    return WT_OK;
}

static cached_ref ref_of(const snap_work *w, int i)
{
    return (cached_ref){w->p[i].id, w->p[i].household_id, w->age[i], w->alone[i], w->g.articulation[i],
                        w->g.betweenness[i], w->g.degree[i]};
}

/* The lists of today: top connectors, isolated residents (elderly alone first), conflicts. */
static void lists(arena *a, const snap_work *w, cached_figures *f)
{
    bool *taken = arena_alloc(a, sizeof(bool) * ((size_t)w->n + 1));
    for (f->n_connectors = 0; f->n_connectors < NETWORK_TOP; f->n_connectors++) {
        int best = -1;
        for (int i = 0; i < w->n; i++)
            if (!taken[i] && w->g.betweenness[i] > 0 && (best < 0 || w->g.betweenness[i] > w->g.betweenness[best]))
                best = i;
        if (best < 0)
            break;
        taken[best] = true;
        f->connectors[f->n_connectors] = ref_of(w, best);
    }
    f->n_isolated = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < w->n && f->n_isolated < NETWORK_LIST; i++) {
            bool elderly = w->alone[i] && w->age[i] >= NETWORK_ELDERLY_AGE;
            if (w->g.degree[i] == 0 && elderly == (pass == 0))
                f->isolated[f->n_isolated++] = ref_of(w, i);
        }
    f->n_conflicts = 0;
    for (int i = 0; i < w->n_conf && f->n_conflicts < NETWORK_LIST; i++) {
        int ia = find_person(w->p, w->n, w->conf[i].a), ib = find_person(w->p, w->n, w->conf[i].b);
        f->conflicts[f->n_conflicts][0] = ref_of(w, ia);
        f->conflicts[f->n_conflicts++][1] = ref_of(w, ib);
    }
}

static net_person_ref to_ref(const cached_ref *c, const char *name)
{
    return (net_person_ref){c->person_id, c->household_id, name, c->age, c->alone, c->score, c->bridge, c->degree, 0, NULL, 0};
}

/* Names for the listed persons, recent matches for the connectors; logs each listed person. */
static wt_status expand(wt_ctx *ctx, const cached_figures *f, net_figures *out)
{
    int total = f->n_connectors + f->n_isolated + 2 * f->n_conflicts;
    int64_t *ids = arena_alloc(ctx->a, sizeof(int64_t) * (size_t)(total + 1));
    int k = 0;
    for (int i = 0; i < f->n_connectors; i++)
        ids[k++] = f->connectors[i].person_id;
    for (int i = 0; i < f->n_isolated; i++)
        ids[k++] = f->isolated[i].person_id;
    for (int i = 0; i < f->n_conflicts; i++) {
        ids[k++] = f->conflicts[i][0].person_id;
        ids[k++] = f->conflicts[i][1].person_id;
    }
    const char **names;
    wt_status st = network_db_names(ctx->db, ctx->a, ids, total, &names);
    int *recent = arena_alloc(ctx->a, sizeof(int) * (size_t)(f->n_connectors + 1));
    char since[11];
    date_format(date_add_days(date_today(), -90), since);
    if (st == WT_OK)
        st = network_db_recent_matches(ctx->db, ctx->a, ids, f->n_connectors, since, recent);
    if (st != WT_OK)
        return st;
    out->connectors = arena_alloc(ctx->a, sizeof(net_person_ref) * (size_t)(f->n_connectors + 1));
    out->isolated = arena_alloc(ctx->a, sizeof(net_person_ref) * (size_t)(f->n_isolated + 1));
    out->conflicts = arena_alloc(ctx->a, sizeof(net_conflict_ref) * (size_t)(f->n_conflicts + 1));
    k = 0;
    for (int i = 0; i < f->n_connectors; i++) {
        out->connectors[i] = to_ref(&f->connectors[i], names[k++]);
        out->connectors[i].recent_matches = recent[i];
    }
    for (int i = 0; i < f->n_isolated; i++)
        out->isolated[i] = to_ref(&f->isolated[i], names[k++]);
    for (int i = 0; i < f->n_conflicts; i++) {
        out->conflicts[i].a = to_ref(&f->conflicts[i][0], names[k++]);
        out->conflicts[i].b = to_ref(&f->conflicts[i][1], names[k++]);
    }
    out->n_connectors = f->n_connectors;
    out->n_isolated = f->n_isolated;
    out->n_conflicts = f->n_conflicts;
    for (int i = 0; i < total; i++)
        audit_log(ctx, AUDIT_READ, "network", ids[i], (audit_subject){0, ids[i], 0});
    return WT_OK;
}

wt_status network_figures(wt_ctx *ctx, const char *compare_on, errors *e, net_figures *out)
{
    memset(out, 0, sizeof(*out));
    wt_status st = network_team_access(ctx, false, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    char today[11];
    date_format(date_today(), today);
    wt_date cd;
    if (compare_on && *compare_on) {
        if (!date_parse(compare_on, &cd))
            errors_add(e, "compare_on", _("Vul de datum om mee te vergelijken in als JJJJ-MM-DD."));
        else if (strcmp(compare_on, today) >= 0)
            errors_add(e, "compare_on", _("De datum om mee te vergelijken moet voor vandaag liggen."));
    }
    if (e->count)
        return WT_INVALID;
    const char *stamp;
    st = network_db_team_stamp(ctx->db, ctx->a, ctx->who.team_id, &stamp);
    if (st != WT_OK)
        return st;
    cached_figures *f = arena_alloc(ctx->a, sizeof(cached_figures));
    snprintf(f->key, sizeof f->key, "%lld|%s|%s|%s", (long long)ctx->who.team_id, today,
             compare_on && *compare_on ? compare_on : "-", stamp);
    if (!cache_get(f->key, f)) {
        snap_work w;
        st = snapshot(ctx, today, &f->now, &w);
        if (st != WT_OK)
            return st;
        lists(ctx->a, &w, f);
        if (compare_on && *compare_on) {
            snap_work wb;
            st = snapshot(ctx, compare_on, &f->before, &wb);
            if (st != WT_OK)
                return st;
            f->has_before = true;
        }
        cache_put(f);
    }
    out->on = arena_strdup(ctx->a, today);
    out->compare_on = f->has_before ? arena_strdup(ctx->a, compare_on) : NULL;
    out->now = f->now;
    out->before = f->before;
    audit_log(ctx, AUDIT_READ, "network_figures", ctx->who.team_id, (audit_subject){0});
    return expand(ctx, f, out);
}
