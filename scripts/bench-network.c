/*
 * bench-network.c - the neighbourhood network at city scale, for `make bench`
 * (issue 5): how long one match proposal and the figures of one neighbourhood
 * team take on a city made by `wijkteam demo --residents N` (five relations
 * per resident), and whether a proposal scans a table that grows with the city.
 *
 *   bench-network DATABASE [NEEDS]
 *
 * Through wijkteam's own rules, as a worker of the household's team:
 *   - proposals (network_proposals) for NEEDS needs of random households all
 *     over the city, each need added in one transaction that is rolled back at
 *     the end (the database is left as it was);
 *   - every statement of one more proposal EXPLAINed (SQLite: EXPLAIN QUERY
 *     PLAN, where "SCAN" reads a whole table or index; PostgreSQL: EXPLAIN,
 *     where "Seq Scan" on a table of residents, households, addresses,
 *     relations or offers does): the scans are printed, none is the target;
 *   - the figures (network_figures) of the three largest teams, each computed
 *     cold (a team's figures are cached per team, so each first call computes).
 * The last line is for scripts/bench.sh:
 *   network|RESIDENTS|PROPOSAL_MS|PROPOSAL_CPU_MS|FIGURES_MS|FIGURES_CPU_MS|TEAM_RESIDENTS|TEAM_RELATIONS|SCANS
 * (CPU: of this process only, so for PostgreSQL not the server's share).
 * Built against the release objects (make build/bench-network); not in make check.
 */
#include "../src/core/date.h"
#include "../src/db/db.h"
#include "../src/network/network.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_TRACED 64

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: on a shared machine it does not count the time others had the core. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng_state = 0x6e6574776f726bull;

static long below(long n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return n > 0 ? (long)((rng_state * 2685821657736338717ull) % (uint64_t)n) : 0;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static void act_as_team(wt_ctx *ctx, int64_t team_id, int64_t user_id)
{
    ctx->who = (actor){.user_id = user_id, .role = ROLE_WORKER, .team_id = team_id, .display_name = "bench"};
    ctx->audit_head = ctx->audit_tail = NULL;
}

/* The statements of one proposal, copied (with their parameters) for EXPLAIN. */
typedef struct traced {
    arena *a;
    int n;
    const char *sql[MAX_TRACED];
    db_param *p[MAX_TRACED];
    size_t np[MAX_TRACED];
} traced;

static void trace(void *user, const char *sql, const db_param *p, size_t n)
{
    traced *t = user;
    if (t->n == MAX_TRACED)
        return;
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->sql[i], sql) == 0)
            return;
    t->sql[t->n] = arena_strdup(t->a, sql);
    t->p[t->n] = arena_alloc(t->a, sizeof(db_param) * (n + 1));
    for (size_t i = 0; i < n; i++) {
        t->p[t->n][i] = p[i];
        if (p[i].type == DB_PTEXT && p[i].s)
            t->p[t->n][i].s = arena_strdup(t->a, p[i].s);
    }
    t->np[t->n++] = n;
}

