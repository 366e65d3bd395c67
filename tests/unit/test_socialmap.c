/*
 * Unit tests of the social map: distances between Dutch places and the
 * bounding box of a distance search, the check flag, HSDS schedules
 * (validation, opening on a day, the Dutch description), the checks of one
 * HSDS row, and - against a real SQLite database - the importer (valid, every
 * kind of invalid, all or nothing, skip bad rows, re-import by id, progress),
 * the search ranking and distance order, the round trip import -> export
 * -> import, and the date of the last check that every kind of entry carries
 * (contacts, schedules and terms too: set on an edit, flagged after a year,
 * never exported).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/core/buf.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/household/household.h"
#include "../../src/socialmap/hsds_io.h"
#include "../../src/socialmap/socialmap.h"

/* ---- distance -------------------------------------------------------------------------------------------------- */

Test(sm_distance, known_distances_between_dutch_places)
{
    /* Amsterdam Centraal - Rotterdam Centraal: about 58 km as the crow flies. */
    cr_assert_float_eq(sm_distance_km(52.3791, 4.9003, 51.9244, 4.4695), 58.48, 0.3);
    /* Leeuwarden station - Groningen station: about 51 km. */
    cr_assert_float_eq(sm_distance_km(53.1961, 5.7925, 53.2105, 6.5641), 51.42, 0.3);
    /* 0.009 degree north in Heechterp-Schieringen is one kilometre. */
    cr_assert_float_eq(sm_distance_km(53.2040, 5.8260, 53.2130, 5.8260), 1.0008, 0.002);
    cr_assert_float_eq(sm_distance_km(53.2, 5.8, 53.2, 5.8), 0.0, 1e-9);
    cr_assert_float_eq(sm_distance_km(52.0, 4.0, 53.0, 6.0), sm_distance_km(53.0, 6.0, 52.0, 4.0), 1e-9);
}

Test(sm_distance, the_box_holds_every_point_of_the_circle)
{
    double lat = 53.204, lon = 5.826, km = 2.0;
    sm_bbox b = sm_bbox_around(lat, lon, km);
    /* points just inside the circle, in every direction */
    for (int deg = 0; deg < 360; deg += 5) {
        double a = deg * M_PI / 180.0, d = km * 0.999 / 6371.0088;
        double la1 = lat * M_PI / 180.0, lo1 = lon * M_PI / 180.0;
        double la2 = asin(sin(la1) * cos(d) + cos(la1) * sin(d) * cos(a));
        double lo2 = lo1 + atan2(sin(a) * sin(d) * cos(la1), cos(d) - sin(la1) * sin(la2));
        double plat = la2 * 180.0 / M_PI, plon = lo2 * 180.0 / M_PI;
        cr_assert_lt(sm_distance_km(lat, lon, plat, plon), km);
        cr_assert(plat >= b.min_lat && plat <= b.max_lat && plon >= b.min_lon && plon <= b.max_lon, "%d degrees", deg);
    }
    /* and not much more: 2 km is about 0.018 degree of latitude */
    cr_assert_float_eq(b.max_lat - b.min_lat, 0.036, 0.001);
}

Test(sm_distance, the_flat_distance_of_the_database_matches_the_great_circle)
{
    /* From Heechterp, every direction, 0.5 to 100 km: within 0.05 % of the great-circle distance. */
    double lat = 53.204, lon = 5.826;
    sm_near n = sm_near_around(lat, lon, 2.0);
    cr_assert_float_eq(sm_near_km(n.r2), 2.0, 1e-9);
    for (int deg = 0; deg < 360; deg += 15)
        for (double km = 0.5; km <= 100; km *= 2) {
            double a = deg * M_PI / 180.0, d = km / 6371.0088;
            double la1 = lat * M_PI / 180.0, lo1 = lon * M_PI / 180.0;
            double la2 = asin(sin(la1) * cos(d) + cos(la1) * sin(d) * cos(a));
            double lo2 = lo1 + atan2(sin(a) * sin(d) * cos(la1), cos(d) - sin(la1) * sin(la2));
            double flat = sm_near_km(sm_near_d2(&n, la2 * 180.0 / M_PI, lo2 * 180.0 / M_PI));
            cr_assert_float_eq(flat, km, km * 0.0005, "%d degrees, %.1f km: %.4f", deg, km, flat);
        }
    /* Leeuwarden - Groningen */
    sm_near g = sm_near_around(53.1961, 5.7925, 60);
    cr_assert_float_eq(sm_near_km(sm_near_d2(&g, 53.2105, 6.5641)), sm_distance_km(53.1961, 5.7925, 53.2105, 6.5641), 0.03);
}

Test(sm_distance, the_netherlands_box)
{
    cr_assert(sm_in_netherlands(53.2, 5.8));
    cr_assert_not(sm_in_netherlands(48.85, 2.35)); /* Paris */
    cr_assert_not(sm_in_netherlands(53.2, 8.8));   /* Bremen */
}

/* ---- check flag, words, postcodes ------------------------------------------------------------------------------ */

Test(sm_check, every_kind_of_entry_carries_its_own_check_date)
{
    const char *kinds[] = {"service", "organization", "location", "contact", "schedule", "taxonomy_term"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        cr_assert(sm_checked_kind(kinds[i]), "%s", kinds[i]);
    cr_assert_not(sm_checked_kind("phone")); /* part of its contact, organisation or location */
    cr_assert_not(sm_checked_kind("address"));
    cr_assert_not(sm_checked_kind("taxonomy"));
    cr_assert_not(sm_checked_kind(NULL));
}

Test(sm_check, an_entry_is_flagged_after_a_year)
{
    wt_date today;
    date_parse("2026-11-23", &today);
    cr_assert_not(sm_needs_check("2026-11-23", today));
    cr_assert_not(sm_needs_check("2025-11-23", today)); /* exactly a year: 365 days */
    cr_assert(sm_needs_check("2025-11-22", today));
    cr_assert_not(sm_needs_check("2026-03-01T10:00:00Z", today));
    cr_assert(sm_needs_check(NULL, today));
    cr_assert(sm_needs_check("gisteren", today));
}

static hsds_row cost_option(arena *a, const char *option, const char *amount, const char *description)
{
    hsds_row o = hsds_row_new(a, hsds_resource_by_name("cost_option"));
    hsds_set_raw(&o, "option", option);
    hsds_set_raw(&o, "amount", amount);
    hsds_set_raw(&o, "amount_description", description);
    return o;
}

Test(sm_cost, free_contribution_or_paid_from_the_cost_options_and_the_fees)
{
    arena a;
    arena_init(&a);
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, NULL), "");
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, "  "), "");
    hsds_row o[3];
    o[0] = cost_option(&a, "Gratis", "0", NULL);
    cr_assert_str_eq(sm_cost_set(&a, o, 1, NULL), " free ");
    /* the demo's words: no option, a fees description of a contribution (with diacritics and capitals too) */
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, "Eigen bijdrage of contributie; vraag naar de regeling."), " contribution ");
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, "LIDMAATSCHAP € 12 per jaar"), " contribution ");
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, "€ 45 per uur"), " paid ");
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, "Kosteloos voor inwoners"), "");
    cr_assert_str_eq(sm_cost_set(&a, NULL, 0, "Geen kosten"), "");
    /* options: an amount above 0 is paid unless it is a contribution; free and a contribution together */
    o[1] = cost_option(&a, "Per uur", "45", NULL);
    cr_assert_str_eq(sm_cost_set(&a, o + 1, 1, NULL), " paid ");
    o[2] = cost_option(&a, "Met inkomen boven bijstandsniveau", "12.50", "Eigen bijdrage per maand");
    cr_assert_str_eq(sm_cost_set(&a, o + 2, 1, NULL), " contribution ");
    cr_assert_str_eq(sm_cost_set(&a, o, 3, NULL), " free contribution paid ");
    cr_assert_str_eq(sm_cost_set(&a, o, 1, "Gratis voor minima, anders een eigen bijdrage"), " free contribution ");
    /* with options, a fees description that is no contribution adds nothing */
    cr_assert_str_eq(sm_cost_set(&a, o, 1, "Vraag ernaar"), " free ");
    /* an option without an amount: only its words count */
    hsds_row unknown = cost_option(&a, "Contributie", NULL, NULL);
    cr_assert_str_eq(sm_cost_set(&a, &unknown, 1, NULL), " contribution ");
    unknown = cost_option(&a, "Op aanvraag", NULL, NULL);
    cr_assert_str_eq(sm_cost_set(&a, &unknown, 1, NULL), "");
    arena_free(&a);
}

