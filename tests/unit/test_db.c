/*
 * Unit tests of the storage interface (src/db/db.h) and the migrations, run
 * against real databases: every test of the suite db_sqlite has a twin in
 * db_pgsql that runs the same body on PostgreSQL. The PostgreSQL twins need a
 * server: WIJKTEAM_TEST_PG is the URL of a database on it (scripts/pg-test.sh
 * starts a throw-away one; `make unit-pg`); each test creates a database of
 * its own there and drops it afterwards. Without the variable they are
 * reported as skipped. Never a mock.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../src/db/db.h"
#include "../../src/db/migrate.h"

/* ---- one fresh database per test ------------------------------------------- */

static struct {
    char dir[64];     /* SQLite: the temporary directory */
    char url[512];    /* the URL of the test database */
    char admin[512];  /* PostgreSQL: the URL of WIJKTEAM_TEST_PG */
    char dbname[64];  /* PostgreSQL: the test database */
} fx;

/* The URL of database name on the server of url (the path part replaced, options kept). */
static void url_with_db(char *out, size_t n, const char *url, const char *name)
{
    const char *host = strstr(url, "://");
    host = host ? host + 3 : url;
    const char *path = strchr(host, '/');
    const char *query = strchr(host, '?');
    if (!path || (query && query < path))
        path = query ? query : host + strlen(host);
    const char *rest = strchr(path, '?');
    snprintf(out, n, "%.*s/%s%s", (int)(path - url), url, name, rest ? rest : "");
}

static void admin_exec(const char *sql)
{
    arena a;
    arena_init(&a);
    db *c = NULL;
    const char *err = NULL;
    cr_assert_eq(db_open(fx.admin, &c, &a, &err), WT_OK, "cannot reach WIJKTEAM_TEST_PG: %s", err ? err : "");
    cr_assert_eq(db_exec_script(c, sql), WT_OK, "%s: %s", sql, db_last_error(c));
    db_close(c);
    arena_free(&a);
}

static void fresh_sqlite(void)
{
    snprintf(fx.dir, sizeof fx.dir, "/tmp/wt-unit-db-XXXXXX");
    cr_assert(mkdtemp(fx.dir));
    snprintf(fx.url, sizeof fx.url, "sqlite:%s/test.db", fx.dir);
}

static void fresh_pgsql(void)
{
    const char *env = getenv("WIJKTEAM_TEST_PG");
    if (!env || !*env)
        cr_skip_test("WIJKTEAM_TEST_PG is not set: run `make unit-pg` for the PostgreSQL twins");
    snprintf(fx.admin, sizeof fx.admin, "%s", env);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(fx.dbname, sizeof fx.dbname, "wt_unit_%d_%ld", (int)getpid(), (long)(ts.tv_nsec % 1000000));
    char sql[128];
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", fx.dbname);
    admin_exec(sql);
    url_with_db(fx.url, sizeof fx.url, fx.admin, fx.dbname);
}

static void cleanup_sqlite(void)
{
    char path[128];
    const char *files[] = {"test.db", "test.db-wal", "test.db-shm", "copy.db"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", fx.dir, files[i]);
        unlink(path);
    }
    rmdir(fx.dir);
}

static void cleanup_pgsql(void)
{
    if (!fx.dbname[0])
        return;
    char sql[128];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", fx.dbname);
    admin_exec(sql);
}

TestSuite(db_sqlite, .init = fresh_sqlite, .fini = cleanup_sqlite);
TestSuite(db_pgsql, .init = fresh_pgsql, .fini = cleanup_pgsql);

static db *connect(arena *a)
{
    db *c = NULL;
    const char *err = NULL;
    cr_assert_eq(db_open(fx.url, &c, a, &err), WT_OK, "open %s: %s", fx.url, err ? err : "");
    return c;
}

