/*
 * Unit tests of the front door rules: code tables, registering a question,
 * handling it (outcome and household rules), access per team and role, and
 * the audit entries - against a real SQLite database.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/frontdoor/frontdoor.h"
#include "../../src/household/household.h"
#include "db_fixture.h"

Test(frontdoor_codes, kinds_channels_and_statuses)
{
    cr_assert(frontdoor_code_valid(question_kinds, "question"));
    cr_assert(frontdoor_code_valid(question_kinds, "idea"));
    cr_assert(frontdoor_code_valid(question_kinds, "offer"));
    cr_assert_not(frontdoor_code_valid(question_kinds, "complaint"));
    cr_assert_not(frontdoor_code_valid(question_kinds, NULL));
    for (const char *const *c = (const char *const[]){"walk_in", "phone", "outreach", "web", "email", NULL}; *c; c++)
        cr_assert(frontdoor_code_valid(question_channels, *c), "%s", *c);
    cr_assert_not(frontdoor_code_valid(question_channels, "fax"));
    cr_assert_str_eq(frontdoor_label(question_statuses, "handled"), "Afgehandeld");
    cr_assert_str_eq(frontdoor_label(question_kinds, "offer"), "Aanbod om te helpen");
    cr_assert_str_eq(frontdoor_label(question_kinds, "onbekend"), "onbekend");
}

static void setup_db(void)
{
    fx_open("fd", "INSERT INTO team (id, name, municipality, created_at) VALUES"
                  " (1, 'Een', 'Leeuwarden', '2026-01-01'), (2, 'Twee', 'Leeuwarden', '2026-01-01');"
                  "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at)"
                  " VALUES (1, 'w1', 'Werker Een', 'x', 'worker', 1, '2026-01-01'),"
                  " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, '2026-01-01'),"
                  " (3, 'pol', 'Beleid', 'x', 'policy', NULL, '2026-01-01');");
}

static int64_t new_question(const question_input *in)
{
    errors e;
    errors_init(&e, &fx.a);
    int64_t id = 0;
    wt_status st = question_create(&fx.ctx, in, &e, &id);
    cr_assert_eq(st, WT_OK, "%s %s", wt_status_name(st), e.head ? e.head->field : "");
    return id;
}

static int64_t new_household(void)
{
    errors e;
    errors_init(&e, &fx.a);
    person_input m = {.given_name = "Anne", .family_name = "Bakker"};
    household_input in = {.addr = {"8921 AB", "1", "", "", "Kerkstraat", "Leeuwarden"}, .members = &m, .n_members = 1};
    int64_t id = 0;
    cr_assert_eq(household_create(&fx.ctx, &in, &e, &id), WT_OK);
    return id;
}

TestSuite(frontdoor_rules, .init = setup_db, .fini = fx_close);

Test(frontdoor_rules, registers_an_open_question_for_the_team_and_logs_it)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = new_question(&(question_input){"offer", "phone", "  Henk  ", NULL, "Ik wil helpen.", 0});
    cr_assert_not_null(fx.ctx.audit_head);
    cr_assert_eq(fx.ctx.audit_head->action, AUDIT_CREATE);
    cr_assert_str_eq(fx.ctx.audit_head->entity, "question");
    question q;
    cr_assert_eq(question_get(&fx.ctx, id, &q), WT_OK);
    cr_assert_str_eq(q.status, "open");
    cr_assert_str_eq(q.name, "Henk", "trimmed");
    cr_assert_eq(q.team_id, 1);
    cr_assert_null(q.contact);
    cr_assert_eq(fx.ctx.audit_tail->action, AUDIT_READ);
}

Test(frontdoor_rules, validation_names_each_field)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    char body[4002];
    memset(body, 'b', sizeof body - 1);
    body[sizeof body - 1] = '\0';
    int64_t id = 0;
    cr_assert_eq(question_create(&fx.ctx, &(question_input){"klacht", "fax", "", NULL, body, 12345}, &e, &id),
                 WT_INVALID);
    const char *fields[] = {"kind", "channel", "name", "body", "household_id"};
    for (size_t i = 0; i < 5; i++)
        cr_assert_not_null(errors_get(&e, fields[i]), "%s", fields[i]);
    cr_assert_null(fx.ctx.audit_head);
}

Test(frontdoor_rules, handling_needs_an_outcome_and_a_case_needs_a_household)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = new_question(&(question_input){"question", "walk_in", "Anne", "058-1234567", "Hulp bij post.", 0});
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(question_update(&fx.ctx, id, &(question_change){.status = "handled"}, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "outcome"));
    errors_init(&e, &fx.a);
    cr_assert_eq(question_update(&fx.ctx, id, &(question_change){.status = "case", .outcome = "Casus."}, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "household_id"));
    int64_t hid = new_household();
    errors_init(&e, &fx.a);
    cr_assert_eq(question_link_household(&fx.ctx, id, hid, &e), WT_OK);
    errors_init(&e, &fx.a);
    cr_assert_eq(question_update(&fx.ctx, id, &(question_change){.status = "case", .outcome = "Casus geopend."}, &e), WT_OK);
    question q;
    cr_assert_eq(question_get(&fx.ctx, id, &q), WT_OK);
    cr_assert_str_eq(q.status, "case");
    cr_assert_eq(q.household_id, hid);
    cr_assert_str_eq(q.household_name, "Huishouden Bakker");

    question *list;
    int n;
    bool more;
    cr_assert_eq(question_list(&fx.ctx, "open", 10, 0, &list, &n, &more), WT_OK);
    cr_assert_eq(n, 0);
    cr_assert_eq(question_list(&fx.ctx, "case", 10, 0, &list, &n, &more), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(question_list_for_household(&fx.ctx, hid, 10, &list, &n), WT_OK);
    cr_assert_eq(n, 1);
}

Test(frontdoor_rules, other_teams_get_not_found_and_other_roles_forbidden)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t id = new_question(&(question_input){"idea", "web", "Piet", NULL, "Een moestuin.", 0});
    int64_t hid = new_household();
    question q;
    errors e;
    errors_init(&e, &fx.a);
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(question_get(&fx.ctx, id, &q), WT_NOTFOUND);
    cr_assert_eq(question_update(&fx.ctx, id, &(question_change){.outcome = "x"}, &e), WT_NOTFOUND);
    int64_t own = new_question(&(question_input){"idea", "web", "Klaas", NULL, "Een bankje.", 0});
    errors_init(&e, &fx.a);
    cr_assert_eq(question_link_household(&fx.ctx, own, hid, &e), WT_INVALID, "no household of another team");
    cr_assert_not_null(errors_get(&e, "household_id"));
    question *list;
    int n;
    bool more;
    cr_assert_eq(question_list(&fx.ctx, NULL, 10, 0, &list, &n, &more), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(list[0].id, own);
    act_as(3, ROLE_POLICY, 0);
    cr_assert_eq(question_get(&fx.ctx, id, &q), WT_FORBIDDEN);
    cr_assert_eq(question_list(&fx.ctx, NULL, 10, 0, &list, &n, &more), WT_FORBIDDEN);
    cr_assert_eq(question_create(&fx.ctx, &(question_input){"idea", "web", "X", NULL, "Y", 0}, &e, &own), WT_FORBIDDEN);
}

Test(frontdoor_rules, the_queue_pages_newest_first)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t ids[5];
    for (int i = 0; i < 5; i++)
        ids[i] = new_question(&(question_input){"question", "email", "Bewoner", NULL, "Vraag", 0});
    question *list;
    int n;
    bool more;
    cr_assert_eq(question_list(&fx.ctx, "open", 2, 0, &list, &n, &more), WT_OK);
    cr_assert_eq(n, 2);
    cr_assert(more);
    cr_assert_eq(list[0].id, ids[4]);
    cr_assert_eq(question_list(&fx.ctx, "open", 2, 4, &list, &n, &more), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_not(more);
    cr_assert_eq(list[0].id, ids[0]);
    cr_assert_eq(question_list(&fx.ctx, "gesloten", 2, 0, &list, &n, &more), WT_NOTFOUND);
}
