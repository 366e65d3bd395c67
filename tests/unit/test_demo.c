/*
 * Unit tests of the demo generator: fictitious BSNs pass the 11-proef and are
 * distinct, postcodes are Dutch, households are believable, and the generated
 * neighbourhood obeys the domain rules (one open case per household, one
 * coordinator of the household's team, plans with actions in every layer,
 * nothing that happened lies in the future), has the expected size, an intact
 * audit chain, and is the same for the same seed.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/core/buf.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/demo/demo.h"
#include "../../src/demo/demo_gen.h"
#include "../../src/household/household.h"

typedef struct demo_fx {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
} demo_fx;

static void fx_open(demo_fx *f)
{
    strcpy(f->dir, "/tmp/wt-unit-demo-XXXXXX");
    cr_assert_not_null(mkdtemp(f->dir));
    arena_init(&f->a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", f->dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &f->c, &f->a, &err), WT_OK);
    cr_assert_eq(migrate_up(f->c, &f->a, &err), WT_OK, "%s", err ? err : "");
    memset(&f->ctx, 0, sizeof f->ctx);
    f->ctx.db = f->c;
    f->ctx.a = &f->a;
    f->ctx.who.role = ROLE_ADMIN; /* as the console runs it */
}

static void fx_close(demo_fx *f)
{
    db_close(f->c);
    arena_free(&f->a);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char path[128];
        snprintf(path, sizeof path, "%s/t.db%s", f->dir, suffix[i]);
        unlink(path);
    }
    rmdir(f->dir);
}

static void fx_generate(demo_fx *f, uint64_t seed, int residents)
{
    fx_open(f);
    demo_options opt = {seed, residents};
    const char *err = NULL;
    wt_status st = demo_generate(&f->ctx, &opt, &err);
    cr_assert_eq(st, WT_OK, "demo_generate: %d %s %s", st, err ? err : "", db_last_error(f->c));
}

static int64_t count(demo_fx *f, const char *sql)
{
    db_result r;
    cr_assert_eq(db_query(f->c, &f->a, &r, sql, DB_NOARGS), WT_OK, "%s: %s", sql, db_last_error(f->c));
    return db_get_int(&r, 0, 0);
}

/* All rows of a query as one text, to compare two databases. */
static char *dump(demo_fx *f, const char *sql)
{
    db_result r;
    cr_assert_eq(db_query(f->c, &f->a, &r, sql, DB_NOARGS), WT_OK, "%s", sql);
    buf b;
    buf_init(&b);
    for (int i = 0; i < r.nrows; i++) {
        for (int j = 0; j < r.ncols; j++)
            buf_printf(&b, "%s|", db_get(&r, i, j) ? db_get(&r, i, j) : "NULL");
        buf_puts(&b, "\n");
    }
    size_t len;
    char *raw = buf_detach(&b, &len);
    char *out = arena_strdup(&f->a, raw ? raw : "");
    free(raw);
    return out;
}

static void fixed_day(void)
{
    date_set_today("2026-03-15");
}

static void real_day(void)
{
    date_set_today(NULL);
}

Test(demo_gen, bsns_pass_the_11_proef_and_are_distinct)
{
    int valid = 0;
    char seen[64][10];
    int n_seen = 0;
    uint64_t last_seen = 0;
    for (uint64_t i = 0; i < 20000; i++) {
        char bsn[10];
        if (!demo_bsn(7, i, bsn)) {
            cr_assert_str_empty(bsn);
            continue;
        }
        valid++;
        cr_assert(bsn_valid(bsn), "%s fails the 11-proef", bsn);
        cr_assert_eq(bsn[0], '9');
        if (n_seen < 64) {
            strcpy(seen[n_seen++], bsn);
            last_seen = i;
        }
    }
    /* About one in eleven has check digit 10 and is skipped. */
    cr_assert_gt(valid, 17000);
    /* Distinct indexes give distinct numbers: the body is a bijection. */
    for (uint64_t i = last_seen + 1; i < 20000; i++) {
        char bsn[10];
        if (demo_bsn(7, i, bsn))
            for (int j = 0; j < n_seen; j++)
                cr_assert_str_neq(bsn, seen[j]);
    }
}

