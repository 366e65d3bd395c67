/*
 * Unit tests of the administrator's rules: the policy keeps him away from
 * every resident's data; only he (or the console) manages users, teams and
 * neighbourhoods; he cannot lock himself out; blocking ends sessions; the
 * user search takes LIKE's characters literally; a team's neighbourhoods
 * change all at once or not at all; the composition warnings' boundaries.
 */
#include "../../src/access/policy.h"
#include "../../src/team/team.h"
#include "../../src/user/mfa.h"
#include "../../src/user/user.h"
#include "db_fixture.h"

/* ---- the policy -------------------------------------------------------------------------------------------------- */

Test(admin_policy, the_administrator_may_manage_users_and_nothing_of_residents)
{
    actor admin = {.user_id = 3, .role = ROLE_ADMIN};
    static const permission residents[] = {PERM_HOUSEHOLD_READ, PERM_HOUSEHOLD_WRITE, PERM_CASE_READ,
                                           PERM_CASE_WRITE,     PERM_CASE_COORDINATE, PERM_CASE_HANDOVER,
                                           PERM_TEAM_OVERVIEW,  PERM_AGGREGATES,      PERM_PRESENCE};
    for (size_t i = 0; i < sizeof residents / sizeof residents[0]; i++) {
        cr_assert_not(policy_allows(&admin, residents[i], POLICY_NO_TARGET), "permission %d", (int)residents[i]);
        cr_assert_not(policy_allows(&admin, residents[i], (policy_target){.team_id = 1, .coordinator_id = 3}), "permission %d", (int)residents[i]);
    }
    /* Even an administrator account that somehow has a team sees nothing of it. */
    admin.team_id = 1;
    cr_assert_not(policy_allows(&admin, PERM_CASE_READ, (policy_target){.team_id = 1}));
    cr_assert(policy_allows(&admin, PERM_USER_ADMIN, POLICY_NO_TARGET));
}

Test(admin_policy, no_other_role_manages_users)
{
    static const wt_role others[] = {ROLE_WORKER, ROLE_TEAMLEADER, ROLE_POLICY, ROLE_NONE};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        actor a = {.user_id = 1, .role = others[i], .team_id = 1};
        cr_assert_not(policy_allows(&a, PERM_USER_ADMIN, POLICY_NO_TARGET), "role %d", (int)others[i]);
    }
}

/* ---- composition ------------------------------------------------------------------------------------------------- */

static team_composition composition(int social_workers, int community_workers)
{
    static discipline_count d[2];
    d[0] = (discipline_count){"social_worker", social_workers};
    d[1] = (discipline_count){"community_worker", community_workers};
    team_composition c = {.professionals = social_workers + community_workers, .by_discipline = d, .n_disciplines = 2};
    team_check_composition(&c);
    return c;
}

Test(admin_composition, eight_to_twelve_professionals_with_a_community_worker_is_in_order)
{
    team_composition c = composition(7, 1);
    cr_assert_not(c.too_small || c.too_large || c.no_community_worker);
    c = composition(11, 1);
    cr_assert_not(c.too_small || c.too_large || c.no_community_worker);
}

Test(admin_composition, the_boundaries_and_the_missing_community_worker)
{
    cr_assert(composition(6, 1).too_small);
    cr_assert(composition(12, 1).too_large);
    cr_assert_not(composition(12, 1).too_small);
    cr_assert(composition(9, 0).no_community_worker);
    cr_assert(composition(0, 0).too_small && composition(0, 0).no_community_worker);
}

/* ---- the rules against a database ---------------------------------------------------------------------------- */

static void setup_db(void)
{
    fx_open("admin",
            "INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
            " (2, 'Twee', 'Leeuwarden', '2026-01-01');"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, discipline, team_id, created_at) VALUES"
            " (1, 'w1', 'Werker Een', 'x', 'worker', 'social_worker', 1, '2026-01-01'),"
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 'community_worker', 2, '2026-01-01'),"
            " (3, 'adm', 'Beheer', 'x', 'admin', NULL, NULL, '2026-01-01'),"
            " (4, 'tl1', 'Leider Een', 'x', 'teamleader', 'team_leader', 1, '2026-01-01'),"
            " (5, 'pol', 'Beleid', 'x', 'policy', NULL, NULL, '2026-01-01'),"
            " (6, 'w_3%', 'Werker 100%', 'x', 'worker', NULL, 1, '2026-01-01');"
            "INSERT INTO session (token_hash, user_id, kind, csrf, created_at, last_seen) VALUES"
            " ('h1', 1, 'web', 'c', 0, 0), ('h2', 1, 'api', 'c', 0, 0), ('h3', 4, 'web', 'c', 0, 0);");
}

static user_input worker_input(const char *display_name)
{
    return (user_input){.username = "w1", .display_name = display_name, .role = "worker",
                        .discipline = "social_worker", .team_id = 1};
}

TestSuite(admin_rules, .init = setup_db, .fini = fx_close);