/* Defines the body once and a test for each backend. */
#define DB_TEST(name)                                                                                                  \
    static void name##_body(void);                                                                                     \
    Test(db_sqlite, name) { name##_body(); }                                                                           \
    Test(db_pgsql, name) { name##_body(); }                                                                            \
    static void name##_body(void)

/* A table for the tests, written once with the migration markers. */
static const char *const item_ddl =
    "CREATE TABLE kind (code TEXT PRIMARY KEY);\n"
    "INSERT INTO kind (code) VALUES ('a'), ('b');\n"
    "CREATE TABLE item (\n"
    "    id {{ID}},\n"
    "    name TEXT NOT NULL UNIQUE,\n"
    "    note TEXT,\n"
    "    amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),\n"
    "    ratio REAL,\n"
    "    kind TEXT REFERENCES kind(code)\n"
    ");\n"
    "-- @sqlite\n"
    "CREATE TABLE dialect (name TEXT); INSERT INTO dialect VALUES ('sqlite');\n"
    "-- @end\n"
    "-- @postgresql\n"
    "CREATE TABLE dialect (name TEXT); INSERT INTO dialect VALUES ('postgresql');\n"
    "-- @end\n";

static db *with_items(arena *a)
{
    db *c = connect(a);
    migration m = {1, "items", item_ddl};
    const char *sql = migrate_sql_for(a, &m, db_backend_name(c));
    cr_assert_eq(db_exec_script(c, sql), WT_OK, "%s", db_last_error(c));
    return c;
}

static int64_t add_item(db *c, const char *name, int64_t amount)
{
    int64_t id = 0;
    cr_assert_eq(db_insert(c, &id, "INSERT INTO item (name, amount) VALUES (?, ?) RETURNING id",
                           DB_ARGS(DB_T(name), DB_I(amount))),
                 WT_OK, "%s", db_last_error(c));
    return id;
}

static int64_t count_items(db *c, arena *a)
{
    db_result r;
    cr_assert_eq(db_query(c, a, &r, "SELECT COUNT(*) FROM item", DB_NOARGS), WT_OK, "%s", db_last_error(c));
    return db_get_int(&r, 0, 0);
}

/* ---- the tests ------------------------------------------------------------- */

DB_TEST(dialect_blocks_and_markers)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    db_result r;
    cr_assert_eq(db_query(c, &a, &r, "SELECT name FROM dialect", DB_NOARGS), WT_OK);
    cr_assert_eq(r.nrows, 1);
    cr_assert_str_eq(db_get(&r, 0, 0), db_backend_name(c));
    /* Markers inside literals and comments stay as they are. */
    migration m = {1, "x", "-- INTEGER {{BLOB}}\nSELECT 'INTEGER', \"REAL\", x INTEGER, y REAL, z {{BLOB}};\n"};
    const char *pg = migrate_sql_for(&a, &m, "postgresql");
    cr_assert_str_eq(pg, "-- INTEGER {{BLOB}}\nSELECT 'INTEGER', \"REAL\", x BIGINT, y DOUBLE PRECISION, z BYTEA;\n");
    const char *lite = migrate_sql_for(&a, &m, "sqlite");
    cr_assert_str_eq(lite, "-- INTEGER {{BLOB}}\nSELECT 'INTEGER', \"REAL\", x INTEGER, y REAL, z BLOB;\n");
    db_close(c);
    arena_free(&a);
}

DB_TEST(placeholders_are_bound_never_pasted)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    add_item(c, "it's?", 1);
    add_item(c, "plain", 2);
    db_result r;
    /* A ? inside a string literal is text; the others are parameters in order. */
    cr_assert_eq(db_query(c, &a, &r,
                          "SELECT name, 'what?', amount + ? FROM item WHERE name = ? OR (name <> 'x?''y' AND amount = ?)"
                          " ORDER BY id",
                          DB_ARGS(DB_I(10), DB_T("it's?"), DB_I(2))),
                 WT_OK, "%s", db_last_error(c));
    cr_assert_eq(r.nrows, 2);
    cr_assert_eq(r.ncols, 3);
    cr_assert_str_eq(db_get(&r, 0, 0), "it's?");
    cr_assert_str_eq(db_get(&r, 0, 1), "what?");
    cr_assert_eq(db_get_int(&r, 0, 2), 11);
    cr_assert_eq(db_get_int(&r, 1, 2), 12);
    /* Hostile text is data, not SQL. */
    cr_assert_eq(db_query(c, &a, &r, "SELECT COUNT(*) FROM item WHERE name = ?", DB_ARGS(DB_T("x' OR '1'='1"))),
                 WT_OK);
    cr_assert_eq(db_get_int(&r, 0, 0), 0);
    /* A parameter whose type only the value tells. */
    cr_assert_eq(db_query(c, &a, &r, "SELECT COUNT(*) FROM item WHERE ? IS NULL OR name = ?",
                          DB_ARGS(DB_T("plain"), DB_T("plain"))),
                 WT_OK, "%s", db_last_error(c));
    cr_assert_eq(db_get_int(&r, 0, 0), 1);
    /* The wrong number of parameters is an error, not a guess. */
    cr_assert_eq(db_query(c, &a, &r, "SELECT name FROM item WHERE id = ?", DB_NOARGS), WT_DBERROR);
    cr_assert_eq(db_query(c, &a, &r, "SELECT name FROM item WHERE id = ?", DB_ARGS(DB_I(1), DB_I(2))), WT_DBERROR);
    cr_assert_eq(db_query(c, &a, &r, "SELECT nonsense FROM nowhere", DB_NOARGS), WT_DBERROR);
    cr_assert(strlen(db_last_error(c)) > 0);
    db_close(c);
    arena_free(&a);
}

