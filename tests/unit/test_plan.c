/*
 * Unit tests of the plan and contact rules: due and overdue actions, the
 * agreement and plan versions, the mandatory layer, date rules, who may carry
 * out an action, the layer counts, and the contact timeline's rules.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/case/case.h"
#include "../../src/contact/contact.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/plan/plan.h"

/* ---- pure rules --------------------------------------------------------------------------------------------------- */

static wt_date day(const char *iso)
{
    wt_date d;
    cr_assert(date_parse(iso, &d));
    return d;
}

Test(plan_activity, only_network_and_volunteer_actions_point_to_an_activity_of_the_case_team)
{
    wt_date today = day("2026-05-10");
    plan_activity_ref walk = {true, 7, "2026-01-01", "2026-12-31"};
    cr_assert_null(plan_activity_refusal("network", &walk, 7, true, today));
    cr_assert_null(plan_activity_refusal("volunteer", &walk, 7, true, today));
    cr_assert_not_null(plan_activity_refusal("self", &walk, 7, true, today));
    cr_assert_not_null(plan_activity_refusal("team", &walk, 7, true, today));
    cr_assert_not_null(plan_activity_refusal("second_line", &walk, 7, true, today));
    cr_assert_not_null(plan_activity_refusal(NULL, &walk, 7, true, today));
    /* Another team's activity and one that does not exist get the same answer: existence does not leak. */
    plan_activity_ref none = {0};
    const char *other = plan_activity_refusal("network", &walk, 8, true, today);
    cr_assert_not_null(other);
    cr_assert_str_eq(other, plan_activity_refusal("network", &none, 7, true, today));
}

Test(plan_activity, a_newly_chosen_activity_is_still_to_come_or_running)
{
    wt_date today = day("2026-05-10");
    plan_activity_ref later = {true, 7, "2026-05-10", NULL};      /* starts today */
    plan_activity_ref running = {true, 7, "2026-01-01", "2026-05-10"}; /* ends today */
    plan_activity_ref over = {true, 7, "2026-01-01", "2026-05-09"};
    plan_activity_ref once_past = {true, 7, "2026-05-09", NULL};  /* a one-day activity yesterday */
    cr_assert_null(plan_activity_refusal("network", &later, 7, true, today));
    cr_assert_null(plan_activity_refusal("network", &running, 7, true, today));
    cr_assert_not_null(plan_activity_refusal("network", &over, 7, true, today));
    cr_assert_not_null(plan_activity_refusal("network", &once_past, 7, true, today));
    /* An action that already pointed there keeps it when it is changed otherwise. */
    cr_assert_null(plan_activity_refusal("network", &over, 7, false, today));
    /* ...but not when its layer moves away from network or volunteer. */
    cr_assert_not_null(plan_activity_refusal("team", &over, 7, false, today));
}

Test(plan_due, overdue_soon_later_and_none)
{
    wt_date today = day("2026-03-15");
    cr_assert_eq(plan_due_state("2026-03-14", "planned", today), DUE_OVERDUE);
    cr_assert_eq(plan_due_state("2026-03-15", "in_progress", today), DUE_SOON, "due today");
    cr_assert_eq(plan_due_state("2026-03-22", "planned", today), DUE_SOON, "within a week");
    cr_assert_eq(plan_due_state("2026-03-23", "planned", today), DUE_LATER);
    cr_assert_eq(plan_due_state("2026-03-01", "done", today), DUE_NONE, "done is never overdue");
    cr_assert_eq(plan_due_state("2026-03-01", "cancelled", today), DUE_NONE);
    cr_assert_eq(plan_due_state(NULL, "planned", today), DUE_NONE);
    cr_assert_eq(plan_due_state("not a date", "planned", today), DUE_NONE);
}

Test(plan_agreement, outdated_only_after_a_later_change)
{
    cr_assert_not(plan_agreement_outdated(3, NULL, 0), "never agreed");
    cr_assert_not(plan_agreement_outdated(3, "2026-03-01", 3));
    cr_assert(plan_agreement_outdated(4, "2026-03-01", 3));
}