Test(admin_rules, only_the_administrator_and_the_console_manage_users_and_teams)
{
    static const struct {
        int64_t id;
        wt_role role;
        int64_t team;
    } others[] = {{1, ROLE_WORKER, 1}, {4, ROLE_TEAMLEADER, 1}, {5, ROLE_POLICY, 0}};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        act_as(others[i].id, others[i].role, others[i].team);
        errors e;
        errors_init(&e, &fx.a);
        user_input in = worker_input("Overgenomen");
        team_input t = {.name = "Overname", .municipality = "Leeuwarden", .prevention_share = -1};
        user_filter f = {0};
        user u;
        user *us;
        int n;
        bool more;
        neighbourhood *nbs;
        cr_assert_eq(user_update(&fx.ctx, 1, &in, &e), WT_FORBIDDEN);
        cr_assert_eq(user_set_disabled(&fx.ctx, 2, true), WT_FORBIDDEN);
        cr_assert_eq(user_set_password(&fx.ctx, 2, "een-lange-goede-zin", &e), WT_FORBIDDEN);
        cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_FORBIDDEN);
        cr_assert_eq(user_admin_get(&fx.ctx, 2, &u), WT_FORBIDDEN);
        cr_assert_eq(mfa_reset(&fx.ctx, 2), WT_FORBIDDEN);
        cr_assert_eq(team_create(&fx.ctx, &t, &e, &(int64_t){0}), WT_FORBIDDEN);
        cr_assert_eq(team_update(&fx.ctx, 1, &t, &e), WT_FORBIDDEN);
        cr_assert_eq(team_neighbourhoods(&fx.ctx, 0, NULL, &nbs, &n), WT_FORBIDDEN);
        cr_assert_null(fx.ctx.audit_head, "nothing done, nothing logged");
    }
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM session WHERE user_id = 2"), 0);
    cr_assert_eq(fx_scalar("SELECT disabled FROM app_user WHERE id = 2"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM team"), 2);
}

Test(admin_rules, the_administrator_cannot_take_his_own_role_or_block_himself_the_console_can)
{
    act_as(3, ROLE_ADMIN, 0);
    errors e;
    errors_init(&e, &fx.a);
    user_input self = {.username = "adm", .display_name = "Beheer", .role = "worker", .team_id = 1};
    cr_assert_eq(user_update(&fx.ctx, 3, &self, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "role"));
    cr_assert_eq(user_set_disabled(&fx.ctx, 3, true), WT_CONFLICT);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM app_user WHERE id = 3 AND role = 'admin' AND disabled = 0"), 1);
    act_as(0, ROLE_ADMIN, 0); /* the console */
    errors_init(&e, &fx.a);
    cr_assert_eq(user_update(&fx.ctx, 3, &self, &e), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(count_audit(AUDIT_UPDATE, "user"), 1);
}

Test(admin_rules, an_update_names_every_bad_field_and_writes_nothing)
{
    act_as(3, ROLE_ADMIN, 0);
    errors e;
    errors_init(&e, &fx.a);
    user_input in = {.username = "w2", .display_name = "", .role = "chef", .discipline = "astronaut", .team_id = 99};
    cr_assert_eq(user_update(&fx.ctx, 1, &in, &e), WT_INVALID);
    static const char *const fields[] = {"username", "display_name", "role", "discipline", "team_id"};
    for (size_t i = 0; i < 5; i++)
        cr_assert_not_null(errors_get(&e, fields[i]), "%s", fields[i]);
    cr_assert_null(fx.ctx.audit_head);
    errors_init(&e, &fx.a);
    in = worker_input("Werker Een-Twee");
    cr_assert_eq(user_update(&fx.ctx, 1, &in, &e), WT_OK);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "user"), 1);
    cr_assert_eq(user_update(&fx.ctx, 999, &in, &e), WT_NOTFOUND);
}

Test(admin_rules, blocking_ends_every_session_and_unblocking_keeps_them_ended)
{
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(user_set_disabled(&fx.ctx, 1, true), WT_OK);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM session WHERE user_id = 1"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM session WHERE user_id = 4"), 1, "other users keep theirs");
    cr_assert_eq(fx_scalar("SELECT disabled FROM app_user WHERE id = 1"), 1);
    cr_assert_eq(user_set_disabled(&fx.ctx, 1, false), WT_OK);
    cr_assert_eq(fx_scalar("SELECT disabled FROM app_user WHERE id = 1"), 0);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "user_disabled"), 1);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "user_enabled"), 1);
    cr_assert_eq(user_set_disabled(&fx.ctx, 999, true), WT_NOTFOUND);
}