DB_TEST(nulls_and_types_round_trip)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    int64_t big = 9000000000LL; /* beyond 32 bits: INTEGER holds 64 */
    int64_t id = 0;
    cr_assert_eq(db_insert(c, &id, "INSERT INTO item (name, note, amount, ratio, kind) VALUES (?, ?, ?, ?, ?) RETURNING id",
                           DB_ARGS(DB_T("n"), DB_T(NULL), DB_I(big), DB_R(53.2012345678), DB_NULL)),
                 WT_OK, "%s", db_last_error(c));
    db_result r;
    cr_assert_eq(db_query(c, &a, &r, "SELECT note, amount, ratio, kind, amount > 0, COALESCE(note, 'leeg') FROM item WHERE id = ?",
                          DB_ARGS(DB_I(id))),
                 WT_OK, "%s", db_last_error(c));
    cr_assert(db_is_null(&r, 0, 0));
    cr_assert_null(db_get(&r, 0, 0));
    cr_assert_eq(db_get_int(&r, 0, 0), 0);
    cr_assert_eq(db_get_int(&r, 0, 1), big);
    cr_assert_float_eq(db_get_real(&r, 0, 2), 53.2012345678, 1e-9);
    cr_assert(db_is_null(&r, 0, 3));
    cr_assert_eq(db_get_int(&r, 0, 4), 1, "a boolean reads as 1");
    cr_assert_str_eq(db_get(&r, 0, 5), "leeg");
    cr_assert_null(db_get(&r, 1, 0), "out of range is NULL");
    cr_assert_null(db_get(&r, 0, 6), "out of range is NULL");
    /* Booleans in both directions, and an empty result. */
    cr_assert_eq(db_query(c, &a, &r, "SELECT 1 = 1, 1 = 2", DB_NOARGS), WT_OK);
    cr_assert_str_eq(db_get(&r, 0, 0), "1");
    cr_assert_str_eq(db_get(&r, 0, 1), "0");
    cr_assert_eq(db_query(c, &a, &r, "SELECT id FROM item WHERE id = ?", DB_ARGS(DB_I(-1))), WT_OK);
    cr_assert_eq(r.nrows, 0);
    cr_assert_eq(r.ncols, 1);
    db_close(c);
    arena_free(&a);
}

DB_TEST(returning_and_changes)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    int64_t first = add_item(c, "een", 1);
    int64_t second = add_item(c, "twee", 2);
    add_item(c, "drie", 3);
    cr_assert_gt(first, 0);
    cr_assert_eq(second, first + 1);
    cr_assert_eq(db_exec(c, "UPDATE item SET amount = amount + 1 WHERE amount >= ?", DB_ARGS(DB_I(2))), WT_OK);
    cr_assert_eq(db_changes(c), 2);
    cr_assert_eq(db_exec(c, "DELETE FROM item WHERE name = ?", DB_ARGS(DB_T("geen"))), WT_OK);
    cr_assert_eq(db_changes(c), 0);
    /* A statement without RETURNING gives no id. */
    int64_t id = 0;
    cr_assert_neq(db_insert(c, &id, "UPDATE item SET note = ? WHERE id = ?", DB_ARGS(DB_T("x"), DB_I(first))), WT_OK);
    db_close(c);
    arena_free(&a);
}

