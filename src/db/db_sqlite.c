/*
 * db_sqlite.c - the SQLite backend: WAL, foreign keys on, a busy timeout, and
 * prepared statements cached per connection by their SQL text.
 *
 * Writers in this process take turns on a queue per database file (see
 * writer_turn) before they ask SQLite for its write lock: SQLite's own busy
 * handler would have them sleep 1, 2, 5 ... ms between tries, which under a
 * load of many requests, each writing its audit entries, costs more than the
 * writes themselves. Other processes (a backup, the console) still meet the
 * busy timeout.
 *
 * Constraint violations map to WT_CONFLICT (the caller decides what rule was
 * broken), a busy database or a full disk to WT_UNAVAILABLE (try again later),
 * everything else to WT_DBERROR.
 */
#include "db.h"
#include "../core/xalloc.h"

#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STMT_CACHE 256
#define BUSY_TIMEOUT_MS 10000

typedef struct cached_stmt {
    char *sql;
    unsigned long hash;
    sqlite3_stmt *stmt;
} cached_stmt;

/* The queue of this process's writers of one database file. */
typedef struct writer_turn {
    char *path; /* the file's real path */
    pthread_mutex_t m;
    pthread_cond_t free;
    bool taken;
} writer_turn;

#define WRITER_FILES 16
static pthread_mutex_t turns_lock = PTHREAD_MUTEX_INITIALIZER;
static writer_turn turns[WRITER_FILES];
static int n_turns;

typedef struct sqlite_db {
    db base;
    sqlite3 *h;
    writer_turn *turn; /* NULL: not shared (in memory, or more files than WRITER_FILES) */
    bool has_turn;
    cached_stmt cache[STMT_CACHE];
    char errmsg[256];
} sqlite_db;

/* The queue of the file at path, made on first use. */
static writer_turn *turn_for(const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return NULL;
    writer_turn *t = NULL;
    pthread_mutex_lock(&turns_lock);
    for (int i = 0; i < n_turns && !t; i++)
        if (strcmp(turns[i].path, real) == 0)
            t = &turns[i];
    if (!t && n_turns < WRITER_FILES) {
        t = &turns[n_turns++];
        t->path = xstrdup(real);
        pthread_mutex_init(&t->m, NULL);
        pthread_cond_init(&t->free, NULL);
    }
    pthread_mutex_unlock(&turns_lock);
    return t;
}

/*
 * Waits for the turn, at most as long as the busy timeout; after that the
 * writer goes ahead without it and meets SQLite's own lock (so two connections
 * of one thread to one file can never wait for each other for ever).
 */
static void turn_take(sqlite_db *s)
{
    if (!s->turn || s->has_turn)
        return;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += BUSY_TIMEOUT_MS / 1000;
    int rc = 0;
    pthread_mutex_lock(&s->turn->m);
    while (s->turn->taken && rc == 0)
        rc = pthread_cond_timedwait(&s->turn->free, &s->turn->m, &until);
    if (!s->turn->taken) {
        s->turn->taken = true;
        s->has_turn = true;
    }
    pthread_mutex_unlock(&s->turn->m);
}

static void turn_give(sqlite_db *s)
{
    if (!s->has_turn)
        return;
    pthread_mutex_lock(&s->turn->m);
    s->turn->taken = false;
    pthread_cond_signal(&s->turn->free);
    pthread_mutex_unlock(&s->turn->m);
    s->has_turn = false;
}

static unsigned long sql_hash(const char *s)
{
    unsigned long h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void remember_error(sqlite_db *s)
{
    int rc = sqlite3_extended_errcode(s->h);
    /* A write the file system refused: say what the operator has to look at. */
    bool no_room = (rc & 0xff) == SQLITE_FULL || rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_TRUNCATE;
    snprintf(s->errmsg, sizeof s->errmsg, "%s%s", sqlite3_errmsg(s->h),
             no_room ? " (the disk is full, or the file may not grow)" : "");
}

static wt_status map_rc(sqlite_db *s, int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        return WT_OK;
    case SQLITE_CONSTRAINT:
        remember_error(s);
        return WT_CONFLICT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL: /* a full disk: nothing was written, and it may work again once there is room */
        remember_error(s);
        return WT_UNAVAILABLE;
    default:
        remember_error(s);
        return WT_DBERROR;
    }
}

