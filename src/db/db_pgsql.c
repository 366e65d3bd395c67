/*
 * db_pgsql.c - the PostgreSQL backend (libpq) behind the storage interface.
 *
 * - The URL ("postgresql://user:pass@host:port/db?options") goes to libpq as
 *   it is; a short connect timeout and the application name are defaults the
 *   URL may override, the client encoding is always UTF-8.
 * - SQL keeps its `?` placeholders in the domain code; here they become $1..$n
 *   (never inside string literals, quoted names, comments or dollar quotes).
 * - Each SQL text is prepared once per connection (PQprepare) and then run
 *   with PQexecPrepared. Parameters travel as text with their types left for
 *   the server to infer from the context; only where it cannot ("? IS NULL")
 *   the statement is prepared again with the types of the values.
 * - Results are copied into the caller's arena as text; SQL NULL stays NULL and
 *   booleans become "1"/"0" as in SQLite, so db_get_int reads them.
 * - Errors: integrity violations (SQLSTATE class 23) are WT_CONFLICT; a lost
 *   connection, a lock wait beyond the timeout, a serialization failure, a
 *   server that shuts down or runs out of disk or connections are
 *   WT_UNAVAILABLE; the rest is WT_DBERROR. After a
 *   lost connection the next use outside a transaction reconnects (PQreset) and
 *   prepares its statements anew, so a server recovers by itself.
 * - Writes: db_begin_write is BEGIN (READ COMMITTED) plus one transaction-level
 *   advisory lock that every writer takes. Writers therefore run one at a time,
 *   exactly as with SQLite's BEGIN IMMEDIATE, which the domain rules and the
 *   hash-chained audit trail (read the last hash, append the next) rely on.
 *   Reads never wait for it. A writer that cannot get the lock within 10 s
 *   fails with WT_UNAVAILABLE (503), like SQLite's busy timeout.
 * - Backup runs pg_dump (custom format, one consistent snapshot) into the file,
 *   restore runs pg_restore (one transaction); the connection parameters,
 *   password included, go to them in their environment, never on their
 *   command line.
 */
#include "db.h"
#include "../core/buf.h"
#include "../core/log.h"
#include "../core/xalloc.h"

#include <errno.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>

extern char **environ;

#define STMT_CACHE 256
#define STMT_PROBES 8
/* Key of the advisory lock that serialises writers ("wijk" in ASCII). */
#define WRITE_LOCK_KEY "2003331435"
#define OID_INT8 20
#define OID_TEXT 25
#define OID_FLOAT8 701
#define OID_BOOL 16

typedef struct pg_stmt {
    char *sql; /* the SQL text as the domain wrote it: the cache key */
    unsigned long hash;
    int nparams;
    char name[24];
} pg_stmt;

typedef struct pg_db {
    db base;
    PGconn *h;
    char *url;
    unsigned long next_name;
    pg_stmt cache[STMT_CACHE];
    char sqlstate[6];
    char errmsg[320];
} pg_db;

/* ---- errors --------------------------------------------------------------- */

static void set_error(pg_db *g, const char *state, const char *msg)
{
    snprintf(g->sqlstate, sizeof g->sqlstate, "%s", state ? state : "");
    size_t n = 0;
    /* One line, and nothing after ': "' - the value that may follow can be personal data. */
    for (const char *p = msg ? msg : "unknown error"; *p && n + 1 < sizeof g->errmsg; p++) {
        if (p[0] == ':' && p[1] == ' ' && p[2] == '"')
            break;
        g->errmsg[n++] = (*p == '\n' || *p == '\t') ? ' ' : *p;
    }
    while (n > 0 && g->errmsg[n - 1] == ' ')
        n--;
    g->errmsg[n] = '\0';
    if (state && *state && n + 20 < sizeof g->errmsg)
        snprintf(g->errmsg + n, sizeof g->errmsg - n, " (SQLSTATE %s)", state);
}

static bool connection_lost(pg_db *g)
{
    return PQstatus(g->h) != CONNECTION_OK;
}

