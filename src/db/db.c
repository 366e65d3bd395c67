/*
 * db.c - backend-neutral part of the storage interface: dispatch to the
 * backend chosen by the URL, result access, and the RETURNING-id insert.
 */
#include "db.h"

#include <stdlib.h>
#include <string.h>

const char *db_get(const db_result *r, int row, int col)
{
    if (!r || row < 0 || col < 0 || row >= r->nrows || col >= r->ncols)
        return NULL;
    return r->cells[row * r->ncols + col];
}

int64_t db_get_int(const db_result *r, int row, int col)
{
    const char *v = db_get(r, row, col);
    return v ? strtoll(v, NULL, 10) : 0;
}

double db_get_real(const db_result *r, int row, int col)
{
    const char *v = db_get(r, row, col);
    return v ? strtod(v, NULL) : 0.0;
}

bool db_is_null(const db_result *r, int row, int col)
{
    return db_get(r, row, col) == NULL;
}

static const db_ops *backend_for(const char *url, const char **target)
{
    if (strncmp(url, "sqlite:", 7) == 0) {
        *target = url + 7;
        return &db_sqlite_ops;
    }
    if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0) {
        *target = url;
        return &db_pgsql_ops;
    }
    *target = url;
    return &db_sqlite_ops;
}

wt_status db_open(const char *url, db **out, arena *a, const char **err)
{
    const char *target = NULL;
    const db_ops *ops = backend_for(url, &target);
    *out = NULL;
    return ops->open(target, false, out, a, err);
}

wt_status db_open_readonly(const char *url, db **out, arena *a, const char **err)
{
    const char *target = NULL;
    const db_ops *ops = backend_for(url, &target);
    *out = NULL;
    return ops->open(target, true, out, a, err);
}

const char *db_url_sqlite_file(const char *url)
{
    const char *target = NULL;
    return backend_for(url, &target) == &db_sqlite_ops ? target : NULL;
}

void db_close(db *c)
{
    if (c)
        c->ops->close(c);
}

const char *db_backend_name(const db *c)
{
    return c->ops->name;
}

void db_set_trace(db *c, db_trace_fn fn, void *user)
{
    c->trace = fn;
    c->trace_user = user;
}

wt_status db_query(db *c, arena *a, db_result *res, const char *sql, const db_param *p, size_t n)
{
    if (c->trace)
        c->trace(c->trace_user, sql, p, n);
    return c->ops->query(c, a, res, sql, p, n);
}

wt_status db_exec(db *c, const char *sql, const db_param *p, size_t n)
{
    if (c->trace)
        c->trace(c->trace_user, sql, p, n);
    return c->ops->exec(c, sql, p, n);
}

int64_t db_changes(db *c)
{
    return c->changes;
}

wt_status db_insert(db *c, int64_t *id, const char *sql, const db_param *p, size_t n)
{
    arena a;
    arena_init(&a);
    db_result r;
    if (c->trace)
        c->trace(c->trace_user, sql, p, n);
    wt_status st = c->ops->query(c, &a, &r, sql, p, n);
    if (st == WT_OK) {
        if (r.nrows == 1 && r.ncols >= 1)
            *id = db_get_int(&r, 0, 0);
        else
            st = WT_DBERROR;
    }
    arena_free(&a);
    return st;
}

wt_status db_exec_script(db *c, const char *sql)
{
    return c->ops->exec_script(c, sql);
}

wt_status db_begin_write(db *c)
{
    wt_status st = c->ops->begin_write(c);
    if (st == WT_OK)
        c->txn_depth = 1;
    return st;
}

wt_status db_commit(db *c)
{
    wt_status st = c->ops->commit(c);
    c->txn_depth = 0;
    return st;
}

wt_status db_rollback(db *c)
{
    wt_status st = c->ops->rollback(c);
    c->txn_depth = 0;
    return st;
}

bool db_in_transaction(db *c)
{
    return c->txn_depth > 0;
}

const char *db_last_error(db *c)
{
    return c->ops->last_error(c);
}

wt_status db_backup(db *c, const char *dest)
{
    return c->ops->backup ? c->ops->backup(c, dest) : WT_UNAVAILABLE;
}

wt_status db_restore(db *c, const char *src)
{
    return c->ops->restore ? c->ops->restore(c, src) : WT_UNAVAILABLE;
}

wt_status db_check(db *c, arena *a, const char **problem)
{
    *problem = NULL;
    return c->ops->check ? c->ops->check(c, a, problem) : WT_UNAVAILABLE;
}
