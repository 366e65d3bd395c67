/* dbtools.c - `wijkteam migrate` and `wijkteam restore` (see dbtools.h). */
#include "dbtools.h"
#include "../access/audit.h"
#include "../db/catalog.h"
#include "../db/migrate.h"
#include "../db/transfer.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fail(const char *what, const char *msg)
{
    fprintf(stderr, "wijkteam: %s: %s\n", what, msg);
    return 1;
}

int dbtools_migrate(const options *o, arena *a)
{
    const char *from = opt_get(o, "from", NULL, NULL), *to = opt_get(o, "to", NULL, NULL);
    if (!from || !to) {
        fprintf(stderr, "wijkteam: migrate: --from URL and --to URL are required, e.g.\n"
                        "  wijkteam migrate --from sqlite:wijkteam.db --to postgresql://user@host/wijkteam\n");
        return 2;
    }
    progress pr;
    transfer_report rep;
    const char *err = NULL;
    if (transfer_run(from, to, a, &pr, &rep, &err) != WT_OK) {
        fprintf(stderr, "wijkteam: migrate: %s\nwijkteam: migrate: no data was copied.\n", err);
        return 1;
    }
    printf("%-28s %12s %12s\n", "table", "source", "target");
    for (int i = 0; i < rep.ntables; i++)
        printf("%-28s %12lld %12lld\n", rep.tables[i].table, (long long)rep.tables[i].source,
               (long long)rep.tables[i].target);
    printf("migrated %lld rows in %d tables in %.1f s (%.0f rows/s); every count matches\n", (long long)rep.rows,
           rep.ntables, rep.seconds, rep.seconds > 0 ? (double)rep.rows / rep.seconds : 0.0);
    return 0;
}

typedef enum { BACKUP_UNKNOWN, BACKUP_SQLITE, BACKUP_PGDUMP } backup_kind;

static backup_kind kind_of(const char *file)
{
    char head[16] = {0};
    FILE *f = fopen(file, "rb");
    if (!f)
        return BACKUP_UNKNOWN;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (n == 16 && memcmp(head, "SQLite format 3", 16) == 0)
        return BACKUP_SQLITE;
    if (n >= 5 && memcmp(head, "PGDMP", 5) == 0)
        return BACKUP_PGDUMP;
    return BACKUP_UNKNOWN;
}

/* A SQLite backup must pass its integrity check before anything is loaded from it. */
static int check_sqlite_backup(const char *file, arena *a)
{
    db *c = NULL;
    const char *err = NULL, *problem = NULL;
    if (db_open_readonly(arena_printf(a, "sqlite:%s", file), &c, a, &err) != WT_OK)
        return fail("restore", err);
    wt_status st = db_check(c, a, &problem);
    db_close(c);
    if (st != WT_OK || problem)
        return fail("restore", arena_printf(a, "the backup is damaged: %s", problem ? problem : "cannot check it"));
    return 0;
}

/* Same backend: db_restore into a database that holds no tables yet. */
static int restore_same_backend(const char *file, const char *url, arena *a)
{
    db *c = NULL;
    const char *err = NULL;
    const char *path = db_url_sqlite_file(url);
    bool existed = path && access(path, F_OK) == 0;
    if (db_open(url, &c, a, &err) != WT_OK)
        return fail("restore", err);
    int64_t tables = 0;
    bool ignored;
    wt_status st = db_catalog_count(c, a, "", &tables, &ignored);
    int rc = 0;
    if (st != WT_OK)
        rc = fail("restore", arena_printf(a, "cannot read the target: %s", db_last_error(c)));
    else if (tables > 0)
        rc = fail("restore", "the target database is not empty; restore into a new, empty database");
    else if (db_restore(c, file) != WT_OK)
        rc = fail("restore", arena_printf(a, "%s; the target is left empty", db_last_error(c)));
    db_close(c);
    if (rc != 0 && path && !existed)
        unlink(path);
    return rc;
}

/* The schema brought up to date, the backend's integrity check, the audit chain; what names the command. */
static int verify(const char *what, const char *url, arena *a)
{
    db *c = NULL;
    const char *err = NULL, *problem = NULL;
    if (db_open(url, &c, a, &err) != WT_OK)
        return fail("restore", err);
    int rc = 0, version = 0;
    int64_t broken = 0, checked = 0;
    if (migrate_up(c, a, &err) != WT_OK)
        rc = fail(what, err);
    else if (db_check(c, a, &problem) != WT_OK || problem)
        rc = fail(what, arena_printf(a, "the database fails its integrity check: %s",
                                     problem ? problem : db_last_error(c)));
    else if (audit_verify(c, &broken, &checked) != WT_OK)
        rc = fail(what, "cannot read the audit trail");
    else if (broken) {
        fprintf(stderr, "wijkteam: %s: the audit trail is BROKEN at entry %lld\n", what, (long long)broken);
        rc = 3;
    } else {
        migrate_version(c, &version);
        printf("%s: integrity ok, schema version %d, audit trail intact: %lld entries\n", what, version,
               (long long)checked);
    }
    db_close(c);
    return rc;
}

int dbtools_restore(const options *o, arena *a)
{
    const char *file = opt_get(o, "from", NULL, opt_positional(o, 1));
    const char *url = opt_get(o, "db", "WIJKTEAM_DB", "wijkteam.db");
    if (!file)
        return fail("restore", "--from FILE is required (a file written by wijkteam backup)");
    if (access(file, R_OK) != 0)
        return fail("restore", arena_printf(a, "cannot read %s", file));
    backup_kind kind = kind_of(file);
    bool to_sqlite = db_url_sqlite_file(url) != NULL;
    int rc = 0;
    if (kind == BACKUP_UNKNOWN)
        return fail("restore", arena_printf(a, "%s is neither a SQLite backup nor a pg_dump archive", file));
    if (kind == BACKUP_PGDUMP && to_sqlite)
        return fail("restore", "a PostgreSQL backup restores into PostgreSQL only (--db postgresql://...); "
                               "move it to SQLite afterwards with wijkteam migrate");
    if (kind == BACKUP_SQLITE && (rc = check_sqlite_backup(file, a)) != 0)
        return rc;
    if (kind == BACKUP_SQLITE && !to_sqlite) {
        /* A SQLite backup into PostgreSQL: copied table by table, as wijkteam migrate does. */
        progress pr;
        transfer_report rep;
        const char *err = NULL;
        if (transfer_run(arena_printf(a, "sqlite:%s", file), url, a, &pr, &rep, &err) != WT_OK)
            return fail("restore", arena_printf(a, "%s; no data was copied", err));
    } else if ((rc = restore_same_backend(file, url, a)) != 0) {
        return rc;
    }
    return verify("restore", url, a);
}

int dbtools_check(const options *o, arena *a)
{
    const char *url = opt_get(o, "db", "WIJKTEAM_DB", "wijkteam.db");
    const char *file = db_url_sqlite_file(url);
    if (file && access(file, F_OK) != 0)
        return fail("check", arena_printf(a, "%s does not exist", file));
    return verify("check", url, a);
}