/* The status for a failed result (res may be NULL when libpq had no memory or no connection). */
static wt_status map_result(pg_db *g, PGresult *res)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!primary)
        primary = PQerrorMessage(g->h);
    set_error(g, state, primary);
    if (connection_lost(g))
        return WT_UNAVAILABLE;
    if (!state)
        return WT_DBERROR;
    if (strncmp(state, "23", 2) == 0)
        return WT_CONFLICT;
    /* 08: connection, 57P: shutting down, 53: out of disk, memory or connections, 55P03: lock timeout,
     * 40001/40P01: serialization failure or deadlock - each may work when tried again later. */
    if (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0 || strncmp(state, "53", 2) == 0 ||
        strcmp(state, "55P03") == 0 || strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0)
        return WT_UNAVAILABLE;
    return WT_DBERROR;
}

static bool result_ok(PGresult *res)
{
    ExecStatusType t = PQresultStatus(res);
    return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK || t == PGRES_EMPTY_QUERY;
}

/* ---- placeholders --------------------------------------------------------- */

static bool ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           (unsigned char)ch >= 0x80;
}

/* Length of the dollar-quote tag ($tag$ or $$) at p, 0 when p opens none. */
static size_t dollar_tag(const char *p)
{
    size_t n = 1;
    while (ident_char(p[n]) && !(p[n] >= '0' && p[n] <= '9' && n == 1))
        n++;
    return p[n] == '$' ? n + 1 : 0;
}

/* Copies a quoted run starting at p (quote q) to b; returns the position after it. */
static const char *copy_quoted(buf *b, const char *p, char q, bool backslash)
{
    buf_putc(b, *p++);
    while (*p) {
        if (backslash && *p == '\\' && p[1]) {
            buf_putc(b, *p++);
            buf_putc(b, *p++);
            continue;
        }
        if (*p == q) {
            buf_putc(b, *p++);
            if (*p != q)
                return p;
        }
        buf_putc(b, *p++);
    }
    return p;
}

/*
 * Translates `?` to $1..$n outside literals, quoted names, comments and dollar
 * quotes. Returns the new text (malloc'd) and the number of parameters.
 */
static char *translate_placeholders(const char *sql, int *nparams)
{
    buf b = BUF_INIT;
    int n = 0;
    const char *p = sql;
    while (*p) {
        bool word_start = p == sql || !ident_char(p[-1]);
        if (*p == '\'') {
            bool esc = p > sql && (p[-1] == 'E' || p[-1] == 'e') && (p - 1 == sql || !ident_char(p[-2]));
            p = copy_quoted(&b, p, '\'', esc);
        } else if (*p == '"') {
            p = copy_quoted(&b, p, '"', false);
        } else if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                buf_putc(&b, *p++);
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            size_t len = end ? (size_t)(end + 2 - p) : strlen(p);
            buf_append(&b, p, len);
            p += len;
        } else if (*p == '$' && word_start && dollar_tag(p)) {
            size_t tl = dollar_tag(p);
            const char *end = NULL;
            for (const char *q = p + tl; (q = strchr(q, '$')) != NULL; q++)
                if (strncmp(q, p, tl) == 0) {
                    end = q;
                    break;
                }
            size_t len = end ? (size_t)(end + tl - p) : strlen(p);
            buf_append(&b, p, len);
            p += len;
        } else if (*p == '?') {
            buf_printf(&b, "$%d", ++n);
            p++;
        } else {
            buf_putc(&b, *p++);
        }
    }
    *nparams = n;
    char *out = xstrdup(buf_str(&b));
    buf_free(&b);
    return out;
}

/* ---- connection ----------------------------------------------------------- */

static void discard_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message; /* "relation already exists, skipping" and the like: not the operator's concern */
}

static void cache_clear(pg_db *g)
{
    for (int i = 0; i < STMT_CACHE; i++) {
        free(g->cache[i].sql);
        g->cache[i].sql = NULL;
    }
}

static PGconn *connect_url(const char *url)
{
    /* Earlier keywords are defaults the URL (dbname, expanded) overrides; later ones win over it. */
    const char *const keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding", NULL};
    const char *const vals[] = {"5", "wijkteam", url, "UTF8", NULL};
    return PQconnectdbParams(keys, vals, 1);
}

