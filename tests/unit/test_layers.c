/*
 * Unit tests of layered support: every action carries a layer (the plan
 * refuses one without), the plan counts its actions per layer, and the case
 * list finds the cases that lean on the second line (an open second-line
 * action), and no others.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/case/case.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/plan/plan.h"

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
    int64_t cases[3];
} fixture;

static fixture fx;

static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-layers-XXXXXX");
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", fx.dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &fx.c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(fx.c, &fx.a, &err), WT_OK, "%s", err ? err : "");
    cr_assert_eq(db_exec_script(fx.c,
                                "INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'L', '2026-01-01');"
                                "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at)"
                                " VALUES (1, 'w1', 'Werker Een', 'x', 'worker', 1, '2026-01-01');"
                                "INSERT INTO household (id, team_id, name, created_at) VALUES (1, 1, 'A', '2026-01-01'),"
                                " (2, 1, 'B', '2026-01-01'), (3, 1, 'C', '2026-01-01');"),
                 WT_OK);
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    fx.ctx.who = (actor){.user_id = 1, .role = ROLE_WORKER, .team_id = 1};
    date_set_today("2026-03-10");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
    for (int i = 0; i < 3; i++) {
        errors e;
        errors_init(&e, &fx.a);
        case_open_input in = {i + 1, "Zorgen", 0};
        cr_assert_eq(case_open(&fx.ctx, &in, &e, &fx.cases[i]), WT_OK);
    }
}

static void teardown_db(void)
{
    date_set_today(NULL);
    db_rollback(fx.c);
    db_close(fx.c);
    arena_free(&fx.a);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/t.db%s", fx.dir, suffix[i]);
        unlink(path);
    }
    rmdir(fx.dir);
}

static int64_t action(int64_t case_id, const char *layer, errors *e, wt_status want)
{
    errors_init(e, &fx.a);
    int64_t goal = 0, id = 0;
    goal_input g = {"health", "", "", "Beter slapen", NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, case_id, &g, e, &goal), WT_OK);
    action_input x = {.body = "Gesprek", .layer = layer, .performer = "Iemand"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &x, e, &id, NULL), want, "%s", layer ? layer : "NULL");
    return id;
}

static int listed(bool second_line)
{
    case_filter f = {CASE_FILTER_OPEN, 0, 10, 0, second_line};
    case_page pg;
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    return pg.total;
}

TestSuite(layers, .init = setup_db, .fini = teardown_db);

Test(layers, every_action_has_a_layer)
{
    errors e;
    action(fx.cases[0], NULL, &e, WT_INVALID);
    cr_assert_not_null(errors_get(&e, "layer"));
    action(fx.cases[0], "specialist", &e, WT_INVALID);
    cr_assert_not_null(errors_get(&e, "layer"));
    action(fx.cases[0], "network", &e, WT_OK);
    action(fx.cases[0], "self", &e, WT_OK);
    plan_view p;
    cr_assert_eq(plan_get(&fx.ctx, fx.cases[0], &p), WT_OK);
    cr_assert_eq(p.layer_counts[plan_layer_index("network")], 1);
    cr_assert_eq(p.layer_counts[plan_layer_index("self")], 1);
    cr_assert_eq(p.layer_counts[plan_layer_index("second_line")], 0);
}

Test(layers, the_case_list_finds_cases_leaning_on_the_second_line)
{
    errors e;
    action(fx.cases[0], "network", &e, WT_OK);
    int64_t specialist = action(fx.cases[1], "second_line", &e, WT_OK);
    cr_assert_eq(listed(false), 3);
    cr_assert_eq(listed(true), 1);
    case_filter f = {CASE_FILTER_OPEN, 0, 10, 0, true};
    case_page pg;
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.items[0].id, fx.cases[1]);
    action_input done = {.status = "done"};
    errors_init(&e, &fx.a);
    cr_assert_eq(plan_update_action(&fx.ctx, specialist, &done, &e, NULL), WT_OK);
    cr_assert_eq(listed(true), 0, "a finished second-line action no longer counts");
}
