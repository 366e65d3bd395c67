/*
 * Unit tests of the intake rules: what is required, findings per life domain
 * (unknown and repeated domains, a wish without a situation), one intake per
 * case that is replaced as a whole, a goal from a finding in one step (once),
 * a finding that became a goal cannot be dropped, closed cases, access and audit.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/case/case.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/intake/intake.h"
#include "../../src/plan/plan.h"

static wt_date day(const char *iso)
{
    wt_date d;
    cr_assert(date_parse(iso, &d));
    return d;
}

Test(intake_validate, the_question_is_required_and_dates_are_checked)
{
    arena a;
    arena_init(&a);
    errors e;
    errors_init(&e, &a);
    intake out;
    intake_input in = {.held_on = "2026-03-16", .question = "  "};
    cr_assert_eq(intake_validate(&a, &in, day("2026-03-15"), &e, &out), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "held_on"), "toekomst"));
    cr_assert(strstr(errors_get(&e, "question"), "vraag in eigen woorden"));
    errors_init(&e, &a);
    in = (intake_input){.held_on = "15-03-2026", .question = "Ik wil weer rust in mijn hoofd."};
    cr_assert_eq(intake_validate(&a, &in, day("2026-03-15"), &e, &out), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "held_on"), "JJJJ-MM-DD"));
    cr_assert_null(errors_get(&e, "question"));
    arena_free(&a);
}

Test(intake_validate, findings_per_life_domain)
{
    arena a;
    arena_init(&a);
    errors e;
    errors_init(&e, &a);
    intake out;
    intake_finding_input f[] = {
        {"money", " Drie schulden ", "Houdt een kasboek bij", "Schuldenvrij worden"},
        {"housing", "", "", ""},                      /* left empty: no finding */
        {"care", "", "", "Hulp bij de was"},          /* a wish without a situation */
        {"finance", "Onbekend gebied", "", ""},       /* not a life domain */
        {"money", "Nog eens", "", ""},                /* twice */
        {"youth", "Zoon spijbelt", "", ""},
    };
    intake_input in = {.held_on = "2026-03-15", .question = "Schulden", .findings = f, .n_findings = 6};
    cr_assert_eq(intake_validate(&a, &in, day("2026-03-15"), &e, &out), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "findings.care.situation"), "a wish needs a situation");
    cr_assert_not_null(errors_get(&e, "findings.3.domain"));
    cr_assert(strstr(errors_get(&e, "findings.4.domain"), "twee keer"));
    cr_assert_eq(e.count, 3);
    f[2].wish = "";
    in.n_findings = 3;
    f[3] = f[5];
    in.n_findings = 4;
    errors_init(&e, &a);
    cr_assert_eq(intake_validate(&a, &in, day("2026-03-15"), &e, &out), WT_OK);
    cr_assert_eq(out.n_findings, 2);
    cr_assert_str_eq(out.findings[0].domain, "youth", "in the order of the plan's life domains");
    cr_assert_str_eq(out.findings[1].domain, "money");
    cr_assert_str_eq(out.findings[1].situation, "Drie schulden", "trimmed");
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

static int count_audit(audit_action action, const char *entity)
{
    int n = 0;
    for (const audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        n += e->action == action && strcmp(e->entity, entity) == 0;
    return n;
}

static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-intake-XXXXXX");
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
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, '2026-01-01');"
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

static intake_finding_input money = {"money", "Drie schulden, post blijft liggen", "Dochter helpt graag",
                                     "Overzicht over mijn geld"};
static intake_finding_input health = {"health", "Slaapt slecht", "", ""};

static wt_status save(intake_finding_input *f, int n, errors *e)
{
    intake_input in = {.held_on = "2026-03-12", .question = "Ik wil van mijn schulden af.", .strengths = "Doorzetter",
                       .network_does = "Dochter doet boodschappen", .findings = f, .n_findings = n};
    int64_t id = 0;
    errors_init(e, &fx.a);
    return intake_save(&fx.ctx, fx.case_id, &in, e, &id);
}

TestSuite(intake_db, .init = setup_db, .fini = teardown_db);