static void collect(void *u, const char *w)
{
    char *s = u;
    strcat(s, w);
    strcat(s, "|");
}

Test(sm_words, folds_diacritics_and_drops_stop_words)
{
    arena a;
    arena_init(&a);
    char got[256] = "";
    sm_words(&a, "Diëtist en de Ouderen-Café, 2e lijn", collect, got);
    cr_assert_str_eq(got, "dietist|ouderen|cafe|2e|lijn|");
    cr_assert_str_eq(sm_stem(&a, "schulden"), "schuld");
    cr_assert_str_eq(sm_stem(&a, "ouders"), "ouder");
    cr_assert_str_eq(sm_stem(&a, "huisartsen"), "huisarts");
    cr_assert_str_eq(sm_stem(&a, "huis"), "huis");
    cr_assert_str_eq(sm_stem(&a, "thuis"), "thuis");
    arena_free(&a);
}

Test(sm_postcode, normalises_dutch_postcodes)
{
    arena a;
    arena_init(&a);
    cr_assert_str_eq(sm_postcode_normalise(&a, "8923ax"), "8923 AX");
    cr_assert_str_eq(sm_postcode_normalise(&a, " 8923 AX "), "8923 AX");
    cr_assert_str_eq(sm_postcode_normalise(&a, "8923"), "8923");
    cr_assert_null(sm_postcode_normalise(&a, "0923 AX"));
    cr_assert_null(sm_postcode_normalise(&a, "892 AX"));
    cr_assert_null(sm_postcode_normalise(&a, "8923 A1"));
    cr_assert_null(sm_postcode_normalise(&a, NULL));
    arena_free(&a);
}

Test(sm_ids, derived_ids_are_stable_valid_uuids)
{
    arena a;
    arena_init(&a);
    char *x = sm_uuid_derived(&a, "demo:service:cjg"), *y = sm_uuid_derived(&a, "demo:service:cjg");
    cr_assert_str_eq(x, y);
    cr_assert(hsds_uuid_valid(x));
    cr_assert_eq(x[14], '4'); /* version 4 */
    cr_assert(hsds_uuid_valid(sm_uuid_new(&a)));
    cr_assert_str_neq(sm_uuid_new(&a), sm_uuid_new(&a));
    cr_assert_not(hsds_uuid_valid("3fa85f64-5717-4562-b3fc-2c963f66afa"));
    cr_assert_not(hsds_uuid_valid("3fa85f64x5717-4562-b3fc-2c963f66afa6"));
    arena_free(&a);
}

/* ---- schedules ------------------------------------------------------------------------------------------------- */

static hsds_row schedule(arena *a, const char *freq, const char *byday, const char *opens, const char *closes)
{
    hsds_row s = hsds_row_new(a, hsds_resource_by_name("schedule"));
    hsds_set_raw(&s, "id", "11111111-1111-4111-8111-111111111111");
    hsds_set_raw(&s, "service_id", "22222222-2222-4222-8222-222222222222");
    hsds_set_raw(&s, "freq", freq);
    hsds_set_raw(&s, "byday", byday);
    hsds_set_raw(&s, "opens_at", opens);
    hsds_set_raw(&s, "closes_at", closes);
    return s;
}

static wt_date day(const char *iso)
{
    wt_date d;
    cr_assert(date_parse(iso, &d), "%s", iso);
    return d;
}

static int problems(arena *a, hsds_row *s, const char *field)
{
    errors e;
    errors_init(&e, a);
    hsds_validate_row(a, s, NULL, &e);
    return field ? (errors_get(&e, field) != NULL) : e.count;
}

Test(sm_schedule, validation_names_the_field)
{
    arena a;
    arena_init(&a);
    hsds_row ok = schedule(&a, "WEEKLY", "MO,WE", "09:00", "12:00");
    cr_assert_eq(problems(&a, &ok, NULL), 0);
    hsds_row monthly = schedule(&a, "MONTHLY", "1TU,-1FR", "19:30", "21:30");
    cr_assert_eq(problems(&a, &monthly, NULL), 0);
    hsds_row no_freq = schedule(&a, NULL, "MO", "09:00", "12:00");
    cr_assert(problems(&a, &no_freq, "freq"));
    hsds_row bad_day = schedule(&a, "WEEKLY", "MO,XX", "09:00", "12:00");
    cr_assert(problems(&a, &bad_day, "byday"));
    hsds_row ordinal_weekly = schedule(&a, "WEEKLY", "1MO", "09:00", "12:00");
    cr_assert(problems(&a, &ordinal_weekly, "byday"));
    hsds_row backwards = schedule(&a, "WEEKLY", "MO", "17:00", "09:00");
    cr_assert(problems(&a, &backwards, "closes_at"));
    hsds_row half = schedule(&a, "WEEKLY", "MO", "09:00", NULL);
    cr_assert(problems(&a, &half, "closes_at"));
    hsds_row bad_time = schedule(&a, "WEEKLY", "MO", "25:00", "26:00");
    cr_assert(problems(&a, &bad_time, "opens_at"));
    hsds_row monthday = schedule(&a, "MONTHLY", NULL, "09:00", "10:00");
    hsds_set_raw(&monthday, "bymonthday", "32");
    cr_assert(problems(&a, &monthday, "bymonthday"));
    hsds_row orphan = schedule(&a, "WEEKLY", "MO", "09:00", "10:00");
    hsds_set_raw(&orphan, "service_id", NULL);
    cr_assert(problems(&a, &orphan, "service_id"));
    arena_free(&a);
}

Test(sm_schedule, open_on_the_days_and_hours_it_says)
{
    arena a;
    arena_init(&a);
    /* 2026-11-23 is a Monday */
    cr_assert_eq(sm_weekday(day("2026-11-23")), 0);
    cr_assert_eq(sm_weekday(day("2026-11-29")), 6);
    hsds_row w = schedule(&a, "WEEKLY", "MO,WE", "09:00", "12:00");
    cr_assert(sm_schedule_open_at(&w, day("2026-11-23"), 10 * 60));
    cr_assert(sm_schedule_open_at(&w, day("2026-11-25"), 9 * 60));
    cr_assert_not(sm_schedule_open_at(&w, day("2026-11-23"), 12 * 60)); /* closes at 12:00 */
    cr_assert_not(sm_schedule_open_at(&w, day("2026-11-24"), 10 * 60)); /* Tuesday */
    hsds_row m = schedule(&a, "MONTHLY", "1TU,-1FR", "19:30", "21:30");
    cr_assert(sm_schedule_open_at(&m, day("2026-12-01"), 20 * 60));     /* first Tuesday of December */
    cr_assert_not(sm_schedule_open_at(&m, day("2026-12-08"), 20 * 60)); /* second Tuesday */
    cr_assert(sm_schedule_open_at(&m, day("2026-11-27"), 20 * 60));     /* last Friday of November */
    cr_assert_not(sm_schedule_open_at(&m, day("2026-11-20"), 20 * 60));
    hsds_row fortnight = schedule(&a, "WEEKLY", "TH", "10:00", "11:00");
    hsds_set_raw(&fortnight, "interval", "2");
    hsds_set_raw(&fortnight, "dtstart", "2026-11-05");
    cr_assert(sm_schedule_open_at(&fortnight, day("2026-11-19"), 10 * 60 + 30));
    cr_assert_not(sm_schedule_open_at(&fortnight, day("2026-11-26"), 10 * 60 + 30));
    cr_assert_not(sm_schedule_open_at(&fortnight, day("2026-10-22"), 10 * 60 + 30)); /* before dtstart */
    hsds_row ended = schedule(&a, "WEEKLY", "MO", "09:00", "12:00");
    hsds_set_raw(&ended, "valid_to", "2026-11-01");
    cr_assert_not(sm_schedule_open_at(&ended, day("2026-11-23"), 10 * 60));
    arena_free(&a);
}

