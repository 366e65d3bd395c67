/*
 * db_fixture.h - a fresh SQLite database for the rule tests of one suite:
 * a temporary directory, the schema migrated, the suite's rows inserted, one
 * write transaction open (rolled back at the end), and an actor to act as.
 *
 *   static void setup(void) { fx_open("case", "INSERT INTO team ..."); }
 *   TestSuite(case_rules, .init = setup, .fini = fx_close);
 *
 * Every function is static inline: each test file has its own fixture.
 */
#ifndef WT_TEST_DB_FIXTURE_H
#define WT_TEST_DB_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
} fixture;

static fixture fx;

static inline void exec_ok(const char *sql)
{
    cr_assert_eq(db_exec_script(fx.c, sql), WT_OK, "%s: %s", sql, db_last_error(fx.c));
}

/* The first column of the first row (-1 when there is none). */
static inline int64_t fx_scalar(const char *sql)
{
    db_result r;
    cr_assert_eq(db_query(fx.c, &fx.a, &r, sql, DB_NOARGS), WT_OK, "%s", sql);
    return r.nrows ? db_get_int(&r, 0, 0) : -1;
}

static inline void fx_open(const char *name, const char *seed_sql)
{
    snprintf(fx.dir, sizeof fx.dir, "/tmp/wt-unit-%s-XXXXXX", name);
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", fx.dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &fx.c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(fx.c, &fx.a, &err), WT_OK, "%s", err ? err : "");
    if (seed_sql)
        exec_ok(seed_sql);
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
}

static inline void fx_close(void)
{
    db_rollback(fx.c);
    db_close(fx.c);
    arena_free(&fx.a);
    static const char *const files[] = {"t.db", "t.db-wal", "t.db-shm"};
    char path[128];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", fx.dir, files[i]);
        unlink(path);
    }
    rmdir(fx.dir);
}

/*
 * Acts as this user from now on, as in a new request: the audit entries collected so far,
 * the reason of the access and the case refused on need-to-know grounds are forgotten.
 */
static inline void act_as(int64_t user_id, wt_role role, int64_t team_id)
{
    fx.ctx.who = (actor){.user_id = user_id, .role = role, .team_id = team_id, .display_name = "x"};
    fx.ctx.audit_head = fx.ctx.audit_tail = NULL;
    fx.ctx.reason = NULL;
    fx.ctx.need_to_know_case = 0;
}

/* The first audit entry of this kind collected since act_as (NULL when there is none). */
static inline const audit_entry *find_audit(audit_action action, const char *entity)
{
    for (audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        if (e->action == action && strcmp(e->entity, entity) == 0)
            return e;
    return NULL;
}

/* Audit entries of this kind collected since act_as. */
static inline int count_audit(audit_action action, const char *entity)
{
    int n = 0;
    for (audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        if (e->action == action && strcmp(e->entity, entity) == 0)
            n++;
    return n;
}

#endif