DB_TEST(constraint_violations_are_conflicts)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    add_item(c, "uniek", 1);
    int64_t id = 0;
    cr_assert_eq(db_insert(c, &id, "INSERT INTO item (name) VALUES (?) RETURNING id", DB_ARGS(DB_T("uniek"))),
                 WT_CONFLICT, "unique");
    cr_assert_eq(db_exec(c, "INSERT INTO item (name, kind) VALUES (?, ?)", DB_ARGS(DB_T("fk"), DB_T("zz"))),
                 WT_CONFLICT, "foreign key");
    cr_assert_eq(db_exec(c, "INSERT INTO item (name, amount) VALUES (?, ?)", DB_ARGS(DB_T("neg"), DB_I(-1))),
                 WT_CONFLICT, "check");
    cr_assert_eq(db_exec(c, "INSERT INTO item (name) VALUES (?)", DB_ARGS(DB_NULL)), WT_CONFLICT, "not null");
    /* The error names the constraint, never the value. */
    cr_assert_null(strstr(db_last_error(c), "uniek"));
    cr_assert_eq(count_items(c, &a), 1);
    db_close(c);
    arena_free(&a);
}

DB_TEST(transactions_commit_and_roll_back)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    cr_assert_not(db_in_transaction(c));
    cr_assert_eq(db_begin_write(c), WT_OK, "%s", db_last_error(c));
    cr_assert(db_in_transaction(c));
    add_item(c, "weg", 1);
    cr_assert_eq(count_items(c, &a), 1, "the transaction sees its own write");
    cr_assert_eq(db_rollback(c), WT_OK);
    cr_assert_not(db_in_transaction(c));
    cr_assert_eq(count_items(c, &a), 0);

    cr_assert_eq(db_begin_write(c), WT_OK);
    add_item(c, "blijft", 1);
    cr_assert_eq(db_commit(c), WT_OK, "%s", db_last_error(c));
    cr_assert_eq(count_items(c, &a), 1);

    /* A conflict inside a transaction, then a rollback: nothing of it stays. */
    cr_assert_eq(db_begin_write(c), WT_OK);
    add_item(c, "half", 1);
    cr_assert_eq(db_exec(c, "INSERT INTO item (name) VALUES (?)", DB_ARGS(DB_T("blijft"))), WT_CONFLICT);
    cr_assert_eq(db_rollback(c), WT_OK);
    cr_assert_eq(count_items(c, &a), 1);
    /* Rolling back without a transaction is harmless. */
    cr_assert_eq(db_rollback(c), WT_OK);
    db_close(c);
    arena_free(&a);
}

typedef struct writer_arg {
    const char *url;
    volatile int done;
    wt_status st;
} writer_arg;

static void *second_writer(void *p)
{
    writer_arg *w = p;
    arena a;
    arena_init(&a);
    db *c = NULL;
    const char *err = NULL;
    w->st = db_open(w->url, &c, &a, &err);
    if (w->st == WT_OK)
        w->st = db_begin_write(c);
    if (w->st == WT_OK)
        w->st = db_exec(c, "INSERT INTO item (name) VALUES (?)", DB_ARGS(DB_T("tweede")));
    if (w->st == WT_OK)
        w->st = db_commit(c);
    w->done = 1;
    db_close(c);
    arena_free(&a);
    return NULL;
}

DB_TEST(writers_take_turns)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    cr_assert_eq(db_begin_write(c), WT_OK);
    add_item(c, "eerste", 1);
    writer_arg w = {fx.url, 0, WT_OK};
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, second_writer, &w), 0);
    usleep(400 * 1000);
    cr_assert_eq(w.done, 0, "a second writer waits for the first");
    cr_assert_eq(db_commit(c), WT_OK);
    pthread_join(t, NULL);
    cr_assert_eq(w.st, WT_OK, "the second writer went on after the first committed");
    cr_assert_eq(count_items(c, &a), 2);
    db_close(c);
    arena_free(&a);
}