Test(plan_codes, domains_layers_and_labels)
{
    cr_assert(plan_code_valid(plan_domains, "money"));
    cr_assert_not(plan_code_valid(plan_domains, "finance"));
    cr_assert_not(plan_code_valid(plan_domains, NULL));
    cr_assert_str_eq(plan_label(plan_domains, "money"), "Geld & schulden");
    cr_assert_str_eq(plan_label(plan_layers, "second_line"), "specialist (tweede lijn)");
    cr_assert_eq(plan_layer_index("self"), 0);
    cr_assert_eq(plan_layer_index("second_line"), 4);
    cr_assert_eq(plan_layer_index("nope"), -1);
}

Test(contact_rules, validation_names_each_field)
{
    arena a;
    arena_init(&a);
    date_set_today("2026-03-15");
    errors e;
    int minutes = -1;
    errors_init(&e, &a);
    contact_validate(&a, &(contact_input){"visit", "2026-03-15", "1440", "Huisbezoek"}, &e, &minutes);
    cr_assert_eq(e.count, 0);
    cr_assert_eq(minutes, 1440);
    errors_init(&e, &a);
    contact_validate(&a, &(contact_input){"letter", "2026-03-16", "1441", ""}, &e, &minutes);
    cr_assert_not_null(errors_get(&e, "kind"));
    cr_assert(strstr(errors_get(&e, "happened_on"), "toekomst"));
    cr_assert_not_null(errors_get(&e, "minutes"));
    cr_assert_not_null(errors_get(&e, "summary"));
    errors_init(&e, &a);
    contact_validate(&a, &(contact_input){"phone", "15-03-2026", "-1", "Gebeld"}, &e, &minutes);
    cr_assert_not_null(errors_get(&e, "happened_on"));
    cr_assert_not_null(errors_get(&e, "minutes"));
    errors_init(&e, &a);
    contact_validate(&a, &(contact_input){"phone", "2026-03-01", "", "Gebeld"}, &e, &minutes);
    cr_assert_eq(e.count, 0);
    cr_assert_eq(minutes, 0, "no duration given is 0 minutes");
    date_set_today(NULL);
    arena_free(&a);
}

