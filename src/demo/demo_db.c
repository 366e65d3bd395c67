/* demo_db.c - SQL of the demo generator (see demo_db.h). */
#include "demo_db.h"
#include "../core/buf.h"

#include <string.h>

#define ROWS_PER_STATEMENT 50

wt_status demo_db_neighbourhood_insert(db *c, const char *code, const char *name, const char *district_code,
                                       const char *municipality, int64_t team_id)
{
    return db_exec(c,
                   "INSERT INTO neighbourhood (code, name, district_code, municipality, team_id) VALUES (?, ?, ?, ?, ?)",
                   DB_ARGS(DB_T(code), DB_T(name), DB_T(district_code), DB_T(municipality), DB_ID_OR_NULL(team_id)));
}

wt_status demo_db_address_insert(db *c, const demo_address_row *r, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO address (postcode, house_number, house_letter, addition, street, town,"
                     " neighbourhood_code, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_T(r->postcode), DB_I(r->house_number), DB_T(r->house_letter), DB_T(r->addition),
                             DB_T(r->street), DB_T(r->town), DB_T(r->neighbourhood_code), DB_R(r->lat),
                             DB_R(r->lon)));
}

/* Fills the parameters of one row; returns how many. */
typedef int (*row_params)(const void *rows, int i, db_param *p);

/*
 * Inserts n rows: ROWS_PER_STATEMENT per statement, the rest one by one, so
 * that only two statement texts per table are prepared and cached.
 */
static wt_status insert_rows(db *c, arena *a, const char *head, int cols, const void *rows, int n, row_params fill)
{
    buf tuple = BUF_INIT, one = BUF_INIT, many = BUF_INIT;
    buf_puts(&tuple, "(");
    for (int j = 0; j < cols; j++)
        buf_puts(&tuple, j ? ", ?" : "?");
    buf_puts(&tuple, ")");
    buf_printf(&one, "%s VALUES %s", head, buf_str(&tuple));
    buf_puts(&many, buf_str(&one));
    for (int i = 1; i < ROWS_PER_STATEMENT; i++)
        buf_printf(&many, ", %s", buf_str(&tuple));
    db_param *p = arena_alloc(a, sizeof(db_param) * (size_t)(cols * ROWS_PER_STATEMENT));
    wt_status st = WT_OK;
    int i = 0;
    for (; st == WT_OK && n - i >= ROWS_PER_STATEMENT; i += ROWS_PER_STATEMENT) {
        int k = 0;
        for (int r = 0; r < ROWS_PER_STATEMENT; r++)
            k += fill(rows, i + r, p + k);
        st = db_exec(c, buf_str(&many), p, (size_t)k);
    }
    for (; st == WT_OK && i < n; i++)
        st = db_exec(c, buf_str(&one), p, (size_t)fill(rows, i, p));
    buf_free(&tuple);
    buf_free(&one);
    buf_free(&many);
    return st;
}

static int address_params(const void *rows, int i, db_param *p)
{
    const demo_address_row *r = (const demo_address_row *)rows + i;
    p[0] = DB_I(r->id);
    p[1] = DB_T(r->postcode);
    p[2] = DB_I(r->house_number);
    p[3] = DB_T(r->house_letter);
    p[4] = DB_T(r->addition);
    p[5] = DB_T(r->street);
    p[6] = DB_T(r->town);
    p[7] = DB_T(r->neighbourhood_code);
    p[8] = DB_R(r->lat);
    p[9] = DB_R(r->lon);
    return 10;
}

wt_status demo_db_addresses(db *c, arena *a, const demo_address_row *r, int n)
{
    return insert_rows(c, a,
                       "INSERT INTO address (id, postcode, house_number, house_letter, addition, street, town,"
                       " neighbourhood_code, lat, lon)",
                       10, r, n, address_params);
}

static int household_params(const void *rows, int i, db_param *p)
{
    const demo_household_row *r = (const demo_household_row *)rows + i;
    p[0] = DB_I(r->id);
    p[1] = DB_I(r->team_id);
    p[2] = DB_I(r->address_id);
    p[3] = DB_T(r->name);
    p[4] = DB_T(r->created_at);
    return 5;
}