static wt_status pg_open(const char *url, bool readonly, db **out, arena *a, const char **err)
{
    (void)readonly; /* the callers that read only do so in READ ONLY transactions */
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(url, &perr);
    if (!opts) {
        if (err)
            *err = arena_printf(a, "invalid PostgreSQL URL: %s", perr ? perr : "cannot parse it");
        PQfreemem(perr);
        return WT_INVALID;
    }
    PQconninfoFree(opts);
    PGconn *h = connect_url(url);
    if (!h || PQstatus(h) != CONNECTION_OK) {
        if (err) {
            pg_db tmp;
            memset(&tmp, 0, sizeof tmp);
            set_error(&tmp, NULL, h ? PQerrorMessage(h) : "out of memory");
            *err = arena_printf(a, "cannot connect to PostgreSQL: %s", tmp.errmsg);
        }
        PQfinish(h);
        return WT_UNAVAILABLE;
    }
    PQsetNoticeProcessor(h, discard_notice, NULL);
    pg_db *g = xcalloc(1, sizeof(*g));
    g->base.ops = &db_pgsql_ops;
    g->h = h;
    g->url = xstrdup(url);
    *out = &g->base;
    return WT_OK;
}

static void pg_close(db *c)
{
    pg_db *g = (pg_db *)c;
    cache_clear(g);
    PQfinish(g->h);
    free(g->url);
    free(g);
}

/*
 * Makes sure the connection is up. A lost connection is re-established only
 * outside a transaction: inside one, the transaction is gone and the caller
 * must roll back first.
 */
static wt_status ensure_connected(pg_db *g)
{
    if (!connection_lost(g))
        return WT_OK;
    if (g->base.txn_depth > 0) {
        set_error(g, "08006", "the connection to PostgreSQL was lost during the transaction");
        return WT_UNAVAILABLE;
    }
    PQreset(g->h);
    cache_clear(g);
    if (connection_lost(g)) {
        set_error(g, "08006", PQerrorMessage(g->h));
        return WT_UNAVAILABLE;
    }
    log_warn("msg=\"database connection restored\"");
    return WT_OK;
}

/* ---- statements ----------------------------------------------------------- */

