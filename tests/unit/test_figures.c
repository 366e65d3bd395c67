/*
 * Unit tests of the figures: primary suppression of counts 1 to 4, secondary
 * suppression so a hidden cell cannot be recomputed from a total, derived
 * figures over a small base, the rule across tables, who may read them, and
 * that a read is audited as an aggregate read without a person.
 */
#include "../../src/access/policy.h"
#include "../../src/figures/figures.h"
#include "db_fixture.h"

static fig_table counts(const long *v, int n, bool total)
{
    fig_table t = {.kind = FIG_COUNT, .has_total = total};
    static const char *const codes[] = {"a", "b", "c", "d", "e", "f"};
    for (int i = 0; i < n; i++)
        figures_add_row(&t, codes[i], codes[i])->count = v[i];
    figures_sum(&t);
    figures_suppress_counts(&t);
    return t;
}

/* What a reader can learn: the total minus the shown cells, and how many cells are hidden. */
static long recoverable(const fig_table *t, int *hidden)
{
    long rest = t->total.count;
    *hidden = 0;
    for (int i = 0; i < t->n; i++) {
        if (t->rows[i].suppressed)
            (*hidden)++;
        else
            rest -= t->rows[i].count;
    }
    return rest;
}

Test(figures_suppression, counts_of_one_to_four_are_suppressed_zero_and_five_are_shown)
{
    cr_assert_not(figures_small(0));
    for (long n = 1; n <= 4; n++)
        cr_assert(figures_small(n), "%ld", n);
    cr_assert_not(figures_small(5));
    long v[] = {0, 5, 12, 4};
    fig_table t = counts(v, 4, false);
    cr_assert_not(t.rows[0].suppressed, "zero discloses nobody");
    cr_assert_not(t.rows[1].suppressed);
    cr_assert_not(t.rows[2].suppressed);
    cr_assert(t.rows[3].suppressed);
}

Test(figures_suppression, one_hidden_cell_under_a_total_hides_the_smallest_other_too)
{
    long v[] = {30, 3, 9, 20};
    fig_table t = counts(v, 4, true);
    cr_assert(t.rows[1].suppressed, "primary");
    cr_assert(t.rows[2].suppressed, "secondary: the smallest shown cell");
    cr_assert_not(t.rows[0].suppressed);
    cr_assert_not(t.rows[3].suppressed);
    cr_assert_not(t.total.suppressed);
    cr_assert_eq(t.total.count, 62);
    int hidden;
    cr_assert_eq(recoverable(&t, &hidden), 12);
    cr_assert_eq(hidden, 2, "12 over two cells: neither can be told");
}

Test(figures_suppression, hidden_cells_summing_under_five_take_another_cell)
{
    long v[] = {1, 2, 40, 7};
    fig_table t = counts(v, 4, true);
    /* 1 and 2 are hidden but their sum (3) would show both are tiny: 7 goes too */
    cr_assert(t.rows[0].suppressed && t.rows[1].suppressed && t.rows[3].suppressed);
    cr_assert_not(t.rows[2].suppressed);
    int hidden;
    cr_assert_geq(recoverable(&t, &hidden), FIG_MIN);
}

Test(figures_suppression, when_no_cell_is_left_the_total_is_hidden)
{
    long v[] = {3, 0, 0};
    fig_table t = counts(v, 3, true);
    cr_assert(t.rows[0].suppressed);
    cr_assert(t.total.suppressed, "the total is 3 itself");
    long w[] = {2, 4};
    t = counts(w, 2, true);
    cr_assert(t.rows[0].suppressed && t.rows[1].suppressed);
    cr_assert_not(t.total.suppressed, "6 over two hidden cells of at least 5 together");
    long x[] = {4, 0};
    t = counts(x, 2, true);
    cr_assert(t.total.suppressed);
}

