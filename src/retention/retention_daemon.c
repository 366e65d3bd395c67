/* retention_daemon.c - the server's daily retention run (see retention_daemon.h). */
#include "retention_daemon.h"
#include "../access/audit.h"
#include "../core/log.h"
#include "../db/pool.h"
#include "retention.h"

#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

#define RETENTION_INTERVAL_SECONDS (24 * 60 * 60)

static pthread_t thread;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static bool stopping;
static bool running;

static void run_once(void)
{
    db *c = db_pool_get();
    if (!c) {
        log_warn("msg=\"retention run skipped: database unreachable\"");
        return;
    }
    arena a;
    arena_init(&a);
    wt_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.db = c;
    ctx.a = &a;
    ctx.who.role = ROLE_ADMIN; /* the system itself: user 0 */
    retention_tally t;
    wt_status st = db_begin_write(c);
    if (st == WT_OK)
        st = retention_run(&ctx, false, NULL, &t);
    if (st == WT_OK)
        st = audit_flush(&ctx, true);
    if (st == WT_OK)
        st = db_commit(c);
    if (st == WT_OK) {
        log_info("msg=\"retention run\" rows=%lld", (long long)retention_tally_total(&t));
    } else {
        db_rollback(c);
        log_warn("msg=\"retention run failed\" error=\"%s\"", wt_status_name(st));
    }
    arena_free(&a);
}

static void *loop(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (!stopping) {
        pthread_mutex_unlock(&lock);
        run_once();
        pthread_mutex_lock(&lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += RETENTION_INTERVAL_SECONDS;
        while (!stopping && pthread_cond_timedwait(&wake, &lock, &until) == 0)
            ;
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

void retention_daemon_start(void)
{
    stopping = false;
    running = pthread_create(&thread, NULL, loop, NULL) == 0;
    if (!running)
        log_warn("msg=\"cannot start the daily retention run\"");
}

void retention_daemon_stop(void)
{
    if (!running)
        return;
    pthread_mutex_lock(&lock);
    stopping = true;
    pthread_cond_signal(&wake);
    pthread_mutex_unlock(&lock);
    pthread_join(thread, NULL);
    running = false;
}
