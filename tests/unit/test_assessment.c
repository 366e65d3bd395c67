/*
 * Unit tests of the self-sufficiency (ZRM) rules: scores 1..5, the date of an
 * assessment, progress between first and latest, the cadence of 3 months while
 * a case is open, the matrix as data (the JSON file and the migration agree; a
 * new version loads all or nothing), and against a database: access per team
 * and role, nothing half-written, the audit trail, the list of assessments due.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/assessment/assessment.h"
#include "../../src/assessment/assessment_chart.h"
#include "../../src/case/case.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"

static wt_date day(const char *iso)
{
    wt_date d;
    cr_assert(date_parse(iso, &d), "%s", iso);
    return d;
}

static const char *iso(arena *a, wt_date d)
{
    char *s = arena_alloc(a, 11);
    date_format(d, s);
    return s;
}

/* A scale of three domains, as the rules see it after loading. */
static assessment_scale small_scale(void)
{
    static assessment_domain domains[3] = {
        {.id = 11, .position = 1, .code = "finances", .name = "Financiën"},
        {.id = 12, .position = 2, .code = "housing", .name = "Huisvesting"},
        {.id = 13, .position = 3, .code = "justice", .name = "Justitie"},
    };
    assessment_scale s = {.id = 1, .code = "t", .name = "T", .version = "1", .active = true, .domains = domains,
                          .n_domains = 3};
    return s;
}

/* ---- pure rules --------------------------------------------------------------------------------------------------- */

Test(assessment_score, one_to_five_or_not_assessed)
{
    int v = -1;
    for (int i = 1; i <= 5; i++) {
        char s[2] = {(char)('0' + i), 0};
        cr_assert(assessment_parse_score(s, &v));
        cr_assert_eq(v, i);
    }
    const char *none[] = {NULL, "", "  ", "na"};
    for (size_t i = 0; i < 4; i++) {
        cr_assert(assessment_parse_score(none[i], &v));
        cr_assert_eq(v, 0, "%s is not assessed", none[i] ? none[i] : "NULL");
    }
    const char *bad[] = {"0", "6", "-1", "3.5", "33", "drie", "1a"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_not(assessment_parse_score(bad[i], &v), "%s", bad[i]);
    cr_assert(assessment_parse_score(" 4 ", &v));
    cr_assert_eq(v, 4);
}

Test(assessment_months, add_months_clamps_to_the_end_of_the_month)
{
    arena a;
    arena_init(&a);
    cr_assert_str_eq(iso(&a, assessment_add_months(day("2026-01-31"), 1)), "2026-02-28");
    cr_assert_str_eq(iso(&a, assessment_add_months(day("2028-01-31"), 1)), "2028-02-29", "leap year");
    cr_assert_str_eq(iso(&a, assessment_add_months(day("2026-11-30"), 3)), "2027-02-28", "over the year end");
    cr_assert_str_eq(iso(&a, assessment_add_months(day("2026-03-15"), 3)), "2026-06-15");
    arena_free(&a);
}

Test(assessment_validate, every_bad_field_is_named)
{
    arena a;
    arena_init(&a);
    assessment_scale s = small_scale();
    errors e;
    errors_init(&e, &a);
    assessment_score_input sc[] = {{"finances", "7", NULL}, {"nope", "2", NULL}, {"housing", "3", NULL},
                                   {"housing", "4", NULL}};
    assessment_input in = {NULL, "2026-03-16", NULL, sc, 4};
    assessment_row row;
    cr_assert_eq(assessment_validate(&a, &s, &in, NULL, day("2026-03-15"), &e, &row), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "assessed_on"), "toekomst"));
    cr_assert(strstr(errors_get(&e, "scores.finances"), "Financiën"), "the message names the domain");
    cr_assert_not_null(errors_get(&e, "scores.nope"));
    cr_assert(strstr(errors_get(&e, "scores.housing"), "twee keer"));
    arena_free(&a);
}

