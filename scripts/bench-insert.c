/*
 * bench-insert.c - SQLite's raw insert rate on this machine, the yardstick of
 * `make bench` for wijkteam's bulk imports: N rows of six columns (a key, short
 * texts, numbers, as a person or address row) through one prepared statement
 * with bound parameters, in one transaction, into a new file in WAL mode with
 * synchronous=NORMAL (wijkteam's own settings). Prints rows per second.
 *   cc -O2 -o bench-insert scripts/bench-insert.c -lsqlite3 && ./bench-insert /tmp/x.db 1000000
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s FILE ROWS\n", argv[0]);
        return 2;
    }
    long rows = atol(argv[2]);
    sqlite3 *h = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_open(argv[1], &h) != SQLITE_OK ||
        sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                        "CREATE TABLE t (id INTEGER PRIMARY KEY, given TEXT NOT NULL, family TEXT NOT NULL,"
                        " birth TEXT, household INTEGER NOT NULL, lat REAL)", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(h, "INSERT INTO t (id, given, family, birth, household, lat) VALUES (?, ?, ?, ?, ?, ?)", -1,
                           &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench-insert: %s\n", sqlite3_errmsg(h));
        return 1;
    }
    double t0 = now();
    sqlite3_exec(h, "BEGIN", NULL, NULL, NULL);
    char given[32], family[32], birth[16];
    for (long i = 1; i <= rows; i++) {
        snprintf(given, sizeof given, "Voornaam%ld", i % 997);
        snprintf(family, sizeof family, "Achternaam%ld", i % 7919);
        snprintf(birth, sizeof birth, "19%02ld-%02ld-%02ld", 30 + i % 70, 1 + i % 12, 1 + i % 28);
        sqlite3_bind_int64(st, 1, i);
        sqlite3_bind_text(st, 2, given, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, family, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, birth, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 5, i / 2 + 1);
        sqlite3_bind_double(st, 6, 53.2 + (double)(i % 1000) / 10000.0);
        if (sqlite3_step(st) != SQLITE_DONE) {
            fprintf(stderr, "bench-insert: %s\n", sqlite3_errmsg(h));
            return 1;
        }
        sqlite3_reset(st);
    }
    sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
    double secs = now() - t0;
    sqlite3_finalize(st);
    sqlite3_close(h);
    printf("%.0f\n", (double)rows / secs);
    return 0;
}
