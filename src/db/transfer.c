/*
 * transfer.c - copies a whole database to another one (see transfer.h).
 *
 * Rows are read from the source in batches along the primary key (keyset
 * paging, so a million-row table costs no more per batch than a small one)
 * and written with multi-row INSERTs of bound parameters. Every batch has an
 * arena of its own, so memory stays flat whatever the size of the database.
 */
#include "transfer.h"
#include "../core/buf.h"
#include "../core/log.h"
#include "catalog.h"
#include "migrate.h"

#include <string.h>
#include <unistd.h>

#define READ_BATCH 4000    /* rows read from the source at a time */
#define PARAMS_PER_INSERT 2000 /* bound parameters in one INSERT (both backends allow more) */

typedef struct transfer {
    db *from, *to;
    arena *a;
    const char **err;
    db_table *tables; /* the source's, in dependency order */
    int ntables;
    int64_t *counts;  /* source rows per table, in the snapshot */
    int64_t total, done;
    progress *pr;
} transfer;

static bool is_pg(db *c)
{
    return strcmp(db_backend_name(c), "postgresql") == 0;
}

/* "name" with any double quote doubled: a safe SQL identifier. */
static const char *quoted(arena *a, const char *name)
{
    buf b = BUF_INIT;
    buf_putc(&b, '"');
    for (const char *p = name; *p; p++) {
        if (*p == '"')
            buf_putc(&b, '"');
        buf_putc(&b, *p);
    }
    buf_putc(&b, '"');
    char *out = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return out;
}

static const char *column_list(arena *a, const char **cols, int n)
{
    buf b = BUF_INIT;
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", quoted(a, cols[i]));
    char *out = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return out;
}

static wt_status count_rows(db *c, arena *a, const char *table, int64_t *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, arena_printf(a, "SELECT COUNT(*) FROM %s", quoted(a, table)), DB_NOARGS);
    *n = st == WT_OK ? db_get_int(&r, 0, 0) : 0;
    return st;
}

/* ---- schema versions ------------------------------------------------------ */

/* The migration versions recorded in c; WT_NOTFOUND when c holds no tables at all, WT_INVALID when it holds
 * tables but no schema_migration (not a wijkteam database). */
static wt_status recorded_versions(db *c, arena *a, db_result *r)
{
    int64_t tables = 0;
    bool has = false;
    wt_status st = db_catalog_count(c, a, "schema_migration", &tables, &has);
    if (st != WT_OK)
        return st;
    if (!has)
        return tables == 0 ? WT_NOTFOUND : WT_INVALID;
    return db_query(c, a, r, "SELECT version FROM schema_migration ORDER BY version", DB_NOARGS);
}

static bool has_version(const db_result *r, int version)
{
    for (int i = 0; i < r->nrows; i++)
        if (db_get_int(r, i, 0) == version)
            return true;
    return false;
}

/*
 * Compares the recorded versions with this program's: *newer is a version this
 * program does not know (0: none), *missing one of its own not recorded (0: none).
 */
static void compare_versions(const db_result *r, int *newer, const migration **missing)
{
    *newer = 0;
    *missing = NULL;
    for (int i = 0; i < r->nrows; i++) {
        int v = (int)db_get_int(r, i, 0);
        bool known = false;
        for (int k = 0; k < wt_migration_count && !known; k++)
            known = wt_migrations[k].version == v;
        if (!known && v > *newer)
            *newer = v;
    }
    for (int k = 0; k < wt_migration_count && !*missing; k++)
        if (!has_version(r, wt_migrations[k].version))
            *missing = &wt_migrations[k];
}