Test(assessment_validate, dates_before_birth_and_nothing_scored)
{
    arena a;
    arena_init(&a);
    assessment_scale s = small_scale();
    errors e;
    errors_init(&e, &a);
    assessment_score_input sc[] = {{"finances", "na", NULL}};
    assessment_input in = {NULL, "1999-12-31", NULL, sc, 1};
    assessment_row row;
    cr_assert_eq(assessment_validate(&a, &s, &in, "2000-01-01", day("2026-03-15"), &e, &row), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "assessed_on"), "geboortedatum"));
    cr_assert_not_null(errors_get(&e, "scores"), "an assessment without any score is refused");
    errors_init(&e, &a);
    in.assessed_on = "15-03-2026";
    cr_assert_eq(assessment_validate(&a, &s, &in, NULL, day("2026-03-15"), &e, &row), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "assessed_on"), "JJJJ-MM-DD"));
    arena_free(&a);
}

Test(assessment_validate, a_valid_row_has_a_slot_per_domain)
{
    arena a;
    arena_init(&a);
    assessment_scale s = small_scale();
    errors e;
    errors_init(&e, &a);
    char long_note[260];
    memset(long_note, 'x', sizeof long_note - 1);
    long_note[sizeof long_note - 1] = 0;
    assessment_score_input sc[] = {{"justice", "5", "geen contact"}, {"finances", "2", NULL}};
    assessment_input in = {NULL, "2026-03-15", "Samen ingevuld", sc, 2};
    assessment_row row;
    cr_assert_eq(assessment_validate(&a, &s, &in, "1980-01-01", day("2026-03-15"), &e, &row), WT_OK);
    cr_assert_eq(row.n_scores, 3);
    cr_assert_eq(row.scores[0], 2);
    cr_assert_eq(row.scores[1], 0, "housing not assessed");
    cr_assert_eq(row.scores[2], 5);
    cr_assert_str_eq(row.score_notes[2], "geen contact");
    sc[0].note = long_note;
    errors_init(&e, &a);
    cr_assert_eq(assessment_validate(&a, &s, &in, NULL, day("2026-03-15"), &e, &row), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "notes.justice"));
    arena_free(&a);
}

/* An assessment of the small scale with these scores (0: not assessed). */
static assessment item(arena *a, int64_t id, const char *on, int f, int h, int j)
{
    int *scores = arena_alloc(a, sizeof(int) * 3);
    scores[0] = f;
    scores[1] = h;
    scores[2] = j;
    const char **notes = arena_alloc(a, sizeof(char *) * 3);
    notes[0] = notes[1] = notes[2] = "";
    return (assessment){.id = id, .assessed_on = on, .scores = scores, .score_notes = notes, .n_scores = 3};
}

Test(assessment_progress, first_against_latest_per_domain_in_any_order)
{
    arena a;
    arena_init(&a);
    assessment_scale s = small_scale();
    /* Given out of order: the rule orders by date. */
    assessment list[] = {item(&a, 3, "2026-09-01", 4, 0, 2), item(&a, 1, "2026-01-01", 2, 3, 0),
                         item(&a, 2, "2026-05-01", 3, 3, 3)};
    assessment_progress p;
    assessment_progress_compute(&a, &s, list, 3, &p);
    cr_assert_eq(p.n_assessments, 3);
    cr_assert_str_eq(p.first_on, "2026-01-01");
    cr_assert_str_eq(p.latest_on, "2026-09-01");
    cr_assert_eq(p.domains[0].first, 2);
    cr_assert_eq(p.domains[0].latest, 4);
    cr_assert_eq(p.domains[0].change, 2);
    /* housing: last scored in May, not in September */
    cr_assert_eq(p.domains[1].latest, 3);
    cr_assert_str_eq(p.domains[1].latest_on, "2026-05-01");
    cr_assert_eq(p.domains[1].change, 0);
    /* justice: first scored in May */
    cr_assert_eq(p.domains[2].first, 3);
    cr_assert_eq(p.domains[2].change, -1);
    cr_assert_eq(p.improved, 1);
    cr_assert_eq(p.declined, 1);
    cr_assert_eq(p.unchanged, 1);
    cr_assert_float_eq(p.avg_change, 1.0 / 3.0, 1e-9);
    cr_assert_float_eq(p.first_avg, 2.5, 1e-9, "finances 2 and housing 3");
    cr_assert_float_eq(p.latest_avg, 3.0, 1e-9, "finances 4 and justice 2");
    cr_assert_str_eq(assessment_decimal(&a, p.avg_change, true), "+0,3");
    cr_assert_str_eq(assessment_decimal(&a, -0.04, true), "0,0", "no minus zero");
    arena_free(&a);
}