/* ---- against a database ------------------------------------------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
    int64_t case_id;
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
    strcpy(fx.dir, "/tmp/wt-unit-plan-XXXXXX");
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", fx.dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &fx.c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(fx.c, &fx.a, &err), WT_OK, "%s", err ? err : "");
    exec_ok("INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
            " (2, 'Twee', 'Leeuwarden', '2026-01-01');"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at) VALUES"
            " (1, 'w1', 'Werker Een', 'x', 'worker', 1, '2026-01-01'),"
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, '2026-01-01'),"
            " (3, 'adm', 'Beheer', 'x', 'admin', NULL, '2026-01-01');"
            "INSERT INTO household (id, team_id, name, created_at) VALUES (1, 1, 'Huishouden De Vries', '2026-01-01');");
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    fx.ctx.who = (actor){.user_id = 1, .role = ROLE_WORKER, .team_id = 1, .display_name = "Werker Een"};
    date_set_today("2026-03-10");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {1, "Schulden", 0};
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &fx.case_id), WT_OK);
    date_set_today("2026-03-15");
    fx.ctx.audit_head = fx.ctx.audit_tail = NULL;
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

static int plan_version(void)
{
    plan_view p;
    cr_assert_eq(plan_get(&fx.ctx, fx.case_id, &p), WT_OK);
    return p.version;
}

static int64_t add_goal(const char *domain, const char *body)
{
    errors e;
    errors_init(&e, &fx.a);
    int64_t id = 0;
    goal_input g = {domain, "De post blijft liggen", "Dochter helpt graag", body, NULL};
    wt_status st = plan_add_goal(&fx.ctx, fx.case_id, &g, &e, &id);
    cr_assert_eq(st, WT_OK, "goal: %s", e.head ? e.head->message : wt_status_name(st));
    return id;
}

static int64_t add_action(int64_t goal, const char *layer, const char *due)
{
    errors e;
    errors_init(&e, &fx.a);
    int64_t id = 0;
    action_input a = {.body = "Samen de post openen", .layer = layer, .performer = "Dochter Anna",
                      .has_due_on = due != NULL, .due_on = due};
    wt_status st = plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL);
    cr_assert_eq(st, WT_OK, "action: %s", e.head ? e.head->message : wt_status_name(st));
    return id;
}

TestSuite(plan_rules, .init = setup_db, .fini = teardown_db);

Test(plan_rules, a_new_case_has_an_empty_plan_at_version_one)
{
    plan_view p;
    cr_assert_eq(plan_get(&fx.ctx, fx.case_id, &p), WT_OK);
    cr_assert_eq(p.version, 1);
    cr_assert_eq(p.n_goals, 0);
    cr_assert_null(p.agreed_on);
    cr_assert_str_eq(p.strengths, "");
    const audit_entry *e = fx.ctx.audit_head;
    cr_assert_not_null(e);
    cr_assert_str_eq(e->entity, "plan");
    cr_assert_eq(e->case_id, fx.case_id);
}

Test(plan_rules, every_change_raises_the_version_and_outdates_the_agreement)
{
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(plan_set_strengths(&fx.ctx, fx.case_id, "Veerkrachtig, goed netwerk", &e), WT_OK);
    cr_assert_eq(plan_version(), 2);
    cr_assert_eq(plan_set_strengths(&fx.ctx, fx.case_id, "Veerkrachtig, goed netwerk", &e), WT_OK);
    cr_assert_eq(plan_version(), 2, "no change, no new version");
    int64_t goal = add_goal("money", "Administratie op orde");
    cr_assert_eq(plan_version(), 3);
    cr_assert_eq(plan_agree(&fx.ctx, fx.case_id, "2026-03-14", &e), WT_OK);
    plan_view p;
    cr_assert_eq(plan_get(&fx.ctx, fx.case_id, &p), WT_OK);
    cr_assert_str_eq(p.agreed_on, "2026-03-14");
    cr_assert_eq(p.agreed_version, 3);
    cr_assert_not(plan_agreement_outdated(p.version, p.agreed_on, p.agreed_version));
    int64_t action = add_action(goal, "network", "2026-04-01");
    cr_assert_eq(plan_version(), 4);
    action_input st = {.status = "in_progress"};
    cr_assert_eq(plan_update_action(&fx.ctx, action, &st, &e, NULL), WT_OK);
    goal_input gs = {.status = "achieved"};
    cr_assert_eq(plan_update_goal(&fx.ctx, goal, &gs, &e, NULL), WT_OK);
    cr_assert_eq(plan_get(&fx.ctx, fx.case_id, &p), WT_OK);
    cr_assert_eq(p.version, 6);
    cr_assert_eq(p.agreed_version, 3);
    cr_assert(plan_agreement_outdated(p.version, p.agreed_on, p.agreed_version));
}

Test(plan_rules, agreement_date_rules)
{
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(plan_agree(&fx.ctx, fx.case_id, "2026-03-14", &e), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "agreed_on"), "zonder doelen"));
    add_goal("housing", "Een rustige woning");
    const char *bad[] = {"", "14-03-2026", "2026-03-16" /* future */, "2026-03-09" /* before opening */};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errors_init(&e, &fx.a);
        cr_assert_eq(plan_agree(&fx.ctx, fx.case_id, bad[i], &e), WT_INVALID, "%s", bad[i]);
        cr_assert_not_null(errors_get(&e, "agreed_on"));
    }
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM plan WHERE agreed_on IS NOT NULL"), 0);
    errors_init(&e, &fx.a);
    cr_assert_eq(plan_agree(&fx.ctx, fx.case_id, "2026-03-10", &e), WT_OK, "the day the case opened");
}

