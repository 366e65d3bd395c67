/*
 * Unit tests of the case rules against a real SQLite database: one open case
 * per household (also when two requests race), one coordinator and who may be
 * one, hand-over, closing, the one access function, and the audit entries.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/case/case.h"
#include "../../src/case/case_db.h"
#include "../../src/casemember/casemember.h"
#include "../../src/contact/contact.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/plan/plan.h"

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
} fixture;

static fixture fx;

static void exec_ok(const char *sql)
{
    cr_assert_eq(db_exec_script(fx.c, sql), WT_OK, "%s: %s", sql, db_last_error(fx.c));
}

static int64_t count_rows(const char *sql)
{
    db_result r;
    cr_assert_eq(db_query(fx.c, &fx.a, &r, sql, DB_NOARGS), WT_OK, "%s", sql);
    return db_get_int(&r, 0, 0);
}

static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-case-XXXXXX");
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", fx.dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &fx.c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(fx.c, &fx.a, &err), WT_OK, "%s", err ? err : "");
    exec_ok("INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
            " (2, 'Twee', 'Leeuwarden', '2026-01-01');"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, disabled, created_at) VALUES"
            " (1, 'w1', 'Werker Een', 'x', 'worker', 1, 0, '2026-01-01'),"
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, 0, '2026-01-01'),"
            " (3, 'adm', 'Beheer', 'x', 'admin', NULL, 0, '2026-01-01'),"
            " (4, 'tl1', 'Leider Een', 'x', 'teamleader', 1, 0, '2026-01-01'),"
            " (5, 'w3', 'Werker Drie', 'x', 'worker', 1, 0, '2026-01-01'),"
            " (6, 'old', 'Oud Lid', 'x', 'worker', 1, 1, '2026-01-01'),"
            " (7, 'pol', 'Beleid', 'x', 'policy', NULL, 0, '2026-01-01');"
            "INSERT INTO household (id, team_id, name, created_at) VALUES (1, 1, 'Huishouden De Vries', '2026-01-01'),"
            " (2, 1, 'Huishouden Bakker', '2026-01-01'), (3, 2, 'Huishouden Anders', '2026-01-01');");
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    date_set_today("2026-03-15");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
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

static void act_as(int64_t user_id, wt_role role, int64_t team_id)
{
    fx.ctx.who = (actor){.user_id = user_id, .role = role, .team_id = team_id, .display_name = "x"};
    fx.ctx.audit_head = fx.ctx.audit_tail = NULL;
}

static const audit_entry *find_audit(audit_action action, const char *entity)
{
    for (audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        if (e->action == action && strcmp(e->entity, entity) == 0)
            return e;
    return NULL;
}

static int64_t open_case(int64_t household_id, int64_t coordinator_id)
{
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {household_id, "Schulden en zorgen om de kinderen", coordinator_id};
    int64_t id = 0;
    wt_status st = case_open(&fx.ctx, &in, &e, &id);
    cr_assert_eq(st, WT_OK, "open: %s (%s)", wt_status_name(st), e.head ? e.head->message : "");
    return id;
}

TestSuite(case_rules, .init = setup_db, .fini = teardown_db);

/* ---- who may coordinate (pure) ------------------------------------------------------------------------------------ */

Test(case_coordinator, only_active_workers_and_team_leaders_of_the_same_team)
{
    cr_assert(case_may_coordinate(ROLE_WORKER, 1, false, 1));
    cr_assert(case_may_coordinate(ROLE_TEAMLEADER, 1, false, 1));
    cr_assert_not(case_may_coordinate(ROLE_WORKER, 2, false, 1), "another team");
    cr_assert_not(case_may_coordinate(ROLE_WORKER, 1, true, 1), "disabled");
    cr_assert_not(case_may_coordinate(ROLE_ADMIN, 1, false, 1));
    cr_assert_not(case_may_coordinate(ROLE_POLICY, 1, false, 1));
    cr_assert_not(case_may_coordinate(ROLE_WORKER, 0, false, 1), "no team");
    cr_assert_not(case_may_coordinate(ROLE_WORKER, 1, false, 0), "case without team");
}

/* ---- opening ------------------------------------------------------------------------------------------------------ */

Test(case_rules, opens_a_case_with_its_plan_and_the_actor_as_coordinator)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    cr_assert_eq(c.coordinator_id, 1);
    cr_assert_eq(c.team_id, 1);
    cr_assert_str_eq(c.status, "open");
    cr_assert_str_eq(c.opened_on, "2026-03-15");
    cr_assert_str_eq(c.household_name, "Huishouden De Vries");
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM plan WHERE case_id = 1 AND version = 1"), 1);
    const audit_entry *created = find_audit(AUDIT_CREATE, "case");
    cr_assert_not_null(created);
    cr_assert_eq(created->case_id, id);
    cr_assert_eq(created->household_id, 1);
}

