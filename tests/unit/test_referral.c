/*
 * Unit tests of consents and referrals: what a consent covers (data, party,
 * purpose, the day, withdrawal), a referral refused without recorded consent
 * unless a legal ground is recorded, an anonymous consultation without either,
 * the steps of the status with their dates, a withdrawal shown on the
 * referrals that relied on it, the work queue, access and the audit trail.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/case/case.h"
#include "../../src/consent/consent.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/plan/plan.h"
#include "../../src/referral/referral.h"

#define ORG "0a000000-0000-4000-8000-000000000001"
#define ORG2 "0a000000-0000-4000-8000-000000000002"
#define SERVICE "0b000000-0000-4000-8000-000000000001"
#define SERVICE_OFF "0b000000-0000-4000-8000-000000000002"
#define SERVICE2 "0b000000-0000-4000-8000-000000000003"

/* ---- pure rules ---------------------------------------------------------------------------------------------------- */

static arena pa;

static void pure_init(void)
{
    arena_init(&pa);
}

static void pure_fini(void)
{
    arena_free(&pa);
}

TestSuite(consent_rules, .init = pure_init, .fini = pure_fini);

static consent a_consent(void)
{
    return (consent){.id = 1, .household_id = 7, .person_id = 3, .what = " contact question plan ", .with_whom = "GGZ Friesland",
                     .organization_id = ORG, .purpose = "referral", .given_on = "2026-02-01", .form = "written"};
}

Test(consent_rules, a_consent_covers_its_data_party_purpose_and_days)
{
    consent c = a_consent();
    consent_request r = {7, " contact question ", ORG, "GGZ Friesland", "referral", "2026-02-01"};
    const char *why = NULL;
    cr_assert(consent_covers(&pa, &c, &r, &why), "%s", why ? why : "");
    r.what = " contact health ";
    cr_assert_not(consent_covers(&pa, &c, &r, &why));
    cr_assert(strstr(why, "gezondheid"), "%s", why);
    r.what = " contact ";
    r.organization_id = ORG2;
    cr_assert_not(consent_covers(&pa, &c, &r, &why), "another organisation");
    r.organization_id = ORG;
    r.purpose = "information";
    cr_assert_not(consent_covers(&pa, &c, &r, &why), "another purpose");
    r.purpose = "referral";
    r.on = "2026-01-31";
    cr_assert_not(consent_covers(&pa, &c, &r, &why), "before it was given");
    cr_assert(strstr(why, "pas gegeven"), "%s", why);
    r.on = "2026-03-01";
    c.withdrawn_on = "2026-03-01";
    cr_assert_not(consent_covers(&pa, &c, &r, &why), "withdrawn that day");
    cr_assert(strstr(why, "ingetrokken"), "%s", why);
    r.on = "2026-02-28";
    cr_assert(consent_covers(&pa, &c, &r, NULL), "still in force the day before");
    r.household_id = 8;
    cr_assert_not(consent_covers(&pa, &c, &r, NULL), "another household");
}

Test(consent_rules, a_named_party_matches_by_name_without_case_or_accents)
{
    consent c = a_consent();
    c.organization_id = NULL;
    c.with_whom = "Huisarts Dóntje";
    consent_request r = {7, " contact ", NULL, "  huisarts dontje ", "referral", "2026-02-02"};
    cr_assert(consent_covers(&pa, &c, &r, NULL));
    r.party = "Huisarts Bakker";
    cr_assert_not(consent_covers(&pa, &c, &r, NULL));
}

