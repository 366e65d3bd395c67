/*
 * test_retention.c - retention periods and erasure (src/retention/, src/privacy/):
 * the day a period ends, what each kind removes or anonymises, the legal hold,
 * who may erase, the counts in the privacy log, and a guard that every table
 * pointing at a person, household or case is known to the erasure.
 */
#include "db_fixture.h"

#include "../../src/core/date.h"
#include "../../src/db/catalog.h"
#include "../../src/privacy/privacy.h"
#include "../../src/retention/retention.h"

/* Team 1 with a coordinator (1), another worker (2), the team leader (3), the administrator (4); team 2
 * with a worker (5). Household 1 (Anna and Sem Jansen, person 1 and 2) had a case, closed on 2015-01-10,
 * with a contact, a plan with a goal and an action, an intake with a finding, a consent, a referral and a
 * signal. Household 2 (person 3, Piet de Boer) is a neighbour: Anna's friend. A front door question
 * handled on 2015-03-01. */
static const char seed[] =
    "INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Noord', 'Leeuwarden', '2014-01-01'),"
    " (2, 'Zuid', 'Leeuwarden', '2014-01-01');"
    "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at) VALUES"
    " (1, 'sanne', 'Sanne', 'x', 'worker', 1, '2014-01-01'), (2, 'joost', 'Joost', 'x', 'worker', 1, '2014-01-01'),"
    " (3, 'marieke', 'Marieke', 'x', 'teamleader', 1, '2014-01-01'), (4, 'beheer', 'Beheer', 'x', 'admin', NULL, '2014-01-01'),"
    " (5, 'zuid', 'Zuid', 'x', 'worker', 2, '2014-01-01');"
    "INSERT INTO household (id, team_id, name, created_at) VALUES (1, 1, 'Huishouden Jansen', '2014-02-01'),"
    " (2, 1, 'Huishouden De Boer', '2014-02-01');"
    "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded, birth_date, bsn, created_at)"
    " VALUES (1, 1, 'Anna', 'Jansen', 'anna jansen', 'jansen', '1980-01-01', '999999990', '2014-02-01'),"
    " (2, 1, 'Sem', 'Jansen', 'sem jansen', 'jansen', '2010-01-01', NULL, '2014-02-01'),"
    " (3, 2, 'Piet', 'de Boer', 'piet de boer', 'de boer', '1950-01-01', NULL, '2014-02-01');"
    "INSERT INTO cases (id, household_id, team_id, coordinator_id, status, reason, opened_on, closed_on, close_reason,"
    " close_note) VALUES (1, 1, 1, 1, 'closed', 'Schulden bij Jansen', '2014-03-01', '2015-01-10', 'goals_achieved',"
    " 'Alles op orde');"
    "INSERT INTO case_handover (case_id, from_user_id, to_user_id, by_user_id, at, reason) VALUES"
    " (1, 2, 1, 3, '2014-04-01T10:00:00Z', 'Ziekte van Joost');"
    "INSERT INTO contact (case_id, user_id, kind, happened_on, minutes, summary, created_at) VALUES"
    " (1, 1, 'visit', '2014-05-01', 60, 'Brieven van Jansen geordend', '2014-05-01');"
    "INSERT INTO plan (id, case_id, strengths, updated_at) VALUES (1, 1, 'Veerkrachtig', '2014-03-02');"
    "INSERT INTO goal (id, plan_id, domain, body, created_at) VALUES (1, 1, 'money', 'Schulden saneren', '2014-03-02');"
    "INSERT INTO action (id, goal_id, body, layer, performer, created_at) VALUES"
    " (1, 1, 'Budgetcursus', 'volunteer', 'Schuldhulpmaatje', '2014-03-02');"
    "INSERT INTO intake (id, case_id, household_id, held_on, question, created_at, updated_at) VALUES"
    " (1, 1, 1, '2014-03-01', 'Wij komen niet rond', '2014-03-01', '2014-03-01');"
    "INSERT INTO intake_finding (intake_id, domain, situation, goal_id, created_at, updated_at) VALUES"
    " (1, 'money', 'Schulden', 1, '2014-03-01', '2014-03-01');"
    "INSERT INTO consent (id, household_id, person_id, what, with_whom, given_on, form, created_at) VALUES"
    " (1, 1, 1, 'Financiële situatie', 'Schuldhulp', '2014-03-05', 'written', '2014-03-05');"
    "INSERT INTO referral (id, action_id, case_id, kind, organisation, reason, urgency, consent_id, status, sent_on,"
    " created_at, updated_at) VALUES (1, 1, 1, 'referral', 'Schuldhulp', 'Schulden', 'normal', 1, 'sent', '2014-03-06',"
    " '2014-03-06', '2014-03-06');"
    "INSERT INTO referral_event (referral_id, status, happened_on, at) VALUES (1, 'sent', '2014-03-06', '2014-03-06');"
    "INSERT INTO signal (id, team_id, person_id, kind, noticed_by, noticed_on, status, case_id, created_at, closed_on,"
    " outcome) VALUES (1, 1, 1, 'debts', 'neighbour', '2014-02-20', 'closed', 1, '2014-02-20', '2014-03-01', 'became_case');"
    "INSERT INTO signal_followup (signal_id, at, by_user_id, kind, note, created_at) VALUES"
    " (1, '2014-02-25', 1, 'visit', 'Gesproken met Anna', '2014-02-25');"
    "INSERT INTO relation (team_id, person_a, person_b, kind, source, legal_ground, recorded_at) VALUES"
    " (1, 1, 3, 'friend', 'resident_self', 'consent', '2014-02-01');"
    "INSERT INTO offer (team_id, person_id, skill, recorded_at, updated_at) VALUES (1, 3, 'transport', '2014-02-01', '2014-02-01');"
    "INSERT INTO question (team_id, kind, channel, name, body, status, received_at) VALUES"
    " (1, 'question', 'phone', 'Mevrouw Visser', 'Waar vind ik een klusjesman?', 'handled', '2015-03-01T09:00:00Z');";