static unsigned long sql_hash(const char *s)
{
    unsigned long h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void stmt_evict(pg_db *g, pg_stmt *s)
{
    if (!s->sql)
        return;
    char q[64];
    snprintf(q, sizeof q, "DEALLOCATE %s", s->name);
    if (PQtransactionStatus(g->h) != PQTRANS_INERROR)
        PQclear(PQexec(g->h, q));
    free(s->sql);
    s->sql = NULL;
}

static Oid param_oid(const db_param *p)
{
    return p->type == DB_PINT ? OID_INT8 : p->type == DB_PREAL ? OID_FLOAT8 : OID_TEXT;
}

/*
 * Prepares sql into slot s. The server infers the parameter types; where it
 * cannot (SQLSTATE 42P18), the types of this call's values are declared.
 */
static wt_status stmt_prepare(pg_db *g, pg_stmt *s, const char *sql, unsigned long h, const db_param *p, size_t n)
{
    int np = 0;
    char *text = translate_placeholders(sql, &np);
    snprintf(s->name, sizeof s->name, "wt%lu", ++g->next_name);
    PGresult *res = PQprepare(g->h, s->name, text, np, NULL);
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (!result_ok(res) && state && strcmp(state, "42P18") == 0 && (size_t)np == n) {
        PQclear(res);
        Oid *types = xcalloc(n ? n : 1, sizeof(Oid));
        for (size_t i = 0; i < n; i++)
            types[i] = param_oid(&p[i]);
        res = PQprepare(g->h, s->name, text, np, types);
        free(types);
    }
    free(text);
    wt_status st = result_ok(res) ? WT_OK : map_result(g, res);
    PQclear(res);
    if (st != WT_OK)
        return st;
    s->sql = xstrdup(sql);
    s->hash = h;
    s->nparams = np;
    return WT_OK;
}

/* Finds or prepares the statement for sql (open addressing, as in db_sqlite.c). */
static wt_status stmt_get(pg_db *g, const char *sql, const db_param *p, size_t n, pg_stmt **out)
{
    unsigned long h = sql_hash(sql);
    unsigned slot = (unsigned)(h % STMT_CACHE);
    pg_stmt *free_slot = NULL;
    for (unsigned probe = 0; probe < STMT_PROBES; probe++) {
        pg_stmt *s = &g->cache[(slot + probe) % STMT_CACHE];
        if (s->sql && s->hash == h && strcmp(s->sql, sql) == 0) {
            *out = s;
            return WT_OK;
        }
        if (!s->sql && !free_slot)
            free_slot = s;
    }
    if (!free_slot) {
        free_slot = &g->cache[slot];
        stmt_evict(g, free_slot);
    }
    wt_status st = stmt_prepare(g, free_slot, sql, h, p, n);
    *out = st == WT_OK ? free_slot : NULL;
    return st;
}

/* Runs a cached statement; the result is the caller's to PQclear. */
static wt_status run_once(pg_db *g, const char *sql, const db_param *p, size_t n, PGresult **out)
{
    *out = NULL;
    wt_status st = ensure_connected(g);
    pg_stmt *s = NULL;
    if (st == WT_OK)
        st = stmt_get(g, sql, p, n, &s);
    if (st != WT_OK)
        return st;
    if ((size_t)s->nparams != n) {
        set_error(g, NULL, "the number of parameters does not match the placeholders");
        return WT_DBERROR;
    }
    char nums[16][32];
    const char *stack_vals[16];
    const char **vals = n <= 16 ? stack_vals : xcalloc(n, sizeof(char *));
    char *heap_nums = n <= 16 ? NULL : xcalloc(n, 32);
    for (size_t i = 0; i < n; i++) {
        char *num = heap_nums ? heap_nums + i * 32 : nums[i];
        switch (p[i].type) {
        case DB_PTEXT:
            vals[i] = p[i].s;
            break;
        case DB_PINT:
            snprintf(num, 32, "%lld", (long long)p[i].i);
            vals[i] = num;
            break;
        case DB_PREAL:
            snprintf(num, 32, "%.17g", p[i].d);
            vals[i] = num;
            break;
        default:
            vals[i] = NULL;
            break;
        }
    }
    PGresult *res = PQexecPrepared(g->h, s->name, (int)n, vals, NULL, NULL, 0);
    if (vals != stack_vals)
        free(vals);
    free(heap_nums);
    if (!result_ok(res)) {
        st = map_result(g, res);
        PQclear(res);
        return st;
    }
    const char *tuples = PQcmdTuples(res);
    g->base.changes = *tuples ? strtoll(tuples, NULL, 10) : 0;
    *out = res;
    return WT_OK;
}

/* A statement that only reads: safe to run again on a fresh connection. */
static bool read_only(const char *sql)
{
    while (*sql == ' ' || *sql == '\n' || *sql == '\t' || *sql == '(')
        sql++;
    return strncasecmp(sql, "SELECT", 6) == 0;
}

/*
 * Runs a statement. When the connection turns out to be lost, outside a
 * transaction, a read is tried once more on a fresh connection: the first
 * request after the database came back then succeeds instead of failing.
 */
static wt_status run(pg_db *g, const char *sql, const db_param *p, size_t n, PGresult **out)
{
    wt_status st = run_once(g, sql, p, n, out);
    if (st == WT_UNAVAILABLE && connection_lost(g) && g->base.txn_depth == 0 && read_only(sql))
        st = run_once(g, sql, p, n, out);
    return st;
}

static wt_status pg_query(db *c, arena *a, db_result *r, const char *sql, const db_param *p, size_t n)
{
    pg_db *g = (pg_db *)c;
    memset(r, 0, sizeof(*r));
    PGresult *res = NULL;
    wt_status st = run(g, sql, p, n, &res);
    if (st != WT_OK)
        return st;
    int nrows = PQntuples(res), ncols = PQnfields(res);
    char **cells = arena_alloc(a, sizeof(char *) * (size_t)(nrows * ncols > 0 ? nrows * ncols : 1));
    for (int j = 0; j < ncols; j++) {
        bool boolean = PQftype(res, j) == OID_BOOL;
        for (int i = 0; i < nrows; i++) {
            if (PQgetisnull(res, i, j))
                continue;
            const char *v = PQgetvalue(res, i, j);
            if (boolean)
                cells[i * ncols + j] = arena_strdup(a, v[0] == 't' ? "1" : "0");
            else
                cells[i * ncols + j] = arena_strndup(a, v, (size_t)PQgetlength(res, i, j));
        }
    }
    PQclear(res);
    r->nrows = nrows;
    r->ncols = ncols;
    r->cells = cells;
    return WT_OK;
}

static wt_status pg_exec(db *c, const char *sql, const db_param *p, size_t n)
{
    PGresult *res = NULL;
    wt_status st = run((pg_db *)c, sql, p, n, &res);
    PQclear(res);
    return st;
}

/* Runs SQL text without parameters through the simple protocol (several statements allowed). */
static wt_status simple(pg_db *g, const char *sql)
{
    PGresult *res = PQexec(g->h, sql);
    wt_status st = result_ok(res) ? WT_OK : map_result(g, res);
    PQclear(res);
    return st;
}

static wt_status pg_exec_script(db *c, const char *sql)
{
    pg_db *g = (pg_db *)c;
    wt_status st = ensure_connected(g);
    return st == WT_OK ? simple(g, sql) : st;
}

#define BEGIN_WRITE "BEGIN; SET LOCAL lock_timeout = '10s'; SELECT pg_advisory_xact_lock(" WRITE_LOCK_KEY ")"

static wt_status pg_begin_write(db *c)
{
    pg_db *g = (pg_db *)c;
    wt_status st = ensure_connected(g);
    if (st == WT_OK)
        st = simple(g, BEGIN_WRITE);
    if (st == WT_UNAVAILABLE && connection_lost(g)) {
        /* Nothing ran yet: a connection found dead may be replaced and the BEGIN tried again. */
        st = ensure_connected(g);
        if (st == WT_OK)
            st = simple(g, BEGIN_WRITE);
    }
    if (st != WT_OK && !connection_lost(g) && PQtransactionStatus(g->h) != PQTRANS_IDLE)
        PQclear(PQexec(g->h, "ROLLBACK"));
    return st;
}

static wt_status pg_commit(db *c)
{
    pg_db *g = (pg_db *)c;
    if (connection_lost(g)) {
        set_error(g, "08006", "the connection to PostgreSQL was lost before the commit");
        return WT_UNAVAILABLE;
    }
    if (PQtransactionStatus(g->h) == PQTRANS_INERROR) {
        /* PostgreSQL would answer COMMIT with a silent ROLLBACK: say so. */
        PQclear(PQexec(g->h, "ROLLBACK"));
        set_error(g, "25P02", "the transaction was aborted by an earlier error and rolled back");
        return WT_DBERROR;
    }
    return simple(g, "COMMIT");
}

static wt_status pg_rollback(db *c)
{
    pg_db *g = (pg_db *)c;
    if (connection_lost(g) || PQtransactionStatus(g->h) == PQTRANS_IDLE)
        return WT_OK; /* nothing to undo: a lost connection took its transaction with it */
    return simple(g, "ROLLBACK");
}

static const char *pg_last_error(db *c)
{
    return ((pg_db *)c)->errmsg;
}

/* ---- backup --------------------------------------------------------------- */

/* The environment for pg_dump: ours, plus PGHOST, PGPASSWORD... for every parameter in use. */
static char **dump_environment(pg_db *g, arena *a)
{
    PQconninfoOption *opts = PQconninfo(g->h);
    size_t ne = 0, no = 0;
    while (environ[ne])
        ne++;
    for (PQconninfoOption *o = opts; o && o->keyword; o++)
        no++;
    char **env = arena_alloc(a, sizeof(char *) * (ne + no + 1));
    size_t k = 0;
    for (PQconninfoOption *o = opts; o && o->keyword; o++)
        if (o->envvar && o->val && *o->val)
            env[k++] = arena_printf(a, "%s=%s", o->envvar, o->val);
    for (size_t i = 0; i < ne; i++)
        if (strncmp(environ[i], "PG", 2) != 0)
            env[k++] = environ[i];
    env[k] = NULL;
    PQconninfoFree(opts);
    return env;
}

/* Runs a PostgreSQL client program (pg_dump, pg_restore) with the connection in its environment. */
static wt_status run_client(pg_db *g, char *const argv[])
{
    arena a;
    arena_init(&a);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, dump_environment(g, &a));
    arena_free(&a);
    if (rc != 0) {
        char msg[160];
        snprintf(msg, sizeof msg, rc == ENOENT ? "%s was not found on the PATH (install postgresql-client)"
                                               : "%s could not be started", argv[0]);
        set_error(g, NULL, msg);
        return WT_UNAVAILABLE;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            set_error(g, NULL, "lost track of a PostgreSQL client program");
            return WT_DBERROR;
        }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s failed (its message is above)", argv[0]);
        set_error(g, NULL, msg);
        return WT_DBERROR;
    }
    return WT_OK;
}

