/*
 * migrate.h - numbered schema migrations, applied at start.
 *
 * The migrations are the files sql/migrations/NNNN_name.sql, compiled into the
 * binary. They are written once for both backends; migrate.c replaces a few
 * markers by each backend's spelling:
 *   {{ID}}   an auto-numbered integer primary key
 *   {{BLOB}} binary data
 * and, for PostgreSQL, the type words INTEGER and REAL (upper case, outside
 * literals and comments) by BIGINT and DOUBLE PRECISION, which hold the same
 * 64-bit values as SQLite's. Lines between "-- @sqlite" and "-- @end" (or
 * "-- @postgresql" and "-- @end") are kept for that backend only.
 * On PostgreSQL, migrate_up holds an advisory lock while it works, so two
 * servers started at once do not race.
 * A database whose schema is newer than this program is refused, so an old
 * binary never writes into a schema it does not know.
 */
#ifndef WT_MIGRATE_H
#define WT_MIGRATE_H

#include "db.h"

typedef struct migration {
    int version;
    const char *name;
    const char *sql;
} migration;

extern const migration wt_migrations[];
extern const int wt_migration_count;

/* Brings the schema up to date, each migration in its own transaction. */
wt_status migrate_up(db *c, arena *a, const char **err);
/* The schema version of the database (0 when empty). */
wt_status migrate_version(db *c, int *version);
int migrate_latest(void);
/* The SQL of migration m as it runs on backend ("sqlite" or "postgresql"). */
const char *migrate_sql_for(arena *a, const migration *m, const char *backend);

#endif
