/*
 * Unit tests of the household rules: BSN 11-proef, postcodes, address
 * formatting, name folding, and - against a real SQLite database - the
 * registration, access and search rules with their audit entries.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/household/household.h"
#include "db_fixture.h"

/* ---- BSN ------------------------------------------------------------------------------------------------------- */

Test(bsn, accepts_numbers_that_pass_the_11_proef)
{
    cr_assert(bsn_valid("111222333"));
    cr_assert(bsn_valid("123456782"));
    cr_assert(bsn_valid("999999990"));
}

Test(bsn, refuses_a_wrong_check_digit)
{
    cr_assert_not(bsn_valid("111222334"));
    cr_assert_not(bsn_valid("123456789"));
    cr_assert_not(bsn_valid("123456781"));
}

Test(bsn, refuses_wrong_length_non_digits_and_all_zeros)
{
    cr_assert_not(bsn_valid("12345678"));
    cr_assert_not(bsn_valid("1234567820"));
    cr_assert_not(bsn_valid(""));
    cr_assert_not(bsn_valid(NULL));
    cr_assert_not(bsn_valid("12345678a"));
    cr_assert_not(bsn_valid("1234 5678"));
    cr_assert_not(bsn_valid("-23456782"));
    cr_assert_not(bsn_valid("000000000"));
}

Test(bsn, normalise_strips_spaces_dots_and_hyphens_only)
{
    char out[10];
    cr_assert(bsn_normalise("1234.56.782", out));
    cr_assert_str_eq(out, "123456782");
    cr_assert(bsn_normalise(" 123 456 782 ", out));
    cr_assert_str_eq(out, "123456782");
    cr_assert(bsn_normalise("123-45-6782", out));
    cr_assert_not(bsn_normalise("12345678", out));
    cr_assert_not(bsn_normalise("1234567890", out));
    cr_assert_not(bsn_normalise("12345678x", out));
    cr_assert_not(bsn_normalise(NULL, out));
}

Test(bsn, is_masked_to_its_last_three_digits)
{
    arena a;
    arena_init(&a);
    cr_assert_str_eq(bsn_mask(&a, "123456789"), "***-**-789");
    cr_assert_str_eq(bsn_mask(&a, NULL), "");
    arena_free(&a);
}

/* ---- postcode -------------------------------------------------------------------------------------------------- */

Test(postcode, normalises_case_and_space)
{
    char out[7];
    cr_assert(postcode_normalise("1234ab", out));
    cr_assert_str_eq(out, "1234AB");
    cr_assert(postcode_normalise("1234 AB", out));
    cr_assert_str_eq(out, "1234AB");
    cr_assert(postcode_normalise(" 8921 ab ", out));
    cr_assert_str_eq(out, "8921AB");
    cr_assert(postcode_normalise("9999ZZ", out));
}

Test(postcode, refuses_what_is_not_a_dutch_postcode)
{
    char out[7];
    cr_assert_not(postcode_normalise("0123 AB", out), "postcodes do not start with 0");
    cr_assert_not(postcode_normalise("1234 SA", out), "SA is not issued");
    cr_assert_not(postcode_normalise("1234 SD", out), "SD is not issued");
    cr_assert_not(postcode_normalise("1234 SS", out), "SS is not issued");
    cr_assert_not(postcode_normalise("1234 sa", out));
    cr_assert_not(postcode_normalise("1234  AB", out));
    cr_assert_not(postcode_normalise("123 AB", out));
    cr_assert_not(postcode_normalise("12345 AB", out));
    cr_assert_not(postcode_normalise("1234 A", out));
    cr_assert_not(postcode_normalise("1234 ABC", out));
    cr_assert_not(postcode_normalise("1234 A1", out));
    cr_assert_not(postcode_normalise("AB 1234", out));
    cr_assert_not(postcode_normalise("", out));
    cr_assert_not(postcode_normalise(NULL, out));
    cr_assert(postcode_normalise("1234 SB", out), "other S-combinations are issued");
}

Test(postcode, is_displayed_with_a_space)
{
    arena a;
    arena_init(&a);
    cr_assert_str_eq(postcode_display(&a, "8921AB"), "8921 AB");
    arena_free(&a);
}

/* ---- address and names ----------------------------------------------------------------------------------------- */