Test(demo_gen, postcodes_are_dutch)
{
    for (int i = 0; i < 673; i++) {
        char l[3];
        demo_postcode_letters(i, l);
        cr_assert(strcmp(l, "SA") && strcmp(l, "SD") && strcmp(l, "SS"), "%s is not used in Dutch postcodes", l);
        cr_assert(l[0] >= 'A' && l[0] <= 'Z' && l[1] >= 'A' && l[1] <= 'Z');
    }
    demo_street s = {"Ahornstraat", "8925", 0, 80, true};
    cr_assert_eq(demo_street_size(&s), 320);
    demo_addr a;
    cr_assert(demo_street_address(&s, 5, &a));
    cr_assert_eq(a.house_number, 2);
    cr_assert_str_eq(a.addition, "2");
    char norm[7];
    cr_assert(postcode_normalise(a.postcode, norm));
    cr_assert_str_eq(a.postcode, "8925AB"); /* even side of the first block */
    cr_assert_not(demo_street_address(&s, 320, &a));
}

Test(demo_gen, households_are_believable)
{
    demo_rng r;
    demo_rng_seed(&r, 42);
    arena a;
    arena_init(&a);
    wt_date today = {2026, 3, 15};
    uint64_t next = 0;
    int kinds[6] = {0};
    for (int i = 0; i < 2000; i++) {
        demo_household h;
        demo_household_make(&r, &a, today, 1, &next, &h);
        kinds[h.kind]++;
        cr_assert(h.n_members >= 1 && h.n_members <= DEMO_MAX_MEMBERS);
        cr_assert(h.members[0].adult);
        cr_assert(strncmp(h.name, "Huishouden ", 11) == 0);
        wt_date b0;
        cr_assert(date_parse(h.members[0].birth_date, &b0));
        for (int j = 0; j < h.n_members; j++) {
            wt_date b;
            cr_assert(date_parse(h.members[j].birth_date, &b), "%s", h.members[j].birth_date);
            cr_assert_lt(date_compare(b, today), 0);
            if (!h.members[j].adult)
                cr_assert_gt(date_age(b0, today) - date_age(b, today), 17, "a parent is older than his child");
            if (h.members[j].bsn[0])
                cr_assert(bsn_valid(h.members[j].bsn));
        }
        if (h.kind == DEMO_HH_ELDERLY_ALONE)
            cr_assert_geq(date_age(b0, today), 72);
    }
    for (int k = 0; k < 6; k++)
        cr_assert_gt(kinds[k], 50, "every kind of household occurs");
    arena_free(&a);
}