DB_TEST(statement_cache_survives_many_statements)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    add_item(c, "cache", 7);
    db_result r;
    const char *sql = "SELECT amount FROM item WHERE name = ?";
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(db_query(c, &a, &r, sql, DB_ARGS(DB_T("cache"))), WT_OK);
        cr_assert_eq(db_get_int(&r, 0, 0), 7);
    }
    if (strcmp(db_backend_name(c), "postgresql") == 0) {
        cr_assert_eq(db_query(c, &a, &r, "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = ?",
                              DB_ARGS(DB_T("SELECT amount FROM item WHERE name = $1"))),
                     WT_OK);
        cr_assert_eq(db_get_int(&r, 0, 0), 1, "prepared once, run three times");
    }
    /* More distinct statements than the cache holds: evicted ones are prepared again. */
    for (int i = 0; i < 700; i++) {
        char q[96];
        snprintf(q, sizeof q, "SELECT amount + %d FROM item WHERE name = ?", i);
        cr_assert_eq(db_query(c, &a, &r, q, DB_ARGS(DB_T("cache"))), WT_OK, "%s", db_last_error(c));
        cr_assert_eq(db_get_int(&r, 0, 0), 7 + i);
    }
    cr_assert_eq(db_query(c, &a, &r, sql, DB_ARGS(DB_T("cache"))), WT_OK);
    cr_assert_eq(db_get_int(&r, 0, 0), 7);
    if (strcmp(db_backend_name(c), "postgresql") == 0) {
        cr_assert_eq(db_query(c, &a, &r, "SELECT COUNT(*) FROM pg_prepared_statements", DB_NOARGS), WT_OK);
        cr_assert_leq(db_get_int(&r, 0, 0), 260, "evicted statements are deallocated");
    }
    db_close(c);
    arena_free(&a);
}

DB_TEST(migrations_reach_the_latest_version)
{
    arena a;
    arena_init(&a);
    db *c = connect(&a);
    const char *err = NULL;
    int v = -1;
    cr_assert_eq(migrate_version(c, &v), WT_OK);
    cr_assert_eq(v, 0);
    cr_assert_eq(migrate_up(c, &a, &err), WT_OK, "%s", err ? err : "");
    cr_assert_eq(migrate_version(c, &v), WT_OK);
    cr_assert_eq(v, migrate_latest());
    cr_assert_eq(migrate_up(c, &a, &err), WT_OK, "a second run changes nothing");
    db_result r;
    cr_assert_eq(db_query(c, &a, &r, "SELECT COUNT(*), MIN(applied_at) FROM schema_migration", DB_NOARGS), WT_OK);
    cr_assert_eq(db_get_int(&r, 0, 0), wt_migration_count);
    cr_assert_eq(strlen(db_get(&r, 0, 1)), 20, "applied_at is an ISO timestamp: %s", db_get(&r, 0, 1));
    /* The schema works: an auto-numbered id, and the audit trail is append-only. */
    int64_t team = 0;
    cr_assert_eq(db_insert(c, &team, "INSERT INTO team (name, municipality, created_at) VALUES (?, ?, ?) RETURNING id",
                           DB_ARGS(DB_T("Team Test"), DB_T("Leeuwarden"), DB_T("2026-01-01T00:00:00Z"))),
                 WT_OK, "%s", db_last_error(c));
    cr_assert_gt(team, 0);
    cr_assert_eq(db_exec(c, "INSERT INTO audit (at, action, entity, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
                         DB_ARGS(DB_T("2026-01-01T00:00:00Z"), DB_T("read"), DB_T("team"), DB_T(""), DB_T("h"))),
                 WT_OK, "%s", db_last_error(c));
    cr_assert_neq(db_exec(c, "UPDATE audit SET hash = ?", DB_ARGS(DB_T("x"))), WT_OK);
    cr_assert_neq(db_exec(c, "DELETE FROM audit", DB_NOARGS), WT_OK);
    db_close(c);
    arena_free(&a);
}