static wt_status check_source(transfer *t)
{
    db_result r;
    wt_status st = recorded_versions(t->from, t->a, &r);
    if (st == WT_NOTFOUND || st == WT_INVALID) {
        *t->err = "the source is not a wijkteam database (it has no schema_migration table)";
        return WT_INVALID;
    }
    if (st != WT_OK) {
        *t->err = arena_printf(t->a, "cannot read the source's schema version: %s", db_last_error(t->from));
        return st;
    }
    int newer;
    const migration *missing;
    compare_versions(&r, &newer, &missing);
    if (newer) {
        *t->err = arena_printf(t->a, "the source database has schema version %d, newer than this program knows (%d): "
                                     "use the wijkteam that wrote it", newer, migrate_latest());
        return WT_CONFLICT;
    }
    if (missing) {
        *t->err = arena_printf(t->a, "schema version mismatch: the source lacks migration %04d_%s of this program; "
                                     "upgrade it first with `wijkteam init --db SOURCE`", missing->version, missing->name);
        return WT_CONFLICT;
    }
    return WT_OK;
}

/* The target: no schema (created here) or exactly this program's. */
static wt_status prepare_target_schema(transfer *t)
{
    db_result r;
    wt_status st = recorded_versions(t->to, t->a, &r);
    if (st == WT_INVALID) {
        *t->err = "the target database is not empty: it holds tables but no wijkteam schema";
        return WT_CONFLICT;
    }
    if (st != WT_OK && st != WT_NOTFOUND) {
        *t->err = arena_printf(t->a, "cannot read the target's schema version: %s", db_last_error(t->to));
        return st;
    }
    if (st == WT_OK) {
        int newer;
        const migration *missing;
        compare_versions(&r, &newer, &missing);
        if (newer) {
            *t->err = arena_printf(t->a, "the target database has schema version %d, newer than this program knows "
                                         "(%d)", newer, migrate_latest());
            return WT_CONFLICT;
        }
        if (missing && r.nrows > 0) {
            *t->err = arena_printf(t->a, "schema version mismatch: the target lacks migration %04d_%s; migrate into "
                                         "an empty database", missing->version, missing->name);
            return WT_CONFLICT;
        }
    }
    return migrate_up(t->to, t->a, t->err);
}

/* ---- the empty target ----------------------------------------------------- */

/* Row counts per table of a database that holds only what the migrations put there. */
static wt_status seeded_baseline(arena *a, db_table **ts, int *n, int64_t **counts, const char **err)
{
    db *mem = NULL;
    log_level was = log_get_level();
    log_set_level(LOG_WARN); /* building the reference is no news to the operator */
    wt_status st = db_open("sqlite::memory:", &mem, a, err);
    if (st == WT_OK)
        st = migrate_up(mem, a, err);
    log_set_level(was);
    if (st == WT_OK)
        st = db_catalog_tables(mem, a, ts, n, err);
    if (st == WT_OK)
        *counts = arena_alloc(a, sizeof(int64_t) * (size_t)(*n ? *n : 1));
    for (int i = 0; st == WT_OK && i < *n; i++)
        st = count_rows(mem, a, (*ts)[i].name, &(*counts)[i]);
    if (st != WT_OK && !*err)
        *err = "cannot build the reference schema";
    db_close(mem);
    return st;
}

static wt_status check_target_empty(transfer *t, db_table *tts, int tn)
{
    db_table *base;
    int bn;
    int64_t *bcounts;
    wt_status st = seeded_baseline(t->a, &base, &bn, &bcounts, t->err);
    for (int i = 0; st == WT_OK && i < tn; i++) {
        int64_t have = 0, want = 0;
        st = count_rows(t->to, t->a, tts[i].name, &have);
        for (int k = 0; k < bn; k++)
            if (strcmp(base[k].name, tts[i].name) == 0)
                want = bcounts[k];
        if (st == WT_OK && have != want) {
            *t->err = arena_printf(t->a, "the target database is not empty (table %s holds %lld rows); "
                                         "migrate only into an empty database", tts[i].name, (long long)have);
            return WT_CONFLICT;
        }
    }
    return st;
}

/* Removes what the migrations put into the target (children first); the source brings its own copy. */
static wt_status clear_seeded(transfer *t, db_table *tts, int tn)
{
    for (int i = tn - 1; i >= 0; i--) {
        int64_t n = 0;
        wt_status st = count_rows(t->to, t->a, tts[i].name, &n);
        if (st == WT_OK && n > 0)
            st = db_exec(t->to, arena_printf(t->a, "DELETE FROM %s", quoted(t->a, tts[i].name)), DB_NOARGS);
        if (st != WT_OK) {
            *t->err = arena_printf(t->a, "cannot clear table %s of the target: %s", tts[i].name, db_last_error(t->to));
            return st;
        }
    }
    return WT_OK;
}