Test(assessment_progress, one_assessment_has_no_change)
{
    arena a;
    arena_init(&a);
    assessment_scale s = small_scale();
    assessment one = item(&a, 1, "2026-01-01", 2, 0, 0);
    assessment_progress p;
    assessment_progress_compute(&a, &s, &one, 1, &p);
    cr_assert_eq(p.domains[0].first, 2);
    cr_assert_not(p.domains[0].has_change);
    cr_assert_eq(p.n_changed, 0);
    cr_assert_eq(p.domains[1].first, 0, "never scored");
    assessment_progress_compute(&a, &s, NULL, 0, &p);
    cr_assert_eq(p.n_assessments, 0);
    cr_assert_null(p.first_on);
    arena_free(&a);
}

Test(assessment_cadence, every_three_months_while_a_case_is_open)
{
    arena a;
    arena_init(&a);
    assessment_due d;
    assessment_due_compute(&a, false, "2026-01-01", NULL, day("2026-06-01"), &d);
    cr_assert_not(d.applies, "no open case, nothing due");
    cr_assert_not(d.due);
    assessment_due_compute(&a, true, "2026-03-01", NULL, day("2026-03-01"), &d);
    cr_assert(d.due, "never assessed: due from the opening");
    cr_assert_str_eq(d.since, "2026-03-01");
    assessment_due_compute(&a, true, "2026-01-10", "2026-03-15", day("2026-06-14"), &d);
    cr_assert_not(d.due);
    cr_assert_str_eq(d.since, "2026-06-15");
    assessment_due_compute(&a, true, "2026-01-10", "2026-03-15", day("2026-06-15"), &d);
    cr_assert(d.due, "three months after the last one");
    assessment_due_compute(&a, true, "2026-09-01", "2026-03-15", day("2026-09-01"), &d);
    cr_assert(d.due);
    cr_assert_str_eq(d.since, "2026-09-01", "an old assessment before a new case: due from the opening");
    arena_free(&a);
}

Test(assessment_chart, svg_and_table_carry_the_same_numbers_escaped)
{
    arena a;
    arena_init(&a);
    assessment_scale s = small_scale();
    s.domains[2].name = "Justitie <script>";
    assessment list[] = {item(&a, 1, "2026-01-01", 2, 0, 1), item(&a, 2, "2026-04-01", 4, 0, 3)};
    buf b = BUF_INIT;
    assessment_chart_svg(&b, &a, &s, list, 2, "c1");
    const char *svg = buf_str(&b);
    cr_assert(strstr(svg, "<svg"));
    cr_assert(strstr(svg, "role=\"img\""));
    cr_assert(strstr(svg, "<title id=\"c1-d0-title\">"), "each chart has a title");
    cr_assert(strstr(svg, "2 \u2192 4 (+2)"));
    cr_assert(strstr(svg, "Justitie &lt;script&gt;"), "domain names are escaped");
    cr_assert_null(strstr(svg, "<script>"));
    cr_assert(strstr(svg, "Nooit beoordeeld: Huisvesting"), "a domain never scored gets no chart");
    buf_reset(&b);
    assessment_progress p;
    assessment_progress_compute(&a, &s, list, 2, &p);
    assessment_chart_table(&b, &a, &s, list, 2, &p, "Scores");
    cr_assert(strstr(buf_str(&b), "<th scope=\"row\""));
    cr_assert(strstr(buf_str(&b), "+2,0 per domein"), "average change of finances +2 and justice +2");
    buf_free(&b);
    arena_free(&a);
}

/* ---- the matrix as data ------------------------------------------------------------------------------------------- */

static char *slurp(arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    char *data = arena_alloc(a, 1 << 20);
    *len = fread(data, 1, (1 << 20) - 1, f);
    fclose(f);
    data[*len] = 0;
    return data;
}