Test(address, formats_street_number_letter_addition_postcode_town)
{
    arena a;
    arena_init(&a);
    address full = {.id = 1, .postcode = "8921AB", .house_number = 12, .house_letter = "A", .addition = "2",
                    .street = "Kerkstraat", .town = "Leeuwarden"};
    cr_assert_str_eq(address_format(&a, &full), "Kerkstraat 12 A-2, 8921 AB Leeuwarden");
    address plain = {.id = 2, .postcode = "8921AB", .house_number = 7, .house_letter = "", .addition = "",
                     .street = "Kerkstraat", .town = "Leeuwarden"};
    cr_assert_str_eq(address_format(&a, &plain), "Kerkstraat 7, 8921 AB Leeuwarden");
    address add_only = {.id = 3, .postcode = "8921AB", .house_number = 7, .house_letter = "", .addition = "BIS",
                        .street = "Kerkstraat", .town = "Leeuwarden"};
    cr_assert_str_eq(address_format(&a, &add_only), "Kerkstraat 7-BIS, 8921 AB Leeuwarden");
    address none = {0};
    cr_assert_str_eq(address_format(&a, &none), "");
    cr_assert_str_eq(address_format(&a, NULL), "");
    arena_free(&a);
}

Test(names, full_name_and_folded_columns)
{
    arena a;
    arena_init(&a);
    person p = {.given_name = "Fatma", .family_name = "Çelik"};
    cr_assert_str_eq(person_full_name(&a, &p), "Fatma Çelik");
    person only = {.given_name = "", .family_name = "de Vries"};
    cr_assert_str_eq(person_full_name(&a, &only), "de Vries");
    cr_assert_str_eq(person_name_fold(&a, "Fatma", "Çelik"), "fatma celik");
    cr_assert_str_eq(person_name_fold(&a, "  Şükrü ", " Çakırgöz  Yılmaz"), "sukru cakirgoz yilmaz");
    cr_assert_str_eq(person_family_fold(&a, "De  Vries"), "de vries");
    cr_assert_str_eq(person_family_fold(&a, "Ëlisé-Öztürk"), "elise-ozturk");
    arena_free(&a);
}

Test(names, empty_member_rows)
{
    person_input empty = {0};
    cr_assert(person_input_empty(&empty));
    person_input spaces = {.given_name = "  ", .family_name = "\t"};
    cr_assert(person_input_empty(&spaces));
    person_input flag = {.is_volunteer = true};
    cr_assert_not(person_input_empty(&flag));
    person_input named = {.family_name = "Bakker"};
    cr_assert_not(person_input_empty(&named));
}

Test(names, age_from_birth_date)
{
    date_set_today("2026-11-23");
    person p = {.birth_date = "1980-11-24"};
    cr_assert_eq(person_age(&p), 45);
    person unknown = {.birth_date = NULL};
    cr_assert_eq(person_age(&unknown), -1);
    date_set_today(NULL);
}

/* ---- the rules against a database ------------------------------------------------------------------------------ */

static void setup_db(void)
{
    fx_open("hh", "INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
            " (2, 'Twee', 'Leeuwarden', '2026-01-01');"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at) VALUES"
            " (1, 'w1', 'Werker Een', 'x', 'worker', 1, '2026-01-01'),"
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, '2026-01-01'),"
            " (3, 'adm', 'Beheer', 'x', 'admin', NULL, '2026-01-01'),"
            " (4, 'tl1', 'Leider Een', 'x', 'teamleader', 1, '2026-01-01');");
}

static int64_t register_household(const char *postcode, int number, person_input *members, int n, errors *e)
{
    char num[16];
    snprintf(num, sizeof num, "%d", number);
    household_input in = {.addr = {postcode, arena_strdup(&fx.a, num), "", "", "Kerkstraat", "Leeuwarden"},
                          .members = members,
                          .n_members = n};
    int64_t id = 0;
    wt_status st = household_create(&fx.ctx, &in, e, &id);
    cr_assert_eq(st, WT_OK, "create: %s (%s)", wt_status_name(st), e->head ? e->head->message : "");
    return id;
}

TestSuite(household_rules, .init = setup_db, .fini = fx_close);

