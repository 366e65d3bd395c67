/*
 * Unit tests of the presence rules: the walking order of a round, the
 * follow-up of signals (reminders, the anonymous rule, closing, a signal
 * turned into a case), the time balance and the 24-hour rule, the idea's
 * status changes, amounts of money, typed addresses and the team's area.
 * The pure rules are tested directly; the operations against SQLite.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/activity/activity.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/idea/idea.h"
#include "../../src/neighbourhood/presence.h"
#include "../../src/round/round.h"
#include "../../src/signal/signal.h"
#include "../../src/timeentry/timeentry.h"

static arena pa;
static errors pe;

static void pure_setup(void)
{
    arena_init(&pa);
    errors_init(&pe, &pa);
}

static void pure_teardown(void)
{
    arena_free(&pa);
}

/* ---- the walking order ---------------------------------------------------------------------------------------- */

/* Points along a street, 20 m apart, eastwards from (53.2, 5.8). */
static route_point along(int k)
{
    return (route_point){53.2, 5.8 + k * 0.0003, true};
}

Test(round_route, walks_a_shuffled_street_from_the_first_address_in_one_direction)
{
    int pos[] = {0, 4, 2, 5, 1, 3};
    route_point pts[6];
    for (int i = 0; i < 6; i++)
        pts[i] = along(pos[i]);
    int order[6];
    round_order_route(pts, 6, order);
    for (int k = 0; k < 6; k++)
        cr_assert_eq(pos[order[k]], k, "stop %d is at position %d", k, pos[order[k]]);
    cr_assert_float_eq(round_route_length(pts, order, 6), 5 * round_distance(along(0), along(1)), 0.5);
}

Test(round_route, from_the_middle_the_walk_is_shorter_than_the_order_given)
{
    /* From the middle of the street: the walk found is never longer than the greedy one, and shorter than
     * walking the addresses in the order given. */
    route_point pts[] = {along(2), along(0), along(3), along(1), along(6), along(4)};
    int order[6];
    round_order_route(pts, 6, order);
    int given[] = {0, 1, 2, 3, 4, 5};
    cr_assert_lt(round_route_length(pts, order, 6), round_route_length(pts, given, 6));
    cr_assert_eq(order[0], 0, "the walk starts at the first address given");
    /* every stop exactly once */
    int seen[6] = {0};
    for (int k = 0; k < 6; k++)
        seen[order[k]]++;
    for (int i = 0; i < 6; i++)
        cr_assert_eq(seen[i], 1);
    /* greedy from along(2): 3, 4, 6, then back to 1 and 0 = 10 gaps; the walk found is at most that */
    cr_assert_leq(round_route_length(pts, order, 6), 10 * round_distance(along(0), along(1)) + 0.5);
}

Test(round_route, addresses_without_coordinates_come_last_in_the_order_given)
{
    route_point pts[] = {{0, 0, false}, along(3), {0, 0, false}, along(0), along(1)};
    int order[5];
    round_order_route(pts, 5, order);
    cr_assert_eq(order[0], 1);
    cr_assert_eq(order[1], 4);
    cr_assert_eq(order[2], 3);
    cr_assert_eq(order[3], 0);
    cr_assert_eq(order[4], 2);
}

Test(round_route, the_same_input_gives_the_same_order)
{
    route_point pts[] = {along(0), along(2), along(2), along(1)};
    int a[4], b[4];
    round_order_route(pts, 4, a);
    round_order_route(pts, 4, b);
    cr_assert_arr_eq(a, b, sizeof a);
    cr_assert_eq(a[1], 3);
    cr_assert_eq(a[2], 1, "ties go to the earlier stop");
}

/* ---- signals: pure rules -------------------------------------------------------------------------------------- */

TestSuite(signal_pure, .init = pure_setup, .fini = pure_teardown);

Test(signal_pure, without_address_or_person_a_signal_must_be_explicitly_anonymous)
{
    cr_assert(signal_check_subject(true, false, false, &pe));
    cr_assert(signal_check_subject(false, true, false, &pe));
    cr_assert(signal_check_subject(false, false, true, &pe));
    cr_assert_eq(pe.count, 0);
    cr_assert_not(signal_check_subject(false, false, false, &pe));
    cr_assert_not_null(errors_get(&pe, "anonymous"));
    errors_init(&pe, &pa);
    cr_assert_not(signal_check_subject(true, false, true, &pe), "anonymous with an address");
    cr_assert_not_null(errors_get(&pe, "anonymous"));
}