Test(consent_rules, sets_and_validation_name_every_field)
{
    const char *codes[] = {"plan", "contact"};
    cr_assert_str_eq(consent_set_of(&pa, codes, 2), " contact plan ");
    const char *bad[] = {"contact", "bsn"};
    cr_assert_null(consent_set_of(&pa, bad, 2));
    cr_assert(consent_set_has(" contact plan ", "plan"));
    cr_assert_not(consent_set_has(" contact plan ", "pla"));
    errors e;
    errors_init(&e, &pa);
    consent out;
    consent_input in = {"x", NULL, 0, "", "", "forever", "2027-01-01", "sms"};
    wt_date today = {2026, 3, 1};
    cr_assert_eq(consent_validate(&pa, &in, today, &e, &out), WT_INVALID);
    const char *fields[] = {"person_id", "what", "with_whom", "purpose", "given_on", "form"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        cr_assert_not_null(errors_get(&e, fields[i]), "%s", fields[i]);
    errors_init(&e, &pa);
    in = (consent_input){"3", codes, 2, ORG, NULL, "referral", "2026-03-01", "verbal"};
    cr_assert_eq(consent_validate(&pa, &in, today, &e, &out), WT_OK);
}

TestSuite(referral_rules, .init = pure_init, .fini = pure_fini);

Test(referral_rules, the_steps_of_a_referral_and_of_a_consultation)
{
    cr_assert(referral_step_allowed("referral", "sent", "accepted"));
    cr_assert(referral_step_allowed("referral", "sent", "declined"));
    cr_assert(referral_step_allowed("referral", "accepted", "started"));
    cr_assert(referral_step_allowed("referral", "started", "ended"));
    cr_assert_not(referral_step_allowed("referral", "sent", "ended"));
    cr_assert_not(referral_step_allowed("referral", "sent", "started"));
    cr_assert_not(referral_step_allowed("referral", "ended", "started"));
    cr_assert_not(referral_step_allowed("referral", "declined", "accepted"));
    cr_assert(referral_step_allowed("consultation", "sent", "ended"));
    cr_assert(referral_step_allowed("consultation", "sent", "declined"));
    cr_assert_not(referral_step_allowed("consultation", "sent", "accepted"));
}

Test(referral_rules, validation_names_each_field)
{
    errors e;
    errors_init(&e, &pa);
    referral out;
    const char *shared[] = {"contact"};
    referral_input in = {"transfer", "", "", "asap", NULL, 0, "abc", NULL, NULL, false, "2027-01-01"};
    wt_date today = {2026, 3, 1};
    cr_assert_eq(referral_validate(&pa, &in, "2026-01-01", today, &e, &out), WT_INVALID);
    const char *fields[] = {"kind", "service_id", "reason", "urgency", "sent_on"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        cr_assert_not_null(errors_get(&e, fields[i]), "%s", fields[i]);
    /* A referral shares data; only a consultation can be anonymous. */
    errors_init(&e, &pa);
    in = (referral_input){"referral", SERVICE, "Hulp bij schulden", "normal", NULL, 0, NULL, NULL, NULL, true, NULL};
    cr_assert_eq(referral_validate(&pa, &in, "2026-01-01", today, &e, &out), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "anonymous"));
    errors_init(&e, &pa);
    in.anonymous = false;
    cr_assert_eq(referral_validate(&pa, &in, "2026-01-01", today, &e, &out), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "shared"), "a referral says what it shares");
    /* A legal ground needs its explanation, and excludes a consent. */
    errors_init(&e, &pa);
    in = (referral_input){"referral", SERVICE, "Zorgen", "urgent", shared, 1, "4", "meldcode", "", false, "2025-12-31"};
    cr_assert_eq(referral_validate(&pa, &in, "2026-01-01", today, &e, &out), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "legal_note"));
    cr_assert_not_null(errors_get(&e, "consent_id"));
    cr_assert_not_null(errors_get(&e, "sent_on"), "before the case opened");
    errors_init(&e, &pa);
    in = (referral_input){"consultation", SERVICE, "Advies over opvoeding", NULL, NULL, 0, NULL, NULL, NULL, true, NULL};
    cr_assert_eq(referral_validate(&pa, &in, "2026-01-01", today, &e, &out), WT_OK);
    cr_assert_not(referral_needs_consent(&out), "an anonymous consultation needs no consent");
    cr_assert_str_eq(out.sent_on, "2026-03-01", "today by default");
    cr_assert_str_eq(out.urgency, "normal");
}