Test(household_rules, registers_household_address_and_members_with_audit)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m[3] = {{.given_name = "Fatma", .family_name = "Çelik", .birth_date = "1980-05-01", .bsn = "111222333"},
                         {0},
                         {.given_name = "Jan", .family_name = "de Vries"}};
    int64_t id = register_household("8921 ab", 12, m, 3, &e);
    cr_assert_eq(count_audit(AUDIT_CREATE, "household"), 1);
    cr_assert_eq(count_audit(AUDIT_CREATE, "address"), 1);
    cr_assert_eq(count_audit(AUDIT_CREATE, "person"), 2, "the empty row is skipped");
    household h;
    cr_assert_eq(household_get(&fx.ctx, id, &h), WT_OK);
    cr_assert_eq(h.team_id, 1);
    cr_assert_str_eq(h.name, "Huishouden Çelik");
    cr_assert_str_eq(h.addr.postcode, "8921AB");
    cr_assert_eq(h.n_members, 2);
    cr_assert_eq(h.open_case_id, 0);
    cr_assert_eq(count_audit(AUDIT_READ, "household"), 1);
    cr_assert_eq(count_audit(AUDIT_READ, "person"), 2);
}

Test(household_rules, refuses_roles_and_other_teams)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m = {.given_name = "A", .family_name = "B"};
    int64_t id = register_household("8921 AB", 1, &m, 1, &e);
    household h;
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(household_get(&fx.ctx, id, &h), WT_FORBIDDEN);
    int64_t nid;
    cr_assert_eq(household_create(&fx.ctx, &(household_input){0}, &e, &nid), WT_FORBIDDEN);
    act_as(0, ROLE_POLICY, 0);
    cr_assert_eq(household_get(&fx.ctx, id, &h), WT_FORBIDDEN);
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(household_get(&fx.ctx, id, &h), WT_NOTFOUND);
    int64_t pid;
    cr_assert_eq(household_add_person(&fx.ctx, id, &m, &e, &pid), WT_NOTFOUND);
    cr_assert_null(fx.ctx.audit_head, "nothing read, nothing logged");
    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_eq(household_get(&fx.ctx, id, &h), WT_OK);
}

Test(household_rules, validation_names_every_field)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m[2] = {{.given_name = "A", .birth_date = "2999-01-01", .bsn = "123456789"},
                         {.given_name = "B", .family_name = "C", .email = "geen", .phone = "x"}};
    household_input in = {.addr = {"0123 AB", "0", "AB", "12345", "", ""}, .members = m, .n_members = 2};
    int64_t id = 0;
    cr_assert_eq(household_create(&fx.ctx, &in, &e, &id), WT_INVALID);
    const char *fields[] = {"postcode", "house_number", "house_letter", "addition", "members.0.family_name",
                            "members.0.birth_date", "members.0.bsn", "members.1.email", "members.1.phone"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        cr_assert_not_null(errors_get(&e, fields[i]), "%s", fields[i]);
    cr_assert_eq(id, 0);
    cr_assert_null(fx.ctx.audit_head);
}

Test(household_rules, bsn_is_unique_across_persons)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m = {.given_name = "A", .family_name = "B", .bsn = "123456782"};
    int64_t id = register_household("8921 AB", 1, &m, 1, &e);
    person_input again = {.given_name = "C", .family_name = "D", .bsn = "1234.56.782"};
    int64_t pid = 0;
    cr_assert_eq(household_add_person(&fx.ctx, id, &again, &e, &pid), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "bsn"));
}

Test(household_rules, reuses_an_existing_address)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m = {.given_name = "A", .family_name = "B"};
    int64_t a = register_household("8921 AB", 3, &m, 1, &e);
    household_input in = {.addr = {"8921ab", "3", "", "", NULL, NULL}, .members = &m, .n_members = 1};
    int64_t b = 0;
    cr_assert_eq(household_create(&fx.ctx, &in, &e, &b), WT_OK, "street and town not needed for a known address");
    household ha, hb;
    cr_assert_eq(household_get(&fx.ctx, a, &ha), WT_OK);
    cr_assert_eq(household_get(&fx.ctx, b, &hb), WT_OK);
    cr_assert_eq(ha.addr.id, hb.addr.id);
    cr_assert_eq(count_audit(AUDIT_CREATE, "address"), 1);
}