Test(assessment_scale_json, the_zrm_2017_file_parses_with_13_domains)
{
    arena a;
    arena_init(&a);
    size_t len = 0;
    char *json = slurp(&a, "sql/data/zrm-2017.json", &len);
    errors e;
    errors_init(&e, &a);
    assessment_scale s;
    cr_assert_eq(assessment_scale_parse(&a, json, len, &e, &s), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(s.n_domains, 13);
    const char *codes[] = {"finances", "work_education", "time_use", "housing", "domestic_relations", "mental_health",
                           "physical_health", "substance_use", "basic_adl", "instrumental_adl", "social_network",
                           "social_participation", "justice"};
    for (int i = 0; i < 13; i++)
        cr_assert_str_eq(s.domains[i].code, codes[i]);
    cr_assert_str_eq(s.levels[0].label, "acute problematiek");
    cr_assert_str_eq(s.levels[4].label, "volledig zelfredzaam");
    arena_free(&a);
}

Test(assessment_scale_json, bad_files_name_the_json_path)
{
    arena a;
    arena_init(&a);
    errors e;
    errors_init(&e, &a);
    assessment_scale s;
    const char *bad = "{\"code\": \"Jeugd\", \"name\": \"J\", \"version\": \"1\", \"colour\": \"red\","
                      " \"levels\": [{\"label\": \"a\"}],"
                      " \"domains\": [{\"code\": \"school\", \"name\": \"School\", \"levels\": [\"1\", \"2\"]},"
                      "               {\"code\": \"school\", \"name\": \"Thuis\", \"levels\": [\"1\",\"2\",\"3\",\"4\",\"5\"]}]}";
    cr_assert_eq(assessment_scale_parse(&a, bad, strlen(bad), &e, &s), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "code"), "upper case code");
    cr_assert_not_null(errors_get(&e, "colour"), "unknown member");
    cr_assert_not_null(errors_get(&e, "levels"), "five generic levels");
    cr_assert_not_null(errors_get(&e, "domains[0].levels"));
    cr_assert_not_null(errors_get(&e, "domains[1].code"), "duplicate code");
    errors_init(&e, &a);
    cr_assert_eq(assessment_scale_parse(&a, "{\"code\": ", 9, &e, &s), WT_INVALID);
    cr_assert(strstr(errors_get(&e, "json"), "regel 1"));
    arena_free(&a);
}

