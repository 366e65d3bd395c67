/*
 * Unit tests of need-to-know (issue 7): the policy's decision per role and tie
 * to a case, and the rules of membership, emergency access ("break the glass")
 * and who looked, against a real SQLite database.
 */
#include "db_fixture.h"

#include "../../src/access/policy.h"
#include "../../src/case/case.h"
#include "../../src/casemember/casemember.h"
#include "../../src/core/date.h"
#include "../../src/household/household.h"
#include "../../src/plan/plan.h"

/* ---- the policy (pure) -------------------------------------------------------------------------------------------- */

static const actor worker = {.user_id = 10, .role = ROLE_WORKER, .team_id = 1};
static const actor leader = {.user_id = 11, .role = ROLE_TEAMLEADER, .team_id = 1};
static const actor admin = {.user_id = 12, .role = ROLE_ADMIN};
static const actor policy = {.user_id = 13, .role = ROLE_POLICY};
static const actor stranger = {.user_id = 14, .role = ROLE_WORKER, .team_id = 2};

static policy_target case_of(int64_t coordinator, case_tie tie)
{
    return (policy_target){.team_id = 1, .coordinator_id = coordinator, .case_id = 5, .tie = tie};
}

Test(policy, case_content_is_for_the_coordinator_members_and_valid_emergency_access)
{
    cr_assert(policy_allows(&worker, PERM_CASE_READ, case_of(10, TIE_NONE)), "the coordinator");
    cr_assert(policy_allows(&worker, PERM_CASE_WRITE, case_of(99, TIE_MEMBER)), "a member");
    cr_assert(policy_allows(&worker, PERM_CASE_READ, case_of(99, TIE_EMERGENCY)), "broke the glass");
    cr_assert_not(policy_allows(&worker, PERM_CASE_READ, case_of(99, TIE_NONE)), "a colleague without a reason");
    cr_assert_not(policy_allows(&leader, PERM_CASE_READ, case_of(99, TIE_NONE)), "the team leader is no exception");
    cr_assert(policy_allows(&leader, PERM_CASE_READ, case_of(99, TIE_MEMBER)));
    cr_assert_not(policy_allows(&stranger, PERM_CASE_READ, case_of(99, TIE_MEMBER)), "another team");
    cr_assert_not(policy_allows(&admin, PERM_CASE_READ, case_of(12, TIE_MEMBER)));
    cr_assert_not(policy_allows(&policy, PERM_CASE_READ, case_of(13, TIE_MEMBER)));
    /* The household of a case follows its case; without a case the team decides. */
    cr_assert_not(policy_allows(&worker, PERM_HOUSEHOLD_READ, case_of(99, TIE_NONE)));
    cr_assert(policy_allows(&worker, PERM_HOUSEHOLD_READ, (policy_target){.team_id = 1}));
}

Test(policy, the_team_knows_the_case_exists_and_who_manages_it)
{
    cr_assert(policy_allows(&worker, PERM_CASE_KNOWN, case_of(99, TIE_NONE)));
    cr_assert_not(policy_allows(&stranger, PERM_CASE_KNOWN, case_of(99, TIE_NONE)));
    cr_assert_not(policy_allows(&admin, PERM_CASE_KNOWN, case_of(99, TIE_NONE)));
    cr_assert(policy_allows(&leader, PERM_CASE_MEMBERS, case_of(99, TIE_NONE)), "the team leader manages members");
    cr_assert(policy_allows(&worker, PERM_CASE_MEMBERS, case_of(10, TIE_NONE)), "so does the coordinator");
    cr_assert_not(policy_allows(&worker, PERM_CASE_MEMBERS, case_of(99, TIE_MEMBER)), "a member does not");
    cr_assert(policy_allows(&leader, PERM_CASE_ACCESS_LOG, case_of(99, TIE_NONE)));
    cr_assert(policy_allows(&worker, PERM_CASE_ACCESS_LOG, case_of(10, TIE_NONE)));
    cr_assert_not(policy_allows(&worker, PERM_CASE_ACCESS_LOG, case_of(99, TIE_MEMBER)));
    cr_assert(policy_allows(&worker, PERM_CASE_EMERGENCY, case_of(99, TIE_NONE)), "glass to break");
    cr_assert_not(policy_allows(&worker, PERM_CASE_EMERGENCY, case_of(99, TIE_MEMBER)), "no glass needed");
    cr_assert_not(policy_allows(&worker, PERM_CASE_EMERGENCY, case_of(10, TIE_NONE)), "the coordinator needs none");
    cr_assert_not(policy_allows(&policy, PERM_CASE_EMERGENCY, case_of(99, TIE_NONE)));
    cr_assert_not(policy_allows(&stranger, PERM_CASE_EMERGENCY, case_of(99, TIE_NONE)));
}