Test(household_rules, search_folds_names_stays_in_team_and_is_logged)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m1[3] = {{.given_name = "Fatma", .family_name = "Çelik", .birth_date = "1980-05-01"},
                          {.given_name = "Jan", .family_name = "de Vries"},
                          {.given_name = "Mehmet", .family_name = "Çelik"}};
    int64_t own = register_household("8921 AB", 5, m1, 3, &e);
    act_as(2, ROLE_WORKER, 2);
    person_input m2 = {.given_name = "Ayşe", .family_name = "Çelik"};
    register_household("8921 AB", 7, &m2, 1, &e);

    act_as(1, ROLE_WORKER, 1);
    const char *queries[] = {"celik", "ÇELİK", "Çelik", "fatma celik", "vries", "de vries", "jan de vries"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        household_hit *hits;
        int n;
        bool more;
        errors_init(&e, &fx.a);
        cr_assert_eq(household_search(&fx.ctx, &(household_query){.q = queries[i]}, &e, &hits, &n, &more), WT_OK,
                     "%s", queries[i]);
        cr_assert_eq(n, 1, "\"%s\" finds the own team's household only, once (two of its members are Çelik)",
                     queries[i]);
        cr_assert_eq(hits[0].h.id, own);
        cr_assert_eq(hits[0].h.n_members, 3);
    }
    cr_assert_eq(count_audit(AUDIT_SEARCH, "household"), (int)(sizeof queries / sizeof queries[0]));

    household_hit *hits;
    int n;
    bool more;
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.q = "ayse"}, &e, &hits, &n, &more), WT_OK);
    cr_assert_eq(n, 0, "another team's household is not found");
    cr_assert_eq(count_audit(AUDIT_SEARCH, "household"), 1, "a search without results is logged as well");
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.birth_date = "1980-05-01"}, &e, &hits, &n, &more), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.postcode = "8921ab", .house_number = "5"}, &e, &hits, &n,
                                  &more),
                 WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.q = "%_ %"}, &e, &hits, &n, &more), WT_INVALID);
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.q = "celik"}, &e, &hits, &n, &more), WT_FORBIDDEN);
}

Test(household_rules, persons_carry_the_team_of_their_household)
{
    /* The search reads a team's range of the person indexes (migration 0019): the database keeps person.team_id
       equal to the household's team, whoever writes the person and whatever moves. */
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    person_input m1 = {.given_name = "Jan", .family_name = "de Vries", .birth_date = "1950-02-03"};
    int64_t one = register_household("8921 AB", 5, &m1, 1, &e);
    act_as(2, ROLE_WORKER, 2);
    person_input m2 = {.given_name = "Piet", .family_name = "de Vries", .birth_date = "1950-02-03"};
    int64_t two = register_household("8921 AB", 7, &m2, 1, &e);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person p JOIN household h ON h.id = p.household_id"
                           " WHERE p.team_id IS NOT h.team_id"),
                 0);
    /* A row written with a wrong or no team gets the household's. */
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO person (household_id, team_id, given_name, family_name, name_folded, family_folded, created_at)"
             " VALUES (%lld, 2, 'Klaas', 'de Vries', 'klaas de vries', 'de vries', '2026-01-01'),"
             " (%lld, NULL, 'Anna', 'de Vries', 'anna de vries', 'de vries', '2026-01-01')",
             (long long)one, (long long)one);
    exec_ok(sql);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person WHERE team_id = 1"), 3);
    /* A household that moves to another team takes its members along; a person who moves takes the new team. */
    snprintf(sql, sizeof sql, "UPDATE household SET team_id = 2 WHERE id = %lld", (long long)one);
    exec_ok(sql);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person WHERE team_id = 2"), 4);
    snprintf(sql, sizeof sql, "UPDATE household SET team_id = 1 WHERE id = %lld;"
             " UPDATE person SET household_id = %lld WHERE given_name = 'Piet'", (long long)one, (long long)one);
    exec_ok(sql);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person WHERE team_id = 1"), 4);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person p JOIN household h ON h.id = p.household_id"
                           " WHERE p.team_id IS NOT h.team_id"),
                 0);
    /* The search by name and by date of birth stays in the team. */
    snprintf(sql, sizeof sql, "UPDATE person SET household_id = %lld WHERE given_name = 'Piet'", (long long)two);
    exec_ok(sql);
    household_hit *hits;
    int n;
    bool more;
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.q = "de vries"}, &e, &hits, &n, &more), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(hits[0].h.id, one);
    cr_assert_eq(household_search(&fx.ctx, &(household_query){.birth_date = "1950-02-03"}, &e, &hits, &n, &more), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(hits[0].h.id, one);
}