Test(signal_pure, follow_up_interval_by_urgency_and_the_reminder_day)
{
    cr_assert_eq(signal_default_interval("high"), 2);
    cr_assert_eq(signal_default_interval("normal"), 7);
    cr_assert_eq(signal_default_interval("low"), 14);
    wt_date d;
    date_parse("2026-02-25", &d);
    char out[11];
    date_format(signal_next_due(d, 7), out);
    cr_assert_str_eq(out, "2026-03-04");
    wt_date today;
    date_parse("2026-03-04", &today);
    cr_assert(signal_is_due("open", "2026-03-04", today), "due on the day itself");
    cr_assert(signal_is_due("following", "2026-03-01", today));
    cr_assert_not(signal_is_due("open", "2026-03-05", today));
    cr_assert_not(signal_is_due("closed", "2026-03-01", today));
    cr_assert_not(signal_is_due("open", NULL, today));
}

Test(signal_pure, passing_to_a_partner_needs_partner_what_was_shared_and_the_legal_ground)
{
    signal_close_input in = {.outcome = "passed_to_partner"};
    cr_assert_not(signal_check_close(&in, false, &pe));
    cr_assert_not_null(errors_get(&pe, "partner_name"));
    cr_assert_not_null(errors_get(&pe, "shared_what"));
    cr_assert_not_null(errors_get(&pe, "legal_ground"));
    errors_init(&pe, &pa);
    in = (signal_close_input){.outcome = "passed_to_partner", .partner_service_key = "politie-wijkagent",
                              .shared_what = "Adres en waarneming", .legal_ground = "public_task"};
    cr_assert(signal_check_close(&in, false, &pe));
    in.legal_ground = "because";
    cr_assert_not(signal_check_close(&in, false, &pe));
}

Test(signal_pure, an_anonymous_signal_cannot_become_a_case)
{
    signal_close_input in = {.outcome = "became_case"};
    cr_assert(signal_check_close(&in, false, &pe));
    cr_assert_not(signal_check_close(&in, true, &pe));
    cr_assert_not_null(errors_get(&pe, "outcome"));
    in.outcome = "forgotten";
    errors_init(&pe, &pa);
    cr_assert_not(signal_check_close(&in, false, &pe));
}

/* ---- time: pure rules ----------------------------------------------------------------------------------------- */

TestSuite(time_pure, .init = pure_setup, .fini = pure_teardown);

Test(time_pure, a_day_holds_at_most_24_hours_and_is_not_in_the_future)
{
    wt_date today;
    date_parse("2026-03-15", &today);
    int ok[TIME_BLOCKS] = {480, 240, 240, 240, 240};
    cr_assert(timeentry_check_day("2026-03-15", today, ok, &pe), "exactly 24 hours");
    int over[TIME_BLOCKS] = {480, 240, 240, 240, 241};
    cr_assert_not(timeentry_check_day("2026-03-15", today, over, &pe));
    cr_assert_not_null(errors_get(&pe, "minutes"));
    errors_init(&pe, &pa);
    int some[TIME_BLOCKS] = {60, 0, 0, 0, 0};
    cr_assert_not(timeentry_check_day("2026-03-16", today, some, &pe));
    cr_assert_not_null(errors_get(&pe, "day"));
    errors_init(&pe, &pa);
    int neg[TIME_BLOCKS] = {60, -5, 0, 0, 1441};
    cr_assert_not(timeentry_check_day("15-03-2026", today, neg, &pe));
    cr_assert_not_null(errors_get(&pe, "day"));
    cr_assert_not_null(errors_get(&pe, "outreach"));
    cr_assert_not_null(errors_get(&pe, "other"));
}

Test(time_pure, weeks_run_monday_to_sunday)
{
    wt_date mon, sun, next;
    date_parse("2026-03-09", &mon);
    date_parse("2026-03-15", &sun);
    date_parse("2026-03-16", &next);
    cr_assert_eq(presence_week_start(date_to_days(mon)), date_to_days(mon));
    cr_assert_eq(presence_week_start(date_to_days(sun)), date_to_days(mon));
    cr_assert_eq(presence_week_start(date_to_days(next)), date_to_days(next));
}