Test(demo, neighbourhood_obeys_the_rules, .init = fixed_day, .fini = real_day)
{
    demo_fx f;
    fx_generate(&f, 20261123, 350);
    int64_t persons = count(&f, "SELECT COUNT(*) FROM person");
    cr_assert(persons >= 350 && persons < 360, "%lld residents", (long long)persons);
    int64_t households = count(&f, "SELECT COUNT(*) FROM household");
    cr_assert(households >= 120 && households <= 200, "%lld households", (long long)households);
    int64_t open = count(&f, "SELECT COUNT(*) FROM cases WHERE status = 'open'");
    cr_assert(open >= 30 && open <= 60, "%lld open cases", (long long)open);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM cases WHERE status = 'closed' AND close_reason IS NOT NULL"
                            " AND closed_on >= opened_on"), 5);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM case_handover"), 2);
    /* Streets of the neighbourhood, postcodes 8924 and 8925, in its two CBS neighbourhoods of the team. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM address WHERE postcode NOT LIKE '8924%' AND postcode NOT LIKE '8925%'"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM address a JOIN neighbourhood n ON n.code = a.neighbourhood_code"
                           " JOIN household h ON h.address_id = a.id WHERE n.team_id <> h.team_id"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM address WHERE neighbourhood_code IS NULL"), 0);
    cr_assert_geq(count(&f, "SELECT COUNT(DISTINCT street) FROM address"), 10);
    /* One open case per household; the coordinator is an active worker or team leader of the case's team. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM (SELECT household_id FROM cases WHERE status = 'open'"
                           " GROUP BY household_id HAVING COUNT(*) > 1) x"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM cases c JOIN household h ON h.id = c.household_id"
                           " JOIN app_user u ON u.id = c.coordinator_id WHERE c.team_id <> h.team_id"
                           " OR u.team_id <> c.team_id OR u.disabled = 1 OR u.role NOT IN ('worker', 'teamleader')"),
                 0);
    /* A hand-over ends with the case's coordinator. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM case_handover ho JOIN cases c ON c.id = ho.case_id"
                           " WHERE ho.to_user_id <> c.coordinator_id OR ho.from_user_id = ho.to_user_id"),
                 0);
    /* The cases are spread over the workers. */
    cr_assert_geq(count(&f, "SELECT COUNT(DISTINCT coordinator_id) FROM cases WHERE status = 'open'"), 8);
    /* One plan per case, with goals in several life domains and actions in every layer. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM cases c LEFT JOIN plan p ON p.case_id = c.id WHERE p.id IS NULL"), 0);
    cr_assert_geq(count(&f, "SELECT COUNT(DISTINCT domain) FROM goal"), 7);
    cr_assert_eq(count(&f, "SELECT COUNT(DISTINCT layer) FROM action"), 5);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM action WHERE layer = 'team' AND performer_user_id IS NULL"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM action WHERE performer = ''"), 0);
    int64_t agreed = count(&f, "SELECT COUNT(*) FROM plan WHERE agreed_on IS NOT NULL AND agreed_version <= version");
    cr_assert_gt(agreed * 3, count(&f, "SELECT COUNT(*) FROM plan") * 2, "most plans are agreed");
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM plan p JOIN cases c ON c.id = p.case_id WHERE p.agreed_on < c.opened_on"), 0);
    /* Overdue and due-this-week work for the work queue. */
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id"
                            " JOIN cases c ON c.id = p.case_id WHERE c.status = 'open' AND a.status IN ('planned', 'in_progress')"
                            " AND a.due_on < '2026-03-15'"),
                  5);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM action WHERE status IN ('planned', 'in_progress')"
                            " AND due_on BETWEEN '2026-03-15' AND '2026-03-22' AND performer_user_id IS NOT NULL"),
                  1);
    /* Nothing that happened lies in the future or before the case. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM contact ct JOIN cases c ON c.id = ct.case_id WHERE ct.happened_on > '2026-03-15'"
                           " OR ct.happened_on < c.opened_on OR (c.closed_on IS NOT NULL AND ct.happened_on > c.closed_on)"),
                 0);
    cr_assert_geq(count(&f, "SELECT COUNT(DISTINCT kind) FROM contact"), 3);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM cases WHERE opened_on > '2026-03-15' OR closed_on > '2026-03-15'"), 0);
    /* Support: intakes whose findings are goals of the same case, assessment histories, referrals with consent. */
    int64_t cases = count(&f, "SELECT COUNT(*) FROM cases");
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM intake") * 3, cases * 2, "most cases have an intake");
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM intake_finding fi JOIN intake i ON i.id = fi.intake_id JOIN goal g ON"
                           " g.id = fi.goal_id JOIN plan p ON p.id = g.plan_id WHERE p.case_id <> i.case_id"
                           " OR g.domain <> fi.domain"),
                 0);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM intake_finding WHERE goal_id IS NOT NULL"), 30);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM (SELECT person_id FROM assessment GROUP BY person_id"
                            " HAVING COUNT(*) >= 3) x"),
                  10, "histories of three or more assessments");
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM assessment WHERE assessed_on > '2026-03-15'"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM assessment_score WHERE score < 0 OR score > 5"), 0);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM referral WHERE kind = 'referral'"), 10);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM referral WHERE kind = 'consultation'"), 1);
    cr_assert_geq(count(&f, "SELECT COUNT(DISTINCT status) FROM referral"), 4);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM referral r JOIN cases c ON c.id = r.case_id WHERE r.sent_on < c.opened_on"
                           " OR r.sent_on > '2026-03-15' OR r.accepted_on < r.sent_on OR r.started_on < r.accepted_on"
                           " OR r.ended_on > '2026-03-15' OR r.declined_on < r.sent_on"),
                 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM referral r LEFT JOIN consent k ON k.id = r.consent_id"
                           " WHERE r.anonymous = 0 AND (k.id IS NULL OR k.given_on > r.sent_on"
                           " OR k.organization_id <> r.organization_id OR k.household_id <> (SELECT household_id FROM cases"
                           " WHERE id = r.case_id))"),
                 0, "every referral relies on a consent of its household for its organisation");
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM referral r LEFT JOIN sm_service s ON s.id = r.service_id WHERE s.id IS NULL"),
                 0, "every referral points at a service of the social map");
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'create' AND entity = 'referral'"),
                  count(&f, "SELECT COUNT(*) FROM referral"));
    /* The front door: every channel, some linked to households, some still open. */
    cr_assert_geq(count(&f, "SELECT COUNT(DISTINCT channel) FROM question"), 4);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM question WHERE household_id IS NOT NULL"), 10);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM question WHERE status = 'open'"), 2);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM question WHERE status <> 'open' AND outcome IS NULL"), 0);
    /* Most residents have a BSN, all valid; some have a phone or e-mail. */
    db_result r;
    cr_assert_eq(db_query(f.c, &f.a, &r, "SELECT bsn FROM person WHERE bsn IS NOT NULL", DB_NOARGS), WT_OK);
    cr_assert_gt(r.nrows * 10, persons * 7);
    for (int i = 0; i < r.nrows; i++)
        cr_assert(bsn_valid(db_get(&r, i, 0)), "%s", db_get(&r, i, 0));
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM person WHERE phone IS NOT NULL"), 50);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM person WHERE email IS NOT NULL"), 20);
    /* Every record written is in the audit trail, and the chain is intact. */
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'create' AND entity = 'person'"), persons);
    int64_t broken = -1, checked = 0;
    cr_assert_eq(audit_verify(f.c, &broken, &checked), WT_OK);
    cr_assert_eq(broken, 0);
    /* A second run refuses: the database already holds data. */
    demo_options opt = {1, 350};
    const char *err = NULL;
    cr_assert_eq(demo_generate(&f.ctx, &opt, &err), WT_CONFLICT);
    fx_close(&f);
}