Test(casemember, durations)
{
    long s = 0;
    cr_assert(casemember_parse_duration("24h", &s));
    cr_assert_eq(s, 86400);
    cr_assert(casemember_parse_duration("90m", &s));
    cr_assert_eq(s, 5400);
    cr_assert(casemember_parse_duration("2d", &s));
    cr_assert_eq(s, 172800);
    cr_assert(casemember_parse_duration("45", &s));
    cr_assert_eq(s, 45);
    const char *bad[] = {"", "h", "0h", "-1h", "31d", "5x", "1hh", "24 h", NULL};
    for (int i = 0; bad[i]; i++)
        cr_assert_not(casemember_parse_duration(bad[i], &s), "%s", bad[i]);
}

/* ---- the rules, against a database -------------------------------------------------------------------------------- */

static void setup_db(void)
{
    fx_open("member",
            "INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
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
            " (2, 1, 'Huishouden Bakker', '2026-01-01');"
            "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded, created_at) VALUES"
            " (1, 1, 'Anna', 'De Vries', 'anna de vries', 'de vries', '2026-01-01');");
}

static void teardown_db(void)
{
    casemember_set_emergency_seconds(24L * 3600);
    fx_close();
}

/* A case of household 1, coordinated by worker 1. */
static int64_t open_case(void)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {1, "Zorgen om de kinderen", 0};
    int64_t id = 0;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &id), WT_OK);
    return id;
}

TestSuite(casemember_rules, .init = setup_db, .fini = teardown_db);

Test(casemember_rules, a_colleague_is_refused_until_added_with_a_reason)
{
    int64_t id = open_case();
    wt_case c;
    act_as(5, ROLE_WORKER, 1);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_FORBIDDEN);
    cr_assert_eq(fx.ctx.need_to_know_case, id, "the web shows the known page of this case");
    cr_assert_null(find_audit(AUDIT_READ, "case"), "nothing read");
    household h;
    cr_assert_eq(household_get(&fx.ctx, 1, &h), WT_FORBIDDEN, "nor the household of the case");
    case_known k;
    cr_assert_eq(case_known_get(&fx.ctx, id, &k), WT_OK);
    cr_assert_str_eq(k.coordinator_name, "Werker Een");
    cr_assert(k.may_break_glass);
    cr_assert_not(k.may_add_members);

    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    int64_t m = 0;
    cr_assert_eq(casemember_add(&fx.ctx, id, 5, "", &e, &m), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "reason"));
    errors_init(&e, &fx.a);
    cr_assert_eq(casemember_add(&fx.ctx, id, 2, "Ander team", &e, &m), WT_INVALID, "not of the team");
    errors_init(&e, &fx.a);
    cr_assert_eq(casemember_add(&fx.ctx, id, 6, "Geblokkeerd", &e, &m), WT_INVALID, "disabled");
    errors_init(&e, &fx.a);
    cr_assert_eq(casemember_add(&fx.ctx, id, 1, "Ikzelf", &e, &m), WT_INVALID, "the coordinator");
    errors_init(&e, &fx.a);
    cr_assert_eq(casemember_add(&fx.ctx, id, 5, "Tweede gesprek samen", &e, &m), WT_OK);
    const audit_entry *a = find_audit(AUDIT_CREATE, "case_member");
    cr_assert_not_null(a);
    cr_assert_str_eq(a->reason, "Tweede gesprek samen", "the reason is in the audit trail");

    act_as(5, ROLE_WORKER, 1);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    cr_assert_eq(c.tie, TIE_MEMBER);
    cr_assert_eq(household_get(&fx.ctx, 1, &h), WT_OK);
    errors_init(&e, &fx.a);
    int64_t m2 = 0;
    cr_assert_eq(casemember_add(&fx.ctx, id, 4, "Ik voeg toe", &e, &m2), WT_FORBIDDEN, "a member adds nobody");

    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_FORBIDDEN, "the team leader reads only as a member");
    cr_assert_eq(casemember_end(&fx.ctx, id, m), WT_OK, "but manages the members");
    cr_assert_eq(casemember_end(&fx.ctx, id, m), WT_NOTFOUND, "ended once");
    act_as(5, ROLE_WORKER, 1);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_FORBIDDEN, "ended: no access");
}

