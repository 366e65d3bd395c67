/*
 * catalog.h - what tables a database holds, read from the backend's own
 * catalog (SQLite's sqlite_master and pragmas, PostgreSQL's pg_catalog), for
 * the tools that move whole databases (transfer.c). Domain code never needs it.
 */
#ifndef WT_CATALOG_H
#define WT_CATALOG_H

#include "db.h"

typedef struct db_table {
    const char *name;
    int ncols;
    const char **cols; /* in the table's own order; generated columns left out */
    int npk;
    const char **pk;   /* the primary key's columns in key order; npk 0: none */
    int nparents;
    const char **parents; /* the tables its foreign keys point at (itself left out) */
} db_table;

/*
 * The tables of the database, parents before the tables that refer to them
 * (ties by name), leaving out the backend's own tables and schema_migration.
 * Foreign keys that form a cycle are an error (err names the tables).
 */
wt_status db_catalog_tables(db *c, arena *a, db_table **out, int *n, const char **err);

/* How many tables the database holds (the backend's own left out), and whether one of them is called name. */
wt_status db_catalog_count(db *c, arena *a, const char *name, int64_t *tables, bool *has_name);

/* The table named name in tables, or NULL. */
const db_table *db_catalog_find(const db_table *tables, int n, const char *name);

#endif