Test(demo, same_seed_same_data, .init = fixed_day, .fini = real_day)
{
    static const char *const sql[] = {
        "SELECT given_name, family_name, birth_date, bsn, phone FROM person ORDER BY id",
        "SELECT household_id, coordinator_id, status, reason, opened_on, closed_on FROM cases ORDER BY id",
        "SELECT body, layer, performer, due_on, status FROM action ORDER BY id",
        "SELECT street, postcode, house_number, addition FROM address ORDER BY id",
        "SELECT case_id, held_on, question FROM intake ORDER BY id",
        "SELECT a.person_id, a.assessed_on, s.score FROM assessment a JOIN assessment_score s ON s.assessment_id = a.id"
        " ORDER BY a.id, s.domain_id",
        "SELECT case_id, kind, organisation, status, sent_on, ended_on FROM referral ORDER BY id",
    };
    demo_fx a, b, c;
    fx_generate(&a, 99, 200);
    fx_generate(&b, 99, 200);
    fx_generate(&c, 100, 200);
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        cr_assert_str_eq(dump(&a, sql[i]), dump(&b, sql[i]), "%s differs for the same seed", sql[i]);
        cr_assert_str_neq(dump(&a, sql[i]), dump(&c, sql[i]), "%s is the same for another seed", sql[i]);
    }
    fx_close(&a);
    fx_close(&b);
    fx_close(&c);
}