Test(time_pure, the_balance_sums_per_week_and_worker_and_shares_prevention)
{
    time_balance b;
    balance_worker w[2] = {{.user_id = 1}, {.user_id = 2}};
    b.workers = w;
    b.n_workers = 2;
    wt_date today;
    date_parse("2026-03-15", &today); /* a Sunday: the last week is 9..15 March */
    timeentry_balance_init(&b, today, 2);
    cr_assert_eq(b.n_weeks, 2);
    wt_date first;
    date_parse("2026-03-02", &first);
    cr_assert_eq(b.week_start[0], date_to_days(first));
    long d1 = date_to_days(first) + 1, d2 = date_to_days(today);
    timeentry_balance_add(&b, 0, d1, TB_CASEWORK, 300);
    timeentry_balance_add(&b, 0, d1, TB_OUTREACH, 100);
    timeentry_balance_add(&b, 1, d2, TB_COLLECTIVE, 60);
    timeentry_balance_add(&b, 1, d2, TB_CASEWORK, 120);
    timeentry_balance_add(&b, -1, d2, TB_OUTREACH, 20);      /* someone no longer in the list: team only */
    timeentry_balance_add(&b, 0, d1 - 7, TB_CASEWORK, 999);  /* before the first week: ignored */
    cr_assert_eq(b.workers[0].weeks[0].total, 400);
    cr_assert_eq(b.workers[0].weeks[1].total, 0);
    cr_assert_eq(timeentry_share(&b.workers[0].weeks[0]), 25);
    cr_assert_eq(timeentry_share(&b.workers[0].weeks[1]), -1, "a week without time has no share");
    cr_assert_eq(timeentry_share(&b.workers[1].total), 33);
    cr_assert_eq(b.team_weeks[1].total, 200);
    cr_assert_eq(timeentry_share(&b.team_weeks[1]), 40);
    cr_assert_eq(b.team_total.total, 600);
    cr_assert_eq(timeentry_share(&b.team_total), 30);
}

/* ---- ideas, activities, addresses: pure rules ----------------------------------------------------------------- */

TestSuite(presence_pure, .init = pure_setup, .fini = pure_teardown);

Test(presence_pure, idea_status_changes)
{
    cr_assert(idea_check_transition("new", "supported", NULL, 0, &pe));
    cr_assert(idea_check_transition("supported", "became_activity", NULL, 7, &pe));
    cr_assert(idea_check_transition("not_pursued", "supported", NULL, 0, &pe));
    cr_assert(idea_check_transition("new", "not_pursued", "Geen plek", 0, &pe));
    cr_assert_eq(pe.count, 0);
    cr_assert_not(idea_check_transition("new", "not_pursued", "  ", 0, &pe));
    cr_assert_not_null(errors_get(&pe, "reason"));
    cr_assert_not(idea_check_transition("new", "became_activity", NULL, 0, &pe));
    cr_assert_not_null(errors_get(&pe, "activity_id"));
    cr_assert_not(idea_check_transition("became_activity", "supported", NULL, 0, &pe), "final");
    cr_assert_not(idea_check_transition("supported", "new", NULL, 0, &pe));
    cr_assert_not(idea_check_transition("supported", "supported", NULL, 0, &pe));
}

Test(presence_pure, euros_as_typed)
{
    int64_t c = 0;
    cr_assert(activity_parse_euros("12", &c));
    cr_assert_eq(c, 1200);
    cr_assert(activity_parse_euros("12,50", &c));
    cr_assert_eq(c, 1250);
    cr_assert(activity_parse_euros("\xe2\x82\xac 1.234,5", &c));
    cr_assert_eq(c, 123450);
    cr_assert(activity_parse_euros("12.5", &c));
    cr_assert_eq(c, 1250);
    cr_assert_not(activity_parse_euros("twaalf", &c));
    cr_assert_not(activity_parse_euros("-5", &c));
    cr_assert_not(activity_parse_euros("", &c));
    cr_assert_str_eq(activity_format_euros(&pa, 8550), "\xe2\x82\xac 85,50");
}