static wt_status sqlite_open(const char *path, bool readonly, db **out, arena *a, const char **err)
{
    sqlite_db *s = xcalloc(1, sizeof(*s));
    s->base.ops = &db_sqlite_ops;
    int flags = SQLITE_OPEN_NOMUTEX | (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path, &s->h, flags, NULL);
    if (rc != SQLITE_OK) {
        if (err)
            *err = arena_printf(a, "cannot open SQLite database %s: %s", path,
                                s->h ? sqlite3_errmsg(s->h) : "out of memory");
        sqlite3_close(s->h);
        free(s);
        return WT_UNAVAILABLE;
    }
    sqlite3_busy_timeout(s->h, BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(s->h, 1);
    char *msg = NULL;
    /* A read-only connection leaves the file as it is: no change of journal mode. */
    rc = sqlite3_exec(s->h,
                      readonly ? "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
                               : "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                                 "PRAGMA temp_store=MEMORY;",
                      NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        if (err)
            *err = arena_printf(a, "cannot set up SQLite database %s: %s", path, msg ? msg : "unknown error");
        sqlite3_free(msg);
        sqlite3_close(s->h);
        free(s);
        return WT_DBERROR;
    }
    if (!readonly)
        s->turn = turn_for(path);
    *out = &s->base;
    return WT_OK;
}

static void sqlite_close(db *c)
{
    sqlite_db *s = (sqlite_db *)c;
    for (int i = 0; i < STMT_CACHE; i++) {
        if (s->cache[i].stmt) {
            sqlite3_finalize(s->cache[i].stmt);
            free(s->cache[i].sql);
        }
    }
    sqlite3_close(s->h);
    turn_give(s);
    free(s);
}

/* Finds or prepares the statement for sql; NULL on a prepare error. */
static sqlite3_stmt *stmt_get(sqlite_db *s, const char *sql)
{
    unsigned long h = sql_hash(sql);
    unsigned slot = (unsigned)(h % STMT_CACHE);
    for (unsigned probe = 0; probe < 8; probe++) {
        cached_stmt *cs = &s->cache[(slot + probe) % STMT_CACHE];
        if (cs->stmt && cs->hash == h && strcmp(cs->sql, sql) == 0) {
            sqlite3_reset(cs->stmt);
            sqlite3_clear_bindings(cs->stmt);
            return cs->stmt;
        }
        if (!cs->stmt) {
            sqlite3_stmt *st = NULL;
            if (sqlite3_prepare_v3(s->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
                remember_error(s);
                return NULL;
            }
            cs->stmt = st;
            cs->sql = xstrdup(sql);
            cs->hash = h;
            return st;
        }
    }
    /* Neighbourhood full: replace the home slot. */
    cached_stmt *cs = &s->cache[slot];
    sqlite3_finalize(cs->stmt);
    free(cs->sql);
    cs->stmt = NULL;
    if (sqlite3_prepare_v3(s->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &cs->stmt, NULL) != SQLITE_OK) {
        remember_error(s);
        cs->stmt = NULL;
        return NULL;
    }
    cs->sql = xstrdup(sql);
    cs->hash = h;
    return cs->stmt;
}

static int bind_all(sqlite3_stmt *st, const db_param *p, size_t n)
{
    if ((int)n != sqlite3_bind_parameter_count(st))
        return SQLITE_RANGE;
    for (size_t i = 0; i < n; i++) {
        int idx = (int)i + 1;
        int rc;
        switch (p[i].type) {
        case DB_PTEXT:
            rc = p[i].s ? sqlite3_bind_text(st, idx, p[i].s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, idx);
            break;
        case DB_PINT:
            rc = sqlite3_bind_int64(st, idx, p[i].i);
            break;
        case DB_PREAL:
            rc = sqlite3_bind_double(st, idx, p[i].d);
            break;
        default:
            rc = sqlite3_bind_null(st, idx);
            break;
        }
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

static wt_status sqlite_query(db *c, arena *a, db_result *res, const char *sql, const db_param *p, size_t n)
{
    sqlite_db *s = (sqlite_db *)c;
    memset(res, 0, sizeof(*res));
    sqlite3_stmt *st = stmt_get(s, sql);
    if (!st)
        return WT_DBERROR;
    int rc = bind_all(st, p, n);
    if (rc != SQLITE_OK) {
        sqlite3_reset(st);
        return map_rc(s, rc);
    }
    int ncols = sqlite3_column_count(st);
    int cap = 16;
    char **cells = arena_alloc(a, sizeof(char *) * (size_t)(cap * (ncols ? ncols : 1)));
    int nrows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (nrows == cap) {
            int ncap = cap * 2;
            char **nc = arena_alloc(a, sizeof(char *) * (size_t)(ncap * (ncols ? ncols : 1)));
            memcpy(nc, cells, sizeof(char *) * (size_t)(cap * ncols));
            cells = nc;
            cap = ncap;
        }
        for (int i = 0; i < ncols; i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            cells[nrows * ncols + i] = v ? arena_strndup(a, (const char *)v, (size_t)sqlite3_column_bytes(st, i)) : NULL;
        }
        nrows++;
    }
    wt_status out = map_rc(s, rc);
    c->changes = sqlite3_changes(s->h);
    sqlite3_reset(st);
    if (out == WT_OK) {
        res->nrows = nrows;
        res->ncols = ncols;
        res->cells = cells;
    }
    return out;
}

static wt_status sqlite_exec(db *c, const char *sql, const db_param *p, size_t n)
{
    sqlite_db *s = (sqlite_db *)c;
    sqlite3_stmt *st = stmt_get(s, sql);
    if (!st)
        return WT_DBERROR;
    int rc = bind_all(st, p, n);
    if (rc == SQLITE_OK) {
        do
            rc = sqlite3_step(st);
        while (rc == SQLITE_ROW);
    }
    wt_status out = map_rc(s, rc);
    c->changes = sqlite3_changes(s->h);
    sqlite3_reset(st);
    return out;
}

static wt_status sqlite_exec_script(db *c, const char *sql)
{
    sqlite_db *s = (sqlite_db *)c;
    char *msg = NULL;
    int rc = sqlite3_exec(s->h, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK && msg) {
        size_t len = strlen(msg);
        if (len >= sizeof s->errmsg)
            len = sizeof s->errmsg - 1;
        memcpy(s->errmsg, msg, len);
        s->errmsg[len] = '\0';
    }
    sqlite3_free(msg);
    return rc == SQLITE_OK ? WT_OK : (rc == SQLITE_CONSTRAINT ? WT_CONFLICT : WT_DBERROR);
}

static wt_status sqlite_begin_write(db *c)
{
    sqlite_db *s = (sqlite_db *)c;
    turn_take(s);
    wt_status st = sqlite_exec(c, "BEGIN IMMEDIATE", NULL, 0);
    if (st != WT_OK)
        turn_give(s);
    return st;
}

static wt_status sqlite_commit(db *c)
{
    sqlite_db *s = (sqlite_db *)c;
    wt_status st = sqlite_exec(c, "COMMIT", NULL, 0);
    /* A commit that failed leaves the transaction open for the rollback: the turn stays until then. */
    if (sqlite3_get_autocommit(s->h))
        turn_give(s);
    return st;
}

static wt_status sqlite_rollback(db *c)
{
    sqlite_db *s = (sqlite_db *)c;
    wt_status st = sqlite3_get_autocommit(s->h) ? WT_OK : sqlite_exec(c, "ROLLBACK", NULL, 0);
    turn_give(s);
    return st;
}

static const char *sqlite_last_error(db *c)
{
    return ((sqlite_db *)c)->errmsg;
}

static void remember_error_of(sqlite_db *s, sqlite3 *other)
{
    const char *m = other ? sqlite3_errmsg(other) : "out of memory";
    size_t n = strlen(m) < sizeof s->errmsg - 1 ? strlen(m) : sizeof s->errmsg - 1;
    memcpy(s->errmsg, m, n);
    s->errmsg[n] = '\0';
}

/*
 * Copies all pages of from into to in one step: the source is read in one
 * snapshot (a read transaction), so the copy is consistent, and under WAL the
 * writers go on meanwhile. (Copying in small steps would start over each time
 * another connection writes, and might never finish under a steady load.)
 */
static wt_status copy_pages(sqlite_db *s, sqlite3 *to, sqlite3 *from, sqlite3 *err_of)
{
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) {
        remember_error_of(s, to);
        return WT_DBERROR;
    }
    int rc;
    while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep(20);
    int fin = sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE && fin == SQLITE_OK)
        return WT_OK;
    remember_error_of(s, err_of);
    return WT_DBERROR;
}

/* An online, consistent copy of the live database into the file dest. */
static wt_status sqlite_backup(db *c, const char *dest)
{
    sqlite_db *s = (sqlite_db *)c;
    sqlite3 *out = NULL;
    wt_status st = WT_DBERROR;
    if (sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK)
        st = copy_pages(s, out, s->h, out);
    else
        remember_error_of(s, out);
    sqlite3_close(out);
    return st;
}

/* Loads the backup file src into this (empty) database; the file is opened read-only and left as it is. */
static wt_status sqlite_restore(db *c, const char *src)
{
    sqlite_db *s = (sqlite_db *)c;
    sqlite3 *in = NULL;
    wt_status st = WT_DBERROR;
    if (sqlite3_open_v2(src, &in, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        st = copy_pages(s, s->h, in, s->h);
    else
        remember_error_of(s, in);
    sqlite3_close(in);
    return st;
}

/* The first row of a check pragma that reports something, or NULL. */
static const char *pragma_problem(sqlite_db *s, arena *a, const char *pragma, bool ok_row)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->h, pragma, -1, &st, NULL) != SQLITE_OK) {
        remember_error(s);
        return arena_printf(a, "%s failed: %s", pragma, s->errmsg);
    }
    const char *problem = NULL;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (!ok_row || !v || strcmp(v, "ok") != 0)
            problem = arena_printf(a, "%s: %s", pragma, v ? v : "a row violates a foreign key");
    } else if (rc != SQLITE_DONE) {
        remember_error(s);
        problem = arena_printf(a, "%s failed: %s", pragma, s->errmsg);
    }
    sqlite3_finalize(st);
    return problem;
}

static wt_status sqlite_check(db *c, arena *a, const char **problem)
{
    sqlite_db *s = (sqlite_db *)c;
    *problem = pragma_problem(s, a, "PRAGMA integrity_check", true);
    if (!*problem)
        *problem = pragma_problem(s, a, "PRAGMA foreign_key_check", false);
    return WT_OK;
}

const db_ops db_sqlite_ops = {
    .name = "sqlite",
    .open = sqlite_open,
    .close = sqlite_close,
    .query = sqlite_query,
    .exec = sqlite_exec,
    .exec_script = sqlite_exec_script,
    .begin_write = sqlite_begin_write,
    .commit = sqlite_commit,
    .rollback = sqlite_rollback,
    .last_error = sqlite_last_error,
    .backup = sqlite_backup,
    .restore = sqlite_restore,
    .check = sqlite_check,
};