static void setup(void)
{
    fx_open("retention", seed);
}

static void teardown(void)
{
    date_set_today(NULL);
    fx_close();
}

TestSuite(retention, .init = setup, .fini = teardown);

static void system_actor(void)
{
    act_as(0, ROLE_ADMIN, 0);
}

static retention_tally run_on(const char *day)
{
    system_actor();
    retention_tally t;
    cr_assert_eq(retention_run(&fx.ctx, false, day, &t), WT_OK, "%s", db_last_error(fx.c));
    return t;
}

Test(retention, rules_have_their_defaults_and_only_the_administrator_sees_them)
{
    retention_rule *r;
    int n;
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(retention_rules(&fx.ctx, &r, &n), WT_FORBIDDEN);
    act_as(3, ROLE_TEAMLEADER, 1);
    cr_assert_eq(retention_rules(&fx.ctx, &r, &n), WT_FORBIDDEN);
    act_as(4, ROLE_ADMIN, 0);
    cr_assert_eq(retention_rules(&fx.ctx, &r, &n), WT_OK);
    cr_assert_eq(n, RETENTION_KINDS);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(r[i].years, r[i].default_years, "%s", r[i].kind);
        cr_assert_eq(r[i].legal, r[i].default_legal, "%s", r[i].kind);
        cr_assert(strlen(r[i].basis) > 20 && strlen(r[i].what) > 5);
    }
    cr_assert_eq(retention_default("contact")->default_years, 5);
    cr_assert_eq(retention_default("signal")->default_years, 2);
    cr_assert_not(retention_default("signal")->default_legal);
    cr_assert_null(retention_default("bsn"));
}