static wt_status pg_backup(db *c, const char *dest)
{
    pg_db *g = (pg_db *)c;
    wt_status st = ensure_connected(g);
    if (st != WT_OK)
        return st;
    char *argv[] = {"pg_dump", "--format=custom", "--no-password", "--file", (char *)dest, NULL};
    return run_client(g, argv);
}

/*
 * pg_restore of a pg_dump archive into this database, in a single transaction
 * and stopping at the first error, so that a failure leaves the database as
 * empty as it was. Owners and privileges are not restored: the objects belong
 * to the user wijkteam connects as.
 */
static wt_status pg_restore(db *c, const char *src)
{
    pg_db *g = (pg_db *)c;
    wt_status st = ensure_connected(g);
    if (st != WT_OK)
        return st;
    char dbname[256];
    snprintf(dbname, sizeof dbname, "--dbname=%s", PQdb(g->h));
    char *argv[] = {"pg_restore", "--no-password", "--single-transaction", "--exit-on-error", "--no-owner",
                    "--no-privileges", dbname, (char *)src, NULL};
    return run_client(g, argv);
}

static wt_status pg_check(db *c, arena *a, const char **problem)
{
    pg_db *g = (pg_db *)c;
    db_result r;
    wt_status st = pg_query(c, a, &r,
                            "SELECT quote_ident(table_name) FROM information_schema.tables"
                            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
                            NULL, 0);
    for (int i = 0; st == WT_OK && i < r.nrows && !*problem; i++) {
        db_result n;
        /* Reading every row makes PostgreSQL check every heap page it touches. */
        if (pg_query(c, a, &n, arena_printf(a, "SELECT COUNT(*) FROM (SELECT * FROM %s) t", db_get(&r, i, 0)), NULL,
                     0) != WT_OK)
            *problem = arena_printf(a, "table %s cannot be read: %s", db_get(&r, i, 0), g->errmsg);
    }
    db_result ext;
    if (st == WT_OK && !*problem)
        st = pg_query(c, a, &ext, "SELECT COUNT(*) FROM pg_extension WHERE extname = 'amcheck'", NULL, 0);
    if (st == WT_OK && !*problem && db_get_int(&ext, 0, 0) > 0) {
        db_result idx;
        if (pg_query(c, a, &idx,
                     "SELECT bt_index_check(i.indexrelid, true) FROM pg_index i"
                     " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
                     " WHERE am.amname = 'btree' AND c.relnamespace = current_schema()::regnamespace",
                     NULL, 0) != WT_OK)
            *problem = arena_printf(a, "an index does not match its table: %s", g->errmsg);
    }
    return st;
}

const db_ops db_pgsql_ops = {
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .query = pg_query,
    .exec = pg_exec,
    .exec_script = pg_exec_script,
    .begin_write = pg_begin_write,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .last_error = pg_last_error,
    .backup = pg_backup,
    .restore = pg_restore,
    .check = pg_check,
};