Test(plan_rules, goals_need_a_life_domain_and_a_short_goal)
{
    errors e;
    errors_init(&e, &fx.a);
    int64_t id;
    goal_input g = {"finance", "", "", "", NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, fx.case_id, &g, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "domain"));
    cr_assert_not_null(errors_get(&e, "body"));
    char longgoal[PLAN_GOAL_MAX + 2];
    memset(longgoal, 'a', sizeof longgoal - 1);
    longgoal[sizeof longgoal - 1] = '\0';
    errors_init(&e, &fx.a);
    g = (goal_input){"money", "", "", longgoal, NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, fx.case_id, &g, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "body"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM goal"), 0);
    cr_assert_eq(plan_version(), 1, "nothing changed");
    int64_t goal = add_goal("participation", "Meedoen aan de buurtmoestuin");
    errors_init(&e, &fx.a);
    goal_input st = {.status = "forgotten"};
    cr_assert_eq(plan_update_goal(&fx.ctx, goal, &st, &e, NULL), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "status"));
}

Test(plan_rules, the_layer_of_an_action_is_mandatory)
{
    int64_t goal = add_goal("care", "Hulp bij het huishouden");
    const char *layers[] = {NULL, "", "family"};
    for (size_t i = 0; i < 3; i++) {
        errors e;
        errors_init(&e, &fx.a);
        int64_t id;
        action_input a = {.body = "Boodschappen", .layer = layers[i], .performer = "Buurvrouw"};
        cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_INVALID);
        cr_assert_not_null(errors_get(&e, "layer"));
    }
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM action"), 0);
    int64_t x = add_action(goal, "self", NULL);
    errors e;
    errors_init(&e, &fx.a);
    action_input change = {.layer = "nothing"};
    cr_assert_eq(plan_update_action(&fx.ctx, x, &change, &e, NULL), WT_INVALID);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM action WHERE layer = 'self'"), 1);
}

Test(plan_rules, due_dates_are_real_and_not_in_the_past)
{
    int64_t goal = add_goal("health", "Naar de huisarts");
    errors e;
    errors_init(&e, &fx.a);
    int64_t id;
    action_input a = {.body = "Afspraak maken", .layer = "self", .performer = "Bewoner", .has_due_on = true,
                      .due_on = "2026-03-14"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "due_on"), "verleden"));
    errors_init(&e, &fx.a);
    a.due_on = "2026-02-30";
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "due_on"));
    int64_t x = add_action(goal, "self", "2026-03-20");
    /* Once the date has passed, other changes to the action are still possible. */
    date_set_today("2026-04-01");
    errors_init(&e, &fx.a);
    action_input st = {.status = "done"};
    cr_assert_eq(plan_update_action(&fx.ctx, x, &st, &e, NULL), WT_OK);
    action_input clear = {.has_due_on = true, .due_on = NULL};
    cr_assert_eq(plan_update_action(&fx.ctx, x, &clear, &e, NULL), WT_OK);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM action WHERE due_on IS NULL AND status = 'done'"), 1);
}

Test(plan_rules, a_team_member_carries_out_team_actions_of_his_own_team)
{
    int64_t goal = add_goal("youth", "Rust in huis na schooltijd");
    errors e;
    errors_init(&e, &fx.a);
    int64_t id;
    action_input a = {.body = "Gesprek met school", .layer = "team", .has_performer_user = true, .performer_user_id = 2};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_INVALID, "member of another team");
    cr_assert_not_null(errors_get(&e, "performer_user_id"));
    errors_init(&e, &fx.a);
    a.performer_user_id = 1;
    a.layer = "network";
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_INVALID, "a team member is the team layer");
    cr_assert_not_null(errors_get(&e, "performer_user_id"));
    errors_init(&e, &fx.a);
    a.layer = "team";
    a.performer = "iemand anders";
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_OK);
    plan_action x;
    wt_case c;
    cr_assert_eq(plan_action_get(&fx.ctx, id, &x, &c), WT_OK);
    cr_assert_str_eq(x.performer, "Werker Een", "named as the team knows him");
    cr_assert_eq(x.performer_user_id, 1);
    errors_init(&e, &fx.a);
    action_input none = {.body = "Zonder uitvoerder", .layer = "self"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &none, &e, &id, NULL), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "performer"));
}