Test(demo, city_around_the_neighbourhood, .init = fixed_day, .fini = real_day)
{
    demo_fx f;
    fx_generate(&f, 5, 4600);
    int64_t persons = count(&f, "SELECT COUNT(*) FROM person");
    cr_assert(persons >= 4600 && persons < 4620, "%lld residents", (long long)persons);
    /* A second team of its own, with ten professionals, a team leader and a community worker. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM team"), 2);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM app_user WHERE team_id = 2"), 10);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM app_user WHERE team_id = 2 AND role = 'teamleader'"), 1);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM app_user WHERE team_id = 2 AND discipline = 'community_worker'"), 1);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM neighbourhood WHERE team_id = 2"), 5);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM household WHERE team_id = 2"), 200);
    /* Households, addresses and cases written many rows at a time obey the same rules. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM household h JOIN address a ON a.id = h.address_id"
                           " JOIN neighbourhood n ON n.code = a.neighbourhood_code WHERE n.team_id <> h.team_id"),
                 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM household h LEFT JOIN address a ON a.id = h.address_id WHERE a.id IS NULL"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM person p LEFT JOIN household h ON h.id = p.household_id WHERE h.id IS NULL"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM cases c JOIN household h ON h.id = c.household_id"
                           " JOIN app_user u ON u.id = c.coordinator_id WHERE c.team_id <> h.team_id OR u.team_id <> c.team_id"),
                 0);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM cases WHERE team_id = 2 AND status = 'open'"), 3);
    db_result r;
    cr_assert_eq(db_query(f.c, &f.a, &r, "SELECT bsn FROM person WHERE bsn IS NOT NULL", DB_NOARGS), WT_OK);
    for (int i = 0; i < r.nrows; i++)
        cr_assert(bsn_valid(db_get(&r, i, 0)), "%s", db_get(&r, i, 0));
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM (SELECT bsn FROM person WHERE bsn IS NOT NULL GROUP BY bsn HAVING COUNT(*) > 1) x"), 0);
    /* The audit rows written in bulk continue the chain; every person's creation is in it. */
    int64_t broken = -1, checked = 0;
    cr_assert_eq(audit_verify(f.c, &broken, &checked), WT_OK);
    cr_assert_eq(broken, 0, "the chain breaks at %lld", (long long)broken);
    cr_assert_geq(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'create' AND entity = 'person'"), persons);
    /* Rows numbered by the generator do not stand in the way of new ones. */
    cr_assert_eq(db_exec_script(f.c, "INSERT INTO household (team_id, name, created_at) VALUES (2, 'Nieuw', '2026-03-15')"),
                 WT_OK);
    fx_close(&f);
}

Test(demo, city_network_and_assessments, .init = fixed_day, .fini = real_day)
{
    demo_fx f;
    fx_generate(&f, 5, 4600);
    int64_t residents = count(&f, "SELECT COUNT(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.team_id = 2");
    int64_t relations = count(&f, "SELECT COUNT(*) FROM relation WHERE team_id = 2");
    /* About five relations per resident, as the benchmark of issue 5 asks (5,000,000 at 1,000,000); a
       little fewer in a team this small, where "a few doors away" often runs off the end of the streets. */
    cr_assert(relations >= residents * 4 && relations <= residents * 55 / 10, "%lld relations for %lld residents",
              (long long)relations, (long long)residents);
    /* Every relation joins two residents of the team, of different households. */
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM relation r JOIN person a ON a.id = r.person_a JOIN person b ON b.id = r.person_b"
                           " JOIN household ha ON ha.id = a.household_id JOIN household hb ON hb.id = b.household_id"
                           " WHERE r.team_id = 2 AND (ha.team_id <> 2 OR hb.team_id <> 2 OR ha.id = hb.id)"),
                 0);
    /* Every kind, a few conflicts, some ended; some residents know nobody; offers, loads and needs. */
    cr_assert_eq(count(&f, "SELECT COUNT(DISTINCT kind) FROM relation WHERE team_id = 2"), 7);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM relation WHERE team_id = 2 AND ended_on IS NOT NULL"), 0);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM person p JOIN household h ON h.id = p.household_id WHERE h.team_id = 2"
                           " AND NOT EXISTS (SELECT 1 FROM relation r WHERE r.person_a = p.id OR r.person_b = p.id)"),
                 0);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM offer WHERE team_id = 2"), residents / 20);
    cr_assert_gt(count(&f, "SELECT COUNT(*) FROM helper_load l JOIN offer o ON o.person_id = l.person_id WHERE o.team_id = 2"), 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM need WHERE team_id = 2"), 6);
    /* The adults in the city's cases are assessed on the ZRM: by the case's team, never before the case opened nor
       after it closed or today, every domain of the scale once per assessment, and logged. */
    int64_t assessments = count(&f, "SELECT COUNT(*) FROM assessment");
    cr_assert_gt(assessments, 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM assessment a JOIN cases c ON c.id = a.case_id JOIN person p ON p.id = a.person_id"
                           " JOIN app_user u ON u.id = a.assessed_by WHERE p.household_id <> c.household_id OR u.team_id <> c.team_id"
                           " OR a.assessed_on < c.opened_on OR a.assessed_on > COALESCE(c.closed_on, '2026-03-15')"),
                 0);
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM assessment_score"),
                 assessments * count(&f, "SELECT COUNT(*) FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id"
                                         " WHERE s.code = 'zrm-2017'"));
    cr_assert_eq(count(&f, "SELECT COUNT(*) FROM audit WHERE action = 'create' AND entity = 'assessment'"), assessments);
    /* New assessments are numbered after the generator's. */
    cr_assert_eq(db_exec_script(f.c, "INSERT INTO assessment (person_id, scale_id, assessed_on, created_at)"
                                     " SELECT MIN(id), 1, '2026-03-15', '2026-03-15' FROM person"),
                 WT_OK);
    fx_close(&f);
}