Test(sm_schedule, described_in_dutch)
{
    arena a;
    arena_init(&a);
    hsds_row week = schedule(&a, "WEEKLY", "MO,TU,WE,TH,FR", "09:00", "17:00");
    cr_assert_str_eq(sm_schedule_describe(&a, &week), "Maandag tot en met vrijdag 09:00-17:00");
    hsds_row two = schedule(&a, "WEEKLY", "MO,TH", "10:00", "11:00");
    cr_assert_str_eq(sm_schedule_describe(&a, &two), "Maandag en donderdag 10:00-11:00");
    hsds_row m = schedule(&a, "MONTHLY", "1TU", "19:30", "21:30");
    cr_assert_str_eq(sm_schedule_describe(&a, &m), "Elke eerste dinsdag van de maand 19:30-21:30");
    hsds_row none = schedule(&a, NULL, NULL, NULL, NULL);
    cr_assert_str_eq(sm_schedule_describe(&a, &none), "Volgens afspraak");
    arena_free(&a);
}

/* ---- one HSDS row ---------------------------------------------------------------------------------------------- */

Test(sm_row, checks_kinds_coordinates_and_dutch_postcodes)
{
    arena a;
    arena_init(&a);
    errors e;
    errors_init(&e, &a);
    hsds_row loc = hsds_row_new(&a, hsds_resource_by_name("location"));
    hsds_set_raw(&loc, "id", "33333333-3333-4333-8333-333333333333");
    hsds_set_raw(&loc, "location_type", "physical");
    hsds_set_raw(&loc, "latitude", "48.8566"); /* Paris */
    hsds_set_raw(&loc, "longitude", "2.3522");
    hsds_validate_row(&a, &loc, "location", &e);
    cr_assert_not_null(errors_get(&e, "location.latitude"));
    cr_assert_not_null(errors_get(&e, "location.longitude"));

    errors_init(&e, &a);
    hsds_row addr = hsds_row_new(&a, hsds_resource_by_name("address"));
    hsds_set_raw(&addr, "id", "44444444-4444-4444-8444-444444444444");
    hsds_set_raw(&addr, "address_1", "Heechterpplein 2");
    hsds_set_raw(&addr, "city", "Leeuwarden");
    hsds_set_raw(&addr, "state_province", "Fryslân");
    hsds_set_raw(&addr, "postal_code", "8923ax");
    hsds_set_raw(&addr, "country", "NL");
    hsds_set_raw(&addr, "address_type", "physical");
    hsds_validate_row(&a, &addr, NULL, &e);
    cr_assert_eq(e.count, 0);
    cr_assert_str_eq(hsds_get(&addr, "postal_code"), "8923 AX");
    hsds_set_raw(&addr, "postal_code", "89234");
    hsds_validate_row(&a, &addr, NULL, &e);
    cr_assert_not_null(errors_get(&e, "postal_code"));

    errors_init(&e, &a);
    hsds_row svc = hsds_row_new(&a, hsds_resource_by_name("service"));
    hsds_set_raw(&svc, "id", "55555555-5555-4555-8555-555555555555");
    hsds_set_raw(&svc, "email", "geen-adres");
    hsds_set_raw(&svc, "status", "open");
    hsds_set_raw(&svc, "url", "www.zonder-schema.nl");
    hsds_validate_row(&a, &svc, NULL, &e);
    cr_assert_not_null(errors_get(&e, "name"));
    cr_assert_not_null(errors_get(&e, "organization_id"));
    cr_assert_not_null(errors_get(&e, "email"));
    cr_assert_not_null(errors_get(&e, "status"));
    cr_assert_not_null(errors_get(&e, "url"));
    arena_free(&a);
}

/* ---- against a database ---------------------------------------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
} fixture;

static fixture fx;

static void open_db(const char *name, db **c)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", fx.dir, name);
    const char *err = NULL;
    cr_assert_eq(db_open(path, c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(*c, &fx.a, &err), WT_OK, "%s", err);
}

static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-sm-XXXXXX");
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    open_db("t.db", &fx.c);
    cr_assert_eq(db_exec_script(fx.c, "INSERT INTO team (id, name, municipality, created_at) VALUES"
                                      " (1, 'Een', 'Leeuwarden', '2026-01-01');"
                                      "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id,"
                                      " created_at) VALUES (1, 'w1', 'Werker', 'x', 'worker', 1, '2026-01-01');"),
                 WT_OK, "%s", db_last_error(fx.c));
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    fx.ctx.who = (actor){.user_id = 0, .role = ROLE_ADMIN, .display_name = "console"};
    date_set_today("2026-11-23");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
}

static void teardown_db(void)
{
    db_rollback(fx.c);
    db_close(fx.c);
    arena_free(&fx.a);
    date_set_today(NULL);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", fx.dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(sm_import, .init = setup_db, .fini = teardown_db);

static const char *path_in(const char *sub, const char *file)
{
    return arena_printf(&fx.a, "%s/%s%s%s", fx.dir, sub, *sub ? "/" : "", file);
}

static void write_file(const char *sub, const char *file, const char *content)
{
    if (*sub)
        mkdir(path_in("", sub), 0755);
    FILE *f = fopen(path_in(sub, file), "w");
    cr_assert_not_null(f);
    fputs(content, f);
    fclose(f);
}

static long count(db *c, const char *table)
{
    db_result r;
    cr_assert_eq(db_query(c, &fx.a, &r, arena_printf(&fx.a, "SELECT COUNT(*) FROM %s", table), DB_NOARGS), WT_OK);
    return (long)db_get_int(&r, 0, 0);
}

#define ORG1 "0a000000-0000-4000-8000-000000000001"
#define ORG2 "0a000000-0000-4000-8000-000000000002"
#define SVC1 "0b000000-0000-4000-8000-000000000001"
#define SVC2 "0b000000-0000-4000-8000-000000000002"
#define SVC3 "0b000000-0000-4000-8000-000000000003"
#define LOC1 "0c000000-0000-4000-8000-000000000001"
#define LOC2 "0c000000-0000-4000-8000-000000000002"
#define MONEY "5e1f0001-0000-4000-8000-000000000005"

/* A small, valid package: two organisations, three services, two locations 1 and 5 km from the neighbourhood. */
static void write_valid_package(const char *sub)
{
    write_file(sub, "organizations.csv",
               "id,name,description,email\r\n" ORG1 ",Schuldhulp Noord,\"Hulp bij schulden, ook \"\"thuis\"\"\",info@noord.example\r\n"
               ORG2 ",Wijkcentrum,Ontmoeting,\r\n");
    write_file(sub, "services.csv",
               "id,organization_id,name,description,status,minimum_age\n" SVC1 "," ORG1
               ",Schuldhulpverlening,Regelingen met schuldeisers,active,18\n" SVC2 "," ORG2
               ",Koffieochtend,Ontmoeting en praatje; ook voor wie schulden heeft,active,\n" SVC3 "," ORG1
               ",Budgetcursus,Geld de baas,active,\n");
    write_file(sub, "locations.csv",
               "id,location_type,organization_id,name,latitude,longitude\n" LOC1 ",physical," ORG1
               ",Kantoor,53.2130,5.8260\n" LOC2 ",physical," ORG2 ",Wijkcentrum,53.2490,5.8260\n");
    write_file(sub, "addresses.csv",
               "id,location_id,address_1,city,state_province,postal_code,country,address_type\n"
               "0d000000-0000-4000-8000-000000000001," LOC1 ",Heechterpplein 2,Leeuwarden,Fryslân,8923AX,NL,physical\n");
    write_file(sub, "service_at_location.csv",
               "id,service_id,location_id\n0e000000-0000-4000-8000-000000000001," SVC1 "," LOC1
               "\n0e000000-0000-4000-8000-000000000002," SVC2 "," LOC2 "\n0e000000-0000-4000-8000-000000000003," SVC3
               "," LOC1 "\n");
    write_file(sub, "schedules.csv",
               "id,service_id,freq,byday,opens_at,closes_at\n0f000000-0000-4000-8000-000000000001," SVC1
               ",WEEKLY,\"MO,WE\",09:00,12:00\n");
    write_file(sub, "attributes.csv",
               "id,link_id,taxonomy_term_id,link_type,link_entity\n0a100000-0000-4000-8000-000000000001," SVC1 "," MONEY
               ",service_category,service\n");
}