Test(retention, a_period_is_set_in_whole_years_and_logged)
{
    errors e;
    errors_init(&e, &fx.a);
    act_as(4, ROLE_ADMIN, 0);
    cr_assert_eq(retention_rule_set(&fx.ctx, "contact", "-1", -1, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "years"));
    errors_init(&e, &fx.a);
    cr_assert_eq(retention_rule_set(&fx.ctx, "contact", "101", -1, &e), WT_INVALID);
    errors_init(&e, &fx.a);
    cr_assert_eq(retention_rule_set(&fx.ctx, "bsn", "3", -1, &e), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "kind"));
    errors_init(&e, &fx.a);
    cr_assert_eq(retention_rule_set(&fx.ctx, "contact", "7", 0, &e), WT_OK);
    cr_assert_eq(fx_scalar("SELECT years FROM retention_rule WHERE kind = 'contact'"), 7);
    cr_assert_eq(fx_scalar("SELECT legal FROM retention_rule WHERE kind = 'contact'"), 0);
    cr_assert_eq(fx_scalar("SELECT updated_by FROM retention_rule WHERE kind = 'contact'"), 4);
    cr_assert_eq(count_audit(AUDIT_UPDATE, "retention_rule"), 1);
    act_as(3, ROLE_TEAMLEADER, 1);
    errors_init(&e, &fx.a);
    cr_assert_eq(retention_rule_set(&fx.ctx, "contact", "1", -1, &e), WT_FORBIDDEN);
}

Test(retention, the_dossier_goes_on_the_day_its_period_ends_not_before)
{
    /* Closed on 2015-01-10, five years: kept through 2020-01-09, removed on 2020-01-10. */
    retention_tally t = run_on("2020-01-09");
    cr_assert_eq(retention_tally_get(&t, "contact"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM contact"), 1);
    /* Only what has no legal period of its own went: the question handled in 2015 after two years. */
    cr_assert_eq(retention_tally_get(&t, "question"), 1);
    cr_assert_eq(retention_tally_get(&t, "signal"), 0, "the signal belongs to a case: the case kinds count");

    t = run_on("2020-01-10");
    cr_assert_eq(retention_tally_get(&t, "contact"), 1);
    cr_assert_eq(retention_tally_get(&t, "plan"), 1);
    cr_assert_eq(retention_tally_get(&t, "goal"), 1);
    cr_assert_eq(retention_tally_get(&t, "action"), 1);
    cr_assert_eq(retention_tally_get(&t, "referral"), 1);
    cr_assert_eq(retention_tally_get(&t, "intake"), 1);
    cr_assert_eq(retention_tally_get(&t, "cases"), 1);
    cr_assert_eq(retention_tally_get(&t, "case_handover"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM contact") + fx_scalar("SELECT COUNT(*) FROM plan") +
                     fx_scalar("SELECT COUNT(*) FROM intake_finding") + fx_scalar("SELECT COUNT(*) FROM referral_event"),
                 0);
    /* The case stays for the figures, without its words. */
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM cases WHERE reason = '' AND close_note IS NULL"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM case_handover WHERE reason = ''"), 1);
    /* The household and its members: the household kind, same period, so they went too. */
    cr_assert_eq(retention_tally_get(&t, "person"), 2);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person WHERE household_id = 1"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM household WHERE id = 1 AND name = '' AND anonymised_on IS NOT NULL"), 1);
    /* The neighbour is untouched, but his friendship with Anna is gone with her. */
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person WHERE id = 3"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM relation"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM offer"), 1);
    cr_assert_eq(count_audit(AUDIT_DELETE, "person"), 2);

    /* A second run finds nothing, and the log has counts only. */
    t = run_on("2020-01-10");
    cr_assert_eq(retention_tally_total(&t), 0);
    db_result r;
    cr_assert_eq(db_query(fx.c, &fx.a, &r, "SELECT summary FROM privacy_log ORDER BY id", DB_NOARGS), WT_OK);
    cr_assert_eq(r.nrows, 3);
    cr_assert_str_eq(db_get(&r, 2, 0), "niets");
    cr_assert(strstr(db_get(&r, 1, 0), "contact=1") && strstr(db_get(&r, 1, 0), "person=2"));
    for (int i = 0; i < r.nrows; i++)
        cr_assert_null(strstr(db_get(&r, i, 0), "Jansen"));
}

Test(retention, each_kind_has_its_own_period)
{
    act_as(4, ROLE_ADMIN, 0);
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(retention_rule_set(&fx.ctx, "contact", "1", -1, &e), WT_OK);
    retention_tally t = run_on("2016-06-01");
    cr_assert_eq(retention_tally_get(&t, "contact"), 1);
    cr_assert_eq(retention_tally_get(&t, "plan"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM plan"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person"), 3);
}