Test(figures_suppression, a_total_hidden_elsewhere_needs_no_secondary_cell)
{
    fig_table t = {.kind = FIG_COUNT, .has_total = true};
    figures_add_row(&t, "a", "a")->count = 3;
    figures_add_row(&t, "b", "b")->count = 50;
    figures_sum(&t);
    t.total.suppressed = true; /* the rule across tables hid it */
    figures_suppress_counts(&t);
    cr_assert(t.rows[0].suppressed);
    cr_assert_not(t.rows[1].suppressed, "nothing to subtract from");
}

Test(figures_suppression, no_table_ever_lets_a_hidden_cell_be_recomputed)
{
    /* every table of up to four cells with counts 0..9 */
    long v[4];
    for (int k = 0; k < 10000; k++) {
        int x = k;
        for (int i = 0; i < 4; i++, x /= 10)
            v[i] = x % 10;
        fig_table t = counts(v, 4, true);
        if (t.total.suppressed)
            continue;
        int hidden;
        long rest = recoverable(&t, &hidden);
        cr_assert(hidden == 0 || (hidden >= 2 && rest >= FIG_MIN), "%ld %ld %ld %ld: %d hidden holding %ld", v[0],
                  v[1], v[2], v[3], hidden, rest);
        for (int i = 0; i < 4; i++)
            cr_assert(!figures_small(v[i]) || t.rows[i].suppressed);
    }
}

Test(figures_suppression, averages_and_shares_over_a_small_base_are_suppressed)
{
    fig_table z = {.kind = FIG_AVERAGE};
    figures_add_row(&z, "a", "a")->count = 4;
    figures_add_row(&z, "b", "b")->count = 5;
    figures_add_row(&z, "c", "c")->count = 0;
    figures_suppress_derived(&z);
    cr_assert(z.rows[0].suppressed);
    cr_assert_not(z.rows[1].suppressed);
    cr_assert_not(z.rows[2].suppressed, "no base: no value, nothing hidden");

    fig_row share, num = {.count = 6}, base = {.count = 24};
    figures_share(&share, &num, &base);
    cr_assert_not(share.suppressed);
    cr_assert_float_eq(share.value, 25.0, 1e-9);
    num = (fig_row){.count = 3, .suppressed = true};
    figures_share(&share, &num, &base);
    cr_assert(share.suppressed, "share x base would give the hidden numerator");
    num = (fig_row){.count = 2};
    base = (fig_row){.count = 3};
    figures_share(&share, &num, &base);
    cr_assert(share.suppressed, "base under five");
    num = (fig_row){.count = 8, .suppressed = true};
    base = (fig_row){.count = 40};
    figures_share(&share, &num, &base);
    cr_assert(share.suppressed, "a secondarily hidden numerator too");
}

Test(figures_policy, policy_officer_and_own_team_leader_only)
{
    actor policy = {.user_id = 9, .role = ROLE_POLICY};
    actor leader = {.user_id = 3, .role = ROLE_TEAMLEADER, .team_id = 1};
    actor worker = {.user_id = 1, .role = ROLE_WORKER, .team_id = 1};
    actor admin = {.user_id = 8, .role = ROLE_ADMIN};
    cr_assert(policy_allows(&policy, PERM_AGGREGATES, POLICY_NO_TARGET));
    cr_assert(policy_allows(&policy, PERM_AGGREGATES, (policy_target){.team_id = 2}));
    cr_assert(policy_allows(&leader, PERM_AGGREGATES, (policy_target){.team_id = 1}));
    cr_assert_not(policy_allows(&leader, PERM_AGGREGATES, (policy_target){.team_id = 2}));
    cr_assert_not(policy_allows(&worker, PERM_AGGREGATES, (policy_target){.team_id = 1}));
    cr_assert_not(policy_allows(&admin, PERM_AGGREGATES, POLICY_NO_TARGET));
}

/* ---- with a database ----------------------------------------------------------------------------------------- */