/* Prints the scans in the plans of the traced statements; returns how many. */
static int scans(db *c, arena *a, const traced *t)
{
    static const char *const big[] = {"person", "household", "address", "relation", "offer", "helper_load"};
    bool pg = strcmp(db_backend_name(c), "postgresql") == 0;
    int found = 0;
    for (int i = 0; i < t->n; i++) {
        if (strncmp(t->sql[i], "SELECT", 6) != 0)
            continue;
        db_result r;
        const char *q = arena_printf(a, "%s%s", pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ", t->sql[i]);
        if (db_query(c, a, &r, q, t->p[i], t->np[i]) != WT_OK) {
            fprintf(stderr, "bench-network: EXPLAIN failed: %s\n", db_last_error(c));
            continue;
        }
        for (int row = 0; row < r.nrows; row++) {
            const char *d = db_get(&r, row, pg ? 0 : r.ncols - 1);
            bool scan = false;
            if (!d)
                continue;
            if (pg) {
                const char *s = strstr(d, "Seq Scan on ");
                for (size_t k = 0; s && k < sizeof big / sizeof big[0]; k++) {
                    size_t len = strlen(big[k]);
                    scan = scan || (strncmp(s + 12, big[k], len) == 0 && (s[12 + len] == ' ' || !s[12 + len]));
                }
            } else {
                scan = strncmp(d, "SCAN ", 5) == 0 && strcmp(d, "SCAN CONSTANT ROW") != 0;
            }
            if (getenv("BENCH_PLANS"))
                printf("  plan: %s\n", d);
            if (scan) {
                found++;
                printf("  scan: %s\n    in: %.160s\n", d, t->sql[i]);
            }
        }
    }
    return found;
}

static long count(db *c, arena *a, const char *sql)
{
    db_result r;
    return db_query(c, a, &r, sql, DB_NOARGS) == WT_OK && r.nrows ? (long)db_get_int(&r, 0, 0) : -1;
}

typedef struct bench {
    wt_ctx ctx;
    long residents, needs;
    int64_t min_hh, max_hh;
    double median_ms, median_cpu_ms;
    int scans;
} bench;

/*
 * One need of a random household, added as a worker of its team (need-to-know:
 * the coordinator of the household's case, when it has one); its id, 0 when
 * the household is gone.
 */
static int64_t random_need(bench *b, arena *q, int i)
{
    static const char *const skills[] = {"administration", "odd_jobs", "transport", "company", "shopping"};
    db_result r;
    int64_t hh = b->min_hh + below(b->max_hh - b->min_hh + 1);
    if (db_query(b->ctx.db, q, &r,
                 "SELECT h.team_id, (SELECT c.coordinator_id FROM cases c WHERE c.household_id = h.id"
                 " ORDER BY CASE WHEN c.status = 'open' THEN 0 ELSE 1 END, c.opened_on DESC, c.id DESC LIMIT 1)"
                 " FROM household h WHERE h.id = ?",
                 DB_ARGS(DB_I(hh))) != WT_OK ||
        r.nrows == 0)
        return 0;
    act_as_team(&b->ctx, db_get_int(&r, 0, 0), db_get(&r, 0, 1) ? db_get_int(&r, 0, 1) : 0);
    errors e;
    errors_init(&e, q);
    need_input in = {hh, 0, skills[i % 5], "Hulp gevraagd", 0};
    int64_t need_id = 0;
    if (network_need_add(&b->ctx, &in, &e, &need_id) != WT_OK) {
        fprintf(stderr, "bench-network: need: %s\n", e.head ? e.head->message : db_last_error(b->ctx.db));
        return -1;
    }
    return need_id;
}

static int proposals(bench *b)
{
    double *ms = calloc((size_t)b->needs + 1, sizeof(double)), *cpu = calloc((size_t)b->needs + 1, sizeof(double));
    long done = 0, proposed = 0;
    int rc = 0;
    db_begin_write(b->ctx.db);
    for (long i = 0; i <= b->needs && rc == 0; i++) {
        arena q;
        arena_init(&q);
        b->ctx.a = &q;
        int64_t need_id = random_need(b, &q, (int)i);
        net_need need;
        net_candidate *cand;
        int n = 0, exc = 0, exl = 0;
        traced t = {.a = &q};
        bool last = i == b->needs; /* the last one is EXPLAINed, not timed */
        if (need_id > 0) {
            if (last)
                db_set_trace(b->ctx.db, trace, &t);
            double s = now_s(), c = cpu_s();
            wt_status st = network_proposals(&b->ctx, need_id, &need, &cand, &n, &exc, &exl);
            double took = (now_s() - s) * 1000, took_cpu = (cpu_s() - c) * 1000;
            db_set_trace(b->ctx.db, NULL, NULL);
            if (st != WT_OK) {
                fprintf(stderr, "bench-network: proposals failed (%d): %s\n", st, db_last_error(b->ctx.db));
                rc = 1;
            } else if (last) {
                b->scans = scans(b->ctx.db, &q, &t);
                printf("network %8ld residents: one proposal runs %d statements, %d of them reading a whole table\n",
                       b->residents, t.n, b->scans);
            } else {
                cpu[done] = took_cpu;
                ms[done++] = took;
                proposed += n;
            }
        } else if (need_id < 0) {
            rc = 1;
        }
        arena_free(&q);
    }
    db_rollback(b->ctx.db);
    if (rc == 0 && done > 0) {
        qsort(ms, (size_t)done, sizeof *ms, cmp_double);
        qsort(cpu, (size_t)done, sizeof *cpu, cmp_double);
        b->median_ms = ms[done / 2];
        b->median_cpu_ms = cpu[done / 2];
        printf("network %8ld residents: one match proposal: median %.2f ms (%.2f ms CPU here), p95 %.2f ms (%ld needs"
               " all over the city, %.1f proposals each)\n",
               b->residents, ms[done / 2], cpu[done / 2], ms[done * 95 / 100], done, (double)proposed / (double)done);
    }
    free(ms);
    free(cpu);
    return rc == 0 && done > 0 ? 0 : 1;
}

static int figures(bench *b, arena *a, double *median, double *median_cpu, net_snapshot *largest)
{
    db_result teams;
    if (db_query(b->ctx.db, a, &teams,
                 "SELECT h.team_id, COUNT(*) FROM household h JOIN person p ON p.household_id = h.id"
                 " GROUP BY h.team_id ORDER BY 2 DESC, 1 LIMIT 3",
                 DB_NOARGS) != WT_OK)
        return 1;
    double fig[3], fig_cpu[3];
    int nf = 0;
    for (int k = 0; k < teams.nrows; k++) {
        arena q;
        arena_init(&q);
        b->ctx.a = &q;
        act_as_team(&b->ctx, db_get_int(&teams, k, 0), 0);
        errors e;
        errors_init(&e, &q);
        net_figures f;
        double s = now_s(), c = cpu_s();
        wt_status st = network_figures(&b->ctx, NULL, &e, &f);
        fig_cpu[nf] = (cpu_s() - c) * 1000;
        fig[nf++] = (now_s() - s) * 1000;
        if (k == 0)
            *largest = f.now;
        arena_free(&q);
        if (st != WT_OK) {
            fprintf(stderr, "bench-network: figures failed (%d)\n", st);
            return 1;
        }
    }
    qsort(fig, (size_t)nf, sizeof *fig, cmp_double);
    qsort(fig_cpu, (size_t)nf, sizeof *fig_cpu, cmp_double);
    *median = nf ? fig[nf / 2] : 0;
    *median_cpu = nf ? fig_cpu[nf / 2] : 0;
    printf("network %8ld residents: figures of a neighbourhood team (%d residents, %d relations, %d clusters,"
           " %d isolated): median %.0f ms (%.0f ms CPU here) of the %d largest teams\n",
           b->residents, largest->residents, largest->relations, largest->clusters, largest->isolated, *median,
           *median_cpu, nf);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DATABASE [NEEDS]\n", argv[0]);
        return 2;
    }
    arena a;
    arena_init(&a);
    bench b = {.needs = argc > 2 ? atol(argv[2]) : 200};
    const char *err = NULL;
    int rc = 1;
    if (b.needs < 1 || db_open(argv[1], &b.ctx.db, &a, &err) != WT_OK) {
        fprintf(stderr, "bench-network: %s\n", err ? err : "bad arguments");
        goto out;
    }
    b.residents = count(b.ctx.db, &a, "SELECT COUNT(*) FROM person");
    b.min_hh = count(b.ctx.db, &a, "SELECT MIN(id) FROM household");
    b.max_hh = count(b.ctx.db, &a, "SELECT MAX(id) FROM household");
    long relations = count(b.ctx.db, &a, "SELECT COUNT(*) FROM relation");
    printf("network %8ld residents: %ld relations\n", b.residents, relations);
    double fig = 0, fig_cpu = 0;
    net_snapshot largest = {0};
    if (proposals(&b) != 0 || figures(&b, &a, &fig, &fig_cpu, &largest) != 0)
        goto out;
    printf("network|%ld|%.3f|%.3f|%.1f|%.1f|%d|%d|%d\n", b.residents, b.median_ms, b.median_cpu_ms, fig, fig_cpu,
           largest.residents, largest.relations, b.scans);
    rc = 0;
out:
    db_close(b.ctx.db);
    arena_free(&a);
    return rc;
}