Test(retention, ended_relations_and_closed_signals_without_a_case_go_after_their_own_period)
{
    exec_ok("UPDATE relation SET ended_on = '2016-01-01';"
            "INSERT INTO signal (team_id, anonymous, kind, noticed_by, noticed_on, status, created_at, closed_on, outcome)"
            " VALUES (1, 1, 'loneliness', 'worker', '2016-01-01', 'closed', '2016-01-01', '2016-02-01', 'no_concern');"
            "INSERT INTO signal (team_id, anonymous, kind, noticed_by, noticed_on, status, created_at)"
            " VALUES (1, 1, 'loneliness', 'worker', '2016-01-01', 'open', '2016-01-01');");
    retention_tally t = run_on("2018-02-01");
    cr_assert_eq(retention_tally_get(&t, "relation"), 1);
    cr_assert_eq(retention_tally_get(&t, "signal"), 1, "the closed one without a case; never an open one");
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM signal WHERE status = 'open'"), 1);
}

Test(retention, a_dry_run_counts_what_a_run_removes)
{
    system_actor();
    retention_tally dry, real;
    cr_assert_eq(retention_run(&fx.ctx, true, "2030-01-01", &dry), WT_OK);
    cr_assert_eq(db_rollback(fx.c), WT_OK);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person"), 3, "nothing removed");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
    cr_assert_eq(retention_run(&fx.ctx, false, "2030-01-01", &real), WT_OK);
    cr_assert_gt(retention_tally_total(&dry), 10);
    cr_assert_eq(retention_tally_total(&dry), retention_tally_total(&real));
    cr_assert_eq(retention_run(&fx.ctx, false, "2030-02-30", &real), WT_INVALID);
}

Test(retention, a_legal_period_holds_the_household_until_its_end)
{
    date_set_today("2018-01-01");
    bool open;
    char until[11];
    const char *kind;
    system_actor();
    cr_assert_eq(retention_legal_hold(&fx.ctx, 1, &open, until, &kind), WT_OK);
    cr_assert_not(open);
    cr_assert_str_eq(until, "2020-01-10");
    date_set_today("2020-01-11");
    cr_assert_eq(retention_legal_hold(&fx.ctx, 1, &open, until, &kind), WT_OK);
    cr_assert_str_eq(until, "");
    exec_ok("UPDATE cases SET status = 'open', closed_on = NULL");
    cr_assert_eq(retention_legal_hold(&fx.ctx, 1, &open, until, &kind), WT_OK);
    cr_assert(open);
    /* A household without a case: nothing holds it. */
    cr_assert_eq(retention_legal_hold(&fx.ctx, 2, &open, until, &kind), WT_OK);
    cr_assert_not(open);
    cr_assert_str_eq(until, "");
}

static wt_status erase(int64_t person, const char *ground, bool confirm, errors *e, retention_tally *t, bool *left)
{
    int64_t hh;
    errors_init(e, &fx.a);
    return privacy_person_erase(&fx.ctx, person, ground, confirm, e, t, &hh, left);
}