/* Every source table must exist in the target with at least the source's columns. */
static wt_status check_tables_match(transfer *t, db_table *tts, int tn)
{
    for (int i = 0; i < t->ntables; i++) {
        const db_table *s = &t->tables[i];
        const db_table *d = db_catalog_find(tts, tn, s->name);
        if (!d) {
            *t->err = arena_printf(t->a, "the table %s of the source does not exist in the target", s->name);
            return WT_CONFLICT;
        }
        for (int c = 0; c < s->ncols; c++) {
            bool found = false;
            for (int k = 0; k < d->ncols && !found; k++)
                found = strcmp(s->cols[c], d->cols[k]) == 0;
            if (!found) {
                *t->err = arena_printf(t->a, "the column %s.%s of the source does not exist in the target", s->name,
                                       s->cols[c]);
                return WT_CONFLICT;
            }
        }
    }
    return WT_OK;
}

/* ---- copying -------------------------------------------------------------- */

/* SELECT of the next batch: along the primary key after the last row, or by position when there is none. */
static const char *select_batch(arena *a, const db_table *s, bool first)
{
    const char *cols = column_list(a, s->cols, s->ncols);
    if (s->npk == 0)
        return arena_printf(a, "SELECT %s FROM %s ORDER BY %s LIMIT %d OFFSET ?", cols, quoted(a, s->name), cols,
                            READ_BATCH);
    const char *key = column_list(a, s->pk, s->npk);
    if (first)
        return arena_printf(a, "SELECT %s FROM %s ORDER BY %s LIMIT %d", cols, quoted(a, s->name), key, READ_BATCH);
    buf marks = BUF_INIT;
    for (int i = 0; i < s->npk; i++)
        buf_puts(&marks, i ? ", ?" : "?");
    const char *sql = s->npk == 1
        ? arena_printf(a, "SELECT %s FROM %s WHERE %s > ? ORDER BY %s LIMIT %d", cols, quoted(a, s->name), key, key,
                       READ_BATCH)
        : arena_printf(a, "SELECT %s FROM %s WHERE (%s) > (%s) ORDER BY %s LIMIT %d", cols, quoted(a, s->name), key,
                       buf_str(&marks), key, READ_BATCH);
    buf_free(&marks);
    return sql;
}

static int column_index(const db_table *s, const char *name)
{
    for (int i = 0; i < s->ncols; i++)
        if (strcmp(s->cols[i], name) == 0)
            return i;
    return -1;
}

static const char *insert_sql(arena *a, const db_table *s, int rows)
{
    buf b = BUF_INIT;
    buf_printf(&b, "INSERT INTO %s (%s) VALUES ", quoted(a, s->name), column_list(a, s->cols, s->ncols));
    for (int r = 0; r < rows; r++) {
        buf_puts(&b, r ? ", (" : "(");
        for (int c = 0; c < s->ncols; c++)
            buf_puts(&b, c ? ", ?" : "?");
        buf_putc(&b, ')');
    }
    char *out = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return out;
}

/* Writes the rows of one batch with as few INSERTs as the parameter limit allows. */
static wt_status insert_rows(transfer *t, arena *ba, const db_table *s, const db_result *r)
{
    int per = PARAMS_PER_INSERT / (s->ncols ? s->ncols : 1);
    if (per < 1)
        per = 1;
    db_param *p = arena_alloc(ba, sizeof(db_param) * (size_t)(per * s->ncols + 1));
    const char *full = NULL;
    for (int row = 0; row < r->nrows; row += per) {
        int rows = r->nrows - row < per ? r->nrows - row : per;
        for (int i = 0; i < rows; i++)
            for (int c = 0; c < s->ncols; c++) {
                const char *v = db_get(r, row + i, c);
                p[i * s->ncols + c] = v ? DB_T(v) : DB_NULL;
            }
        if (rows == per && !full)
            full = insert_sql(ba, s, per);
        const char *sql = rows == per ? full : insert_sql(ba, s, rows);
        wt_status st = db_exec(t->to, sql, p, (size_t)(rows * s->ncols));
        if (st != WT_OK)
            return st;
    }
    return WT_OK;
}