DB_TEST(a_newer_schema_is_refused)
{
    arena a;
    arena_init(&a);
    db *c = connect(&a);
    const char *err = NULL;
    cr_assert_eq(migrate_up(c, &a, &err), WT_OK, "%s", err ? err : "");
    cr_assert_eq(db_exec(c, "INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)",
                         DB_ARGS(DB_I(migrate_latest() + 1), DB_T("future"), DB_T("2099-01-01T00:00:00Z"))),
                 WT_OK);
    err = NULL;
    cr_assert_eq(migrate_up(c, &a, &err), WT_CONFLICT);
    cr_assert_not_null(err);
    cr_assert_not_null(strstr(err, "newer than this program"), "%s", err);
    /* The lock is released after the refusal: another attempt gets the same answer, not a hang. */
    cr_assert_eq(migrate_up(c, &a, &err), WT_CONFLICT);
    db_close(c);
    arena_free(&a);
}

typedef struct migrator_arg {
    const char *url;
    wt_status st;
    char err[256];
} migrator_arg;

static void *migrator(void *p)
{
    migrator_arg *m = p;
    arena a;
    arena_init(&a);
    db *c = NULL;
    const char *err = NULL;
    m->st = db_open(m->url, &c, &a, &err);
    if (m->st == WT_OK)
        m->st = migrate_up(c, &a, &err);
    snprintf(m->err, sizeof m->err, "%s", err ? err : "");
    db_close(c);
    arena_free(&a);
    return NULL;
}

DB_TEST(servers_starting_at_once_migrate_once)
{
    migrator_arg m[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
        m[i] = (migrator_arg){fx.url, WT_OK, ""};
        cr_assert_eq(pthread_create(&t[i], NULL, migrator, &m[i]), 0);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(t[i], NULL);
        cr_assert_eq(m[i].st, WT_OK, "migrator %d: %s", i, m[i].err);
    }
    arena a;
    arena_init(&a);
    db *c = connect(&a);
    int v = 0;
    cr_assert_eq(migrate_version(c, &v), WT_OK);
    cr_assert_eq(v, migrate_latest());
    db_close(c);
    arena_free(&a);
}

DB_TEST(backup_is_a_consistent_copy)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    add_item(c, "bewaard", 5);
    char dest[256];
    bool pg = strcmp(db_backend_name(c), "postgresql") == 0;
    if (pg)
        snprintf(dest, sizeof dest, "/tmp/%s.dump", fx.dbname);
    else
        snprintf(dest, sizeof dest, "%s/copy.db", fx.dir);
    cr_assert_eq(db_backup(c, dest), WT_OK, "%s", db_last_error(c));
    FILE *f = fopen(dest, "rb");
    cr_assert_not_null(f);
    char head[16] = {0};
    cr_assert_gt(fread(head, 1, sizeof head - 1, f), 4);
    fclose(f);
    if (pg) {
        cr_assert_eq(memcmp(head, "PGDMP", 5), 0, "a pg_dump archive");
    } else {
        cr_assert_eq(memcmp(head, "SQLite format 3", 15), 0);
        char url[300];
        snprintf(url, sizeof url, "sqlite:%s", dest);
        db *copy = NULL;
        cr_assert_eq(db_open(url, &copy, &a, NULL), WT_OK);
        cr_assert_eq(count_items(copy, &a), 1);
        db_close(copy);
    }
    unlink(dest);
    db_close(c);
    arena_free(&a);
}

/* ---- opening: wrong URLs, unreachable servers ------------------------------- */

Test(db_open, a_wrong_postgresql_url_is_refused_clearly)
{
    arena a;
    arena_init(&a);
    db *c = NULL;
    const char *err = NULL;
    cr_assert_eq(db_open("postgresql://localhost:notaport/x?nonsense=1", &c, &a, &err), WT_INVALID);
    cr_assert_null(c);
    cr_assert_not_null(strstr(err, "invalid PostgreSQL URL"), "%s", err);
    arena_free(&a);
}

Test(db_open, an_unreachable_server_is_unavailable)
{
    arena a;
    arena_init(&a);
    db *c = NULL;
    const char *err = NULL;
    /* Port 1 on loopback: nothing listens there. */
    cr_assert_eq(db_open("postgres://wijkteam:geheim@127.0.0.1:1/wijkteam", &c, &a, &err), WT_UNAVAILABLE);
    cr_assert_null(c);
    cr_assert_not_null(strstr(err, "cannot connect to PostgreSQL"), "%s", err);
    cr_assert_null(strstr(err, "geheim"), "no password in the message: %s", err);
    arena_free(&a);
}