static wt_status import(const char *sub, bool skip, hsds_import_result *res)
{
    hsds_import_opts o = {skip, NULL, NULL};
    return hsds_import_path(&fx.ctx, path_in("", sub), &o, res);
}

static const hsds_problem *problem_at(const hsds_import_result *res, const char *file, long row, const char *field)
{
    for (const hsds_problem *p = res->problems; p; p = p->next)
        if (strcmp(p->file, file) == 0 && p->row == row && (!field || (p->field && strcmp(p->field, field) == 0)))
            return p;
    return NULL;
}

static void dump_problems(const hsds_import_result *res)
{
    for (const hsds_problem *p = res->problems; p; p = p->next)
        fprintf(stderr, "%s:%ld %s %s\n", p->file, p->row, p->field ? p->field : "-", p->message);
}

Test(sm_import, a_valid_package_is_imported_and_searchable)
{
    write_valid_package("ok");
    hsds_import_result res;
    wt_status st = import("ok", false, &res);
    if (st != WT_OK)
        dump_problems(&res);
    cr_assert_eq(st, WT_OK);
    cr_assert_eq(res.rows_read, 13);
    cr_assert_eq(res.rows_written, 13);
    cr_assert_eq(count(fx.c, "sm_service"), 3);
    sm_service s;
    cr_assert_eq(socialmap_service_get(&fx.ctx, SVC1, &s), WT_OK);
    cr_assert_str_eq(s.organization_name, "Schuldhulp Noord");
    cr_assert(sm_set_has(s.life_domains, "money"));
    cr_assert_eq(s.minimum_age, 18);
    hsds_row addr;
    cr_assert_eq(socialmap_get(&fx.ctx, "address", "0d000000-0000-4000-8000-000000000001", &addr), WT_OK);
    cr_assert_str_eq(hsds_get(&addr, "postal_code"), "8923 AX");
}

Test(sm_import, a_reimport_updates_by_id_without_duplicates)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    long words = count(fx.c, "sm_service_word");
    write_file("ok", "services.csv",
               "id,organization_id,name,description,status\n" SVC1 "," ORG1 ",Schuldhulp,Nieuw,active\n");
    cr_assert_eq(import("ok", false, &res), WT_OK);
    cr_assert_eq(count(fx.c, "sm_service"), 3);
    cr_assert_eq(count(fx.c, "sm_organization"), 2);
    cr_assert_eq(count(fx.c, "sm_schedule"), 1);
    cr_assert_eq(count(fx.c, "sm_attribute"), 1);
    cr_assert_lt(count(fx.c, "sm_service_word"), words + 1);
    sm_service s;
    cr_assert_eq(socialmap_service_get(&fx.ctx, SVC1, &s), WT_OK);
    cr_assert_str_eq(s.name, "Schuldhulp");
    cr_assert_str_eq(s.description, "Nieuw");
}

/* Every kind of bad input is reported with file, row and field, and nothing of it is written. */
Test(sm_import, bad_input_is_reported_and_nothing_is_written)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    long before = count(fx.c, "sm_service");
    write_valid_package("bad");
    write_file("bad", "organizations.csv",
               "id,name,description\n" ORG1 ",Schuldhulp Noord GEWIJZIGD,x\n"
               "0a000000-0000-4000-8000-000000000009,\"Niet gesloten,x\n");
    write_file("bad", "services.csv",
               "id,organization_id,name,description,status\n" SVC1 "," ORG1 ",Goed,x,active\n"
               "0b000000-0000-4000-8000-000000000008,0a000000-0000-4000-8000-0000000000ff,Wees,x,active\n"
               "0b000000-0000-4000-8000-000000000009," ORG1 ",Te veel,x,active,extra\n");
    write_file("bad", "locations.csv",
               "id,location_type,organization_id,name,latitude,longitude\n" LOC1 ",physical," ORG1
               ",Parijs,48.8566,2.3522\n");
    write_file("bad", "schedules.csv",
               "id,service_id,freq,byday,opens_at,closes_at\n0f000000-0000-4000-8000-000000000001," SVC1
               ",WEEKLY,MO,17:00,09:00\n");
    cr_assert_eq(import("bad", false, &res), WT_INVALID);
    cr_assert_not_null(problem_at(&res, "organizations.csv", 3, NULL), "unclosed quote");
    cr_assert_not_null(problem_at(&res, "services.csv", 3, "organization_id"), "broken reference");
    cr_assert_not_null(problem_at(&res, "services.csv", 4, NULL), "too many fields");
    cr_assert_not_null(problem_at(&res, "locations.csv", 2, "latitude"), "outside the Netherlands");
    cr_assert_not_null(problem_at(&res, "schedules.csv", 2, "closes_at"), "closes before it opens");
    /* the existing map is intact */
    cr_assert_eq(count(fx.c, "sm_service"), before);
    hsds_row org;
    cr_assert_eq(socialmap_get(&fx.ctx, "organization", ORG1, &org), WT_OK);
    cr_assert_str_eq(hsds_get(&org, "name"), "Schuldhulp Noord");
}

Test(sm_import, skip_bad_rows_keeps_the_good_ones_and_what_leans_on_bad_ones_out)
{
    write_valid_package("skip");
    write_file("skip", "services.csv",
               "id,organization_id,name,description,status\n" SVC1 "," ORG1 ",Goed,x,active\n" SVC2
               ",0a000000-0000-4000-8000-0000000000ff,Wees,x,active\n");
    write_file("skip", "schedules.csv", "id,service_id,freq,byday\n");
    hsds_import_result res;
    cr_assert_eq(import("skip", true, &res), WT_OK);
    cr_assert_eq(count(fx.c, "sm_service"), 1);
    cr_assert_eq(count(fx.c, "sm_service_at_location"), 1); /* the one of SVC2 leaned on a bad row */
    cr_assert_not_null(problem_at(&res, "services.csv", 3, "organization_id"));
    cr_assert_gt(res.rows_skipped, 1);
}