Test(plan_rules, layer_counts_and_open_actions_at_a_glance)
{
    int64_t g1 = add_goal("money", "Schulden in beeld");
    int64_t g2 = add_goal("care", "Mantelzorger ontlasten");
    add_action(g1, "self", NULL);
    add_action(g1, "second_line", "2026-04-01");
    add_action(g2, "volunteer", NULL);
    int64_t cancelled = add_action(g2, "volunteer", NULL);
    errors e;
    errors_init(&e, &fx.a);
    action_input st = {.status = "cancelled"};
    cr_assert_eq(plan_update_action(&fx.ctx, cancelled, &st, &e, NULL), WT_OK);
    plan_view p;
    cr_assert_eq(plan_get(&fx.ctx, fx.case_id, &p), WT_OK);
    cr_assert_eq(p.layer_counts[0], 1);
    cr_assert_eq(p.layer_counts[1], 0);
    cr_assert_eq(p.layer_counts[2], 1, "cancelled actions do not count");
    cr_assert_eq(p.layer_counts[3], 0);
    cr_assert_eq(p.layer_counts[4], 1);
    cr_assert_eq(p.open_actions, 3);
    cr_assert_eq(p.n_goals, 2);
    cr_assert_str_eq(p.goals[0].domain, "care", "goals in life-domain order");
    cr_assert_eq(p.goals[0].n_actions, 2);
    cr_assert_eq(p.goals[1].n_actions, 2);
    cr_assert_eq(p.goals[1].actions[0].due, DUE_LATER);
}

Test(plan_rules, no_actions_on_a_goal_that_is_achieved_or_dropped)
{
    int64_t goal = add_goal("work", "Vrijwilligerswerk vinden");
    errors e;
    errors_init(&e, &fx.a);
    goal_input st = {.status = "dropped"};
    cr_assert_eq(plan_update_goal(&fx.ctx, goal, &st, &e, NULL), WT_OK);
    int64_t id;
    action_input a = {.body = "Vacaturebank", .layer = "self", .performer = "Bewoner"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &id, NULL), WT_CONFLICT);
}

Test(plan_rules, other_teams_and_the_administrator_cannot_touch_the_plan)
{
    int64_t goal = add_goal("money", "Schulden in beeld");
    int64_t action = add_action(goal, "self", NULL);
    errors e;
    errors_init(&e, &fx.a);
    fx.ctx.who = (actor){.user_id = 2, .role = ROLE_WORKER, .team_id = 2};
    goal_input g = {.body = "Overgenomen"};
    cr_assert_eq(plan_update_goal(&fx.ctx, goal, &g, &e, NULL), WT_NOTFOUND);
    action_input st = {.status = "done"};
    cr_assert_eq(plan_update_action(&fx.ctx, action, &st, &e, NULL), WT_NOTFOUND);
    fx.ctx.who = (actor){.user_id = 3, .role = ROLE_ADMIN};
    cr_assert_eq(plan_update_action(&fx.ctx, action, &st, &e, NULL), WT_FORBIDDEN);
    cr_assert_eq(plan_set_strengths(&fx.ctx, fx.case_id, "x", &e), WT_FORBIDDEN);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM action WHERE status = 'planned'"), 1);
}

Test(plan_rules, contacts_on_the_timeline_newest_first)
{
    errors e;
    errors_init(&e, &fx.a);
    int64_t a, b;
    cr_assert_eq(contact_add(&fx.ctx, fx.case_id, &(contact_input){"visit", "2026-03-12", "60", "Eerste huisbezoek"}, &e, &a), WT_OK);
    cr_assert_eq(contact_add(&fx.ctx, fx.case_id, &(contact_input){"phone", "2026-03-14", "", "Nagebeld"}, &e, &b), WT_OK);
    cr_assert_eq(contact_add(&fx.ctx, fx.case_id, &(contact_input){"phone", "2026-03-16", "5", "Morgen"}, &e, &b), WT_INVALID);
    contact *items;
    int n = 0, total = 0;
    cr_assert_eq(contact_list(&fx.ctx, fx.case_id, 10, 0, &items, &n, &total), WT_OK);
    cr_assert_eq(total, 2);
    cr_assert_str_eq(items[0].summary, "Nagebeld");
    cr_assert_eq(items[0].minutes, 0);
    cr_assert_str_eq(items[1].kind, "visit");
    cr_assert_eq(items[1].minutes, 60);
    cr_assert_str_eq(items[1].user_name, "Werker Een");
}
