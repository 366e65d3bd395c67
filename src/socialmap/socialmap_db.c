/* socialmap_db.c - SQL of the social map (see socialmap_db.h). */
#include "socialmap_db.h"
#include "../core/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "a", "b", "c": the quoted columns of a resource (arena). */
static char *columns(arena *a, const hsds_resource *r, const char *alias)
{
    buf b = BUF_INIT;
    for (int i = 0; i < r->nfields; i++)
        buf_printf(&b, "%s%s%s\"%s\"", i ? ", " : "", alias ? alias : "", alias ? "." : "", r->fields[i].name);
    char *s = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return s;
}

/* A row from result columns col0 .. col0 + nfields - 1; numbers in HSDS spelling. */
static void fill_row(arena *a, const db_result *res, int i, int col0, const hsds_resource *r, hsds_row *out)
{
    *out = hsds_row_new(a, r);
    for (int f = 0; f < r->nfields; f++) {
        const char *v = db_get(res, i, col0 + f);
        double d;
        if (v && r->fields[f].kind == HF_NUMBER && hsds_number_parse(v, &d))
            v = hsds_number_format(a, d);
        out->v[f] = v;
    }
}

static wt_status fill_rows(arena *a, const db_result *res, const hsds_resource *r, hsds_row **out, int *n)
{
    *n = res->nrows;
    *out = arena_alloc(a, sizeof(hsds_row) * (size_t)(res->nrows ? res->nrows : 1));
    for (int i = 0; i < res->nrows; i++)
        fill_row(a, res, i, 0, r, &(*out)[i]);
    return WT_OK;
}

static bool known_field(const hsds_resource *r, const char *field)
{
    return hsds_field_index(r, field) >= 0;
}

wt_status smdb_get(db *c, arena *a, const hsds_resource *r, const char *id, hsds_row *out)
{
    db_result res;
    const char *sql = arena_printf(a, "SELECT %s FROM %s WHERE id = ?", columns(a, r, NULL), r->table);
    wt_status st = db_query(c, a, &res, sql, DB_ARGS(DB_T(id)));
    if (st != WT_OK)
        return st;
    if (res.nrows == 0)
        return WT_NOTFOUND;
    fill_row(a, &res, 0, 0, r, out);
    return WT_OK;
}

wt_status smdb_exists(db *c, arena *a, const hsds_resource *r, const char *id, bool *exists)
{
    db_result res;
    wt_status st = db_query(c, a, &res, arena_printf(a, "SELECT 1 FROM %s WHERE id = ?", r->table), DB_ARGS(DB_T(id)));
    *exists = st == WT_OK && res.nrows > 0;
    return st;
}

static db_param bind_value(const hsds_field *f, const char *v)
{
    double d;
    if (!v)
        return DB_NULL;
    if (f->kind == HF_NUMBER && hsds_number_parse(v, &d))
        return DB_R(d);
    return DB_T(v);
}

wt_status smdb_upsert(db *c, const hsds_row *row)
{
    const hsds_resource *r = row->res;
    buf b = BUF_INIT;
    buf_printf(&b, "INSERT INTO %s (", r->table);
    for (int i = 0; i < r->nfields; i++)
        buf_printf(&b, "%s\"%s\"", i ? ", " : "", r->fields[i].name);
    buf_puts(&b, ") VALUES (");
    for (int i = 0; i < r->nfields; i++)
        buf_puts(&b, i ? ", ?" : "?");
    buf_puts(&b, ") ON CONFLICT (id) DO UPDATE SET ");
    bool first = true;
    for (int i = 0; i < r->nfields; i++) {
        if (strcmp(r->fields[i].name, "id") == 0)
            continue;
        buf_printf(&b, "%s\"%s\" = excluded.\"%s\"", first ? "" : ", ", r->fields[i].name, r->fields[i].name);
        first = false;
    }
    db_param p[40];
    int n = r->nfields < 40 ? r->nfields : 40;
    for (int i = 0; i < n; i++)
        p[i] = bind_value(&r->fields[i], row->v[i]);
    wt_status st = db_exec(c, buf_str(&b), p, (size_t)n);
    buf_free(&b);
    return st;
}

wt_status smdb_delete(db *c, const hsds_resource *r, const char *id)
{
    char sql[128];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ?", r->table);
    return db_exec(c, sql, DB_ARGS(DB_T(id)));
}

wt_status smdb_delete_where(db *c, const hsds_resource *r, const char *field, const char *value)
{
    if (!known_field(r, field))
        return WT_INVALID;
    char sql[160];
    snprintf(sql, sizeof sql, "DELETE FROM %s WHERE \"%s\" = ?", r->table, field);
    return db_exec(c, sql, DB_ARGS(DB_T(value)));
}