Test(presence_pure, a_role_is_a_person_a_name_or_an_anonymous_count_of_participants)
{
    cr_assert(activity_check_role(&(activity_role_input){.role = "organiser", .name = "Tine"}, &pe));
    cr_assert(activity_check_role(&(activity_role_input){.role = "participant", .anonymous_count = 23}, &pe));
    cr_assert(activity_check_role(&(activity_role_input){.role = "volunteer", .person_id = 4}, &pe));
    cr_assert_eq(pe.count, 0);
    cr_assert_not(activity_check_role(&(activity_role_input){.role = "organiser", .anonymous_count = 3}, &pe));
    cr_assert_not(activity_check_role(&(activity_role_input){.role = "participant"}, &pe));
    cr_assert_not(activity_check_role(&(activity_role_input){.role = "participant", .name = "A", .person_id = 2}, &pe));
    cr_assert_not(activity_check_role(&(activity_role_input){.role = "boss", .name = "A"}, &pe));
}

Test(presence_pure, typed_addresses)
{
    address_key k;
    cr_assert(presence_parse_address_key("8923 AB 12", &k));
    cr_assert_str_eq(k.postcode, "8923AB");
    cr_assert_eq(k.house_number, 12);
    cr_assert(presence_parse_address_key(" 8923ab 12a-2 ", &k));
    cr_assert_str_eq(k.house_letter, "A");
    cr_assert_str_eq(k.addition, "2");
    cr_assert_not(presence_parse_address_key("0923 AB 12", &k));
    cr_assert_not(presence_parse_address_key("8923 AB", &k));
    cr_assert_not(presence_parse_address_key("Kerkstraat 12", &k));
    cr_assert_not(presence_parse_address_key("8923 AB 12-", &k));
}

Test(presence_pure, the_neighbourhood_decides_the_area)
{
    cr_assert(presence_area_rule(1, 1, false));
    cr_assert_not(presence_area_rule(1, 2, true), "another team's neighbourhood, even with our household");
    cr_assert(presence_area_rule(1, 0, true), "no team for the neighbourhood: where our households live");
    cr_assert_not(presence_area_rule(1, 0, false));
}

/* ---- operations against SQLite -------------------------------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
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

static void act_as(int64_t user_id, wt_role role, int64_t team_id)
{
    fx.ctx.who = (actor){.user_id = user_id, .role = role, .team_id = team_id, .display_name = "x"};
}

/*
 * Team 1 owns neighbourhood BU01 (Kerkstraat 1, 3, 5 with coordinates, out of order by number), team 2 owns
 * BU02 (Noorderweg 1). Household 1 lives at Kerkstraat 3 (team 1), household 3 at Noorderweg 1 (team 2).
 */
static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-presence-XXXXXX");
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", fx.dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &fx.c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(fx.c, &fx.a, &err), WT_OK, "%s", err ? err : "");
    exec_ok("INSERT INTO team (id, name, municipality, prevention_share, created_at) VALUES"
            " (1, 'Een', 'Leeuwarden', 40, '2026-01-01'), (2, 'Twee', 'Leeuwarden', 40, '2026-01-01');"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, disabled, created_at) VALUES"
            " (1, 'w1', 'Werker Een', 'x', 'worker', 1, 0, '2026-01-01'),"
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, 0, '2026-01-01'),"
            " (3, 'adm', 'Beheer', 'x', 'admin', NULL, 0, '2026-01-01'),"
            " (4, 'tl1', 'Leider Een', 'x', 'teamleader', 1, 0, '2026-01-01');"
            "INSERT INTO neighbourhood (code, name, district_code, municipality, team_id) VALUES"
            " ('BU01', 'Een', 'WK01', 'Leeuwarden', 1), ('BU02', 'Twee', 'WK01', 'Leeuwarden', 2);"
            "INSERT INTO address (id, postcode, house_number, street, town, neighbourhood_code, lat, lon) VALUES"
            " (1, '8924AA', 1, 'Kerkstraat', 'Leeuwarden', 'BU01', 53.2, 5.8000),"
            " (2, '8924AA', 3, 'Kerkstraat', 'Leeuwarden', 'BU01', 53.2, 5.8009),"
            " (3, '8924AA', 5, 'Kerkstraat', 'Leeuwarden', 'BU01', 53.2, 5.8003),"
            " (4, '8925ZZ', 1, 'Noorderweg', 'Leeuwarden', 'BU02', 53.3, 5.9);"
            "INSERT INTO household (id, team_id, address_id, name, created_at) VALUES"
            " (1, 1, 2, 'Huishouden De Vries', '2026-01-01'), (3, 2, 4, 'Huishouden Anders', '2026-01-01');"
            "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded, created_at) VALUES"
            " (1, 1, 'Koos', 'de Vries', 'koos de vries', 'de vries', '2026-01-01'),"
            " (3, 3, 'Anna', 'Anders', 'anna anders', 'anders', '2026-01-01');");
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    date_set_today("2026-03-15");
    act_as(1, ROLE_WORKER, 1);
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
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