Test(case_rules, refuses_a_second_open_case_for_a_household)
{
    act_as(1, ROLE_WORKER, 1);
    open_case(1, 0);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {1, "Nog een keer", 0};
    int64_t id = 0;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &id), WT_CONFLICT);
    cr_assert_not_null(errors_get(&e, "household_id"));
    cr_assert(strstr(errors_get(&e, "household_id"), "al een open casus"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases WHERE household_id = 1"), 1);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM plan"), 1, "no second plan half-written");
}

Test(case_rules, a_race_past_the_check_is_stopped_by_the_index_as_a_conflict)
{
    act_as(1, ROLE_WORKER, 1);
    open_case(1, 0);
    /* A second request that passed its check before the first committed reaches the insert. */
    case_open_input in = {1, "Gelijktijdig", 1};
    int64_t id = 0;
    cr_assert_eq(case_db_insert(fx.c, &in, 1, "2026-03-15", &id), WT_CONFLICT);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases WHERE household_id = 1 AND status = 'open'"), 1);
}

Test(case_rules, a_new_case_can_be_opened_after_closing)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t first = open_case(1, 0);
    errors e;
    errors_init(&e, &fx.a);
    int open_actions = -1;
    case_close_input cl = {"goals_achieved", NULL, false};
    cr_assert_eq(case_close(&fx.ctx, first, &cl, &e, &open_actions), WT_OK);
    int64_t second = open_case(1, 0);
    cr_assert_neq(first, second);
}

Test(case_rules, the_coordinator_must_be_an_active_member_of_the_team)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t bad[] = {2 /* other team */, 3 /* admin */, 6 /* disabled */, 7 /* policy */, 999 /* unknown */};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errors e;
        errors_init(&e, &fx.a);
        case_open_input in = {1, "Reden", bad[i]};
        int64_t id = 0;
        cr_assert_eq(case_open(&fx.ctx, &in, &e, &id), WT_INVALID, "coordinator %lld", (long long)bad[i]);
        cr_assert_not_null(errors_get(&e, "coordinator_id"));
    }
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases"), 0);
    /* A team leader and another worker of the team may be chosen. */
    cr_assert_eq(open_case(1, 4), 1);
    cr_assert_eq(open_case(2, 5), 2);
}

Test(case_rules, the_reason_is_required_and_limited)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {1, "   ", 0};
    int64_t id = 0;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "reason"));
    char *longtext = arena_alloc(&fx.a, CASE_TEXT_MAX + 2);
    memset(longtext, 'x', CASE_TEXT_MAX + 1);
    errors_init(&e, &fx.a);
    in.reason = longtext;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &id), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "reason"), "4000"));
    errors_init(&e, &fx.a);
    in.reason = "ongeldig \xff";
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &id), WT_INVALID);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases"), 0);
}

/* ---- access ------------------------------------------------------------------------------------------------------- */

Test(case_rules, administrator_and_policy_officer_never_see_case_content)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    wt_case c;
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_FORBIDDEN);
    cr_assert_eq(case_get(&fx.ctx, 12345, &c), WT_FORBIDDEN, "not even existence");
    plan_view p;
    cr_assert_eq(plan_get(&fx.ctx, id, &p), WT_FORBIDDEN);
    act_as(7, ROLE_POLICY, 0);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_FORBIDDEN);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {2, "Reden", 0};
    int64_t nid;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &nid), WT_FORBIDDEN);
    case_page pg;
    case_filter f = {CASE_FILTER_ALL, 0, 10, 0, false};
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_FORBIDDEN);
    cr_assert_null(fx.ctx.audit_head, "nothing read, nothing logged");
}

Test(case_rules, a_worker_of_another_team_does_not_learn_that_the_case_exists)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    act_as(2, ROLE_WORKER, 2);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_NOTFOUND);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {2, "Reden", 0};
    int64_t nid;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &nid), WT_NOTFOUND, "household of another team");
    case_page pg;
    case_filter f = {CASE_FILTER_ALL, 0, 10, 0, false};
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.total, 0);
}

Test(case_rules, reading_a_case_is_logged_with_case_and_household)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(2, 0);
    errors err;
    errors_init(&err, &fx.a);
    int64_t member = 0;
    cr_assert_eq(casemember_add(&fx.ctx, id, 5, "Tweede gesprek samen", &err, &member), WT_OK);
    act_as(5, ROLE_WORKER, 1);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    const audit_entry *e = find_audit(AUDIT_READ, "case");
    cr_assert_not_null(e);
    cr_assert_eq(e->entity_id, id);
    cr_assert_eq(e->case_id, id);
    cr_assert_eq(e->household_id, 2);
}

/* ---- hand-over ---------------------------------------------------------------------------------------------------- */