Test(casemember_rules, administrator_policy_officer_and_another_team_learn_nothing)
{
    int64_t id = open_case();
    case_known k;
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(case_known_get(&fx.ctx, id, &k), WT_FORBIDDEN);
    errors e;
    errors_init(&e, &fx.a);
    int64_t gid = 0;
    const char *until = NULL;
    cr_assert_eq(casemember_break_glass(&fx.ctx, id, "Ik wil het graag zien", &e, &gid, &until), WT_FORBIDDEN);
    act_as(7, ROLE_POLICY, 0);
    cr_assert_eq(case_known_get(&fx.ctx, id, &k), WT_FORBIDDEN);
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(case_known_get(&fx.ctx, id, &k), WT_NOTFOUND);
    cr_assert_eq(casemember_break_glass(&fx.ctx, id, "Ik wil het graag zien", &e, &gid, &until), WT_NOTFOUND);
    cr_assert_eq(fx.ctx.need_to_know_case, 0, "another team does not learn the case exists");
}

Test(casemember_rules, breaking_the_glass_gives_access_with_the_reason_in_every_audit_entry)
{
    int64_t id = open_case();
    casemember_set_emergency_seconds(3600);
    act_as(5, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    int64_t gid = 0;
    const char *until = NULL;
    cr_assert_eq(casemember_break_glass(&fx.ctx, id, "nood", &e, &gid, &until), WT_INVALID, "too short a reason");
    errors_init(&e, &fx.a);
    const char *why = "Bewoonster belt in crisis, regisseur niet bereikbaar";
    cr_assert_eq(casemember_break_glass(&fx.ctx, id, why, &e, &gid, &until), WT_OK);
    cr_assert_gt(strcmp(until, date_iso_in(&fx.a, 3500)), 0);
    cr_assert_lt(strcmp(until, date_iso_in(&fx.a, 3700)), 0);
    cr_assert_str_eq(find_audit(AUDIT_CREATE, "case_emergency")->reason, why);

    act_as(5, ROLE_WORKER, 1);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    cr_assert_eq(c.tie, TIE_EMERGENCY);
    cr_assert_str_eq(c.emergency_reason, why);
    cr_assert_str_eq(find_audit(AUDIT_READ, "case")->reason, why, "NEN 7513: the read carries the reason");
    errors_init(&e, &fx.a);
    cr_assert_eq(casemember_break_glass(&fx.ctx, id, why, &e, &gid, &until), WT_CONFLICT, "access already");

    /* Reported to the coordinator and the team leader, not to another worker. */
    case_emergency_rec *r = NULL;
    int n = 0;
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(casemember_reports(&fx.ctx, &r, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(r[0].reason, why);
    cr_assert(r[0].active);
    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_eq(casemember_reports(&fx.ctx, &r, &n), WT_OK);
    cr_assert_eq(n, 1);
    act_as(5, ROLE_WORKER, 1);
    cr_assert_eq(casemember_reports(&fx.ctx, &r, &n), WT_OK);
    cr_assert_eq(n, 0);
    cr_assert_eq(casemember_emergencies(&fx.ctx, id, &r, &n), WT_FORBIDDEN, "only coordinator and team leader");

    /* Expired: no access any more, and the record says so. */
    exec_ok("UPDATE case_emergency SET expires_at = '2020-01-01T00:00:00Z'");
    act_as(5, ROLE_WORKER, 1);
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_FORBIDDEN);
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(casemember_emergencies(&fx.ctx, id, &r, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_not(r[0].active);
}

Test(casemember_rules, a_colleague_given_an_action_becomes_a_member)
{
    int64_t id = open_case();
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    goal_input g = {.domain = "money", .body = "Rekeningen op tijd betalen"};
    int64_t goal = 0, action = 0, cid = 0;
    cr_assert_eq(plan_add_goal(&fx.ctx, id, &g, &e, &goal), WT_OK, "%s", e.head ? e.head->message : "");
    action_input a = {.body = "Samen naar de bank", .layer = "team", .has_performer_user = true, .performer_user_id = 5};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &a, &e, &action, &cid), WT_OK, "%s", e.head ? e.head->message : "");
    act_as(5, ROLE_WORKER, 1);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
}

Test(casemember_rules, the_coordinator_sees_who_looked_grouped_with_reason)
{
    int64_t id = open_case();
    errors e;
    errors_init(&e, &fx.a);
    int64_t m = 0;
    cr_assert_eq(casemember_add(&fx.ctx, id, 5, "Tweede gesprek samen", &e, &m), WT_OK);
    cr_assert_eq(audit_flush(&fx.ctx, true), WT_OK);
    act_as(5, ROLE_WORKER, 1);
    wt_case c;
    cr_assert_eq(case_get(&fx.ctx, id, &c), WT_OK);
    household h;
    cr_assert_eq(household_get(&fx.ctx, 1, &h), WT_OK);
    cr_assert_eq(audit_flush(&fx.ctx, true), WT_OK);
    case_access_line *l = NULL;
    int n = 0;
    cr_assert_eq(casemember_access_log(&fx.ctx, id, 10, &l, &n), WT_FORBIDDEN, "a member does not");
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(casemember_access_log(&fx.ctx, id, 10, &l, &n), WT_OK);
    cr_assert_geq(n, 2);
    cr_assert_str_eq(l[0].user_name, "Werker Drie");
    cr_assert_str_eq(l[0].role, "worker");
    cr_assert_str_eq(l[0].what, "bekeken: persoon, huishouden, casus", "newest first, each once");
    cr_assert_null(l[0].reason);
    cr_assert_str_eq(l[1].user_name, "Werker Een");
    cr_assert_str_eq(l[1].reason, "Tweede gesprek samen");
    cr_assert_not_null(strstr(l[1].what, "vastgelegd: leden"));
}

/* The reason of a case in the list: for its coordinator, members and valid emergency access, not for the team. */
static const char *listed_reason(int64_t case_id)
{
    case_filter f = {.limit = 25};
    case_page pg;
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    for (int i = 0; i < pg.n; i++)
        if (pg.items[i].id == case_id)
            return pg.items[i].reason ? pg.items[i].reason : "";
    cr_assert_fail("case %lld not listed", (long long)case_id);
    return NULL;
}

Test(casemember_rules, the_case_list_shows_the_content_by_tie_to_each_case)
{
    int64_t member_case = open_case();
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {2, "Huurachterstand", 0};
    int64_t glass_case = 0, m = 0, gid = 0;
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &glass_case), WT_OK);
    cr_assert_str_eq(listed_reason(member_case), "Zorgen om de kinderen", "the coordinator");
    cr_assert_str_eq(listed_reason(glass_case), "Huurachterstand");
    cr_assert_eq(casemember_add(&fx.ctx, member_case, 5, "Tweede gesprek samen", &e, &m), WT_OK);

    act_as(5, ROLE_WORKER, 1);
    cr_assert_str_eq(listed_reason(member_case), "Zorgen om de kinderen", "a member");
    cr_assert_str_eq(listed_reason(glass_case), "", "no tie: the team knows the case, not its content");
    const char *until = NULL;
    cr_assert_eq(casemember_break_glass(&fx.ctx, glass_case, "Bewoner belt in crisis, regisseur ziek", &e, &gid, &until),
                 WT_OK);
    act_as(5, ROLE_WORKER, 1);
    cr_assert_str_eq(listed_reason(glass_case), "Huurachterstand", "emergency access");

    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_str_eq(listed_reason(member_case), "", "the team leader who is no member");
    cr_assert_str_eq(listed_reason(glass_case), "");
    cr_assert_eq(casemember_end(&fx.ctx, member_case, m), WT_OK);
    exec_ok("UPDATE case_emergency SET expires_at = '2020-01-01T00:00:00Z'");
    act_as(5, ROLE_WORKER, 1);
    cr_assert_str_eq(listed_reason(member_case), "", "membership ended");
    cr_assert_str_eq(listed_reason(glass_case), "", "emergency access expired");
}