TestSuite(presence_db, .init = setup_db, .fini = teardown_db);

static int64_t signal_at(int64_t address_id, const char *noticed_on, const char *urgency)
{
    errors e;
    errors_init(&e, &fx.a);
    signal_input in = {.address_id = address_id, .kind = "door_stays_shut", .noticed_by = "neighbour",
                       .urgency = urgency, .noticed_on = noticed_on};
    int64_t id = 0;
    wt_status st = signal_create(&fx.ctx, &in, &e, &id);
    cr_assert_eq(st, WT_OK, "%s %s", wt_status_name(st), e.head ? e.head->message : "");
    return id;
}

Test(presence_db, a_round_over_a_street_is_put_in_walking_order)
{
    errors e;
    errors_init(&e, &fx.a);
    const char *streets[] = {"Kerkstraat"};
    round_input in = {.planned_on = "2026-03-15", .purpose = "presence", .streets = streets, .n_streets = 1};
    int64_t id = 0;
    cr_assert_eq(round_plan(&fx.ctx, &in, &e, &id), WT_OK, "%s", e.head ? e.head->message : "");
    wt_round r;
    round_stop *stops;
    int n = 0;
    cr_assert_eq(round_get(&fx.ctx, id, &r), WT_OK);
    cr_assert_eq(round_stops(&fx.ctx, &r, &stops, &n), WT_OK);
    cr_assert_eq(n, 3);
    /* numbers 1, 5, 3: number 5 lies between 1 and 3 on the map */
    cr_assert_eq(stops[0].addr.house_number, 1);
    cr_assert_eq(stops[1].addr.house_number, 5);
    cr_assert_eq(stops[2].addr.house_number, 3);
    cr_assert_eq(r.n_workers, 1);
    cr_assert_eq(r.workers[0].user_id, 1, "without workers chosen, the planner walks");
}