wt_status smdb_where(db *c, arena *a, const hsds_resource *r, const char *field, const char *value, int limit,
                     hsds_row **out, int *n)
{
    if (!known_field(r, field))
        return WT_INVALID;
    db_result res;
    const char *sql = arena_printf(a, "SELECT %s FROM %s WHERE \"%s\" = ? ORDER BY id LIMIT ?", columns(a, r, NULL),
                                   r->table, field);
    wt_status st = db_query(c, a, &res, sql, DB_ARGS(DB_T(value), DB_I(limit)));
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_page(db *c, arena *a, const hsds_resource *r, const char *after, int limit, hsds_row **out, int *n)
{
    db_result res;
    const char *sql = arena_printf(a, "SELECT %s FROM %s WHERE id > ? ORDER BY id LIMIT ?", columns(a, r, NULL),
                                   r->table);
    wt_status st = db_query(c, a, &res, sql, DB_ARGS(DB_T(after ? after : ""), DB_I(limit)));
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

/*
 * The entries that carry the date of their last check: services in HSDS's assured_date, the others in
 * wijkteam's own column last_checked (never published). stamped: the table has updated_at.
 */
typedef struct checked_table {
    const char *table;
    const char *mark; /* sets the date (and updated_at when stamped) */
    const char *read; /* the date (and the internal note) of one row; NULL for services */
    const char *ids;  /* id and date of rows, followed by " IN (...)" */
    bool stamped;
} checked_table;

static const checked_table checked_tables[] = {
    {"sm_service", "UPDATE sm_service SET assured_date = ?, updated_at = ? WHERE id = ?", NULL,
     "SELECT id, assured_date FROM sm_service WHERE id", true},
    {"sm_organization", "UPDATE sm_organization SET last_checked = ?, updated_at = ? WHERE id = ?",
     "SELECT last_checked, internal_note FROM sm_organization WHERE id = ?",
     "SELECT id, last_checked FROM sm_organization WHERE id", true},
    {"sm_location", "UPDATE sm_location SET last_checked = ?, updated_at = ? WHERE id = ?",
     "SELECT last_checked, NULL FROM sm_location WHERE id = ?", "SELECT id, last_checked FROM sm_location WHERE id",
     true},
    {"sm_contact", "UPDATE sm_contact SET last_checked = ? WHERE id = ?",
     "SELECT last_checked, NULL FROM sm_contact WHERE id = ?", "SELECT id, last_checked FROM sm_contact WHERE id",
     false},
    {"sm_schedule", "UPDATE sm_schedule SET last_checked = ? WHERE id = ?",
     "SELECT last_checked, NULL FROM sm_schedule WHERE id = ?", "SELECT id, last_checked FROM sm_schedule WHERE id",
     false},
    {"sm_taxonomy_term", "UPDATE sm_taxonomy_term SET last_checked = ? WHERE id = ?",
     "SELECT last_checked, NULL FROM sm_taxonomy_term WHERE id = ?",
     "SELECT id, last_checked FROM sm_taxonomy_term WHERE id", false},
};

static const checked_table *checked_table_of(const char *table)
{
    for (size_t i = 0; i < sizeof checked_tables / sizeof checked_tables[0]; i++)
        if (strcmp(checked_tables[i].table, table) == 0)
            return &checked_tables[i];
    return NULL;
}

wt_status smdb_set_wijkteam(db *c, const char *table, const char *id, const char *last_checked,
                            const char *internal_note, const char *name_folded, const char *now)
{
    if (strcmp(table, "sm_organization") == 0)
        return db_exec(c,
                       "UPDATE sm_organization SET last_checked = ?, internal_note = ?, name_folded = ?, updated_at = ?"
                       " WHERE id = ?",
                       DB_ARGS(DB_T(last_checked), DB_T(internal_note), DB_T(name_folded ? name_folded : ""),
                               DB_T(now), DB_T(id)));
    if (strcmp(table, "sm_location") == 0)
        return db_exec(c, "UPDATE sm_location SET last_checked = ?, updated_at = ? WHERE id = ?",
                       DB_ARGS(DB_T(last_checked), DB_T(now), DB_T(id)));
    return WT_INVALID;
}

wt_status smdb_get_wijkteam(db *c, arena *a, const char *table, const char *id, const char **last_checked,
                            const char **internal_note)
{
    const checked_table *t = checked_table_of(table);
    if (!t || !t->read)
        return WT_INVALID;
    db_result r;
    wt_status st = db_query(c, a, &r, t->read, DB_ARGS(DB_T(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *last_checked = db_get(&r, 0, 0);
    if (internal_note)
        *internal_note = db_get(&r, 0, 1);
    return WT_OK;
}

#define SERVICE_COLS                                                                                                   \
    "s.id, s.organization_id, o.name, s.name, s.alternate_name, s.description, s.status, s.url, s.email,"              \
    " s.application_process, s.eligibility_description, s.fees_description, s.wait_time, s.assured_date,"              \
    " s.minimum_age, s.maximum_age, s.life_domains, s.target_groups, s.line, s.free_of_charge, s.published,"           \
    " s.internal_note, s.cost"
#define SERVICE_FROM " FROM sm_service s JOIN sm_organization o ON o.id = s.organization_id"

static int age_or_none(const db_result *r, int i, int col)
{
    return db_is_null(r, i, col) ? -1 : (int)db_get_real(r, i, col);
}

static void fill_service(const db_result *r, int i, sm_service *s)
{
    memset(s, 0, sizeof *s);
    const char **f[] = {&s->id, &s->organization_id, &s->organization_name, &s->name, &s->alternate_name,
                        &s->description, &s->status, &s->url, &s->email, &s->application_process,
                        &s->eligibility_description, &s->fees_description, &s->wait_time, &s->assured_date};
    for (int k = 0; k < (int)(sizeof f / sizeof f[0]); k++)
        *f[k] = db_get(r, i, k);
    s->minimum_age = age_or_none(r, i, 14);
    s->maximum_age = age_or_none(r, i, 15);
    s->life_domains = db_get(r, i, 16);
    s->target_groups = db_get(r, i, 17);
    s->line = db_get(r, i, 18);
    s->free_of_charge = db_get_int(r, i, 19) != 0;
    s->published = db_get_int(r, i, 20) != 0;
    s->internal_note = db_get(r, i, 21);
    s->cost = db_get(r, i, 22);
}

wt_status smdb_service_get(db *c, arena *a, const char *id, sm_service *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " SERVICE_COLS SERVICE_FROM " WHERE s.id = ?", DB_ARGS(DB_T(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_service(&r, 0, out);
    return WT_OK;
}

/* " IN (?, ?, ...)" for n ids, with their parameters. */
static void in_list(buf *b, const char *const *ids, int n, db_param *p, int *np)
{
    buf_puts(b, " IN (");
    for (int i = 0; i < n; i++) {
        buf_puts(b, i ? ", ?" : "?");
        p[(*np)++] = DB_T(ids[i]);
    }
    buf_puts(b, ")");
}

wt_status smdb_services_by_ids(db *c, arena *a, const char *const *ids, int n, sm_service **out, int *nout)
{
    *nout = 0;
    if (n <= 0 || n > SMDB_IDS_MAX)
        return n <= 0 ? WT_OK : WT_INVALID;
    buf b = BUF_INIT;
    db_param p[SMDB_IDS_MAX];
    int np = 0;
    buf_puts(&b, "SELECT " SERVICE_COLS SERVICE_FROM " WHERE s.id");
    in_list(&b, ids, n, p, &np);
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(sm_service) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_service(&r, i, &(*out)[i]);
    *nout = r.nrows;
    return WT_OK;
}

wt_status smdb_first_locations(db *c, arena *a, const char *const *ids, int n, const char **location_ids)
{
    for (int i = 0; i < n; i++)
        location_ids[i] = NULL;
    if (n <= 0 || n > SMDB_IDS_MAX)
        return n <= 0 ? WT_OK : WT_INVALID;
    buf b = BUF_INIT;
    db_param p[SMDB_IDS_MAX];
    int np = 0;
    buf_puts(&b, "SELECT sal.service_id, l.id FROM sm_service_at_location sal JOIN sm_location l ON l.id = sal.location_id"
                 " WHERE sal.service_id");
    in_list(&b, ids, n, p, &np);
    buf_puts(&b, " ORDER BY sal.service_id, l.name, l.id");
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    for (int i = 0; st == WT_OK && i < r.nrows; i++)
        for (int k = 0; k < n; k++)
            if (!location_ids[k] && strcmp(ids[k], db_get(&r, i, 0)) == 0)
                location_ids[k] = db_get(&r, i, 1);
    return st;
}

wt_status smdb_locations_by_ids(db *c, arena *a, const char *const *ids, int n, const char **names, const char **addresses)
{
    for (int i = 0; i < n; i++)
        names[i] = addresses[i] = NULL;
    if (n <= 0 || n > SMDB_IDS_MAX)
        return n <= 0 ? WT_OK : WT_INVALID;
    buf b = BUF_INIT;
    db_param p[SMDB_IDS_MAX];
    int np = 0;
    buf_puts(&b, "SELECT l.id, l.name, ad.address_1, ad.city FROM sm_location l"
                 " LEFT JOIN sm_address ad ON ad.location_id = l.id WHERE l.id");
    in_list(&b, ids, n, p, &np);
    /* per location its physical address first */
    buf_puts(&b, " ORDER BY l.id, CASE ad.address_type WHEN 'physical' THEN 0 ELSE 1 END, ad.id");
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    for (int i = 0; st == WT_OK && i < r.nrows; i++) {
        if (i > 0 && strcmp(db_get(&r, i, 0), db_get(&r, i - 1, 0)) == 0)
            continue;
        const char *address = db_is_null(&r, i, 2) ? NULL : arena_printf(a, "%s, %s", db_get(&r, i, 2), db_get(&r, i, 3));
        for (int k = 0; k < n; k++)
            if (ids[k] && strcmp(ids[k], db_get(&r, i, 0)) == 0) {
                names[k] = db_get(&r, i, 1);
                addresses[k] = address;
            }
    }
    return st;
}

wt_status smdb_analyze(db *c)
{
    static const char *const tables[] = {"sm_service", "sm_service_point", "sm_service_word", "sm_service_word_point",
                                         "sm_location", "sm_service_at_location", "sm_address"};
    wt_status st = WT_OK;
    for (size_t i = 0; st == WT_OK && i < sizeof tables / sizeof tables[0]; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "ANALYZE %s", tables[i]);
        st = db_exec(c, sql, DB_NOARGS);
    }
    return st;
}

wt_status smdb_service_set_internal(db *c, const char *id, bool published, const char *internal_note)
{
    wt_status st = db_exec(c, "UPDATE sm_service SET published = ?, internal_note = ? WHERE id = ?",
                           DB_ARGS(DB_I(published), DB_T(internal_note), DB_T(id)));
    if (st == WT_OK)
        st = db_exec(c, "UPDATE sm_service_point SET published = ? WHERE id = ?", DB_ARGS(DB_I(published), DB_T(id)));
    return st;
}

/*
 * floor(lat * SM_ROWS_PER_DEGREE) in words both backends know (CAST truncates on SQLite, rounds on PostgreSQL),
 * as migration 0026 computes it.
 */
#define SQL_STR_(x) #x
#define SQL_STR(x) SQL_STR_(x)
#define SQL_ROWS SQL_STR(SM_ROWS_PER_DEGREE)
#define SQL_LAT_ROW(lat)                                                                                           \
    "CAST(" lat " * " SQL_ROWS " AS INTEGER) - CASE WHEN CAST(" lat " * " SQL_ROWS " AS INTEGER) > " lat " * " SQL_ROWS \
    " THEN 1 ELSE 0 END"

wt_status smdb_service_points(db *c, const char *id)
{
    wt_status st = db_exec(c, "DELETE FROM sm_service_word_point WHERE service_id = ?", DB_ARGS(DB_T(id)));
    if (st == WT_OK)
        st = db_exec(c, "DELETE FROM sm_service_point WHERE id = ?", DB_ARGS(DB_T(id)));
    if (st == WT_OK)
        st = db_exec(c,
                     "INSERT INTO sm_service_point (id, location_id, latitude, longitude, organization_id, status, published,"
                     " free_of_charge, line, life_domains, target_groups, minimum_age, maximum_age, name_folded, cost,"
                     " lat_row)"
                     " SELECT DISTINCT s.id, l.id, l.latitude, l.longitude, s.organization_id, s.status, s.published,"
                     " s.free_of_charge, s.line, s.life_domains, s.target_groups, s.minimum_age, s.maximum_age, s.name_folded,"
                     " s.cost, " SQL_LAT_ROW("l.latitude")
                     " FROM sm_service s JOIN sm_service_at_location sal ON sal.service_id = s.id"
                     " JOIN sm_location l ON l.id = sal.location_id"
                     " WHERE s.id = ? AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL",
                     DB_ARGS(DB_T(id)));
    if (st == WT_OK)
        st = db_exec(c,
                     "INSERT INTO sm_service_word_point (lat_row, word, longitude, latitude, service_id, location_id)"
                     " SELECT DISTINCT p.lat_row, w.word, p.longitude, p.latitude, p.id, p.location_id"
                     " FROM sm_service_point p JOIN sm_service_word w ON w.service_id = p.id WHERE p.id = ?",
                     DB_ARGS(DB_T(id)));
    return st;
}

wt_status smdb_location_service_ids(db *c, arena *a, const char *location_id, const char ***ids, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT DISTINCT service_id FROM sm_service_at_location WHERE location_id = ? ORDER BY service_id",
                            DB_ARGS(DB_T(location_id)));
    *n = st == WT_OK ? r.nrows : 0;
    *ids = arena_alloc(a, sizeof(char *) * (size_t)(*n + 1));
    for (int i = 0; i < *n; i++)
        (*ids)[i] = db_get(&r, i, 0);
    return st;
}

wt_status smdb_service_text_get(db *c, arena *a, const char *id, smdb_service_text *out)
{
    db_result r;
    memset(out, 0, sizeof *out);
    wt_status st = db_query(c, a, &r,
                            "SELECT s.name, s.alternate_name, s.description, s.eligibility_description, o.name,"
                            " o.alternate_name, s.fees_description" SERVICE_FROM " WHERE s.id = ?",
                            DB_ARGS(DB_T(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    out->name = db_get(&r, 0, 0);
    out->alternate_name = db_get(&r, 0, 1);
    out->description = db_get(&r, 0, 2);
    out->eligibility = db_get(&r, 0, 3);
    out->org_name = db_get(&r, 0, 4);
    out->org_alternate_name = db_get(&r, 0, 5);
    out->fees_description = db_get(&r, 0, 6);
    st = db_query(c, a, &r,
                  "SELECT t.code, t.taxonomy_id, t.name FROM sm_attribute at JOIN sm_taxonomy_term t"
                  " ON t.id = at.taxonomy_term_id WHERE at.link_id = ? ORDER BY t.name LIMIT 200",
                  DB_ARGS(DB_T(id)));
    if (st != WT_OK)
        return st;
    out->n_terms = r.nrows;
    out->term_codes = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    out->term_taxonomies = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    out->term_names = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        out->term_codes[i] = db_get(&r, i, 0);
        out->term_taxonomies[i] = db_get(&r, i, 1);
        out->term_names[i] = db_get(&r, i, 2);
    }
    st = db_query(c, a, &r, "SELECT 1 FROM sm_cost_option WHERE service_id = ? AND amount = 0 LIMIT 1",
                  DB_ARGS(DB_T(id)));
    out->has_free_option = st == WT_OK && r.nrows > 0;
    if (st == WT_OK)
        st = smdb_where(c, a, hsds_resource_by_name("cost_option"), "service_id", id, 100, &out->cost_options,
                        &out->n_cost_options);
    return st;
}

wt_status smdb_service_set_derived(db *c, const char *id, const char *domains, const char *targets, const char *line,
                                   bool free_of_charge, const char *cost, const char *name_folded, const char *now)
{
    return db_exec(c,
                   "UPDATE sm_service SET life_domains = ?, target_groups = ?, line = ?, free_of_charge = ?, cost = ?,"
                   " name_folded = ?, updated_at = ? WHERE id = ?",
                   DB_ARGS(DB_T(domains), DB_T(targets), DB_T(line), DB_I(free_of_charge), DB_T(cost),
                           DB_T(name_folded), DB_T(now), DB_T(id)));
}

wt_status smdb_service_words(db *c, const char *id, const char **words, const int *weights, int n)
{
    wt_status st = db_exec(c, "DELETE FROM sm_service_word WHERE service_id = ?", DB_ARGS(DB_T(id)));
    for (int i = 0; st == WT_OK && i < n; i++)
        st = db_exec(c, "INSERT INTO sm_service_word (word, service_id, weight) VALUES (?, ?, ?)",
                     DB_ARGS(DB_T(words[i]), DB_T(id), DB_I(weights[i])));
    return st;
}

wt_status smdb_org_service_ids(db *c, arena *a, const char *org_id, const char ***ids, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT id FROM sm_service WHERE organization_id = ? ORDER BY id",
                            DB_ARGS(DB_T(org_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *ids = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*ids)[i] = db_get(&r, i, 0);
    return WT_OK;
}

wt_status smdb_delete_service_terms(db *c, const char *service_id, const char *taxonomy_id)
{
    return db_exec(c,
                   "DELETE FROM sm_attribute WHERE link_id = ? AND taxonomy_term_id IN"
                   " (SELECT id FROM sm_taxonomy_term WHERE taxonomy_id = ?)",
                   DB_ARGS(DB_T(service_id), DB_T(taxonomy_id)));
}

wt_status smdb_delete_service_own_terms(db *c, const char *service_id)
{
    return db_exec(c,
                   "DELETE FROM sm_attribute WHERE link_id = ? AND taxonomy_term_id NOT IN"
                   " (SELECT id FROM sm_taxonomy_term WHERE taxonomy_id IN (?, ?, ?))",
                   DB_ARGS(DB_T(service_id), DB_T(SM_TAXONOMY_DOMAINS), DB_T(SM_TAXONOMY_TARGETS),
                           DB_T(SM_TAXONOMY_LINE)));
}

/* The service filters of a query, appended as " AND ..." with their parameters. */
static void service_filters(buf *b, const sm_query *q, db_param *p, int *np, arena *a)
{
    if (!q->include_ended)
        buf_puts(b, " AND s.status IN ('active', 'temporarily closed')");
    if (q->published_only)
        buf_puts(b, " AND s.published = 1");
    if (q->domain) {
        buf_puts(b, " AND s.life_domains LIKE ?");
        p[(*np)++] = DB_T(arena_printf(a, "%% %s %%", q->domain));
    }
    if (q->target) {
        buf_puts(b, " AND s.target_groups LIKE ?");
        p[(*np)++] = DB_T(arena_printf(a, "%% %s %%", q->target));
    }
    if (q->line) {
        buf_puts(b, " AND s.line = ?");
        p[(*np)++] = DB_T(q->line);
    }
    if (q->free_only)
        buf_puts(b, " AND s.free_of_charge = 1");
    if (q->cost) {
        buf_puts(b, " AND s.cost LIKE ?");
        p[(*np)++] = DB_T(arena_printf(a, "%% %s %%", q->cost));
    }
    if (q->organization_id) {
        buf_puts(b, " AND s.organization_id = ?");
        p[(*np)++] = DB_T(q->organization_id);
    }
    if (q->language) {
        buf_puts(b, " AND EXISTS (SELECT 1 FROM sm_language lg WHERE lg.code = ? AND lg.service_id = s.id)");
        p[(*np)++] = DB_T(q->language);
    }
    if (q->taxonomy_term_id) {
        buf_puts(b, " AND EXISTS (SELECT 1 FROM sm_attribute at WHERE at.link_id = s.id AND at.taxonomy_term_id = ?)");
        p[(*np)++] = DB_T(q->taxonomy_term_id);
    }
    if (q->taxonomy_id) {
        buf_puts(b, " AND EXISTS (SELECT 1 FROM sm_attribute at JOIN sm_taxonomy_term t ON t.id = at.taxonomy_term_id"
                    " WHERE at.link_id = s.id AND t.taxonomy_id = ?)");
        p[(*np)++] = DB_T(q->taxonomy_id);
    }
    if (q->modified_after) {
        buf_puts(b, " AND COALESCE(s.last_modified, s.updated_at) >= ?");
        p[(*np)++] = DB_T(q->modified_after);
    }
    if (q->age >= 0) {
        buf_puts(b, " AND (s.minimum_age IS NULL OR s.minimum_age <= ?) AND (s.maximum_age IS NULL OR s.maximum_age >= ?)");
        p[(*np)++] = DB_I(q->age);
        p[(*np)++] = DB_I(q->age);
    }
}

/* The end of a prefix range: "schul" -> "schum" (every word starting with "schul" is >= "schul" and < "schum"). */
static char *prefix_end(arena *a, const char *w)
{
    char *e = arena_strdup(a, w);
    size_t n = strlen(e);
    while (n > 0 && (unsigned char)e[n - 1] == 0xFF)
        e[--n] = '\0';
    if (n > 0)
        e[n - 1] = (char)((unsigned char)e[n - 1] + 1);
    return e;
}

/* One score column per word: the best weight of a word of the service starting with it. */
static void word_scores(buf *b, const smdb_search_req *s, db_param *p, int *np, arena *a)
{
    for (int i = 0; i < s->n_words; i++) {
        buf_puts(b, ", (SELECT MAX(w.weight) FROM sm_service_word w WHERE w.service_id = s.id AND w.word >= ?"
                    " AND w.word < ?)");
        p[(*np)++] = DB_T(s->words[i]);
        p[(*np)++] = DB_T(prefix_end(a, s->words[i]));
    }
}

/* The most rows of latitude a box asks for one by one; a taller box reads the range of its rows. */
#define SMDB_ROWS_MAX 12

/* The rows of latitude of a box, first to last; true when they are at most SMDB_ROWS_MAX (asked for one by one). */
static bool box_rows(const sm_bbox *box, long *first, long *last)
{
    *first = (long)floor(box->min_lat * SM_ROWS_PER_DEGREE);
    *last = (long)floor(box->max_lat * SM_ROWS_PER_DEGREE);
    return *last - *first + 1 <= SMDB_ROWS_MAX;
}

/*
 * The points of alias (sm_service_point or sm_service_word_point) in a box: its rows of latitude, then
 * more_range with its parameters more[0..n_more) (the range of a word: the index reads it in each row), then
 * the range of longitudes.
 */
static void box_where(buf *b, const char *alias, const sm_bbox *box, const char *more_range, const db_param *more,
                      int n_more, db_param *p, int *np)
{
    long first, last;
    if (box_rows(box, &first, &last)) {
        buf_printf(b, "%s.lat_row IN (", alias);
        for (long row = first; row <= last; row++) {
            buf_puts(b, row == first ? "?" : ", ?");
            p[(*np)++] = DB_I(row);
        }
        buf_puts(b, ")");
    } else {
        buf_printf(b, "%s.lat_row BETWEEN ? AND ?", alias);
        p[(*np)++] = DB_I(first);
        p[(*np)++] = DB_I(last);
    }
    if (more_range)
        buf_puts(b, more_range);
    for (int i = 0; i < n_more; i++)
        p[(*np)++] = more[i];
    buf_printf(b, " AND %s.longitude BETWEEN ? AND ? AND %s.latitude BETWEEN ? AND ?", alias, alias);
    p[(*np)++] = DB_R(box->min_lon);
    p[(*np)++] = DB_R(box->max_lon);
    p[(*np)++] = DB_R(box->min_lat);
    p[(*np)++] = DB_R(box->max_lat);
}

/* The longest query word: the fewest postings, as a rule. */
static int longest_word(const smdb_search_req *s)
{
    int longest = 0;
    for (int i = 1; i < s->n_words; i++)
        if (strlen(s->words[i]) > strlen(s->words[longest]))
            longest = i;
    return longest;
}

/*
 * Whether a word is frequent: its postings (services with a word starting with it) are more than a search
 * reads one by one. Near a point, a frequent word is then read from its points in the rows of the box
 * (sm_service_word_point), or in a box of more than SMDB_ROWS_MAX rows from all points of the box.
 */
#define SMDB_FEW_POSTINGS 200

static wt_status frequent_word(db *c, arena *a, const char *prefix, bool *frequent)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT COUNT(*) FROM (SELECT 1 FROM sm_service_word WHERE word >= ? AND word < ? LIMIT ?) AS t",
                            DB_ARGS(DB_T(prefix), DB_T(prefix_end(a, prefix)), DB_I(SMDB_FEW_POSTINGS + 1)));
    *frequent = st == WT_OK && db_get_int(&r, 0, 0) > SMDB_FEW_POSTINGS;
    return st;
}

wt_status smdb_search(db *c, arena *a, const smdb_search_req *s, smdb_candidate **out, int *n)
{
    /* near a point with words: a frequent word in a box of few rows is read from its points */
    bool frequent = false, word_points = false;
    long first_row, last_row;
    if (s->box && !s->q->modified_after && s->n_words > 0) {
        wt_status st = frequent_word(c, a, s->words[longest_word(s)], &frequent);
        if (st != WT_OK)
            return st;
        word_points = frequent && box_rows(s->box, &first_row, &last_row);
    }
    buf b = BUF_INIT;
    db_param p[64];
    int np = 0;
    int word_col;
    if (word_points) {
        /* A frequent word near a point: the word's points in the rows of the box, then their services' filters
           (a point comes once per word with the prefix: the ranking keeps one row per service). */
        int longest = longest_word(s);
        buf_puts(&b, "SELECT s.id, s.latitude, s.longitude, NULL, s.location_id, s.name_folded");
        word_scores(&b, s, p, &np, a);
        buf_puts(&b, " FROM sm_service_word_point wp CROSS JOIN sm_service_point s WHERE ");
        db_param word[] = {DB_T(s->words[longest]), DB_T(prefix_end(a, s->words[longest]))};
        box_where(&b, "wp", s->box, " AND wp.word >= ? AND wp.word < ?", word, 2, p, &np);
        buf_puts(&b, " AND s.id = wp.service_id AND s.location_id = wp.location_id");
        service_filters(&b, s->q, p, &np, a);
        buf_puts(&b, " LIMIT 20000");
        word_col = 6;
    } else if (s->box && !s->q->modified_after) {
        /* Distance: the covering index of the points in the bounding box answers it (sm_service_point has the
           column names of sm_service, so the service filters apply as they are). */
        buf_puts(&b, "SELECT s.id, s.latitude, s.longitude, NULL, s.location_id, s.name_folded");
        word_scores(&b, s, p, &np, a);
        buf_puts(&b, " FROM sm_service_point s WHERE ");
        box_where(&b, "s", s->box, NULL, NULL, 0, p, &np);
        if (s->n_words > 0) { /* only the points of services with the longest word: its postings are read once */
            int longest = longest_word(s);
            /* (s.id || '') keeps the database from reading the points through the postings */
            buf_puts(&b, frequent ? " AND (s.id || '') IN" : " AND s.id IN");
            buf_puts(&b, " (SELECT d.service_id FROM sm_service_word d WHERE d.word >= ? AND d.word < ?)");
            p[np++] = DB_T(s->words[longest]);
            p[np++] = DB_T(prefix_end(a, s->words[longest]));
        }
        service_filters(&b, s->q, p, &np, a);
        buf_puts(&b, " LIMIT 20000");
        word_col = 6;
    } else if (s->box) {
        /* Distance with a filter the points do not carry: the bounding box on the location index. */
        buf_puts(&b, "SELECT s.id, l.latitude, l.longitude, l.name, l.id, s.name_folded");
        word_scores(&b, s, p, &np, a);
        buf_puts(&b, " FROM sm_location l JOIN sm_service_at_location sal ON sal.location_id = l.id"
                     " JOIN sm_service s ON s.id = sal.service_id"
                     " WHERE l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ?");
        p[np++] = DB_R(s->box->min_lat);
        p[np++] = DB_R(s->box->max_lat);
        p[np++] = DB_R(s->box->min_lon);
        p[np++] = DB_R(s->box->max_lon);
        service_filters(&b, s->q, p, &np, a);
        buf_puts(&b, " LIMIT 20000");
        word_col = 6;
    } else if (s->n_words > 0) {
        /* Text: the postings of the longest word drive the query. */
        int longest = longest_word(s);
        buf_puts(&b, "SELECT s.id, NULL, NULL, NULL, NULL, s.name_folded");
        word_scores(&b, s, p, &np, a);
        buf_puts(&b, " FROM sm_service s WHERE s.id IN (SELECT d.service_id FROM sm_service_word d"
                     " WHERE d.word >= ? AND d.word < ?)");
        p[np++] = DB_T(s->words[longest]);
        p[np++] = DB_T(prefix_end(a, s->words[longest]));
        service_filters(&b, s->q, p, &np, a);
        buf_puts(&b, " LIMIT 20000");
        word_col = 6;
    } else {
        /* A plain list by name, one page. */
        buf_puts(&b, "SELECT s.id, NULL, NULL, NULL, NULL, s.name_folded FROM sm_service s WHERE 1 = 1");
        service_filters(&b, s->q, p, &np, a);
        buf_puts(&b, " ORDER BY s.name_folded, s.id LIMIT ? OFFSET ?");
        p[np++] = DB_I(s->limit);
        p[np++] = DB_I(s->offset);
        word_col = 6;
    }
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(smdb_candidate) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        smdb_candidate *cd = &(*out)[i];
        cd->id = db_get(&r, i, 0);
        cd->has_point = !db_is_null(&r, i, 1) && !db_is_null(&r, i, 2);
        cd->lat = db_get_real(&r, i, 1);
        cd->lon = db_get_real(&r, i, 2);
        cd->location_name = db_get(&r, i, 3);
        cd->location_id = db_get(&r, i, 4);
        cd->name_folded = db_get(&r, i, 5);
        cd->score = 0;
        for (int w = 0; w < s->n_words; w++) {
            if (db_is_null(&r, i, word_col + w)) {
                cd->score = -1;
                break;
            }
            cd->score += (int)db_get_int(&r, i, word_col + w);
        }
    }
    return WT_OK;
}

/* sm_near_d2 of a row of sm_service_point (alias s), in SQL: plain arithmetic, the same on both backends. */
static void near_d2(buf *b, const sm_near *n, db_param *p, int *np)
{
    buf_puts(b, "((s.latitude - ?) * (s.latitude - ?) + ((s.longitude - ?) * (? - ? * (s.latitude - ?)))"
                " * ((s.longitude - ?) * (? - ? * (s.latitude - ?))))");
    const double v[] = {n->lat, n->lat, n->lon, n->k0, n->s0h, n->lat, n->lon, n->k0, n->s0h, n->lat};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        p[(*np)++] = DB_R(v[i]);
}

/* The points within the radius that pass the service filters: the box reads the covering index. */
static void near_where(buf *b, const sm_query *q, const sm_bbox *box, const sm_near *n, db_param *p, int *np,
                       arena *a)
{
    buf_puts(b, " FROM sm_service_point s WHERE ");
    box_where(b, "s", box, NULL, NULL, 0, p, np);
    buf_puts(b, " AND ");
    near_d2(b, n, p, np);
    buf_puts(b, " <= ?");
    p[(*np)++] = DB_R(n->r2);
    service_filters(b, q, p, np, a);
}

wt_status smdb_near(db *c, arena *a, const sm_query *q, const sm_bbox *box, const sm_near *n, bool by_name, int limit,
                    smdb_candidate **out, int *nout)
{
    buf b = BUF_INIT;
    db_param p[64];
    int np = 0;
    buf_puts(&b, "SELECT s.id, s.latitude, s.longitude, s.location_id, s.name_folded, ");
    near_d2(&b, n, p, &np);
    buf_puts(&b, " AS d2");
    near_where(&b, q, box, n, p, &np, a);
    buf_puts(&b, by_name ? " ORDER BY 5, 6, 1, 4 LIMIT ?" : " ORDER BY 6, 5, 1, 4 LIMIT ?");
    p[np++] = DB_I(limit);
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    if (st != WT_OK)
        return st;
    *nout = r.nrows;
    *out = arena_alloc(a, sizeof(smdb_candidate) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (smdb_candidate){.id = db_get(&r, i, 0), .lat = db_get_real(&r, i, 1), .lon = db_get_real(&r, i, 2),
                                     .has_point = true, .location_id = db_get(&r, i, 3), .name_folded = db_get(&r, i, 4),
                                     .near_d2 = db_get_real(&r, i, 5)};
    return WT_OK;
}

/*
 * A count of the services of what follows (distinct: of their points): "SELECT COUNT(*) FROM ...", or with
 * q->count_upto "SELECT COUNT(*) FROM (SELECT ... LIMIT count_upto + 1) AS t", closed by count_close, so that a
 * large count stops early.
 */
static void count_open(buf *b, const sm_query *q, bool distinct)
{
    if (q->count_upto > 0)
        buf_puts(b, distinct ? "SELECT COUNT(*) FROM (SELECT DISTINCT s.id" : "SELECT COUNT(*) FROM (SELECT 1");
    else
        buf_puts(b, distinct ? "SELECT COUNT(DISTINCT s.id)" : "SELECT COUNT(*)");
}

static void count_close(buf *b, const sm_query *q, db_param *p, int *np)
{
    if (q->count_upto <= 0)
        return;
    buf_puts(b, " LIMIT ?) AS t");
    p[(*np)++] = DB_I(q->count_upto + 1);
}

wt_status smdb_near_count(db *c, arena *a, const sm_query *q, const sm_bbox *box, const sm_near *n, long *total)
{
    buf b = BUF_INIT;
    db_param p[64];
    int np = 0;
    count_open(&b, q, true);
    near_where(&b, q, box, n, p, &np, a);
    count_close(&b, q, p, &np);
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    *total = st == WT_OK ? (long)db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status smdb_sal_list(db *c, arena *a, const smdb_search_req *s, hsds_row **out, int *n, long *total)
{
    const hsds_resource *r = hsds_resource_by_name("service_at_location");
    buf where = BUF_INIT;
    db_param p[48];
    int np = 0;
    buf_puts(&where, " FROM sm_service_at_location sal JOIN sm_service s ON s.id = sal.service_id"
                     " JOIN sm_location l ON l.id = sal.location_id WHERE 1 = 1");
    service_filters(&where, s->q, p, &np, a);
    for (int i = 0; i < s->n_words; i++) {
        buf_puts(&where, " AND EXISTS (SELECT 1 FROM sm_service_word w WHERE w.service_id = s.id AND w.word >= ?"
                         " AND w.word < ?)");
        p[np++] = DB_T(s->words[i]);
        p[np++] = DB_T(prefix_end(a, s->words[i]));
    }
    if (s->box) {
        buf_puts(&where, " AND l.latitude BETWEEN ? AND ? AND l.longitude BETWEEN ? AND ?");
        p[np++] = DB_R(s->box->min_lat);
        p[np++] = DB_R(s->box->max_lat);
        p[np++] = DB_R(s->box->min_lon);
        p[np++] = DB_R(s->box->max_lon);
    }
    db_result res;
    wt_status st = db_query(c, a, &res, arena_printf(a, "SELECT COUNT(*)%s", buf_str(&where)), p, (size_t)np);
    *total = st == WT_OK ? (long)db_get_int(&res, 0, 0) : 0;
    if (st == WT_OK) {
        p[np++] = DB_I(s->limit);
        p[np++] = DB_I(s->offset);
        st = db_query(c, a, &res,
                      arena_printf(a, "SELECT %s%s ORDER BY sal.id LIMIT ? OFFSET ?", columns(a, r, "sal"), buf_str(&where)),
                      p, (size_t)np);
    }
    buf_free(&where);
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_organizations(db *c, arena *a, const char *prefix, int limit, int offset, hsds_row **out, int *n)
{
    const hsds_resource *r = hsds_resource_by_name("organization");
    db_result res;
    wt_status st;
    if (prefix && *prefix)
        st = db_query(c, a, &res,
                      arena_printf(a, "SELECT %s FROM sm_organization WHERE name_folded >= ? AND name_folded < ?"
                                      " ORDER BY name_folded, id LIMIT ? OFFSET ?",
                                   columns(a, r, NULL)),
                      DB_ARGS(DB_T(prefix), DB_T(prefix_end(a, prefix)), DB_I(limit), DB_I(offset)));
    else
        st = db_query(c, a, &res,
                      arena_printf(a, "SELECT %s FROM sm_organization ORDER BY name_folded, id LIMIT ? OFFSET ?",
                                   columns(a, r, NULL)),
                      DB_ARGS(DB_I(limit), DB_I(offset)));
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_referral_counts(db *c, arena *a, const char *service_id, long *received, long *accepted)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN accepted_on IS NOT NULL THEN 1 ELSE 0 END), 0)"
                            " FROM referral WHERE service_id = ? AND kind = 'referral'",
                            DB_ARGS(DB_T(service_id)));
    *received = st == WT_OK ? (long)db_get_int(&r, 0, 0) : 0;
    *accepted = st == WT_OK ? (long)db_get_int(&r, 0, 1) : 0;
    return st;
}

wt_status smdb_to_check(db *c, arena *a, const char *before, int limit, int offset, sm_service **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " SERVICE_COLS SERVICE_FROM " WHERE (s.assured_date IS NULL OR s.assured_date < ?)"
                            " AND s.status <> 'defunct' ORDER BY s.assured_date, s.id LIMIT ? OFFSET ?",
                            DB_ARGS(DB_T(before), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(sm_service) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_service(&r, i, &(*out)[i]);
    return WT_OK;
}

wt_status smdb_count(db *c, arena *a, const char *table, const char *where_published, long *n)
{
    db_result r;
    const char *sql = arena_printf(a, "SELECT COUNT(*) FROM %s%s", table, where_published ? where_published : "");
    wt_status st = db_query(c, a, &r, sql, DB_NOARGS);
    *n = st == WT_OK ? (long)db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status smdb_linked_terms(db *c, arena *a, const char *link_id, hsds_row **out, int *n)
{
    const hsds_resource *r = hsds_resource_by_name("taxonomy_term");
    db_result res;
    wt_status st = db_query(c, a, &res,
                            arena_printf(a, "SELECT %s FROM sm_attribute at JOIN sm_taxonomy_term t"
                                            " ON t.id = at.taxonomy_term_id WHERE at.link_id = ? ORDER BY t.name LIMIT 200",
                                         columns(a, r, "t")),
                            DB_ARGS(DB_T(link_id)));
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_terms(db *c, arena *a, const char *taxonomy_id, int limit, hsds_row **out, int *n)
{
    const hsds_resource *r = hsds_resource_by_name("taxonomy_term");
    db_result res;
    wt_status st = db_query(c, a, &res,
                            arena_printf(a, "SELECT %s FROM sm_taxonomy_term WHERE taxonomy_id = ? ORDER BY name, id LIMIT ?",
                                         columns(a, r, NULL)),
                            DB_ARGS(DB_T(taxonomy_id), DB_I(limit)));
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_taxonomies(db *c, arena *a, int limit, hsds_row **out, int *n)
{
    const hsds_resource *r = hsds_resource_by_name("taxonomy");
    db_result res;
    wt_status st = db_query(c, a, &res,
                            arena_printf(a, "SELECT %s FROM sm_taxonomy ORDER BY name, id LIMIT ?", columns(a, r, NULL)),
                            DB_ARGS(DB_I(limit)));
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_list(db *c, arena *a, const hsds_resource *r, const sm_list_query *lq, const char *search_folded,
                    hsds_row **out, int *n, long *total)
{
    if (lq->field && !known_field(r, lq->field))
        return WT_INVALID;
    bool org = strcmp(r->name, "organization") == 0;
    buf where = BUF_INIT;
    db_param p[8];
    int np = 0;
    buf_puts(&where, " WHERE 1 = 1");
    if (lq->field) {
        buf_printf(&where, " AND \"%s\" = ?", lq->field);
        p[np++] = DB_T(lq->value);
    }
    if (lq->top_only && known_field(r, "parent_id"))
        buf_puts(&where, " AND parent_id IS NULL");
    if (search_folded && org) { /* a range on the name index */
        buf_puts(&where, " AND name_folded >= ? AND name_folded < ?");
        p[np++] = DB_T(search_folded);
        p[np++] = DB_T(prefix_end(a, search_folded));
    } else if (search_folded) { /* taxonomies and terms: small tables */
        buf_puts(&where, " AND LOWER(name) LIKE ?");
        p[np++] = DB_T(arena_printf(a, "%%%s%%", search_folded));
    }
    db_result res;
    wt_status st = db_query(c, a, &res, arena_printf(a, "SELECT COUNT(*) FROM %s%s", r->table, buf_str(&where)), p,
                            (size_t)np);
    *total = st == WT_OK ? (long)db_get_int(&res, 0, 0) : 0;
    if (st == WT_OK) {
        p[np++] = DB_I(lq->limit);
        p[np++] = DB_I(lq->offset);
        st = db_query(c, a, &res,
                      arena_printf(a, "SELECT %s FROM %s%s ORDER BY %s, id LIMIT ? OFFSET ?", columns(a, r, NULL), r->table,
                                   buf_str(&where), org ? "name_folded" : "name"),
                      p, (size_t)np);
    }
    buf_free(&where);
    return st == WT_OK ? fill_rows(a, &res, r, out, n) : st;
}

wt_status smdb_count_services(db *c, arena *a, const sm_query *q, long *n)
{
    buf b = BUF_INIT;
    db_param p[32];
    int np = 0;
    count_open(&b, q, false);
    buf_puts(&b, " FROM sm_service s WHERE 1 = 1");
    service_filters(&b, q, p, &np, a);
    count_close(&b, q, p, &np);
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
    buf_free(&b);
    *n = st == WT_OK ? (long)db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status smdb_postcode_point(db *c, arena *a, const char *pc, double *lat, double *lon, bool *found)
{
    db_result r;
    wt_status st;
    const char *sql = "SELECT AVG(l.latitude), AVG(l.longitude), COUNT(*) FROM sm_address ad"
                      " JOIN sm_location l ON l.id = ad.location_id WHERE %s AND l.latitude IS NOT NULL"
                      " AND l.longitude IS NOT NULL";
    if (strlen(pc) == 4) /* the 4-digit area: a range on the postcode index */
        st = db_query(c, a, &r, arena_printf(a, sql, "ad.postal_code >= ? AND ad.postal_code < ?"),
                      DB_ARGS(DB_T(arena_printf(a, "%s ", pc)), DB_T(arena_printf(a, "%s!", pc))));
    else
        st = db_query(c, a, &r, arena_printf(a, sql, "ad.postal_code = ?"), DB_ARGS(DB_T(pc)));
    *found = st == WT_OK && r.nrows == 1 && db_get_int(&r, 0, 2) > 0;
    if (*found) {
        *lat = db_get_real(&r, 0, 0);
        *lon = db_get_real(&r, 0, 1);
    }
    return st;
}

/*
 * What the check list shows of each kind of entry: id, name, last_checked, and the organisation and service whose
 * page shows the entry. Oldest first (a date before the given one, or none).
 */
static const struct {
    const char *resource, *sql;
} stale_sql[] = {
    {"organization", "SELECT id, name, last_checked, id, NULL FROM sm_organization"
                     " WHERE last_checked IS NULL OR last_checked < ? ORDER BY last_checked, name, id LIMIT ?"},
    {"location", "SELECT id, COALESCE(name, id), last_checked, organization_id, NULL FROM sm_location"
                 " WHERE last_checked IS NULL OR last_checked < ? ORDER BY last_checked, name, id LIMIT ?"},
    {"contact", "SELECT c.id, COALESCE(c.name, c.title, c.department, c.email, c.id), c.last_checked,"
                " COALESCE(c.organization_id, s.organization_id, l.organization_id), c.service_id FROM sm_contact c"
                " LEFT JOIN sm_service s ON s.id = c.service_id LEFT JOIN sm_location l ON l.id = c.location_id"
                " WHERE c.last_checked IS NULL OR c.last_checked < ? ORDER BY c.last_checked, c.name, c.id LIMIT ?"},
    {"schedule", "SELECT sc.id, COALESCE(s.name, l.name, ss.name, sc.id), sc.last_checked,"
                 " COALESCE(s.organization_id, l.organization_id, ss.organization_id), COALESCE(sc.service_id, ss.id)"
                 " FROM sm_schedule sc LEFT JOIN sm_service s ON s.id = sc.service_id"
                 " LEFT JOIN sm_location l ON l.id = sc.location_id"
                 " LEFT JOIN sm_service_at_location sal ON sal.id = sc.service_at_location_id"
                 " LEFT JOIN sm_service ss ON ss.id = sal.service_id"
                 " WHERE sc.last_checked IS NULL OR sc.last_checked < ? ORDER BY sc.last_checked, sc.id LIMIT ?"},
    {"taxonomy_term", "SELECT id, name, last_checked, NULL, NULL FROM sm_taxonomy_term"
                      " WHERE last_checked IS NULL OR last_checked < ? ORDER BY last_checked, name, id LIMIT ?"},
};

wt_status smdb_stale(db *c, arena *a, const char *resource, const char *before, int limit, sm_stale **out, int *n)
{
    const char *sql = NULL;
    for (size_t i = 0; i < sizeof stale_sql / sizeof stale_sql[0]; i++)
        if (strcmp(stale_sql[i].resource, resource) == 0)
            sql = stale_sql[i].sql;
    if (!sql)
        return WT_INVALID;
    db_result r;
    wt_status st = db_query(c, a, &r, sql, DB_ARGS(DB_T(before), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(sm_stale) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (sm_stale){db_get(&r, i, 0), db_get(&r, i, 1), db_get(&r, i, 2), db_get(&r, i, 3),
                               db_get(&r, i, 4)};
    return WT_OK;
}

wt_status smdb_mark_checked(db *c, const char *table, const char *id, const char *day, const char *now)
{
    const checked_table *t = checked_table_of(table);
    if (!t)
        return WT_INVALID;
    if (t->stamped)
        return db_exec(c, t->mark, DB_ARGS(DB_T(day), DB_T(now), DB_T(id)));
    return db_exec(c, t->mark, DB_ARGS(DB_T(day), DB_T(id)));
}

wt_status smdb_checked_dates(db *c, arena *a, const char *table, const char *const *ids, int n, const char **dates)
{
    const checked_table *t = checked_table_of(table);
    if (!t)
        return WT_INVALID;
    for (int i = 0; i < n; i++)
        dates[i] = NULL;
    wt_status st = WT_OK;
    for (int from = 0; st == WT_OK && from < n; from += SMDB_IDS_MAX) {
        int k = n - from < SMDB_IDS_MAX ? n - from : SMDB_IDS_MAX;
        buf b = BUF_INIT;
        db_param p[SMDB_IDS_MAX];
        int np = 0;
        buf_puts(&b, t->ids);
        in_list(&b, ids + from, k, p, &np);
        db_result r;
        st = db_query(c, a, &r, buf_str(&b), p, (size_t)np);
        buf_free(&b);
        for (int row = 0; st == WT_OK && row < r.nrows; row++)
            for (int i = from; i < from + k; i++)
                if (strcmp(ids[i], db_get(&r, row, 0)) == 0)
                    dates[i] = db_get(&r, row, 1);
    }
    return st;
}