/* ---- with the database --------------------------------------------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
    int64_t case_id, action_id;
} fixture;

static fixture fx;

static void exec_ok(const char *sql)
{
    cr_assert_eq(db_exec_script(fx.c, sql), WT_OK, "%s", db_last_error(fx.c));
}

static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-referral-XXXXXX");
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
            "INSERT INTO household (id, team_id, name, created_at) VALUES (1, 1, 'Huishouden De Vries', '2026-01-01'),"
            " (2, 1, 'Huishouden Bakker', '2026-01-01');"
            "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded, birth_date,"
            " created_at) VALUES (1, 1, 'Anna', 'de Vries', 'anna de vries', 'de vries', '1980-02-01', '2026-01-01'),"
            " (2, 2, 'Piet', 'Bakker', 'piet bakker', 'bakker', '1970-02-01', '2026-01-01');"
            "INSERT INTO sm_organization (id, \"name\", \"description\") VALUES"
            " ('" ORG "', 'GGZ Friesland', 'Geestelijke gezondheidszorg'), ('" ORG2 "', 'Schuldhulp', 'Schulden');"
            "INSERT INTO sm_service (id, organization_id, \"name\", status) VALUES"
            " ('" SERVICE "', '" ORG "', 'Ambulante begeleiding', 'active'),"
            " ('" SERVICE_OFF "', '" ORG "', 'Oude dienst', 'defunct'),"
            " ('" SERVICE2 "', '" ORG2 "', 'Schuldhulpverlening', 'active');");
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    fx.ctx.who = (actor){.user_id = 1, .role = ROLE_WORKER, .team_id = 1, .display_name = "Werker Een"};
    date_set_today("2026-01-10");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {1, "Zorgen", 0};
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &fx.case_id), WT_OK);
    int64_t goal;
    goal_input g = {"health", "", "", "Rustiger worden", NULL};
    cr_assert_eq(plan_add_goal(&fx.ctx, fx.case_id, &g, &e, &goal), WT_OK);
    action_input x = {.body = "Zus gaat mee naar de GGZ", .layer = "network", .performer = "Zus"};
    cr_assert_eq(plan_add_action(&fx.ctx, goal, &x, &e, &fx.action_id, NULL), WT_OK);
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

static int64_t count(const char *sql)
{
    db_result r;
    cr_assert_eq(db_query(fx.c, &fx.a, &r, sql, DB_NOARGS), WT_OK);
    return db_get_int(&r, 0, 0);
}

static int count_audit(audit_action action, const char *entity)
{
    int n = 0;
    for (const audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        n += e->action == action && strcmp(e->entity, entity) == 0;
    return n;
}

static const char *const kinds[] = {"contact", "question", "health"};

static int64_t give_consent(const char *org, const char *purpose, const char *on, wt_status want)
{
    errors e;
    errors_init(&e, &fx.a);
    consent_input in = {"1", kinds, 3, org, "", purpose, on, "written"};
    int64_t id = 0;
    cr_assert_eq(consent_record(&fx.ctx, 1, &in, &e, &id), want, "%s", e.head ? e.head->message : "");
    return id;
}

static wt_status refer(const char *service, const char *consent_id, const char *ground, errors *e, int64_t *id)
{
    errors_init(e, &fx.a);
    const char *shared[] = {"contact", "question"};
    referral_input in = {"referral", service, "Angstklachten, wil hulp", "soon", shared, 2, consent_id, ground,
                         ground ? "Acuut gevaar voor de kinderen" : NULL, false, NULL};
    int64_t case_id;
    return referral_create(&fx.ctx, fx.action_id, &in, e, id, &case_id);
}

TestSuite(referral_db, .init = setup_db, .fini = teardown_db);

Test(referral_db, a_referral_without_recorded_consent_is_refused_and_writes_nothing)
{
    errors e;
    int64_t id;
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "consent_id"));
    cr_assert(strstr(errors_get(&e, "consent_id"), "GGZ Friesland"), "%s", errors_get(&e, "consent_id"));
    cr_assert_eq(count("SELECT COUNT(*) FROM referral"), 0);
    /* A consent for another organisation or purpose does not help. */
    give_consent(ORG2, "referral", "2026-03-01", WT_OK);
    give_consent(ORG, "information", "2026-03-01", WT_OK);
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_INVALID);
    cr_assert_eq(count("SELECT COUNT(*) FROM referral"), 0);
}

Test(referral_db, with_consent_it_is_sent_and_relies_on_that_consent)
{
    int64_t k = give_consent(ORG, "referral", "2026-03-01", WT_OK);
    cr_assert_eq(count_audit(AUDIT_CREATE, "consent"), 1);
    errors e;
    int64_t id;
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_OK, "%s", e.head ? e.head->message : "");
    referral r;
    wt_case c;
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_OK);
    cr_assert_eq(r.consent_id, k, "the covering consent is found");
    cr_assert_str_eq(r.status, "sent");
    cr_assert_str_eq(r.sent_on, "2026-03-15");
    cr_assert_str_eq(r.organisation, "GGZ Friesland", "the organisation comes with the service");
    cr_assert_str_eq(r.service_name, "Ambulante begeleiding");
    cr_assert_str_eq(r.shared, " contact question ");
    cr_assert_eq(r.n_events, 1);
    cr_assert_eq(count_audit(AUDIT_CREATE, "referral"), 1);
    cr_assert_eq(count_audit(AUDIT_READ, "referral"), 1);
    /* A referral under way makes the case lean on the second line (the action itself is in the network layer). */
    case_filter f = {CASE_FILTER_OPEN, 0, 10, 0, true};
    case_page pg;
    cr_assert_eq(case_list(&fx.ctx, &f, &pg), WT_OK);
    cr_assert_eq(pg.total, 1);
    cr_assert_eq(pg.items[0].id, fx.case_id);
    /* The chosen consent is checked too. */
    int64_t wrong = give_consent(ORG2, "referral", "2026-03-01", WT_OK);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)wrong);
    cr_assert_eq(refer(SERVICE, buf, NULL, &e, &id), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "consent_id"), "dekt"), "%s", errors_get(&e, "consent_id"));
}