Test(case_rules, the_coordinator_hands_over_and_it_is_recorded)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(case_handover(&fx.ctx, id, 5, "Vakantie van drie weken", &e), WT_OK);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    cr_assert_eq(c.coordinator_id, 5);
    case_handover_rec *hs;
    int n = 0;
    cr_assert_eq(case_handovers(&fx.ctx, &c, &hs, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(hs[0].from_user_id, 1);
    cr_assert_eq(hs[0].to_user_id, 5);
    cr_assert_eq(hs[0].by_user_id, 1);
    cr_assert_str_eq(hs[0].reason, "Vakantie van drie weken");
    cr_assert_not_null(hs[0].at);
    cr_assert_not_null(find_audit(AUDIT_UPDATE, "case_handover"));
}

Test(case_rules, only_the_coordinator_or_the_team_leader_hands_over)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    errors e;
    errors_init(&e, &fx.a);
    act_as(5, ROLE_WORKER, 1);
    cr_assert_eq(case_handover(&fx.ctx, id, 5, "Ik neem het over", &e), WT_FORBIDDEN);
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(case_handover(&fx.ctx, id, 2, "Ander team", &e), WT_NOTFOUND);
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(case_handover(&fx.ctx, id, 5, "Beheer", &e), WT_FORBIDDEN);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM case_handover"), 0);
    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_eq(case_handover(&fx.ctx, id, 5, "Verdeling caseload", &e), WT_OK);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM case_handover WHERE by_user_id = 4 AND from_user_id = 1"), 1);
}

Test(case_rules, hand_over_needs_a_new_eligible_coordinator_and_a_reason)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    struct { int64_t to; const char *reason; const char *field; } bad[] = {
        {1, "Reden", "to_user_id"},     /* already the coordinator */
        {0, "Reden", "to_user_id"},     /* nobody */
        {2, "Reden", "to_user_id"},     /* another team */
        {6, "Reden", "to_user_id"},     /* disabled */
        {3, "Reden", "to_user_id"},     /* administrator */
        {5, "", "reason"},              /* no reason */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errors e;
        errors_init(&e, &fx.a);
        cr_assert_eq(case_handover(&fx.ctx, id, bad[i].to, bad[i].reason, &e), WT_INVALID, "case %zu", i);
        cr_assert_not_null(errors_get(&e, bad[i].field), "case %zu names %s", i, bad[i].field);
    }
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM case_handover"), 0);
    cr_assert_eq(count_rows("SELECT coordinator_id FROM cases WHERE id = 1"), 1);
}

/* ---- closing ------------------------------------------------------------------------------------------------------ */

Test(case_rules, closing_needs_a_reason_from_the_list_and_a_note_for_other)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    int open_actions;
    errors e;
    errors_init(&e, &fx.a);
    case_close_input in = {"because", NULL, false};
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "close_reason"));
    errors_init(&e, &fx.a);
    in = (case_close_input){"other", "  ", false};
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "note"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases WHERE status = 'open'"), 1);
    errors_init(&e, &fx.a);
    in = (case_close_input){"moved_away", "Verhuisd naar Drachten", false};
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_OK);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    cr_assert_str_eq(c.status, "closed");
    cr_assert_str_eq(c.closed_on, "2026-03-15");
    cr_assert_str_eq(c.close_reason, "moved_away");
    cr_assert_str_eq(c.close_note, "Verhuisd naar Drachten");
    cr_assert_str_eq(case_close_reason_label("moved_away"), "Verhuisd");
}

Test(case_rules, open_plan_actions_make_closing_require_confirmation)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    errors e;
    errors_init(&e, &fx.a);
    int64_t goal = 0, action = 0;
    goal_input g = {"money", "", "", "Rekeningen op tijd betalen", NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, id, &g, &e, &goal), WT_OK);
    action_input a = {.body = "Budgetcursus volgen", .layer = "volunteer", .performer = "Schuldhulpmaatje"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &action, NULL), WT_OK);
    int open_actions = 0;
    case_close_input in = {"goals_achieved", NULL, false};
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_INVALID);
    cr_assert_eq(open_actions, 1);
    cr_assert_not_null(errors_get(&e, "confirm"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases WHERE status = 'open'"), 1);
    errors_init(&e, &fx.a);
    in.confirm = true;
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_OK);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM action WHERE status = 'planned'"), 1, "actions stay as they were");
}