wt_status demo_db_households(db *c, arena *a, const demo_household_row *r, int n)
{
    return insert_rows(c, a, "INSERT INTO household (id, team_id, address_id, name, created_at)", 5, r, n,
                       household_params);
}

static int person_params(const void *rows, int i, db_param *p)
{
    const demo_person_row *r = (const demo_person_row *)rows + i;
    p[0] = DB_I(r->id);
    p[1] = DB_I(r->household_id);
    p[2] = DB_T(r->given_name);
    p[3] = DB_T(r->family_name);
    p[4] = DB_T(r->name_folded);
    p[5] = DB_T(r->family_folded);
    p[6] = DB_T(r->birth_date);
    p[7] = DB_T(r->bsn);
    p[8] = DB_T(r->phone);
    p[9] = DB_T(r->email);
    p[10] = DB_I(r->is_volunteer);
    p[11] = DB_I(r->is_informal_carer);
    p[12] = DB_I(r->is_new_resident);
    p[13] = DB_T(r->created_at);
    p[14] = DB_I(r->team_id);
    return 15;
}

wt_status demo_db_persons(db *c, arena *a, const demo_person_row *r, int n)
{
    return insert_rows(c, a,
                       "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded,"
                       " birth_date, bsn, phone, email, is_volunteer, is_informal_carer, is_new_resident, created_at,"
                       " team_id)",
                       15, r, n, person_params);
}

static int audit_params(const void *rows, int i, db_param *p)
{
    const audit_row *r = (const audit_row *)rows + i;
    p[0] = DB_I(r->id);
    p[1] = DB_T(r->at);
    p[2] = DB_ID_OR_NULL(r->user_id);
    p[3] = DB_T(r->role);
    p[4] = DB_T(r->action);
    p[5] = DB_T(r->entity);
    p[6] = DB_ID_OR_NULL(r->entity_id);
    p[7] = DB_ID_OR_NULL(r->household_id);
    p[8] = DB_ID_OR_NULL(r->person_id);
    p[9] = DB_ID_OR_NULL(r->case_id);
    p[10] = DB_T(r->reason);
    p[11] = DB_T(r->prev_hash);
    p[12] = DB_T(r->hash);
    return 13;
}

wt_status demo_db_audit_rows(db *c, arena *a, const audit_row *r, int n)
{
    return insert_rows(c, a,
                       "INSERT INTO audit (id, at, user_id, role, action, entity, entity_id, household_id, person_id,"
                       " case_id, reason, prev_hash, hash)",
                       13, r, n, audit_params);
}

static int relation_params(const void *rows, int i, db_param *p)
{
    const demo_relation_row *r = (const demo_relation_row *)rows + i;
    p[0] = DB_I(r->team_id);
    p[1] = DB_I(r->person_a);
    p[2] = DB_I(r->person_b);
    p[3] = DB_T(r->kind);
    p[4] = DB_I(r->strength);
    p[5] = DB_T(r->since);
    p[6] = DB_T(r->source);
    p[7] = DB_T(r->legal_ground);
    p[8] = DB_T(r->recorded_at);
    p[9] = DB_T(r->ended_on);
    return 10;
}

wt_status demo_db_relations(db *c, arena *a, const demo_relation_row *r, int n)
{
    return insert_rows(c, a,
                       "INSERT INTO relation (team_id, person_a, person_b, kind, strength, since, source, legal_ground,"
                       " recorded_at, ended_on)",
                       10, r, n, relation_params);
}

static int offer_params(const void *rows, int i, db_param *p)
{
    const demo_offer_row *r = (const demo_offer_row *)rows + i;
    p[0] = DB_I(r->team_id);
    p[1] = DB_I(r->person_id);
    p[2] = DB_T(r->skill);
    p[3] = DB_I(r->hours_per_week);
    p[4] = DB_T(r->note);
    p[5] = DB_T(r->recorded_at);
    p[6] = DB_T(r->recorded_at);
    return 7;
}

