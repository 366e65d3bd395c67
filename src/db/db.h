/*
 * db.h - the one storage interface of wijkteam.
 *
 * Domain code (src/<domain>/<domain>_db.c) talks to storage only through this
 * header; it never knows which backend runs. SQL is written once with `?`
 * placeholders; a backend that numbers its parameters ($1, $2 for PostgreSQL)
 * translates them. Every parameter is bound, never pasted into SQL text.
 *
 *   db_result r;
 *   wt_status st = db_query(c, a, &r,
 *       "SELECT id, name FROM household WHERE team_id = ? AND name LIKE ?",
 *       DB_ARGS(DB_I(team), DB_T(pattern)));
 *
 * Result values are copied into the caller's arena as text (NULL for SQL
 * NULL), so a result outlives the statement and needs no freeing of its own.
 * Statements are prepared once per connection and cached by their SQL text.
 *
 * Connections are not shared between threads: db_pool_get() gives each thread
 * its own (see pool.c).
 */
#ifndef WT_DB_H
#define WT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/status.h"

typedef struct db db;

typedef enum { DB_PNULL, DB_PTEXT, DB_PINT, DB_PREAL } db_ptype;

typedef struct db_param {
    db_ptype type;
    const char *s;
    int64_t i;
    double d;
} db_param;

/* Text parameter; a NULL pointer binds SQL NULL. */
#define DB_T(x) ((db_param){.type = DB_PTEXT, .s = (x)})
#define DB_I(x) ((db_param){.type = DB_PINT, .i = (int64_t)(x)})
#define DB_R(x) ((db_param){.type = DB_PREAL, .d = (double)(x)})
#define DB_NULL ((db_param){.type = DB_PNULL})
/* Integer parameter that binds NULL when x is 0 (optional foreign keys). */
#define DB_ID_OR_NULL(x) ((x) ? DB_I(x) : DB_NULL)
#define DB_ARGS(...) (const db_param[]){__VA_ARGS__}, (sizeof((const db_param[]){__VA_ARGS__}) / sizeof(db_param))
#define DB_NOARGS NULL, 0

typedef struct db_result {
    int nrows;
    int ncols;
    char **cells; /* nrows * ncols, row-major; NULL for SQL NULL */
} db_result;

/* Value of a cell; NULL for SQL NULL or out of range. */
const char *db_get(const db_result *r, int row, int col);
/* Value as an integer; 0 for NULL. */
int64_t db_get_int(const db_result *r, int row, int col);
double db_get_real(const db_result *r, int row, int col);
bool db_is_null(const db_result *r, int row, int col);

/*
 * Opens a connection. url: "postgresql://..." or "postgres://..." for
 * PostgreSQL, "sqlite:PATH" or a plain file path for SQLite. The message of a
 * failure is written to err (an arena string) when err is not NULL.
 */
wt_status db_open(const char *url, db **out, arena *a, const char **err);
/* The same, for reading only: a SQLite file is opened read-only and left exactly as it is
 * (a backup to restore, the source of `wijkteam migrate`). */
wt_status db_open_readonly(const char *url, db **out, arena *a, const char **err);
/* The file of a SQLite URL ("sqlite:PATH" or a plain path); NULL for PostgreSQL. */
const char *db_url_sqlite_file(const char *url);
void db_close(db *c);
const char *db_backend_name(const db *c);

/* Runs a statement that returns rows. */
wt_status db_query(db *c, arena *a, db_result *res, const char *sql, const db_param *p, size_t n);
/* Runs a statement that returns no rows; db_changes() then tells how many rows it changed. */
wt_status db_exec(db *c, const char *sql, const db_param *p, size_t n);
/* Rows changed by the last db_exec on this connection. */
int64_t db_changes(db *c);
/* Runs an INSERT ... RETURNING id and gives the new id. */
wt_status db_insert(db *c, int64_t *id, const char *sql, const db_param *p, size_t n);
/* Several statements without parameters (migrations, pragmas). */
wt_status db_exec_script(db *c, const char *sql);

/* Transactions. db_begin_write takes the write lock at once (SQLite BEGIN IMMEDIATE). */
wt_status db_begin_write(db *c);
wt_status db_commit(db *c);
wt_status db_rollback(db *c);
bool db_in_transaction(db *c);

/* An online, consistent copy of the whole database into dest (a file path for SQLite). */
wt_status db_backup(db *c, const char *dest);

/*
 * Loads a backup that db_backup of the same backend wrote (a SQLite file, a
 * pg_dump archive) into c, which must hold no tables yet; in one transaction
 * where the backend allows (a failure leaves c empty).
 */
wt_status db_restore(db *c, const char *src);

/*
 * The backend's own integrity check. SQLite: PRAGMA integrity_check and
 * foreign_key_check. PostgreSQL: every table is read through, and with the
 * amcheck extension installed every B-tree index is checked against its
 * table. *problem (an arena string) describes the first problem, NULL if none.
 */
wt_status db_check(db *c, arena *a, const char **problem);

/* Last backend error text, for the operator's log (never contains parameters). */
const char *db_last_error(db *c);

/*
 * For benchmarks and tests only: fn sees every statement run on c through
 * db_query, db_exec and db_insert (before it runs); NULL stops it. make bench
 * uses it to EXPLAIN each statement of a match proposal.
 */
typedef void (*db_trace_fn)(void *user, const char *sql, const db_param *p, size_t n);
void db_set_trace(db *c, db_trace_fn fn, void *user);

/* Backend vtable: implemented by db_sqlite.c (and db_pgsql.c). */
typedef struct db_ops {
    const char *name;
    wt_status (*open)(const char *target, bool readonly, db **out, arena *a, const char **err);
    void (*close)(db *c);
    wt_status (*query)(db *c, arena *a, db_result *res, const char *sql, const db_param *p, size_t n);
    wt_status (*exec)(db *c, const char *sql, const db_param *p, size_t n);
    wt_status (*exec_script)(db *c, const char *sql);
    wt_status (*begin_write)(db *c);
    wt_status (*commit)(db *c);
    wt_status (*rollback)(db *c);
    const char *(*last_error)(db *c);
    wt_status (*backup)(db *c, const char *dest);
    wt_status (*restore)(db *c, const char *src);
    wt_status (*check)(db *c, arena *a, const char **problem);
} db_ops;

/* Every backend's connection starts with this header. */
struct db {
    const db_ops *ops;
    int64_t changes;
    int txn_depth;
    db_trace_fn trace;
    void *trace_user;
};

extern const db_ops db_sqlite_ops;
extern const db_ops db_pgsql_ops;

#endif
