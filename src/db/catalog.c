/*
 * catalog.c - the tables, columns, keys and foreign keys of a database, read
 * from the backend's catalog (see catalog.h), and their dependency order.
 *
 * The catalog queries are backend-specific by nature and live here, in the
 * storage layer, not in any domain's _db.c.
 */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

typedef struct catalog_sql {
    const char *count;   /* tables, tables called ? */
    const char *tables;  /* name */
    const char *columns; /* name, pk position (0: not in the key); parameter: table */
    const char *parents; /* child, parent */
} catalog_sql;

static const catalog_sql sqlite_sql = {
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN name = ? THEN 1 ELSE 0 END), 0) FROM sqlite_master"
    " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " AND name <> 'schema_migration' ORDER BY name",
    "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid",
    "SELECT m.name, f.\"table\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f"
    " WHERE m.type = 'table' ORDER BY 1, 2",
};

static const catalog_sql pgsql_sql = {
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN table_name = ? THEN 1 ELSE 0 END), 0) FROM information_schema.tables"
    " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    " AND table_type = 'BASE TABLE' AND table_name <> 'schema_migration' ORDER BY table_name",
    "SELECT c.column_name, COALESCE(("
    "   SELECT k.n FROM pg_index i, pg_attribute t, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)"
    "   WHERE i.indrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass"
    "     AND i.indisprimary AND t.attrelid = i.indrelid AND t.attnum = k.attnum AND t.attname = c.column_name), 0)"
    " FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name = ?"
    " AND c.is_generated = 'NEVER' ORDER BY c.ordinal_position",
    "SELECT DISTINCT ch.relname, pa.relname FROM pg_constraint k"
    " JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid"
    " WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace ORDER BY 1, 2",
};

static const catalog_sql *sql_for(db *c)
{
    return strcmp(db_backend_name(c), "postgresql") == 0 ? &pgsql_sql : &sqlite_sql;
}

wt_status db_catalog_count(db *c, arena *a, const char *name, int64_t *tables, bool *has_name)
{
    db_result r;
    wt_status st = db_query(c, a, &r, sql_for(c)->count, DB_ARGS(DB_T(name)));
    *tables = st == WT_OK ? db_get_int(&r, 0, 0) : 0;
    *has_name = st == WT_OK && db_get_int(&r, 0, 1) > 0;
    return st;
}

const db_table *db_catalog_find(const db_table *tables, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(tables[i].name, name) == 0)
            return &tables[i];
    return NULL;
}

static wt_status read_columns(db *c, arena *a, const catalog_sql *q, db_table *t)
{
    db_result r;
    wt_status st = db_query(c, a, &r, q->columns, DB_ARGS(DB_T(t->name)));
    if (st != WT_OK)
        return st;
    t->ncols = r.nrows;
    t->cols = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    t->pk = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    t->npk = 0;
    for (int i = 0; i < r.nrows; i++) {
        t->cols[i] = db_get(&r, i, 0);
        int64_t pos = db_get_int(&r, i, 1);
        if (pos > 0 && pos <= r.nrows) {
            t->pk[pos - 1] = t->cols[i];
            if (pos > t->npk)
                t->npk = (int)pos;
        }
    }
    return WT_OK;
}

static wt_status read_parents(db *c, arena *a, const catalog_sql *q, db_table *ts, int n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, q->parents, DB_NOARGS);
    if (st != WT_OK)
        return st;
    for (int i = 0; i < n; i++)
        ts[i].parents = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        const char *child = db_get(&r, i, 0), *parent = db_get(&r, i, 1);
        db_table *t = (db_table *)db_catalog_find(ts, n, child);
        if (t && strcmp(child, parent) != 0 && db_catalog_find(ts, n, parent))
            t->parents[t->nparents++] = parent;
    }
    return WT_OK;
}

/* Kahn's algorithm over the tables in name order: each round takes the first table whose parents are placed. */
static wt_status sort_by_dependency(arena *a, db_table *ts, int n, const char **err)
{
    db_table *sorted = arena_alloc(a, sizeof(db_table) * (size_t)(n ? n : 1));
    bool *placed = arena_alloc(a, sizeof(bool) * (size_t)(n ? n : 1));
    memset(placed, 0, sizeof(bool) * (size_t)(n ? n : 1));
    for (int k = 0; k < n; k++) {
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            if (placed[i])
                continue;
            bool ready = true;
            for (int j = 0; j < ts[i].nparents && ready; j++)
                ready = db_catalog_find(sorted, k, ts[i].parents[j]) != NULL;
            if (ready)
                pick = i;
        }
        if (pick < 0) {
            const char *names = "";
            for (int i = 0; i < n; i++)
                if (!placed[i])
                    names = arena_printf(a, "%s%s%s", names, *names ? ", " : "", ts[i].name);
            *err = arena_printf(a, "the foreign keys of these tables form a cycle: %s", names);
            return WT_CONFLICT;
        }
        placed[pick] = true;
        sorted[k] = ts[pick];
    }
    memcpy(ts, sorted, sizeof(db_table) * (size_t)n);
    return WT_OK;
}

wt_status db_catalog_tables(db *c, arena *a, db_table **out, int *n, const char **err)
{
    const catalog_sql *q = sql_for(c);
    *out = NULL;
    *n = 0;
    db_result r;
    wt_status st = db_query(c, a, &r, q->tables, DB_NOARGS);
    db_table *ts = NULL;
    if (st == WT_OK) {
        ts = arena_alloc(a, sizeof(db_table) * (size_t)(r.nrows ? r.nrows : 1));
        memset(ts, 0, sizeof(db_table) * (size_t)(r.nrows ? r.nrows : 1));
    }
    for (int i = 0; st == WT_OK && i < r.nrows; i++) {
        ts[i].name = db_get(&r, i, 0);
        st = read_columns(c, a, q, &ts[i]);
    }
    if (st == WT_OK)
        st = read_parents(c, a, q, ts, r.nrows);
    if (st != WT_OK) {
        *err = arena_printf(a, "cannot read the catalog: %s", db_last_error(c));
        return st;
    }
    st = sort_by_dependency(a, ts, r.nrows, err);
    if (st == WT_OK) {
        *out = ts;
        *n = r.nrows;
    }
    return st;
}