Test(admin_rules, the_search_takes_like_characters_literally_and_pages)
{
    act_as(3, ROLE_ADMIN, 0);
    errors e;
    errors_init(&e, &fx.a);
    user *us;
    int n = 0;
    bool more = false;
    user_filter f = {.q = "100%"};
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(us[0].username, "w_3%");
    f.q = "_";
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_OK);
    cr_assert_eq(n, 1, "only the username with an underscore");
    f.q = "  WERKER ";
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_OK);
    cr_assert_eq(n, 3, "any case, spaces around ignored");
    f.team_id = 1;
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_OK);
    cr_assert_eq(n, 2);
    f = (user_filter){.limit = 2};
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_OK);
    cr_assert(n == 2 && more);
    f.offset = 4;
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_OK);
    cr_assert(n == 2 && !more);
    cr_assert_eq(count_audit(AUDIT_SEARCH, "user"), 6);
    char long_q[120];
    memset(long_q, 'x', sizeof long_q - 1);
    long_q[sizeof long_q - 1] = '\0';
    f.q = long_q;
    cr_assert_eq(user_list_page(&fx.ctx, &f, &us, &n, &more, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "q"));
}

static void add_neighbourhood(const char *code, const char *name, int64_t team_id)
{
    errors e;
    errors_init(&e, &fx.a);
    neighbourhood nb = {.code = code, .name = name, .municipality = "Leeuwarden", .team_id = team_id};
    cr_assert_eq(team_add_neighbourhood(&fx.ctx, &nb, &e), WT_OK, "%s", e.head ? e.head->message : "");
}

Test(admin_rules, a_teams_neighbourhoods_change_all_at_once_or_not_at_all)
{
    act_as(3, ROLE_ADMIN, 0);
    add_neighbourhood("BU00800301", "Heechterp", 1);
    add_neighbourhood("BU00800302", "Schieringen", 1);
    add_neighbourhood("BU00800401", "Vrijheidswijk-West", 0);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "team_neighbourhoods"), 2, "giving a new neighbourhood to a team is logged");
    act_as(3, ROLE_ADMIN, 0);
    errors e;
    errors_init(&e, &fx.a);
    const char *bad[] = {"BU00800301", "BU99999999"};
    team_input in = {.name = "Een", .municipality = "Leeuwarden", .prevention_share = -1,
                     .set_neighbourhoods = true, .neighbourhoods = bad, .n_neighbourhoods = 2};
    cr_assert_eq(team_update(&fx.ctx, 1, &in, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "neighbourhoods"));
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM neighbourhood WHERE team_id = 1"), 2, "nothing changed");

    /* Team two takes Schieringen over and gets Vrijheidswijk-West. */
    errors_init(&e, &fx.a);
    const char *two[] = {"BU00800302", "BU00800401"};
    in = (team_input){.name = "Twee", .municipality = "Leeuwarden", .prevention_share = -1,
                      .set_neighbourhoods = true, .neighbourhoods = two, .n_neighbourhoods = 2};
    cr_assert_eq(team_update(&fx.ctx, 2, &in, &e), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(fx_scalar("SELECT team_id FROM neighbourhood WHERE code = 'BU00800302'"), 2);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM neighbourhood WHERE team_id = 1"), 1);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "team_neighbourhoods"), 1);

    neighbourhood *nbs;
    int n = 0;
    cr_assert_eq(team_neighbourhoods(&fx.ctx, 2, NULL, &nbs, &n), WT_OK);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(nbs[0].name, "Schieringen");
    cr_assert_eq(team_neighbourhoods(&fx.ctx, 0, "Leeuwarden", &nbs, &n), WT_OK);
    cr_assert_eq(n, 3);
    cr_assert_eq(team_neighbourhoods(&fx.ctx, 0, "Sneek", &nbs, &n), WT_OK);
    cr_assert_eq(n, 0);

    /* Without set_neighbourhoods an update leaves them alone; an empty list clears them. */
    errors_init(&e, &fx.a);
    in = (team_input){.name = "Twee", .municipality = "Leeuwarden", .prevention_share = 50};
    cr_assert_eq(team_update(&fx.ctx, 2, &in, &e), WT_OK);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM neighbourhood WHERE team_id = 2"), 2);
    in.set_neighbourhoods = true;
    cr_assert_eq(team_update(&fx.ctx, 2, &in, &e), WT_OK);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM neighbourhood WHERE team_id = 2"), 0);
}

Test(admin_rules, a_new_neighbourhood_has_a_cbs_code_a_name_a_municipality_and_an_existing_team)
{
    act_as(0, ROLE_ADMIN, 0);
    errors e;
    errors_init(&e, &fx.a);
    neighbourhood nb = {.code = "WK008003", .name = "", .municipality = "", .team_id = 99};
    cr_assert_eq(team_add_neighbourhood(&fx.ctx, &nb, &e), WT_INVALID);
    static const char *const fields[] = {"code", "name", "municipality", "team_id"};
    for (size_t i = 0; i < 4; i++)
        cr_assert_not_null(errors_get(&e, fields[i]), "%s", fields[i]);
    add_neighbourhood("BU00800301", "Heechterp", 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM neighbourhood WHERE district_code = 'WK008003'"), 1, "the wijk from the code");
    errors_init(&e, &fx.a);
    nb = (neighbourhood){.code = "BU00800301", .name = "Heechterp", .municipality = "Leeuwarden"};
    cr_assert_eq(team_add_neighbourhood(&fx.ctx, &nb, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "code"));
}