Test(retention, erasure_on_request_who_may_and_when)
{
    errors e;
    retention_tally t;
    bool left;
    date_set_today("2018-01-01");
    act_as(2, ROLE_WORKER, 1);
    cr_assert_eq(erase(2, "request", true, &e, &t, &left), WT_FORBIDDEN, "not the coordinator");
    act_as(5, ROLE_WORKER, 2);
    cr_assert_eq(erase(2, "request", true, &e, &t, &left), WT_NOTFOUND, "another team");
    act_as(4, ROLE_ADMIN, 0);
    cr_assert_eq(erase(2, "request", true, &e, &t, &left), WT_FORBIDDEN);
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(erase(2, "whim", false, &e, &t, &left), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "ground"));
    cr_assert_not_null(errors_get(&e, "confirm"));
    cr_assert_eq(erase(2, "request", true, &e, &t, &left), WT_CONFLICT);
    cr_assert(strstr(errors_get(&e, "erase"), "10 januari 2020"), "%s", errors_get(&e, "erase"));

    date_set_today("2020-01-10");
    cr_assert_eq(erase(2, "request", true, &e, &t, &left), WT_OK);
    cr_assert(left);
    cr_assert_eq(retention_tally_get(&t, "person"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person WHERE id = 2"), 0);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM contact"), 1, "the household's dossier stays while Anna is there");
    cr_assert_eq(count_audit(AUDIT_DELETE, "person"), 1);

    /* The team leader erases Anna, the last member: her own rows and the household's dossier go. */
    act_as(3, ROLE_TEAMLEADER, 1);
    cr_assert_eq(erase(1, "not_needed", true, &e, &t, &left), WT_OK);
    cr_assert_not(left);
    cr_assert_eq(retention_tally_get(&t, "consent"), 1);
    cr_assert_eq(retention_tally_get(&t, "signal"), 1);
    cr_assert_eq(retention_tally_get(&t, "relation"), 1);
    cr_assert_eq(retention_tally_get(&t, "contact"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM person"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM household WHERE id = 1 AND name = ''"), 1);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM privacy_log WHERE kind = 'erasure' AND person_ref IN (1, 2)"), 2);
    cr_assert_eq(fx_scalar("SELECT COUNT(*) FROM privacy_log WHERE summary LIKE '%Anna%' OR summary LIKE '%Jansen%'"), 0);
    cr_assert_eq(count_audit(AUDIT_DELETE, "household"), 1);
}

Test(retention, the_file_of_a_person_holds_every_kind_and_is_logged_as_an_export)
{
    act_as(1, ROLE_WORKER, 1);
    pf_file f;
    cr_assert_eq(privacy_person_file(&fx.ctx, 1, &f), WT_OK);
    cr_assert_str_eq(f.name, "Anna Jansen");
    const char *want[] = {"person", "household", "members", "cases", "handovers", "plans", "goals", "actions",
                          "contacts", "intake", "findings", "relations", "consents", "referrals", "signals", "followups",
                          NULL};
    for (int w = 0; want[w]; w++) {
        bool found = false;
        for (int i = 0; i < f.n; i++)
            if (strcmp(f.sections[i].key, want[w]) == 0) {
                cr_assert_gt(f.sections[i].n, 0, "%s has a record", want[w]);
                found = true;
            }
        cr_assert(found, "%s", want[w]);
    }
    cr_assert_eq(count_audit(AUDIT_EXPORT, "person_file"), 1);
    act_as(2, ROLE_WORKER, 1);
    cr_assert_eq(privacy_person_file(&fx.ctx, 1, &f), WT_FORBIDDEN);
    act_as(3, ROLE_TEAMLEADER, 1);
    cr_assert_eq(privacy_person_file(&fx.ctx, 3, &f), WT_OK, "a team leader, also without a case");
}

/* Every table that refers to a person, household or case (directly or through the dossier) is one the
 * erasure and the retention run know; a new table must be added to src/retention/retention_db.c. */
Test(retention, every_table_about_a_person_is_known_to_the_erasure)
{
    static const char *const known[] = {
        "person", "household", "cases", "case_handover", "case_member", "case_emergency", "contact", "plan", "goal", "action", "intake",
        "intake_finding", "assessment", "assessment_score", "relation", "offer", "helper_load", "need",
        "network_match", "signal", "signal_followup", "question", "consent", "referral", "referral_event",
        "activity_role", "idea", NULL,
    };
    static const char *const parents[] = {"person", "household", "cases", "plan", "goal", "action", "intake",
                                          "assessment", "need", "signal", "consent", "referral", "question", NULL};
    db_table *tables;
    int n;
    const char *err = NULL;
    cr_assert_eq(db_rollback(fx.c), WT_OK);
    cr_assert_eq(db_catalog_tables(fx.c, &fx.a, &tables, &n, &err), WT_OK);
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
    for (int i = 0; i < n; i++) {
        bool refers = false, is_known = false;
        for (int p = 0; p < tables[i].nparents; p++)
            for (int q = 0; parents[q]; q++)
                refers |= strcmp(tables[i].parents[p], parents[q]) == 0;
        for (int k = 0; known[k]; k++)
            is_known |= strcmp(tables[i].name, known[k]) == 0;
        cr_assert(!refers || is_known, "table %s refers to a person, household or case: teach the erasure about it",
                  tables[i].name);
    }
}