Test(intake_db, one_intake_per_case_replaced_as_a_whole_and_logged)
{
    errors e;
    intake_finding_input two[] = {money, health};
    cr_assert_eq(save(two, 2, &e), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(count_audit(AUDIT_CREATE, "intake"), 1);
    cr_assert_eq(save(&money, 1, &e), WT_OK);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "intake"), 1);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM intake"), 1);
    intake it;
    wt_case c;
    cr_assert_eq(intake_get(&fx.ctx, fx.case_id, &it, &c), WT_OK);
    cr_assert_eq(it.n_findings, 1, "health was left empty and is gone");
    cr_assert_str_eq(it.question, "Ik wil van mijn schulden af.");
    cr_assert_str_eq(it.network_does, "Dochter doet boodschappen");
    cr_assert_str_eq(it.created_by_name, "Werker Een");
    cr_assert_eq(count_audit(AUDIT_READ, "intake"), 1);
    cr_assert_eq(fx.ctx.audit_tail->case_id, fx.case_id);
}

Test(intake_db, a_finding_becomes_a_goal_in_one_step_once)
{
    errors e;
    cr_assert_eq(save(&money, 1, &e), WT_OK);
    intake it;
    wt_case c;
    cr_assert_eq(intake_get(&fx.ctx, fx.case_id, &it, &c), WT_OK);
    int64_t fid = it.findings[0].id, goal = 0, case_id = 0;
    errors_init(&e, &fx.a);
    cr_assert_eq(intake_goal_from_finding(&fx.ctx, fid, "", &e, &goal, &case_id), WT_OK,
                 "%s", e.head ? e.head->message : "");
    cr_assert_eq(case_id, fx.case_id);
    plan_goal g;
    cr_assert_eq(plan_goal_get(&fx.ctx, goal, &g, &c), WT_OK);
    cr_assert_str_eq(g.domain, "money");
    cr_assert_str_eq(g.body, "Overzicht over mijn geld", "the wish is the goal when no text is given");
    cr_assert_str_eq(g.situation, "Drie schulden, post blijft liggen");
    cr_assert_str_eq(g.strength, "Dochter helpt graag");
    cr_assert_eq(count_audit(AUDIT_CREATE, "goal"), 1);
    errors_init(&e, &fx.a);
    cr_assert_eq(intake_goal_from_finding(&fx.ctx, fid, "Nog een doel", &e, &goal, &case_id), WT_CONFLICT);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM goal"), 1);
    /* The finding fed the plan: it cannot be dropped from the intake. */
    cr_assert_eq(save(&health, 1, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "findings.money.situation"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM intake_finding WHERE goal_id IS NOT NULL"), 1);
    /* Changing its words keeps the link. */
    intake_finding_input changed = money;
    changed.situation = "Twee schulden, de post wordt geopend";
    cr_assert_eq(save(&changed, 1, &e), WT_OK);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM intake_finding WHERE goal_id IS NOT NULL"), 1);
}

Test(intake_db, a_goal_needs_words_and_an_open_case)
{
    errors e;
    cr_assert_eq(save(&health, 1, &e), WT_OK);
    intake it;
    wt_case c;
    cr_assert_eq(intake_get(&fx.ctx, fx.case_id, &it, &c), WT_OK);
    int64_t goal = 0, case_id = 0;
    errors_init(&e, &fx.a);
    cr_assert_eq(intake_goal_from_finding(&fx.ctx, it.findings[0].id, NULL, &e, &goal, &case_id), WT_INVALID,
                 "no wish and no text");
    cr_assert_not_null(errors_get(&e, "body"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM goal"), 0);
    case_close_input close = {"goals_achieved", "", true};
    int open_actions = 0;
    errors_init(&e, &fx.a);
    cr_assert_eq(case_close(&fx.ctx, fx.case_id, &close, &e, &open_actions), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(save(&money, 1, &e), WT_CONFLICT, "a closed case's intake is read-only");
}

Test(intake_db, other_teams_and_roles_see_nothing)
{
    errors e;
    cr_assert_eq(save(&money, 1, &e), WT_OK);
    intake it;
    wt_case c;
    fx.ctx.who = (actor){.user_id = 2, .role = ROLE_WORKER, .team_id = 2};
    cr_assert_eq(intake_get(&fx.ctx, fx.case_id, &it, &c), WT_NOTFOUND);
    cr_assert_eq(save(&money, 1, &e), WT_NOTFOUND);
    fx.ctx.who = (actor){.user_id = 3, .role = ROLE_ADMIN};
    cr_assert_eq(intake_get(&fx.ctx, fx.case_id, &it, &c), WT_FORBIDDEN);
    fx.ctx.who = (actor){.user_id = 4, .role = ROLE_POLICY};
    cr_assert_eq(intake_get(&fx.ctx, fx.case_id, &it, &c), WT_FORBIDDEN);
    int64_t goal = 0, case_id = 0;
    cr_assert_eq(intake_goal_from_finding(&fx.ctx, 1, "x", &e, &goal, &case_id), WT_FORBIDDEN);
}
