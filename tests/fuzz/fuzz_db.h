/*
 * fuzz_db.h - what the importers' harnesses share: one in-memory SQLite
 * database with the schema migrated, opened on the first input, and a
 * context acting as the console (the administrator). Each input runs in a
 * write transaction that is rolled back afterwards, so every input meets the
 * same empty database; its arena is freed after it.
 */
#ifndef WT_FUZZ_DB_H
#define WT_FUZZ_DB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/date.h"
#include "../../src/core/log.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"

static db *fuzz_db;
static arena fuzz_setup_arena;

static void fuzz_db_open(void)
{
    if (fuzz_db)
        return;
    log_set_level(LOG_WARN);
    arena_init(&fuzz_setup_arena);
    const char *err = NULL;
    if (db_open("sqlite::memory:", &fuzz_db, &fuzz_setup_arena, &err) != WT_OK ||
        migrate_up(fuzz_db, &fuzz_setup_arena, &err) != WT_OK) {
        fprintf(stderr, "fuzz: cannot set up the database: %s\n", err ? err : "?");
        abort();
    }
    date_set_today("2026-11-23");
}

/* A context for one input: the console as administrator, inside a write transaction. */
static void fuzz_begin(wt_ctx *ctx, arena *a)
{
    fuzz_db_open();
    arena_init(a);
    memset(ctx, 0, sizeof *ctx);
    ctx->db = fuzz_db;
    ctx->a = a;
    ctx->who = (actor){.user_id = 0, .role = ROLE_ADMIN, .display_name = "console"};
    if (db_begin_write(fuzz_db) != WT_OK)
        abort();
}

static void fuzz_end(arena *a)
{
    db_rollback(fuzz_db);
    arena_free(a);
}

#endif