Test(case_rules, a_closed_case_is_read_only)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = open_case(1, 0);
    errors e;
    errors_init(&e, &fx.a);
    int open_actions;
    case_close_input in = {"no_longer_needed", NULL, false};
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_OK);
    errors_init(&e, &fx.a);
    cr_assert_eq(case_close(&fx.ctx, id, &in, &e, &open_actions), WT_CONFLICT, "closed twice");
    errors_init(&e, &fx.a);
    cr_assert_eq(case_handover(&fx.ctx, id, 5, "Reden", &e), WT_CONFLICT);
    errors_init(&e, &fx.a);
    int64_t gid;
    goal_input g = {"housing", "", "", "Een huis", NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, id, &g, &e, &gid), WT_CONFLICT);
    errors_init(&e, &fx.a);
    cr_assert_eq(plan_set_strengths(&fx.ctx, id, "Sterk", &e), WT_CONFLICT);
    errors_init(&e, &fx.a);
    int64_t kid;
    contact_input k = {"phone", "2026-03-14", "10", "Nagebeld"};
    cr_assert_eq(contact_add(&fx.ctx, id, &k, &e, &kid), WT_CONFLICT);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM goal") + count_rows("SELECT COUNT(*) FROM contact"), 0);
}

/* ---- list, caseload, work queue ----------------------------------------------------------------------------------- */

Test(case_rules, the_list_filters_by_status_and_coordinator_and_pages)
{
    act_as(1, ROLE_WORKER, 1);
    open_case(1, 0);
    open_case(2, 5);
    case_page pg;
    case_filter f = {CASE_FILTER_OPEN, 0, 10, 0, false};
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.total, 2);
    f.coordinator_id = 5;
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.total, 1);
    cr_assert_eq(pg.items[0].household_id, 2);
    f = (case_filter){CASE_FILTER_CLOSED, 0, 10, 0, false};
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.total, 0);
    f = (case_filter){CASE_FILTER_ALL, 0, 1, 1, false};
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.total, 2);
    cr_assert_eq(pg.n, 1);
    cr_assert_not_null(find_audit(AUDIT_SEARCH, "case"));
}

Test(case_rules, caseload_is_for_the_team_leader_of_the_team)
{
    act_as(1, ROLE_WORKER, 1);
    open_case(1, 0);
    open_case(2, 0);
    caseload_row *rows;
    int n = 0;
    cr_assert_eq(case_caseload(&fx.ctx, 1, &rows, &n), WT_FORBIDDEN);
    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_eq(case_caseload(&fx.ctx, 2, &rows, &n), WT_FORBIDDEN, "another team");
    cr_assert_eq(case_caseload(&fx.ctx, 1, &rows, &n), WT_OK);
    cr_assert_eq(n, 3, "active workers and the team leader of team 1");
    cr_assert_eq(rows[0].user_id, 1);
    cr_assert_eq(rows[0].open_cases, 2);
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(case_caseload(&fx.ctx, 1, &rows, &n), WT_FORBIDDEN);
}

Test(case_rules, the_work_queue_shows_own_cases_due_actions_and_recent_hand_overs)
{
    act_as(4, ROLE_TEAMLEADER, 1);
    int64_t mine = open_case(1, 1);
    int64_t handed = open_case(2, 4);
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(case_handover(&fx.ctx, handed, 1, "Past beter bij Werker Een", &e), WT_OK);
    int64_t goal;
    goal_input g = {"work", "", "", "Werk vinden", NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, mine, &g, &e, &goal), WT_OK);
    int64_t soon, later, done;
    action_input a = {.body = "Cv maken", .layer = "team", .has_performer_user = true, .performer_user_id = 1,
                      .has_due_on = true, .due_on = "2026-03-20"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &soon, NULL), WT_OK);
    a.body = "Sollicitatie";
    a.due_on = "2026-04-30";
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &later, NULL), WT_OK);
    a.body = "Intake UWV";
    a.due_on = "2026-03-16";
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &done, NULL), WT_OK);
    action_input st = {.status = "done"};
    cr_assert_eq(plan_update_action(&fx.ctx, done, &st, &e, NULL), WT_OK);
    /* An overdue action: written before today moved on. */
    exec_ok("UPDATE action SET due_on = '2026-03-01' WHERE body = 'Sollicitatie'");

    act_as(1, ROLE_WORKER, 1);
    worklist w;
    cr_assert_eq(case_worklist(&fx.ctx, &w), WT_OK);
    cr_assert_eq(w.total_cases, 2);
    cr_assert_eq(w.n_actions, 2, "due soon and overdue; not the done one");
    cr_assert_str_eq(w.actions[0].due_on, "2026-03-01");
    cr_assert(w.actions[0].overdue);
    cr_assert_eq(w.actions[1].action_id, soon);
    cr_assert_not(w.actions[1].overdue);
    cr_assert_eq(w.n_handovers, 1);
    cr_assert_eq(w.handovers[0].case_id, handed);
    cr_assert_str_eq(w.handovers[0].from_name, "Leider Een");
    act_as(7, ROLE_POLICY, 0);
    cr_assert_eq(case_worklist(&fx.ctx, &w), WT_FORBIDDEN);
}