wt_status demo_db_offers(db *c, arena *a, const demo_offer_row *r, int n)
{
    return insert_rows(c, a,
                       "INSERT INTO offer (team_id, person_id, skill, hours_per_week, note, recorded_at, updated_at)", 7,
                       r, n, offer_params);
}

static int load_params(const void *rows, int i, db_param *p)
{
    const demo_load_row *r = (const demo_load_row *)rows + i;
    p[0] = DB_I(r->person_id);
    p[1] = DB_I(r->capacity);
    p[2] = DB_I(r->carries_much);
    p[3] = DB_T(r->updated_at);
    return 4;
}

wt_status demo_db_loads(db *c, arena *a, const demo_load_row *r, int n)
{
    return insert_rows(c, a, "INSERT INTO helper_load (person_id, capacity, carries_much, updated_at)", 4, r, n,
                       load_params);
}

static int assessment_params(const void *rows, int i, db_param *p)
{
    const demo_assessment_row *r = (const demo_assessment_row *)rows + i;
    p[0] = DB_I(r->id);
    p[1] = DB_I(r->person_id);
    p[2] = DB_ID_OR_NULL(r->case_id);
    p[3] = DB_I(r->scale_id);
    p[4] = DB_T(r->assessed_on);
    p[5] = DB_ID_OR_NULL(r->assessed_by);
    p[6] = DB_T(r->created_at);
    return 7;
}

wt_status demo_db_assessments(db *c, arena *a, const demo_assessment_row *r, int n)
{
    return insert_rows(c, a,
                       "INSERT INTO assessment (id, person_id, case_id, scale_id, assessed_on, assessed_by, created_at)",
                       7, r, n, assessment_params);
}

static int score_params(const void *rows, int i, db_param *p)
{
    const demo_score_row *r = (const demo_score_row *)rows + i;
    p[0] = DB_I(r->assessment_id);
    p[1] = DB_I(r->domain_id);
    p[2] = r->score ? DB_I(r->score) : DB_NULL;
    return 3;
}

wt_status demo_db_scores(db *c, arena *a, const demo_score_row *r, int n)
{
    return insert_rows(c, a, "INSERT INTO assessment_score (assessment_id, domain_id, score)", 3, r, n, score_params);
}

wt_status demo_db_max_ids(db *c, arena *a, demo_ids *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT (SELECT COALESCE(MAX(id), 0) FROM address), (SELECT COALESCE(MAX(id), 0) FROM household),"
                            " (SELECT COALESCE(MAX(id), 0) FROM person), (SELECT COALESCE(MAX(id), 0) FROM audit),"
                            " (SELECT COALESCE(MAX(id), 0) FROM assessment)",
                            DB_NOARGS);
    if (st != WT_OK)
        return st;
    *out = (demo_ids){db_get_int(&r, 0, 0), db_get_int(&r, 0, 1), db_get_int(&r, 0, 2), db_get_int(&r, 0, 3),
                      db_get_int(&r, 0, 4)};
    return WT_OK;
}

wt_status demo_db_sync_ids(db *c)
{
    if (strcmp(db_backend_name(c), "postgresql") != 0)
        return WT_OK; /* SQLite numbers new rows after the highest rowid by itself */
    return db_exec_script(c,
                          "SELECT setval(pg_get_serial_sequence('address', 'id'), (SELECT MAX(id) FROM address));"
                          "SELECT setval(pg_get_serial_sequence('household', 'id'), (SELECT MAX(id) FROM household));"
                          "SELECT setval(pg_get_serial_sequence('person', 'id'), (SELECT MAX(id) FROM person));"
                          "SELECT setval(pg_get_serial_sequence('audit', 'id'), (SELECT MAX(id) FROM audit));"
                          "SELECT setval(pg_get_serial_sequence('assessment', 'id'), (SELECT MAX(id) FROM assessment))"
                          " WHERE EXISTS (SELECT 1 FROM assessment);");
}

wt_status demo_db_analyse(db *c)
{
    return db_exec_script(c, "ANALYZE");
}

wt_status demo_db_bulk_settings(db *c)
{
    if (strcmp(db_backend_name(c), "sqlite") != 0)
        return WT_OK;
    return db_exec_script(c, "PRAGMA cache_size = -262144");
}