Test(sm_import, hsds_json_objects_are_imported_with_their_nesting)
{
    write_file("json", "services.json",
               "[{\"id\": \"" SVC1 "\", \"name\": \"Thuisadministratie\", \"status\": \"active\","
               " \"organization\": {\"id\": \"" ORG1 "\", \"name\": \"Humanitas\", \"description\": \"Vrijwilligers\"},"
               " \"service_at_locations\": [{\"id\": \"0e000000-0000-4000-8000-000000000001\", \"location\":"
               " {\"id\": \"" LOC1 "\", \"location_type\": \"physical\", \"latitude\": 53.2, \"longitude\": 5.8,"
               " \"addresses\": [{\"id\": \"0d000000-0000-4000-8000-000000000001\", \"address_1\": \"Kerkstraat 1\","
               " \"city\": \"Leeuwarden\", \"state_province\": \"Fryslân\", \"postal_code\": \"8911 AA\","
               " \"country\": \"NL\", \"address_type\": \"physical\"}]}}],"
               " \"schedules\": [{\"id\": \"0f000000-0000-4000-8000-000000000001\", \"freq\": \"WEEKLY\","
               " \"byday\": \"TU\", \"opens_at\": \"10:00\", \"closes_at\": \"11:00\"}]}]");
    hsds_import_result res;
    wt_status st = import("json", false, &res);
    if (st != WT_OK)
        dump_problems(&res);
    cr_assert_eq(st, WT_OK);
    cr_assert_eq(count(fx.c, "sm_location"), 1);
    hsds_row sal;
    cr_assert_eq(socialmap_get(&fx.ctx, "service_at_location", "0e000000-0000-4000-8000-000000000001", &sal), WT_OK);
    cr_assert_str_eq(hsds_get(&sal, "service_id"), SVC1);
    hsds_row sc;
    cr_assert_eq(socialmap_get(&fx.ctx, "schedule", "0f000000-0000-4000-8000-000000000001", &sc), WT_OK);
    cr_assert_str_eq(hsds_get(&sc, "service_id"), SVC1);
    /* a nested problem names its path */
    write_file("json2", "services.json",
               "{\"id\": \"" SVC2 "\", \"name\": \"X\", \"status\": \"active\", \"organization_id\": \"" ORG1 "\","
               " \"service_at_locations\": [{\"id\": \"0e000000-0000-4000-8000-000000000002\", \"location\":"
               " {\"id\": \"" LOC2 "\", \"location_type\": \"physical\", \"latitude\": 40.0, \"longitude\": 5.8}}]}");
    cr_assert_eq(import("json2", false, &res), WT_INVALID);
    cr_assert_not_null(problem_at(&res, "services.json", 1, "service_at_locations[0].location.latitude"));
}

static void progress(void *u, const char *what, long done)
{
    (void)what;
    (void)done;
    (*(int *)u)++;
}

Test(sm_import, a_large_file_reports_progress)
{
    FILE *f = fopen(path_in("", "organizations.csv"), "w");
    cr_assert_not_null(f);
    fputs("id,name,description\n", f);
    for (int i = 0; i < 2500; i++)
        fprintf(f, "0a000000-0000-4000-8000-%012d,Organisatie %d,Beschrijving\n", i, i);
    fclose(f);
    int calls = 0;
    hsds_import_opts o = {false, progress, &calls};
    hsds_import_result res;
    cr_assert_eq(hsds_import_path(&fx.ctx, path_in("", "organizations.csv"), &o, &res), WT_OK);
    cr_assert_eq(count(fx.c, "sm_organization"), 2500);
    cr_assert_geq(calls, 4); /* read 1000, 2000; written 1000, 2000 */
}

Test(sm_import, only_who_may_maintain_the_map_imports)
{
    write_valid_package("ok");
    fx.ctx.who = (actor){.user_id = 9, .role = ROLE_POLICY, .display_name = "beleid"};
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_FORBIDDEN);
    cr_assert_eq(count(fx.c, "sm_service"), 0);
}

/* ---- search ---------------------------------------------------------------------------------------------------- */

static int search(sm_query *q, sm_hit **hits)
{
    errors e;
    errors_init(&e, &fx.a);
    int n = 0;
    bool more;
    const char *origin;
    wt_status st = socialmap_search(&fx.ctx, q, &e, hits, &n, &more, &origin, NULL);
    cr_assert_eq(st, WT_OK, "%s %s", wt_status_name(st), e.head ? e.head->message : "");
    return n;
}

Test(sm_import, search_ranks_a_name_above_a_description_and_folds_diacritics)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    sm_query q;
    sm_query_init(&q);
    q.q = "schulden";
    sm_hit *hits;
    int n = search(&q, &hits);
    cr_assert_eq(n, 3, "by name, by organisation and by description");
    cr_assert_str_eq(hits[0].s.name, "Schuldhulpverlening"); /* "schuld..." in its name: 3 */
    cr_assert_str_eq(hits[1].s.name, "Budgetcursus");        /* of Schuldhulp Noord: 2 */
    cr_assert_str_eq(hits[2].s.name, "Koffieochtend");       /* "schulden" in its description: 1 */
    cr_assert_gt(hits[0].relevance, hits[1].relevance);
    cr_assert_gt(hits[1].relevance, hits[2].relevance);
    sm_query_init(&q);
    q.q = "KOFFIEÖCHTEND";
    cr_assert_eq(search(&q, &hits), 1);
    sm_query_init(&q);
    q.domain = "money";
    cr_assert_eq(search(&q, &hits), 1);
    sm_query_init(&q);
    q.age = 12;
    q.q = "schuld";
    int m = search(&q, &hits);
    cr_assert_eq(m, 2, "the age range of Schuldhulpverlening starts at 18");
    for (int i = 0; i < m; i++)
        cr_assert_str_neq(hits[i].s.name, "Schuldhulpverlening");
}