Test(referral_db, a_legal_ground_replaces_consent_and_an_anonymous_consultation_needs_neither)
{
    errors e;
    int64_t id;
    cr_assert_eq(refer(SERVICE, NULL, "meldcode", &e, &id), WT_OK, "%s", e.head ? e.head->message : "");
    referral r;
    wt_case c;
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_OK);
    cr_assert_str_eq(r.legal_ground, "meldcode");
    cr_assert_eq(r.consent_id, 0);
    referral_input in = {"consultation", SERVICE, "Hoe gaan we om met de angst?", NULL, NULL, 0, NULL, NULL, NULL, true,
                         NULL};
    int64_t case_id;
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_create(&fx.ctx, fx.action_id, &in, &e, &id, &case_id), WT_OK);
    /* The advice ends the consultation; the case stays with its coordinator. */
    referral_step_input step = {"ended", NULL, ""};
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_INVALID, "the advice is required");
    step.note = "Samen met de bewoner een dagritme opbouwen.";
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_OK);
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_OK);
    cr_assert_str_eq(r.kind, "consultation");
    cr_assert_str_eq(r.status, "ended");
    cr_assert_str_eq(r.outcome, "Samen met de bewoner een dagritme opbouwen.");
    cr_assert_eq(c.coordinator_id, 1);
}

Test(referral_db, unknown_or_ended_services_are_refused)
{
    give_consent(ORG, "referral", "2026-03-01", WT_OK);
    errors e;
    int64_t id;
    cr_assert_eq(refer("0b000000-0000-4000-8000-0000000000ff", NULL, NULL, &e, &id), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "service_id"), "niet in de sociale kaart"));
    cr_assert_eq(refer("geen-uuid", NULL, NULL, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "service_id"));
    cr_assert_eq(refer(SERVICE_OFF, NULL, NULL, &e, &id), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "service_id"), "niet actief"));
    cr_assert_eq(count("SELECT COUNT(*) FROM referral"), 0);
}

Test(referral_db, consent_withdrawn_before_the_referral_is_refused_and_a_later_withdrawal_is_shown)
{
    int64_t k = give_consent(ORG, "referral", "2026-02-01", WT_OK);
    errors e;
    int64_t id, hh;
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_OK);
    errors_init(&e, &fx.a);
    cr_assert_eq(consent_withdraw(&fx.ctx, k, "2026-01-31", "", &e, &hh), WT_INVALID, "before it was given");
    errors_init(&e, &fx.a);
    cr_assert_eq(consent_withdraw(&fx.ctx, k, "2026-03-16", "", &e, &hh), WT_INVALID, "in the future");
    errors_init(&e, &fx.a);
    cr_assert_eq(consent_withdraw(&fx.ctx, k, "2026-03-15", "Wil het zelf regelen", &e, &hh), WT_OK);
    cr_assert_eq(hh, 1);
    errors_init(&e, &fx.a);
    cr_assert_eq(consent_withdraw(&fx.ctx, k, "2026-03-15", "", &e, &hh), WT_CONFLICT, "once");
    referral r;
    wt_case c;
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_OK);
    cr_assert_str_eq(r.consent_withdrawn_on, "2026-03-15", "shown on the referral that relied on it");
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)k);
    cr_assert_eq(refer(SERVICE, buf, NULL, &e, &id), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "consent_id"), "ingetrokken"), "%s", errors_get(&e, "consent_id"));
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_INVALID, "no other consent covers it");
    bool allowed = true;
    int64_t which = 5;
    consent_request q = {1, " contact ", ORG, "GGZ Friesland", "referral", "2026-03-01"};
    cr_assert_eq(consent_allows(&fx.ctx, &q, &allowed, &which), WT_OK);
    cr_assert(allowed, "before the withdrawal it allowed sharing");
    cr_assert_eq(which, k);
    q.on = "2026-03-15";
    cr_assert_eq(consent_allows(&fx.ctx, &q, &allowed, &which), WT_OK);
    cr_assert_not(allowed);
    cr_assert_eq(which, 0);
}