Test(db_open, a_sqlite_file_that_cannot_be_created_is_unavailable)
{
    arena a;
    arena_init(&a);
    db *c = NULL;
    const char *err = NULL;
    cr_assert_eq(db_open("sqlite:/nonexistent-dir/x/y.db", &c, &a, &err), WT_UNAVAILABLE);
    cr_assert_not_null(err);
    arena_free(&a);
}

/* ---- PostgreSQL only: the connection goes away and comes back ---------------- */

static void kill_backend(db *victim, arena *a)
{
    db_result r;
    cr_assert_eq(db_query(victim, a, &r, "SELECT pg_backend_pid()", DB_NOARGS), WT_OK);
    int64_t pid = db_get_int(&r, 0, 0);
    db *killer = connect(a);
    cr_assert_eq(db_query(killer, a, &r, "SELECT pg_terminate_backend(CAST(? AS INTEGER))", DB_ARGS(DB_I(pid))), WT_OK,
                 "%s", db_last_error(killer));
    cr_assert_str_eq(db_get(&r, 0, 0), "1");
    db_close(killer);
    usleep(100 * 1000);
}

Test(db_pgsql, a_lost_connection_is_unavailable_then_recovers)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    add_item(c, "terug", 1);
    db_result r;
    cr_assert_eq(db_query(c, &a, &r, "SELECT amount FROM item WHERE name = ?", DB_ARGS(DB_T("terug"))), WT_OK);

    /* A write on a dead connection fails cleanly; it is not silently repeated. */
    kill_backend(c, &a);
    cr_assert_eq(db_exec(c, "UPDATE item SET amount = amount + 1", DB_NOARGS), WT_UNAVAILABLE);
    /* The next use reconnects and prepares its statements again. */
    cr_assert_eq(db_query(c, &a, &r, "SELECT amount FROM item WHERE name = ?", DB_ARGS(DB_T("terug"))), WT_OK,
                 "%s", db_last_error(c));
    cr_assert_eq(db_get_int(&r, 0, 0), 1, "the failed write did not happen");

    /* A read outside a transaction on a dead connection is retried on a fresh one. */
    kill_backend(c, &a);
    cr_assert_eq(db_query(c, &a, &r, "SELECT amount FROM item WHERE name = ?", DB_ARGS(DB_T("terug"))), WT_OK,
                 "%s", db_last_error(c));

    /* Inside a transaction the loss is reported; after the rollback all is well again. */
    cr_assert_eq(db_begin_write(c), WT_OK);
    add_item(c, "verloren", 1);
    kill_backend(c, &a);
    cr_assert_eq(db_query(c, &a, &r, "SELECT COUNT(*) FROM item", DB_NOARGS), WT_UNAVAILABLE);
    cr_assert_eq(db_commit(c), WT_UNAVAILABLE);
    cr_assert_eq(db_rollback(c), WT_OK);
    cr_assert_eq(count_items(c, &a), 1, "the lost transaction left nothing");

    /* BEGIN on a dead connection reconnects by itself. */
    kill_backend(c, &a);
    cr_assert_eq(db_begin_write(c), WT_OK, "%s", db_last_error(c));
    add_item(c, "nieuw", 2);
    cr_assert_eq(db_commit(c), WT_OK);
    cr_assert_eq(count_items(c, &a), 2);
    db_close(c);
    arena_free(&a);
}

Test(db_pgsql, commit_after_an_error_in_the_transaction_is_refused)
{
    arena a;
    arena_init(&a);
    db *c = with_items(&a);
    add_item(c, "een", 1);
    cr_assert_eq(db_begin_write(c), WT_OK);
    add_item(c, "twee", 2);
    cr_assert_eq(db_exec(c, "INSERT INTO item (name) VALUES (?)", DB_ARGS(DB_T("een"))), WT_CONFLICT);
    /* PostgreSQL aborted the transaction: a commit must not pretend to succeed. */
    cr_assert_eq(db_commit(c), WT_DBERROR);
    cr_assert_not_null(strstr(db_last_error(c), "aborted"));
    cr_assert_eq(count_items(c, &a), 1);
    db_close(c);
    arena_free(&a);
}