Test(sm_import, a_picker_offers_services_by_text_or_by_name_and_counts_referrals)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    sm_choice *cs;
    int n = 0;
    cr_assert_eq(socialmap_service_choices(&fx.ctx, NULL, 0, &cs, &n), WT_OK);
    cr_assert_eq(n, 3);
    cr_assert_str_eq(cs[0].name, "Budgetcursus");
    cr_assert_str_eq(cs[1].name, "Koffieochtend");
    cr_assert_str_eq(cs[2].organization_name, "Schuldhulp Noord");
    cr_assert_eq(socialmap_service_choices(&fx.ctx, "schuldhulp", 1, &cs, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(cs[0].id, SVC1);
    cr_assert_str_eq(cs[0].organization_id, ORG1);
    long received = -1, accepted = -1;
    cr_assert_eq(socialmap_referral_counts(&fx.ctx, SVC1, &received, &accepted), WT_OK);
    cr_assert_eq(received, 0);
    cr_assert_eq(accepted, 0);
    cr_assert_eq(socialmap_referral_counts(&fx.ctx, "not-a-uuid", &received, &accepted), WT_NOTFOUND);
    wt_ctx anon = fx.ctx;
    anon.who = (actor){0};
    cr_assert_eq(socialmap_service_choices(&anon, NULL, 5, &cs, &n), WT_FORBIDDEN);
    cr_assert_eq(socialmap_referral_counts(&anon, SVC1, &received, &accepted), WT_FORBIDDEN);
}

Test(sm_import, distance_search_keeps_the_radius_and_sorts_by_distance)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    sm_query q;
    sm_query_init(&q);
    q.has_point = true;
    q.lat = 53.2040;
    q.lon = 5.8260;
    q.km = 10;
    sm_hit *hits;
    int n = search(&q, &hits);
    cr_assert_eq(n, 3);
    cr_assert_float_eq(hits[0].distance_km, 1.0008, 0.01);
    cr_assert_float_eq(hits[2].distance_km, 5.0037, 0.01);
    for (int i = 1; i < n; i++)
        cr_assert_leq(hits[i - 1].distance_km, hits[i].distance_km);
    q.km = 2;
    cr_assert_eq(search(&q, &hits), 2, "the Wijkcentrum is 5 km away");
    /* pages of a distance search: one service per page, the total stays */
    q.limit = 1;
    long total = 0;
    bool more = false;
    const char *origin;
    int m = 0;
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(socialmap_search(&fx.ctx, &q, &e, &hits, &m, &more, &origin, &total), WT_OK);
    cr_assert_eq(m, 1);
    cr_assert(more);
    cr_assert_eq(total, 2);
    q.offset = 1;
    cr_assert_eq(socialmap_search(&fx.ctx, &q, &e, &hits, &m, &more, &origin, &total), WT_OK);
    cr_assert_eq(m, 1);
    cr_assert_not(more);
    cr_assert_float_eq(hits[0].distance_km, 1.0008, 0.01);
    q.limit = 20;
    q.offset = 0;
    /* the Wijkcentrum moves next door: its service is found within 2 km at once */
    hsds_row loc;
    cr_assert_eq(socialmap_get(&fx.ctx, "location", LOC2, &loc), WT_OK);
    hsds_set_raw(&loc, "latitude", "53.2045");
    cr_assert_eq(socialmap_save_location(&fx.ctx, &loc, NULL, NULL, &e), WT_OK);
    cr_assert_eq(search(&q, &hits), 3);
    cr_assert_str_eq(hits[0].s.name, "Koffieochtend");
    cr_assert_str_eq(hits[0].location_name, "Wijkcentrum");
    q.sort = "name";
    cr_assert_eq(search(&q, &hits), 3);
    cr_assert_str_eq(hits[0].s.name, "Budgetcursus");
    hsds_set_raw(&loc, "latitude", "53.2490");
    cr_assert_eq(socialmap_save_location(&fx.ctx, &loc, NULL, NULL, &e), WT_OK);
    q.sort = NULL;
    /* a postcode: the middle of the map's locations with an address in it */
    sm_query_init(&q);
    q.postcode = "8923 ax";
    q.km = 0.5;
    cr_assert_eq(search(&q, &hits), 2);
    cr_assert_float_eq(hits[0].distance_km, 0.0, 0.001);
    /* text and a point: relevance minus a point per kilometre */
    sm_query_init(&q);
    q.q = "schulden";
    q.has_point = true;
    q.lat = 53.2490;
    q.lon = 5.8260;
    q.km = 10;
    cr_assert_eq(search(&q, &hits), 3);
    cr_assert_str_eq(hits[0].s.name, "Koffieochtend", "here (0 km) beats a better name 5 km away");
    cr_assert_str_eq(hits[1].s.name, "Schuldhulpverlening");
}

/*
 * A street of LINE_SERVICES services, each at its own location on the meridian through (53.20, 5.80): the
 * i-th (0-based) lies 0.01 + 0.02 * i km away, to the north when i is even, to the south when odd, so the
 * nearest lie on both sides of the boundary between two rows of latitude (53.20 * 50 = 2660). Service i is
 * called "Straatdienst <239 - i>" (the farthest first by name), has the word "straatdienst" and also "uniek<i>".
 */
#define LINE_SERVICES 240
#define LINE_LAT 53.20
#define LINE_LON 5.80

static double line_km(int i)
{
    return 0.01 + 0.02 * i;
}

static const char *line_name(int i)
{
    return arena_printf(&fx.a, "Straatdienst %03d", LINE_SERVICES - 1 - i);
}

static void write_line_package(const char *sub)
{
    buf org = BUF_INIT, svc = BUF_INIT, loc = BUF_INIT, sal = BUF_INIT;
    buf_puts(&org, "id,name,description\n" ORG1 ",Straatorganisatie,Diensten in de straat\n");
    buf_puts(&svc, "id,organization_id,name,description,status\n");
    buf_puts(&loc, "id,location_type,organization_id,name,latitude,longitude\n");
    buf_puts(&sal, "id,service_id,location_id\n");
    for (int i = 0; i < LINE_SERVICES; i++) {
        double dlat = line_km(i) / (6371.0088 * M_PI / 180.0) * (i % 2 ? -1 : 1);
        buf_printf(&svc, "0b100000-0000-4000-8000-%012d," ORG1 ",%s,uniek%d,active\n", i, line_name(i), i);
        buf_printf(&loc, "0c100000-0000-4000-8000-%012d,physical," ORG1 ",Plek %d,%.7f,%.4f\n", i, i, LINE_LAT + dlat,
                   LINE_LON);
        buf_printf(&sal, "0e100000-0000-4000-8000-%012d,0b100000-0000-4000-8000-%012d,0c100000-0000-4000-8000-%012d\n",
                   i, i, i);
    }
    write_file(sub, "organizations.csv", buf_str(&org));
    write_file(sub, "services.csv", buf_str(&svc));
    write_file(sub, "locations.csv", buf_str(&loc));
    write_file(sub, "service_at_location.csv", buf_str(&sal));
    buf_free(&org);
    buf_free(&svc);
    buf_free(&loc);
    buf_free(&sal);
}

/* The services within km of the middle of the street, as the search answers, with the total and "more". */
static int line_search(sm_query *q, double km, sm_hit **hits, long *total, bool *more)
{
    q->has_point = true;
    q->lat = LINE_LAT;
    q->lon = LINE_LON;
    q->km = km;
    errors e;
    errors_init(&e, &fx.a);
    int n = 0;
    const char *origin;
    cr_assert_eq(socialmap_search(&fx.ctx, q, &e, hits, &n, more, &origin, total), WT_OK);
    return n;
}

