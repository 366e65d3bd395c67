/* pool.c - thread-local connections (see pool.h). */
#include "pool.h"
#include "../core/log.h"
#include "../core/xalloc.h"

#include <pthread.h>
#include <stdlib.h>

#define POOL_MAX 64

static char *pool_url;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static db *pool_conns[POOL_MAX];
static int pool_n;
static _Thread_local db *thread_conn;

wt_status db_pool_init(const char *url)
{
    free(pool_url);
    pool_url = xstrdup(url);
    return WT_OK;
}

db *db_pool_get(void)
{
    if (thread_conn)
        return thread_conn;
    arena a;
    arena_init(&a);
    const char *err = NULL;
    db *c = NULL;
    if (db_open(pool_url, &c, &a, &err) != WT_OK) {
        log_error("msg=\"database unreachable\" error=\"%s\"", err ? err : "unknown");
        arena_free(&a);
        return NULL;
    }
    arena_free(&a);
    pthread_mutex_lock(&pool_lock);
    if (pool_n < POOL_MAX)
        pool_conns[pool_n++] = c;
    pthread_mutex_unlock(&pool_lock);
    thread_conn = c;
    return c;
}

void db_pool_shutdown(void)
{
    pthread_mutex_lock(&pool_lock);
    for (int i = 0; i < pool_n; i++)
        db_close(pool_conns[i]);
    pool_n = 0;
    pthread_mutex_unlock(&pool_lock);
    thread_conn = NULL;
    free(pool_url);
    pool_url = NULL;
}