/* ---- against a database ------------------------------------------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
    int64_t case_id;
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

static int count_audit(audit_action action, const char *entity)
{
    int n = 0;
    for (const audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        n += e->action == action && strcmp(e->entity, entity) == 0;
    return n;
}

static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-zrm-XXXXXX");
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
            "INSERT INTO household (id, team_id, name, created_at) VALUES (1, 1, 'Huishouden De Vries', '2026-01-01');"
            "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded, birth_date,"
            " created_at) VALUES (1, 1, 'Anna', 'de Vries', 'anna de vries', 'de vries', '1980-02-01', '2026-01-01'),"
            " (2, 1, 'Sem', 'de Vries', 'sem de vries', 'de vries', '2019-05-05', '2026-01-01');");
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    fx.ctx.who = (actor){.user_id = 1, .role = ROLE_WORKER, .team_id = 1, .display_name = "Werker Een"};
    date_set_today("2026-01-10");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
    errors e;
    errors_init(&e, &fx.a);
    case_open_input in = {1, "Schulden", 0};
    cr_assert_eq(case_open(&fx.ctx, &in, &e, &fx.case_id), WT_OK);
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

static wt_status assess(int64_t person, const char *on, const char *finances, const char *housing, errors *e,
                        int64_t *id)
{
    assessment_score_input sc[] = {{"finances", finances, NULL}, {"housing", housing, "huur op orde"}};
    assessment_input in = {NULL, on, "Samen met Anna", sc, 2};
    errors_init(e, &fx.a);
    return assessment_create(&fx.ctx, person, &in, e, id);
}

TestSuite(assessment_db, .init = setup_db, .fini = teardown_db);

Test(assessment_db, the_migration_holds_the_same_matrix_as_the_json_file)
{
    size_t len = 0;
    char *json = slurp(&fx.a, "sql/data/zrm-2017.json", &len);
    errors e;
    errors_init(&e, &fx.a);
    assessment_scale file, stored;
    cr_assert_eq(assessment_scale_parse(&fx.a, json, len, &e, &file), WT_OK);
    cr_assert_eq(assessment_scale_get(&fx.ctx, "zrm-2017", &stored), WT_OK);
    cr_assert_eq(stored.n_domains, file.n_domains);
    cr_assert_str_eq(stored.description, file.description);
    for (int k = 0; k < ASSESSMENT_LEVELS; k++) {
        cr_assert_str_eq(stored.levels[k].label, file.levels[k].label);
        cr_assert_str_eq(stored.levels[k].description, file.levels[k].description);
    }
    for (int i = 0; i < file.n_domains; i++) {
        cr_assert_str_eq(stored.domains[i].code, file.domains[i].code);
        cr_assert_str_eq(stored.domains[i].name, file.domains[i].name);
        cr_assert_str_eq(stored.domains[i].description, file.domains[i].description);
        for (int k = 0; k < ASSESSMENT_LEVELS; k++)
            cr_assert_str_eq(stored.domains[i].levels[k], file.domains[i].levels[k], "%s %d", file.domains[i].code, k + 1);
    }
}

Test(assessment_db, an_assessment_is_stored_dated_by_whom_with_the_open_case_and_logged)
{
    errors e;
    int64_t id = 0;
    cr_assert_eq(assess(1, "2026-03-01", "2", "3", &e, &id), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(count_audit(AUDIT_CREATE, "assessment"), 1);
    cr_assert_eq(fx.ctx.audit_head->person_id, 1);
    assessment it;
    assessment_scale s;
    assessment_person p;
    cr_assert_eq(assessment_get(&fx.ctx, id, &it, &s, &p), WT_OK);
    cr_assert_str_eq(it.assessed_on, "2026-03-01");
    cr_assert_eq(it.assessed_by, 1);
    cr_assert_str_eq(it.assessed_by_name, "Werker Een");
    cr_assert_eq(it.case_id, fx.case_id);
    cr_assert_eq(it.n_scores, 13);
    cr_assert_eq(it.scores[assessment_domain_index(&s, "finances")], 2);
    cr_assert_eq(it.scores[assessment_domain_index(&s, "justice")], 0);
    cr_assert_str_eq(it.score_notes[assessment_domain_index(&s, "housing")], "huur op orde");
    cr_assert_eq(count_audit(AUDIT_READ, "assessment"), 1);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM assessment_score"), 13, "a row per domain, NULL when not assessed");
}

Test(assessment_db, bad_input_writes_nothing)
{
    errors e;
    int64_t id = 0;
    cr_assert_eq(assess(1, "2026-03-16", "6", "3", &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "assessed_on"));
    cr_assert_not_null(errors_get(&e, "scores.finances"));
    assessment_input unknown = {"zrm-jeugd", "2026-03-01", NULL, NULL, 0};
    errors_init(&e, &fx.a);
    cr_assert_eq(assessment_create(&fx.ctx, 1, &unknown, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "scale"));
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM assessment"), 0);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM assessment_score"), 0);
    cr_assert_eq(count_audit(AUDIT_CREATE, "assessment"), 0);
}

Test(assessment_db, other_teams_and_roles_see_nothing)
{
    errors e;
    int64_t id = 0;
    cr_assert_eq(assess(1, "2026-03-01", "2", "3", &e, &id), WT_OK);
    assessment_history h;
    fx.ctx.who = (actor){.user_id = 2, .role = ROLE_WORKER, .team_id = 2};
    cr_assert_eq(assessment_history_get(&fx.ctx, 1, &h), WT_NOTFOUND, "another team: existence does not leak");
    cr_assert_eq(assess(1, "2026-03-01", "2", "3", &e, &id), WT_NOTFOUND);
    fx.ctx.who = (actor){.user_id = 3, .role = ROLE_ADMIN};
    cr_assert_eq(assessment_history_get(&fx.ctx, 1, &h), WT_FORBIDDEN);
    fx.ctx.who = (actor){.user_id = 4, .role = ROLE_POLICY};
    cr_assert_eq(assessment_history_get(&fx.ctx, 1, &h), WT_FORBIDDEN);
    assessment_scale *scales = NULL;
    int n = 0;
    cr_assert_eq(assessment_scales(&fx.ctx, true, &scales, &n), WT_FORBIDDEN, "policy officer");
    fx.ctx.who = (actor){.user_id = 3, .role = ROLE_ADMIN};
    cr_assert_eq(assessment_scales(&fx.ctx, true, &scales, &n), WT_OK, "the administrator manages the scales");
    cr_assert_eq(n, 1);
}

Test(assessment_db, history_progress_and_the_case_summary)
{
    errors e;
    int64_t id = 0;
    cr_assert_eq(assess(1, "2026-01-12", "2", "2", &e, &id), WT_OK);
    cr_assert_eq(assess(1, "2026-03-14", "4", "3", &e, &id), WT_OK);
    assessment_history h;
    cr_assert_eq(assessment_history_get(&fx.ctx, 1, &h), WT_OK);
    cr_assert_eq(h.n, 2);
    cr_assert_str_eq(h.items[0].assessed_on, "2026-01-12", "oldest first");
    cr_assert(h.due.applies);
    cr_assert_not(h.due.due);
    cr_assert_str_eq(h.due.since, "2026-06-14");
    assessment_member_summary *ms = NULL;
    int n = 0;
    cr_assert_eq(assessment_household_summary(&fx.ctx, 1, &ms, &n), WT_OK);
    cr_assert_eq(n, 2);
    cr_assert_eq(ms[0].n_assessments, 2);
    cr_assert_float_eq(ms[0].progress.avg_change, 1.5, 1e-9);
    cr_assert_eq(ms[0].progress.improved, 2);
    cr_assert_eq(ms[1].n_assessments, 0);
    cr_assert_not(ms[1].due.applies, "a child of six is not on the adults' cadence");
}

Test(assessment_db, the_work_queue_lists_who_is_due_longest_first)
{
    errors e;
    int64_t id = 0;
    assessment_due_item *items = NULL;
    int n = 0;
    cr_assert_eq(assessment_due_list(&fx.ctx, 1, 10, &items, &n), WT_OK);
    cr_assert_eq(n, 1, "Anna, never assessed; not her son of six");
    cr_assert_eq(items[0].person_id, 1);
    cr_assert_str_eq(items[0].due_since, "2026-01-10");
    cr_assert_eq(assess(1, "2026-03-14", "4", "3", &e, &id), WT_OK);
    cr_assert_eq(assessment_due_list(&fx.ctx, 1, 10, &items, &n), WT_OK);
    cr_assert_eq(n, 0);
    date_set_today("2026-06-14");
    cr_assert_eq(assessment_due_list(&fx.ctx, 1, 10, &items, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_str_eq(items[0].last_assessed_on, "2026-03-14");
    cr_assert_eq(assessment_due_list(&fx.ctx, 2, 10, &items, &n), WT_OK);
    cr_assert_eq(n, 0, "not the coordinator");
}

Test(assessment_db, a_new_version_loads_all_or_nothing_and_only_once)
{
    const char *jeugd = "{\"code\": \"zrm-jeugd\", \"name\": \"ZRM jeugd\", \"version\": \"2020\","
                        " \"levels\": [{\"label\": \"a\"}, {\"label\": \"b\"}, {\"label\": \"c\"}, {\"label\": \"d\"},"
                        " {\"label\": \"e\"}], \"domains\": [{\"code\": \"school\", \"name\": \"School\","
                        " \"levels\": [\"1\", \"2\", \"3\", \"4\", \"5\"]}]}";
    errors e;
    errors_init(&e, &fx.a);
    int64_t id = 0;
    cr_assert_eq(assessment_scale_load(&fx.ctx, jeugd, strlen(jeugd), &e, &id), WT_FORBIDDEN, "a worker may not");
    fx.ctx.who = (actor){.user_id = 0, .role = ROLE_ADMIN};
    cr_assert_eq(assessment_scale_load(&fx.ctx, jeugd, strlen(jeugd), &e, &id), WT_OK);
    cr_assert_eq(assessment_scale_load(&fx.ctx, jeugd, strlen(jeugd), &e, &id), WT_CONFLICT);
    cr_assert_eq(count_rows("SELECT COUNT(*) FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id"
                            " WHERE s.code = 'zrm-jeugd'"),
                 1);
    cr_assert_eq(assessment_scale_set_active(&fx.ctx, "zrm-jeugd", false), WT_OK);
    cr_assert_eq(assessment_scale_set_active(&fx.ctx, "nope", false), WT_NOTFOUND);
    fx.ctx.who = (actor){.user_id = 1, .role = ROLE_WORKER, .team_id = 1};
    assessment_input in = {"zrm-jeugd", "2026-03-01", NULL, NULL, 0};
    errors_init(&e, &fx.a);
    cr_assert_eq(assessment_create(&fx.ctx, 2, &in, &e, &id), WT_INVALID, "an inactive version is not offered");
    cr_assert_not_null(errors_get(&e, "scale"));
}