Test(sm_import, a_wide_search_finds_the_nearest_on_both_sides_of_a_row_and_counts_up_to_a_limit)
{
    write_line_package("line");
    hsds_import_result res;
    wt_status st = import("line", false, &res);
    cr_assert_eq(st, WT_OK, "%s: %s %ld %s %s", wt_status_name(st), res.problems ? res.problems->file : "",
                 res.problems ? res.problems->row : 0, res.problems && res.problems->field ? res.problems->field : "",
                 res.problems ? res.problems->message : "");
    sm_query q;
    sm_hit *hits;
    long total;
    bool more;
    /* nearest first over 4 km: the first page is the 20 nearest, alternately north and south */
    sm_query_init(&q);
    int n = line_search(&q, 4, &hits, &total, &more);
    cr_assert_eq(n, SM_PAGE);
    for (int i = 0; i < n; i++) {
        cr_assert_str_eq(hits[i].s.name, line_name(i));
        cr_assert_float_eq(hits[i].distance_km, line_km(i), 0.002);
    }
    cr_assert(more);
    cr_assert_eq(total, 200, "0.01 + 0.02 * i <= 4 for i < 200");
    /* the second page goes on where the first ended */
    q.offset = SM_PAGE;
    cr_assert_eq(line_search(&q, 4, &hits, &total, &more), SM_PAGE);
    cr_assert_str_eq(hits[0].s.name, line_name(SM_PAGE));
    /* few within a third of the radius: the whole circle is read */
    sm_query_init(&q);
    cr_assert_eq(line_search(&q, 0.9, &hits, &total, &more), SM_PAGE);
    cr_assert_str_eq(hits[SM_PAGE - 1].s.name, line_name(SM_PAGE - 1));
    cr_assert(more);
    cr_assert_eq(total, 45);
    /* crowded (225 within 4.5 km): the nearest first from a circle of an eighth of it, widened as needed */
    sm_query_init(&q);
    q.count_upto = SM_COUNT_UPTO;
    cr_assert_eq(line_search(&q, 4.5, &hits, &total, &more), SM_PAGE);
    for (int i = 0; i < SM_PAGE; i++)
        cr_assert_str_eq(hits[i].s.name, line_name(i));
    cr_assert_eq(total, SM_COUNT_UPTO + 1);
    q.offset = 100;
    cr_assert_eq(line_search(&q, 4.5, &hits, &total, &more), SM_PAGE);
    cr_assert_str_eq(hits[0].s.name, line_name(100));
    cr_assert(more);
    sm_query_init(&q); /* not counted: widened from an eighth up to the whole circle (15 within 0.3 km) */
    cr_assert_eq(line_search(&q, 0.3, &hits, NULL, &more), 15);
    cr_assert_str_eq(hits[14].s.name, line_name(14));
    cr_assert_not(more);
    /* a count that stops: one over the limit says "more than" */
    sm_query_init(&q);
    q.count_upto = 30;
    line_search(&q, 4, &hits, &total, &more);
    cr_assert_eq(total, 31);
    q.count_upto = 300;
    line_search(&q, 4, &hits, &total, &more);
    cr_assert_eq(total, 200);
    /* by name in a small circle: the circle sorted (i < 50 are within 1 km: names 190 to 239) */
    sm_query_init(&q);
    q.sort = "name";
    cr_assert_eq(line_search(&q, 1, &hits, &total, &more), SM_PAGE);
    cr_assert_str_eq(hits[0].s.name, "Straatdienst 190");
    cr_assert_str_eq(hits[SM_PAGE - 1].s.name, "Straatdienst 209");
    cr_assert_eq(total, 50);
    /* by name in a crowded circle (225 within 4.5 km, names 015 to 239; the first names lie outside) */
    q.limit = 5;
    q.count_upto = SM_COUNT_UPTO;
    cr_assert_eq(line_search(&q, 4.5, &hits, &total, &more), 5);
    for (int i = 0; i < 5; i++)
        cr_assert_str_eq(hits[i].s.name, arena_printf(&fx.a, "Straatdienst %03d", 15 + i));
    cr_assert(more);
    cr_assert_eq(total, SM_COUNT_UPTO + 1);
    q.offset = 200;
    cr_assert_eq(line_search(&q, 4.5, &hits, &total, &more), 5);
    cr_assert_str_eq(hits[0].s.name, "Straatdienst 215");
    cr_assert(more);
    q.count_upto = 0;
    line_search(&q, 4.5, &hits, &total, &more);
    cr_assert_eq(total, 225);
    /* a frequent word (more postings than a search reads one by one) and a rare one: the same answers */
    sm_query_init(&q);
    q.q = "straatdienst";
    cr_assert_eq(line_search(&q, 0.5, &hits, &total, &more), SM_PAGE);
    cr_assert_eq(total, 25);
    cr_assert_str_eq(hits[0].s.name, line_name(0));
    sm_query_init(&q); /* "straat" begins two words of each service (its name and its organisation's) */
    q.q = "straat";
    cr_assert_eq(line_search(&q, 0.5, &hits, &total, &more), SM_PAGE);
    cr_assert_eq(total, 25, "each service once");
    for (int i = 1; i < SM_PAGE; i++)
        cr_assert_str_neq(hits[i].s.name, hits[i - 1].s.name);
    sm_query_init(&q);
    q.q = "uniek7";
    cr_assert_eq(line_search(&q, 0.5, &hits, &total, &more), 1);
    cr_assert_str_eq(hits[0].s.name, line_name(7));
    q.q = "uniek30";
    cr_assert_eq(line_search(&q, 0.5, &hits, &total, &more), 0, "0.61 km away");
}

Test(sm_import, distance_from_a_household_checks_access_and_logs_the_read)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    fx.ctx.who = (actor){.user_id = 1, .role = ROLE_WORKER, .team_id = 1, .display_name = "Werker"};
    person_input p = {.given_name = "Anne", .family_name = "Visser"};
    household_input in = {.addr = {"8923 AX", "2", "", "", "Heechterpplein", "Leeuwarden"}, .members = &p, .n_members = 1};
    errors e;
    errors_init(&e, &fx.a);
    int64_t hid = 0;
    cr_assert_eq(household_create(&fx.ctx, &in, &e, &hid), WT_OK);
    fx.ctx.audit_head = fx.ctx.audit_tail = NULL;
    sm_query q;
    sm_query_init(&q);
    q.household_id = hid;
    q.km = 2;
    sm_hit *hits;
    int n = 0;
    bool more;
    const char *origin = NULL;
    cr_assert_eq(socialmap_search(&fx.ctx, &q, &e, &hits, &n, &more, &origin, NULL), WT_OK);
    cr_assert_eq(n, 2);
    cr_assert_float_eq(hits[0].distance_km, 0.0, 0.001);
    cr_assert_not_null(strstr(origin, "postcode"));
    bool logged = false;
    for (audit_entry *a = fx.ctx.audit_head; a; a = a->next)
        logged = logged || (a->action == AUDIT_READ && a->household_id == hid);
    cr_assert(logged, "the household's address was read: logged");
    fx.ctx.who = (actor){.user_id = 3, .role = ROLE_ADMIN, .display_name = "beheer"};
    sm_query_init(&q);
    q.household_id = hid;
    cr_assert_eq(socialmap_search(&fx.ctx, &q, &e, &hits, &n, &more, &origin, NULL), WT_FORBIDDEN);
}

/* ---- round trip ------------------------------------------------------------------------------------------------ */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = arena_alloc(&fx.a, (size_t)n + 1);
    cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return s;
}

Test(sm_import, import_export_import_gives_the_same_data)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    long rows1 = 0, rows2 = 0;
    const char *err = NULL;
    cr_assert_eq(hsds_export_dir(&fx.ctx, path_in("", "out1"), &rows1, &err), WT_OK, "%s", err ? err : "");
    /* into a second, empty database */
    db *c2;
    open_db("t2.db", &c2);
    wt_ctx ctx2 = fx.ctx;
    ctx2.db = c2;
    hsds_import_opts o = {false, NULL, NULL};
    cr_assert_eq(db_begin_write(c2), WT_OK);
    cr_assert_eq(hsds_import_path(&ctx2, path_in("", "out1"), &o, &res), WT_OK);
    cr_assert_eq(hsds_export_dir(&ctx2, path_in("", "out2"), &rows2, &err), WT_OK);
    cr_assert_eq(db_commit(c2), WT_OK);
    db_close(c2);
    cr_assert_eq(rows1, rows2);
    for (int k = 0; k < hsds_nresources; k++) {
        const char *f = hsds_resources[k].file;
        cr_assert_str_eq(slurp(path_in("out1", f)), slurp(path_in("out2", f)), "%s differs", f);
    }
    cr_assert_str_eq(slurp(path_in("out1/json", "services.json")), slurp(path_in("out2/json", "services.json")));
    cr_assert_str_eq(slurp(path_in("out1", "datapackage.json")), slurp(path_in("out2", "datapackage.json")));
}

/* ---- the date of the last check of contacts, schedules and terms ---------------------------------------------- */

static sm_stale *stale_of(const char *resource, const char *id)
{
    sm_stale *rows;
    int n = 0;
    cr_assert_eq(socialmap_stale(&fx.ctx, resource, SM_STALE_MAX, &rows, &n), WT_OK, "%s", resource);
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].id, id) == 0)
            return &rows[i];
    return NULL;
}

static const char *checked_date(const char *resource, const char *id)
{
    const char *d = NULL;
    cr_assert_eq(socialmap_wijkteam_fields(&fx.ctx, resource, id, &d, NULL), WT_OK);
    return d;
}

#define CONTACT1 "0f100000-0000-4000-8000-000000000001"