Test(presence_db, a_round_with_an_address_outside_the_area_is_refused_naming_it)
{
    errors e;
    errors_init(&e, &fx.a);
    const char *keys[] = {"8924 AA 1", "8925 ZZ 1"};
    round_input in = {.planned_on = "2026-03-15", .purpose = "presence", .address_keys = keys, .n_address_keys = 2};
    int64_t id = 0;
    cr_assert_eq(round_plan(&fx.ctx, &in, &e, &id), WT_INVALID);
    cr_assert_not_null(strstr(errors_get(&e, "addresses"), "8925ZZ 1"));
    cr_assert_not_null(strstr(errors_get(&e, "addresses"), "buiten het werkgebied"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM round"), 0);
}

Test(presence_db, the_next_round_shows_what_happened_last_time)
{
    errors e;
    errors_init(&e, &fx.a);
    const int64_t ids[] = {1, 2};
    round_input in = {.planned_on = "2026-03-10", .purpose = "presence", .address_ids = ids, .n_address_ids = 2};
    int64_t first = 0, second = 0;
    cr_assert_eq(round_plan(&fx.ctx, &in, &e, &first), WT_OK);
    wt_round r;
    round_stop *stops;
    int n = 0;
    round_get(&fx.ctx, first, &r);
    round_stops(&fx.ctx, &r, &stops, &n);
    cr_assert_eq(round_record_stop(&fx.ctx, first, stops[1].id, "short_talk", "Koos wil koffie", &e), WT_OK);
    in.planned_on = "2026-03-15";
    cr_assert_eq(round_plan(&fx.ctx, &in, &e, &second), WT_OK);
    round_get(&fx.ctx, second, &r);
    round_stops(&fx.ctx, &r, &stops, &n);
    cr_assert_str_eq(stops[1].prev_outcome, "short_talk");
    cr_assert_str_eq(stops[1].prev_note, "Koos wil koffie");
    cr_assert_null(stops[0].prev_outcome);
}

Test(presence_db, an_overdue_follow_up_is_in_the_reminders_until_the_next_visit)
{
    int64_t late = signal_at(2, "2026-03-05", "normal"); /* due 12 March */
    int64_t fresh = signal_at(1, "2026-03-14", "high");   /* due 16 March */
    wt_signal *due;
    int n = 0;
    cr_assert_eq(signal_due(&fx.ctx, 10, &due, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(due[0].id, late);
    cr_assert(due[0].due);
    errors e;
    errors_init(&e, &fx.a);
    followup_input f = {.at = "2026-03-15", .kind = "visit", .contact_made = false};
    cr_assert_eq(signal_add_followup(&fx.ctx, late, &f, &e), WT_OK);
    wt_signal s;
    cr_assert_eq(signal_get(&fx.ctx, late, &s), WT_OK);
    cr_assert_str_eq(s.status, "open", "no contact yet");
    cr_assert_str_eq(s.next_due_on, "2026-03-22");
    cr_assert_eq(signal_due(&fx.ctx, 10, &due, &n), WT_OK);
    cr_assert_eq(n, 0);
    date_set_today("2026-03-16");
    cr_assert_eq(signal_due(&fx.ctx, 10, &due, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(due[0].id, fresh);
    f.contact_made = true;
    f.at = "2026-03-16";
    cr_assert_eq(signal_add_followup(&fx.ctx, fresh, &f, &e), WT_OK);
    cr_assert_eq(signal_get(&fx.ctx, fresh, &s), WT_OK);
    cr_assert_str_eq(s.status, "following");
}

Test(presence_db, a_signal_becomes_a_case_in_one_step_and_keeps_its_history)
{
    int64_t id = signal_at(2, "2026-03-12", "normal");
    errors e;
    errors_init(&e, &fx.a);
    followup_input f = {.at = "2026-03-13", .kind = "visit", .contact_made = true, .note = "Koos deed open"};
    cr_assert_eq(signal_add_followup(&fx.ctx, id, &f, &e), WT_OK);
    int64_t case_id = 0;
    signal_close_input in = {.outcome = "became_case"};
    wt_status st = signal_close(&fx.ctx, id, &in, &e, &case_id);
    cr_assert_eq(st, WT_OK, "%s %s", wt_status_name(st), e.head ? e.head->message : "");
    cr_assert_gt(case_id, 0);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases WHERE household_id = 1 AND status = 'open'"), 1);
    wt_signal *list;
    int n = 0;
    cr_assert_eq(signal_list_for_case(&fx.ctx, case_id, &list, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(list[0].id, id);
    cr_assert_str_eq(list[0].outcome, "became_case");
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM signal_followup WHERE signal_id = 1"), 1);
    /* a second signal about the household joins the open case: still one case */
    errors_init(&e, &fx.a);
    signal_input s2 = {.person_id = 1, .kind = "loneliness", .noticed_by = "gp"};
    int64_t id2 = 0, case2 = 0;
    cr_assert_eq(signal_create(&fx.ctx, &s2, &e, &id2), WT_OK);
    cr_assert_eq(signal_close(&fx.ctx, id2, &in, &e, &case2), WT_OK);
    cr_assert_eq(case2, case_id);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases"), 1);
    /* closed is closed */
    cr_assert_eq(signal_close(&fx.ctx, id, &(signal_close_input){.outcome = "no_concern"}, &e, &case2), WT_CONFLICT);
}

Test(presence_db, a_signal_at_an_address_without_a_known_household_cannot_become_a_case)
{
    int64_t id = signal_at(3, "2026-03-12", "low");
    errors e;
    errors_init(&e, &fx.a);
    int64_t case_id = 0;
    cr_assert_eq(signal_close(&fx.ctx, id, &(signal_close_input){.outcome = "became_case"}, &e, &case_id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "household_id"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases"), 0);
}

Test(presence_db, signals_of_another_team_do_not_exist_and_admins_see_none)
{
    int64_t id = signal_at(2, "2026-03-12", "normal");
    wt_signal s;
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(signal_get(&fx.ctx, id, &s), WT_NOTFOUND);
    errors e;
    errors_init(&e, &fx.a);
    int64_t other = 0;
    signal_input in = {.address_id = 2, .kind = "debts", .noticed_by = "school"};
    cr_assert_eq(signal_create(&fx.ctx, &in, &e, &other), WT_INVALID, "not in team 2's area");
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(signal_get(&fx.ctx, id, &s), WT_FORBIDDEN);
}

Test(presence_db, time_is_saved_per_day_and_the_team_leader_sees_the_balance)
{
    errors e;
    errors_init(&e, &fx.a);
    time_input day = {.day = "2026-03-13", .minutes = {300, 120, 60, 0, 0}};
    cr_assert_eq(timeentry_save_day(&fx.ctx, &day, &e), WT_OK);
    time_input more = {.day = "2026-03-13", .minutes = {-1, -1, -1, 30, -1}};
    cr_assert_eq(timeentry_save_day(&fx.ctx, &more, &e), WT_OK);
    time_day got;
    cr_assert_eq(timeentry_own_day(&fx.ctx, "2026-03-13", &got), WT_OK);
    cr_assert_eq(got.total, 510);
    cr_assert_eq(got.minutes[TB_CASEWORK], 300, "kept");
    time_input over = {.day = "2026-03-13", .minutes = {-1, -1, -1, -1, 931}};
    cr_assert_eq(timeentry_save_day(&fx.ctx, &over, &e), WT_INVALID, "510 + 931 > 1440");
    time_balance b;
    cr_assert_eq(timeentry_balance(&fx.ctx, 1, 4, &b), WT_FORBIDDEN, "a worker sees no balance");
    act_as(4, ROLE_TEAMLEADER, 1);
    cr_assert_eq(timeentry_balance(&fx.ctx, 1, 4, &b), WT_OK);
    cr_assert_eq(b.team_total.total, 510);
    cr_assert_eq(timeentry_share(&b.team_total), 35);
    cr_assert_eq(b.prevention_share, 40);
    cr_assert_eq(timeentry_balance(&fx.ctx, 2, 4, &b), WT_NOTFOUND, "another team");
}

/* ---- the demo ------------------------------------------------------------------------------------------------- */

#include "../../src/neighbourhood/presence_demo.h"

Test(presence_db, the_demo_makes_rounds_signals_in_every_state_activities_ideas_and_time)
{
    /* 20 more addresses in team 1's area; a household at each of them */
    for (int i = 0; i < 20; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "INSERT INTO address (id, postcode, house_number, street, town, neighbourhood_code, lat, lon) VALUES"
                 " (%d, '8924AB', %d, 'Molenstraat', 'Leeuwarden', 'BU01', 53.21, %f);"
                 "INSERT INTO household (id, team_id, address_id, name, created_at) VALUES"
                 " (%d, 1, %d, 'Huishouden %d', '2026-01-01');",
                 100 + i, i + 1, 5.80 + i * 0.0002, 100 + i, 100 + i, i);
        exec_ok(sql);
    }
    actor system = {0};
    fx.ctx.who = system;
    cr_assert_eq(presence_demo(&fx.ctx, 1, 42), WT_OK);
    cr_assert_eq(fx.ctx.who.user_id, 0, "the system again");
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM round WHERE status = 'done'"), 3);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM round WHERE status = 'planned'"), 2);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM round_stop WHERE outcome IS NULL AND round_id IN"
                            " (SELECT id FROM round WHERE status = 'done')"), 0);
    for (int i = 0; i < 3; i++) {
        static const char *const st[] = {"open", "following", "closed"};
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM signal WHERE status = '%s'", st[i]);
        cr_assert_gt(count_rows(sql), 0, "%s", st[i]);
    }
    static const char *const outcomes[] = {"no_concern", "light_support", "passed_to_partner", "became_case"};
    for (int i = 0; i < 4; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM signal WHERE outcome = '%s'", outcomes[i]);
        cr_assert_eq(count_rows(sql), 1, "%s", outcomes[i]);
    }
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM cases"), 1);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM signal WHERE anonymous = 1"), 1);
    wt_signal *due;
    int n = 0;
    fx.ctx.who = (actor){1, ROLE_WORKER, 1, "x", NULL};
    cr_assert_eq(signal_due(&fx.ctx, 10, &due, &n), WT_OK);
    cr_assert_geq(n, 1, "a reminder waits");
    cr_assert_eq(count_rows("SELECT COUNT(DISTINCT status) FROM idea"), 4);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM activity"), 5);
    cr_assert_gt(count_rows("SELECT COUNT(*) FROM time_entry"), 100);
}