static wt_status copy_table(transfer *t, const db_table *s)
{
    int64_t copied = 0;
    db_param *key = arena_alloc(t->a, sizeof(db_param) * (size_t)(s->npk + 1));
    int *key_col = arena_alloc(t->a, sizeof(int) * (size_t)(s->npk + 1));
    for (int i = 0; i < s->npk; i++)
        key_col[i] = column_index(s, s->pk[i]);
    wt_status st = WT_OK;
    arena ba; /* one batch's memory */
    arena_init(&ba);
    for (;;) {
        db_result r;
        const char *sql = select_batch(&ba, s, copied == 0);
        db_param offset = DB_I(copied);
        if (s->npk == 0)
            st = db_query(t->from, &ba, &r, sql, &offset, 1);
        else
            st = db_query(t->from, &ba, &r, sql, key, copied == 0 ? 0 : (size_t)s->npk);
        if (st != WT_OK) {
            *t->err = arena_printf(t->a, "reading table %s from the source failed: %s", s->name,
                                   db_last_error(t->from));
            break;
        }
        if (r.nrows == 0)
            break;
        st = insert_rows(t, &ba, s, &r);
        if (st != WT_OK) {
            *t->err = arena_printf(t->a, "writing table %s to the target failed: %s", s->name, db_last_error(t->to));
            break;
        }
        copied += r.nrows;
        t->done += r.nrows;
        if (t->pr)
            progress_update(t->pr, t->done, s->name);
        /* The last row's key, copied out of the batch arena, is where the next batch starts. */
        for (int i = 0; i < s->npk; i++) {
            const char *v = db_get(&r, r.nrows - 1, key_col[i]);
            key[i] = v ? DB_T(arena_strdup(t->a, v)) : DB_NULL;
        }
        arena_free(&ba);
        arena_init(&ba);
        if (r.nrows < READ_BATCH)
            break;
    }
    arena_free(&ba);
    return st;
}

/* PostgreSQL hands out identity values from a sequence: move each past the copied ids. */
static wt_status advance_sequences(transfer *t)
{
    if (!is_pg(t->to))
        return WT_OK;
    db_result r;
    wt_status st = db_query(t->to, t->a, &r,
                            "SELECT table_name, column_name FROM information_schema.columns"
                            " WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY 1",
                            DB_NOARGS);
    for (int i = 0; st == WT_OK && i < r.nrows; i++) {
        const char *table = quoted(t->a, db_get(&r, i, 0)), *col = db_get(&r, i, 1);
        db_result ignored;
        st = db_query(t->to, t->a, &ignored,
                      arena_printf(t->a, "SELECT setval(pg_get_serial_sequence(?, ?), "
                                         "(SELECT COALESCE(MAX(%s), 0) + 1 FROM %s), false)",
                                   quoted(t->a, col), table),
                      DB_ARGS(DB_T(table), DB_T(col)));
    }
    if (st != WT_OK)
        *t->err = arena_printf(t->a, "cannot advance the target's id sequences: %s", db_last_error(t->to));
    return st;
}

static wt_status verify_counts(transfer *t, transfer_report *rep)
{
    rep->ntables = t->ntables;
    rep->tables = arena_alloc(t->a, sizeof(transfer_count) * (size_t)(t->ntables ? t->ntables : 1));
    for (int i = 0; i < t->ntables; i++) {
        transfer_count *c = &rep->tables[i];
        c->table = t->tables[i].name;
        c->source = t->counts[i];
        wt_status st = count_rows(t->to, t->a, c->table, &c->target);
        if (st != WT_OK) {
            *t->err = arena_printf(t->a, "cannot count table %s in the target: %s", c->table, db_last_error(t->to));
            return st;
        }
        if (c->target != c->source) {
            *t->err = arena_printf(t->a, "count check failed for table %s: %lld rows in the source, %lld in the "
                                         "target", c->table, (long long)c->source, (long long)c->target);
            return WT_CONFLICT;
        }
    }
    return WT_OK;
}