Test(sm_import, contacts_schedules_and_terms_are_checked_on_an_edit_and_flagged_after_a_year)
{
    write_valid_package("ok");
    hsds_import_result res;
    cr_assert_eq(import("ok", false, &res), WT_OK);
    /* imported: never checked, so on the check list, with the page that shows it */
    const char *sched = "0f000000-0000-4000-8000-000000000001";
    sm_stale *st = stale_of("schedule", sched);
    cr_assert_not_null(st);
    cr_assert_null(st->last_checked);
    cr_assert_str_eq(st->service_id, SVC1);
    cr_assert_str_eq(st->organization_id, ORG1);
    cr_assert_str_eq(st->name, "Schuldhulpverlening");

    errors e;
    errors_init(&e, &fx.a);
    hsds_row c = hsds_row_new(&fx.a, hsds_resource_by_name("contact"));
    hsds_set_raw(&c, "id", CONTACT1);
    hsds_set_raw(&c, "service_id", SVC1);
    hsds_set_raw(&c, "name", "Fenna de Vries");
    cr_assert_eq(socialmap_save_contact(&fx.ctx, &c, NULL, "2025-11-01", &e), WT_OK);
    cr_assert_str_eq(checked_date("contact", CONTACT1), "2025-11-01");
    st = stale_of("contact", CONTACT1);
    cr_assert_not_null(st, "checked more than a year before 2026-11-23");
    cr_assert_str_eq(st->name, "Fenna de Vries");
    cr_assert_str_eq(st->service_id, SVC1);
    cr_assert_eq(socialmap_save_contact(&fx.ctx, &c, NULL, "2025-11-23", &e), WT_OK);
    cr_assert_null(stale_of("contact", CONTACT1), "exactly a year ago is not yet flagged");

    /* a bad or future date is refused naming the field, and nothing changes */
    const char *bad[] = {"23-11-2026", "2026-02-30", "2026-11-24"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        errors_init(&e, &fx.a);
        cr_assert_eq(socialmap_save_contact(&fx.ctx, &c, NULL, bad[i], &e), WT_INVALID, "%s", bad[i]);
        cr_assert_not_null(errors_get(&e, "last_checked"), "%s", bad[i]);
        errors_init(&e, &fx.a);
        cr_assert_eq(socialmap_set_checked(&fx.ctx, "schedule", sched, bad[i], &e), WT_INVALID, "%s", bad[i]);
        cr_assert_not_null(errors_get(&e, "last_checked"), "%s", bad[i]);
    }
    cr_assert_str_eq(checked_date("contact", CONTACT1), "2025-11-23");

    /* a schedule saved by hand carries its date; marking it checked sets today */
    hsds_row sc;
    cr_assert_eq(socialmap_get(&fx.ctx, "schedule", sched, &sc), WT_OK);
    errors_init(&e, &fx.a);
    cr_assert_eq(socialmap_save_schedule(&fx.ctx, &sc, "2026-06-01", &e), WT_OK);
    cr_assert_str_eq(checked_date("schedule", sched), "2026-06-01");
    cr_assert_null(stale_of("schedule", sched));
    cr_assert_eq(socialmap_set_checked(&fx.ctx, "schedule", sched, "2024-01-01", &e), WT_OK);
    cr_assert_not_null(stale_of("schedule", sched));
    cr_assert_eq(socialmap_mark_checked(&fx.ctx, "schedule", sched), WT_OK);
    cr_assert_str_eq(checked_date("schedule", sched), "2026-11-23");
    cr_assert_null(stale_of("schedule", sched));

    /* terms: the fixed ones were never checked; an own category is checked when it is saved */
    cr_assert_not_null(stale_of("taxonomy_term", MONEY));
    cr_assert_eq(socialmap_mark_checked(&fx.ctx, "taxonomy_term", MONEY), WT_OK);
    cr_assert_null(stale_of("taxonomy_term", MONEY));
    hsds_row t = hsds_row_new(&fx.a, hsds_resource_by_name("taxonomy_term"));
    hsds_set_raw(&t, "name", "Tolk aanwezig");
    hsds_set_raw(&t, "description", "Tolk aanwezig");
    hsds_set_raw(&t, "taxonomy_id", SM_TAXONOMY_OWN);
    cr_assert_eq(socialmap_save_term(&fx.ctx, &t, NULL, &e), WT_OK);
    cr_assert_not_null(stale_of("taxonomy_term", hsds_get(&t, "id")), "saved without a date: never checked");
    cr_assert_eq(socialmap_save_term(&fx.ctx, &t, "2026-11-20", &e), WT_OK);
    const char **dates;
    cr_assert_eq(socialmap_checked_dates(&fx.ctx, "taxonomy_term", &t, 1, &dates), WT_OK);
    cr_assert_str_eq(dates[0], "2026-11-20");

    /* unknown entries and kinds without a date */
    cr_assert_eq(socialmap_mark_checked(&fx.ctx, "contact", "0f100000-0000-4000-8000-000000000099"), WT_NOTFOUND);
    cr_assert_eq(socialmap_mark_checked(&fx.ctx, "phone", CONTACT1), WT_NOTFOUND);
    sm_stale *none;
    int n;
    cr_assert_eq(socialmap_stale(&fx.ctx, "service", 10, &none, &n), WT_NOTFOUND);

    /* the date stays wijkteam's own: the export carries no last_checked */
    long rows_out = 0;
    const char *err = NULL;
    cr_assert_eq(hsds_export_dir(&fx.ctx, path_in("", "out"), &rows_out, &err), WT_OK, "%s", err ? err : "");
    cr_assert_null(strstr(slurp(path_in("out", "contacts.csv")), "last_checked"));
    cr_assert_null(strstr(slurp(path_in("out", "schedules.csv")), "last_checked"));
    cr_assert_null(strstr(slurp(path_in("out", "taxonomy_terms.csv")), "last_checked"));
    cr_assert_null(strstr(slurp(path_in("out/json", "services.json")), "last_checked"));
    /* a re-import of the same rows leaves the dates as they are */
    cr_assert_eq(import("out", false, &res), WT_OK);
    cr_assert_str_eq(checked_date("schedule", sched), "2026-11-23");
    cr_assert_str_eq(checked_date("contact", CONTACT1), "2025-11-23");

    /* only who may maintain the map sets a date; everyone who reads it sees them */
    fx.ctx.who = (actor){.user_id = 9, .role = ROLE_POLICY, .display_name = "beleid"};
    cr_assert_eq(socialmap_mark_checked(&fx.ctx, "contact", CONTACT1), WT_FORBIDDEN);
    errors_init(&e, &fx.a);
    cr_assert_eq(socialmap_save_contact(&fx.ctx, &c, NULL, "2026-11-23", &e), WT_FORBIDDEN);
    cr_assert_eq(socialmap_checked_dates(&fx.ctx, "contact", &c, 1, &dates), WT_OK);
    cr_assert_str_eq(dates[0], "2025-11-23");
    /* the contacts of an entry, with their dates, for whoever reads the map; only by an owner's field */
    sm_contact_view *cv;
    int nc = 0;
    cr_assert_eq(socialmap_contacts(&fx.ctx, "service_id", SVC1, &cv, &nc), WT_OK);
    cr_assert_eq(nc, 1);
    cr_assert_str_eq(hsds_get(&cv[0].c, "name"), "Fenna de Vries");
    cr_assert_str_eq(cv[0].last_checked, "2025-11-23");
    cr_assert_eq(socialmap_contacts(&fx.ctx, "name", "Fenna de Vries", &cv, &nc), WT_NOTFOUND);
    fx.ctx.who = (actor){0};
    cr_assert_eq(socialmap_contacts(&fx.ctx, "service_id", SVC1, &cv, &nc), WT_FORBIDDEN);
}