static void setup(void)
{
    fx_open("figures",
            "INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
            " (2, 'Twee', 'Leeuwarden', '2026-01-01');"
            "INSERT INTO neighbourhood (code, name, district_code, municipality, team_id) VALUES"
            " ('BU01', 'Noord', 'WK01', 'Leeuwarden', 1), ('BU02', 'Zuid', 'WK01', 'Leeuwarden', 1),"
            " ('BU03', 'Oost', 'WK02', 'Leeuwarden', 2);"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at) VALUES"
            " (1, 'w', 'W', 'x', 'worker', 1, '2026-01-01'), (3, 'l', 'L', 'x', 'teamleader', 1, '2026-01-01'),"
            " (9, 'p', 'P', 'x', 'policy', NULL, '2026-01-01');"
            "INSERT INTO address (id, postcode, house_number, street, town, neighbourhood_code) VALUES"
            " (1, '8911AA', 1, 'Straat', 'Leeuwarden', 'BU01'), (2, '8911AB', 1, 'Laan', 'Leeuwarden', 'BU02');");
    char sql[256];
    /* team 1: seven open cases in Noord, two closed in Zuid; team 2: nothing */
    for (int i = 1; i <= 9; i++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO household (id, team_id, address_id, name, created_at) VALUES (%d, 1, %d, 'H', '2026-01-01');"
                 "INSERT INTO cases (household_id, team_id, coordinator_id, status, reason, opened_on) VALUES"
                 " (%d, 1, 1, '%s', 'r', '2026-01-05');",
                 i, i <= 7 ? 1 : 2, i, i <= 7 ? "open" : "closed");
        exec_ok(sql);
    }
}
TestSuite(figures_read, .init = setup, .fini = fx_close);

Test(figures_read, counts_come_suppressed_and_the_read_is_audited_without_a_person)
{
    act_as(9, ROLE_POLICY, 0);
    errors e;
    errors_init(&e, &fx.a);
    figures *f = arena_alloc(&fx.a, sizeof *f);
    cr_assert_eq(figures_get(&fx.ctx, 0, NULL, &e, f), WT_OK);
    fig_table *c = &f->tables[FIG_T_CASES];
    cr_assert_eq(figures_row(c, "open")->count, 7);
    cr_assert(figures_row(c, "closed")->suppressed);
    cr_assert(figures_row(c, "open")->suppressed, "secondary: 9 - 7 would give the closed cases");
    cr_assert_not(c->total.suppressed);
    fig_table *areas = &f->tables[FIG_T_AREAS];
    cr_assert(areas->total.suppressed, "the open cases are hidden in the first table: here too");
    cr_assert_not(figures_row(areas, "BU01")->suppressed, "7 open in Noord, nothing to subtract from");
    cr_assert_eq(count_audit(AUDIT_READ, "figures"), 1);
    for (audit_entry *a = fx.ctx.audit_head; a; a = a->next)
        cr_assert(a->person_id == 0 && a->household_id == 0 && a->case_id == 0);
}

Test(figures_read, a_team_leader_reads_his_own_team_and_a_neighbourhood_of_it)
{
    act_as(3, ROLE_TEAMLEADER, 1);
    errors e;
    errors_init(&e, &fx.a);
    figures *f = arena_alloc(&fx.a, sizeof *f);
    cr_assert_eq(figures_get(&fx.ctx, 2, NULL, &e, f), WT_FORBIDDEN);
    cr_assert_eq(figures_get(&fx.ctx, 0, "BU01", &e, f), WT_OK);
    cr_assert_eq(f->team_id, 1, "his team, without asking");
    cr_assert_eq(figures_row(&f->tables[FIG_T_CASES], "open")->count, 7);
    cr_assert_eq(figures_row(&f->tables[FIG_T_CASES], "closed")->count, 0);
    cr_assert_eq(figures_get(&fx.ctx, 0, "BU03", &e, f), WT_INVALID, "a neighbourhood of another team");
    cr_assert_not_null(errors_get(&e, "neighbourhood"));
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(figures_get(&fx.ctx, 0, NULL, &e, f), WT_FORBIDDEN);
    cr_assert_eq(count_audit(AUDIT_READ, "figures"), 0);
}