/* A read snapshot of the source, so that the counts and the rows agree while others write. */
static wt_status begin_snapshot(db *c)
{
    return db_exec_script(c, is_pg(c) ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
}

static wt_status copy_all(transfer *t, db_table *tts, int tn, transfer_report *rep)
{
    t->counts = arena_alloc(t->a, sizeof(int64_t) * (size_t)(t->ntables ? t->ntables : 1));
    for (int i = 0; i < t->ntables; i++) {
        wt_status st = count_rows(t->from, t->a, t->tables[i].name, &t->counts[i]);
        if (st != WT_OK) {
            *t->err = arena_printf(t->a, "cannot count table %s in the source: %s", t->tables[i].name,
                                   db_last_error(t->from));
            return st;
        }
        t->total += t->counts[i];
    }
    if (t->pr)
        progress_start(t->pr, "copying", t->total);
    wt_status st = clear_seeded(t, tts, tn);
    for (int i = 0; st == WT_OK && i < t->ntables; i++)
        st = copy_table(t, &t->tables[i]);
    if (t->pr)
        progress_finish(t->pr);
    if (st == WT_OK)
        st = advance_sequences(t);
    if (st == WT_OK)
        st = verify_counts(t, rep);
    rep->rows = t->done;
    return st;
}

static wt_status run(transfer *t, transfer_report *rep)
{
    wt_status st = check_source(t);
    if (st == WT_OK)
        st = prepare_target_schema(t);
    db_table *tts = NULL;
    int tn = 0;
    if (st == WT_OK)
        st = db_catalog_tables(t->to, t->a, &tts, &tn, t->err);
    if (st == WT_OK)
        st = check_target_empty(t, tts, tn);
    if (st == WT_OK && (st = begin_snapshot(t->from)) != WT_OK)
        *t->err = arena_printf(t->a, "cannot start reading the source: %s", db_last_error(t->from));
    if (st == WT_OK)
        st = db_catalog_tables(t->from, t->a, &t->tables, &t->ntables, t->err);
    if (st == WT_OK)
        st = check_tables_match(t, tts, tn);
    if (st == WT_OK && (st = db_begin_write(t->to)) != WT_OK)
        *t->err = arena_printf(t->a, "cannot start writing the target: %s", db_last_error(t->to));
    if (st == WT_OK) {
        st = copy_all(t, tts, tn, rep);
        if (st == WT_OK && (st = db_commit(t->to)) != WT_OK)
            *t->err = arena_printf(t->a, "the commit on the target failed: %s", db_last_error(t->to));
        if (st != WT_OK)
            db_rollback(t->to);
    }
    return st;
}

wt_status transfer_run(const char *from_url, const char *to_url, arena *a, progress *pr, transfer_report *rep,
                       const char **err)
{
    memset(rep, 0, sizeof(*rep));
    *err = NULL;
    const char *file = db_url_sqlite_file(from_url);
    if (file && access(file, R_OK) != 0) {
        *err = arena_printf(a, "the source database %s does not exist or cannot be read", file);
        return WT_NOTFOUND;
    }
    if (strcmp(from_url, to_url) == 0) {
        *err = "the source and the target are the same database";
        return WT_INVALID;
    }
    transfer t = {.a = a, .err = err, .pr = pr};
    const char *e = NULL;
    wt_status st = db_open_readonly(from_url, &t.from, a, &e);
    if (st != WT_OK) {
        *err = arena_printf(a, "source: %s", e ? e : "cannot open it");
        return st;
    }
    st = db_open(to_url, &t.to, a, &e);
    if (st != WT_OK) {
        *err = arena_printf(a, "target: %s", e ? e : "cannot open it");
        db_close(t.from);
        return st;
    }
    progress clock;
    progress_start(&clock, "", 0);
    st = run(&t, rep);
    rep->seconds = progress_elapsed(&clock);
    db_close(t.to);
    db_close(t.from); /* ends the read snapshot */
    if (st != WT_OK && !*err)
        *err = "the migration failed";
    return st;
}