Test(referral_db, steps_follow_the_order_with_dates_in_order)
{
    give_consent(ORG, "referral", "2026-03-01", WT_OK);
    errors e;
    int64_t id, case_id;
    date_set_today("2026-03-02");
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_OK);
    date_set_today("2026-03-15");
    referral_step_input step = {"started", "2026-03-05", ""};
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_CONFLICT, "not started before accepted");
    step = (referral_step_input){"accepted", "2026-03-01", ""};
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_INVALID, "before it was sent");
    cr_assert_not_null(errors_get(&e, "on"));
    step = (referral_step_input){"accepted", "2026-03-20", ""};
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_INVALID, "in the future");
    const char *steps[][2] = {{"accepted", "2026-03-04"}, {"started", "2026-03-09"}, {"ended", "2026-03-14"}};
    for (int i = 0; i < 3; i++) {
        step = (referral_step_input){steps[i][0], steps[i][1], i == 2 ? "Klachten verminderd" : ""};
        errors_init(&e, &fx.a);
        cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_OK, "%s", steps[i][0]);
    }
    referral r;
    wt_case c;
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_OK);
    cr_assert_str_eq(r.accepted_on, "2026-03-04");
    cr_assert_str_eq(r.started_on, "2026-03-09");
    cr_assert_str_eq(r.ended_on, "2026-03-14");
    cr_assert_str_eq(r.outcome, "Klachten verminderd");
    cr_assert_eq(r.n_events, 4);
    cr_assert_str_eq(r.events[3].status, "ended");
}

Test(referral_db, the_work_queue_lists_referrals_waiting_for_an_answer)
{
    give_consent(ORG, "referral", "2026-01-10", WT_OK);
    errors e;
    int64_t id, id2, case_id;
    date_set_today("2026-02-01");
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_OK);
    date_set_today("2026-03-10");
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id2), WT_OK);
    date_set_today("2026-03-15");
    referral_waiting *w;
    int n;
    cr_assert_eq(referral_waiting_list(&fx.ctx, 10, &w, &n), WT_OK);
    cr_assert_eq(n, 2);
    cr_assert_eq(w[0].id, id, "longest waiting first");
    cr_assert(w[0].long_wait);
    cr_assert_eq(w[0].days, 42);
    cr_assert_not(w[1].long_wait);
    referral_step_input step = {"declined", NULL, "Wachtlijst vol"};
    errors_init(&e, &fx.a);
    cr_assert_eq(referral_step(&fx.ctx, id, &step, &e, &case_id), WT_OK);
    cr_assert_eq(referral_waiting_list(&fx.ctx, 10, &w, &n), WT_OK);
    cr_assert_eq(n, 1, "an answered referral no longer waits");
    fx.ctx.who = (actor){.user_id = 2, .role = ROLE_WORKER, .team_id = 2};
    cr_assert_eq(referral_waiting_list(&fx.ctx, 10, &w, &n), WT_OK);
    cr_assert_eq(n, 0, "not the coordinator");
}

Test(referral_db, other_teams_and_roles_neither_see_nor_write)
{
    int64_t k = give_consent(ORG, "referral", "2026-03-01", WT_OK);
    errors e;
    int64_t id;
    cr_assert_eq(refer(SERVICE, NULL, NULL, &e, &id), WT_OK);
    cr_assert_eq(give_consent(ORG, "referral", "2026-03-01", WT_OK) > 0, 1);
    errors_init(&e, &fx.a);
    const char *codes[] = {"contact"};
    consent_input other = {"2", codes, 1, ORG, "", "referral", "2026-03-01", "verbal"};
    int64_t bad;
    cr_assert_eq(consent_record(&fx.ctx, 1, &other, &e, &bad), WT_INVALID, "a person of another household");
    cr_assert_not_null(errors_get(&e, "person_id"));
    fx.ctx.who = (actor){.user_id = 2, .role = ROLE_WORKER, .team_id = 2};
    referral r;
    wt_case c;
    consent kk;
    consent *list;
    int n;
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_NOTFOUND);
    cr_assert_eq(consent_get(&fx.ctx, k, &kk), WT_NOTFOUND);
    cr_assert_eq(consent_list(&fx.ctx, 1, &list, &n), WT_NOTFOUND);
    cr_assert_eq(refer(SERVICE, NULL, "meldcode", &e, &id), WT_NOTFOUND);
    fx.ctx.who = (actor){.user_id = 3, .role = ROLE_ADMIN};
    cr_assert_eq(referral_get(&fx.ctx, id, &r, &c), WT_FORBIDDEN);
    cr_assert_eq(consent_list(&fx.ctx, 1, &list, &n), WT_FORBIDDEN);
    cr_assert_eq(refer(SERVICE, NULL, "meldcode", &e, &id), WT_FORBIDDEN);
}
