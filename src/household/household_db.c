/* household_db.c - SQL of addresses, households and persons (see household_db.h). */
#include "household_db.h"
#include "../core/buf.h"

#include <string.h>

#define ADDRESS_COLS                                                                                                   \
    "a.id, a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.town, a.neighbourhood_code, a.lat,"    \
    " a.lon"

#define PERSON_COLS                                                                                                    \
    "p.id, p.household_id, p.given_name, p.family_name, p.birth_date, p.bsn, p.phone, p.email, p.is_volunteer,"       \
    " p.is_informal_carer, p.is_new_resident"

static void fill_address(const db_result *r, int i, int col, address *out)
{
    memset(out, 0, sizeof(*out));
    if (db_is_null(r, i, col))
        return;
    out->id = db_get_int(r, i, col);
    out->postcode = db_get(r, i, col + 1);
    out->house_number = (int)db_get_int(r, i, col + 2);
    out->house_letter = db_get(r, i, col + 3) ? db_get(r, i, col + 3) : "";
    out->addition = db_get(r, i, col + 4) ? db_get(r, i, col + 4) : "";
    out->street = db_get(r, i, col + 5);
    out->town = db_get(r, i, col + 6);
    out->neighbourhood_code = db_get(r, i, col + 7);
    out->has_coords = !db_is_null(r, i, col + 8) && !db_is_null(r, i, col + 9);
    out->lat = db_get_real(r, i, col + 8);
    out->lon = db_get_real(r, i, col + 9);
}

static void fill_person(const db_result *r, int i, person *p)
{
    p->id = db_get_int(r, i, 0);
    p->household_id = db_get_int(r, i, 1);
    p->given_name = db_get(r, i, 2);
    p->family_name = db_get(r, i, 3);
    p->birth_date = db_get(r, i, 4);
    p->bsn = db_get(r, i, 5);
    p->phone = db_get(r, i, 6);
    p->email = db_get(r, i, 7);
    p->is_volunteer = db_get_int(r, i, 8) != 0;
    p->is_informal_carer = db_get_int(r, i, 9) != 0;
    p->is_new_resident = db_get_int(r, i, 10) != 0;
}

wt_status address_db_find(db *c, arena *a, const address_row *r, int64_t *id)
{
    db_result res;
    *id = 0;
    wt_status st = db_query(c, a, &res,
                            "SELECT id FROM address WHERE postcode = ? AND house_number = ? AND house_letter = ?"
                            " AND addition = ?",
                            DB_ARGS(DB_T(r->postcode), DB_I(r->house_number), DB_T(r->house_letter),
                                    DB_T(r->addition)));
    if (st == WT_OK && res.nrows > 0)
        *id = db_get_int(&res, 0, 0);
    return st;
}

wt_status address_db_insert(db *c, arena *a, const address_row *r, int64_t *id)
{
    /* A new address lies in the neighbourhood of the other addresses with its postcode. */
    db_result res;
    const char *nb = NULL;
    wt_status st = db_query(c, a, &res,
                            "SELECT neighbourhood_code FROM address WHERE postcode = ? AND neighbourhood_code IS NOT NULL"
                            " LIMIT 1",
                            DB_ARGS(DB_T(r->postcode)));
    if (st != WT_OK)
        return st;
    if (res.nrows > 0)
        nb = db_get(&res, 0, 0);
    return db_insert(c, id,
                     "INSERT INTO address (postcode, house_number, house_letter, addition, street, town,"
                     " neighbourhood_code) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_T(r->postcode), DB_I(r->house_number), DB_T(r->house_letter), DB_T(r->addition),
                             DB_T(r->street), DB_T(r->town), DB_T(nb)));
}

wt_status household_db_insert(db *c, int64_t team_id, int64_t address_id, const char *name, const char *now,
                              int64_t created_by, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO household (team_id, address_id, name, created_at, created_by)"
                     " VALUES (?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(team_id), DB_ID_OR_NULL(address_id), DB_T(name), DB_T(now),
                             DB_ID_OR_NULL(created_by)));
}

wt_status household_db_get(db *c, arena *a, int64_t id, household *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT h.id, h.team_id, h.name, h.created_at, " ADDRESS_COLS
                            " FROM household h LEFT JOIN address a ON a.id = h.address_id WHERE h.id = ?",
                            DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    memset(out, 0, sizeof(*out));
    out->id = db_get_int(&r, 0, 0);
    out->team_id = db_get_int(&r, 0, 1);
    out->name = db_get(&r, 0, 2);
    out->created_at = db_get(&r, 0, 3);
    fill_address(&r, 0, 4, &out->addr);
    return WT_OK;
}

wt_status household_db_team(db *c, arena *a, int64_t id, int64_t *team_id)
{
    db_result r;
    *team_id = 0;
    wt_status st = db_query(c, a, &r, "SELECT team_id FROM household WHERE id = ?", DB_ARGS(DB_I(id)));
    if (st == WT_OK && r.nrows > 0)
        *team_id = db_get_int(&r, 0, 0);
    return st;
}

wt_status household_db_members(db *c, arena *a, int64_t household_id, person **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    /* The eldest first; a household has a handful of members, the limit guards the page. */
    wt_status st = db_query(c, a, &r,
                            "SELECT " PERSON_COLS " FROM person p WHERE p.household_id = ?"
                            " ORDER BY CASE WHEN p.birth_date IS NULL THEN 1 ELSE 0 END, p.birth_date, p.id LIMIT 200",
                            DB_ARGS(DB_I(household_id)));
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(person) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_person(&r, i, &(*out)[i]);
    *n = r.nrows;
    return WT_OK;
}

wt_status household_db_open_case(db *c, arena *a, int64_t household_id, household_case *out)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    wt_status st = db_query(c, a, &r,
                            "SELECT c.id, c.coordinator_id, u.display_name, c.opened_on FROM cases c"
                            " JOIN app_user u ON u.id = c.coordinator_id WHERE c.household_id = ? AND c.status = 'open'",
                            DB_ARGS(DB_I(household_id)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    out->case_id = db_get_int(&r, 0, 0);
    out->coordinator_id = db_get_int(&r, 0, 1);
    out->coordinator_name = db_get(&r, 0, 2);
    out->opened_on = db_get(&r, 0, 3);
    return WT_OK;
}

/* Dutch family-name prefixes (tussenvoegsels): "vries" also finds "de vries". */
static const char *const name_prefixes[] = {
    "de ", "den ", "der ", "het ", "'t ", "te ", "ten ", "ter ", "van ", "van de ", "van den ", "van der ",
    "van het ", "van 't ", "in 't ", "op de ", "el ", "al ", NULL,
};

/* Smallest string greater than every string that starts with prefix (byte order). */
static char *prefix_upper(arena *a, const char *prefix)
{
    size_t n = strlen(prefix);
    char *u = arena_strdup(a, prefix);
    while (n > 0 && (unsigned char)u[n - 1] == 0xFF)
        u[--n] = '\0';
    if (n > 0)
        u[n - 1] = (char)((unsigned char)u[n - 1] + 1);
    return u;
}

typedef struct sql_builder {
    arena *a;
    buf sql;
    db_param *params;
    size_t n, cap;
} sql_builder;

static void add_param(sql_builder *b, db_param p)
{
    if (b->n == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 32;
        db_param *np = arena_alloc(b->a, sizeof(db_param) * ncap);
        if (b->n)
            memcpy(np, b->params, sizeof(db_param) * b->n);
        b->params = np;
        b->cap = ncap;
    }
    b->params[b->n++] = p;
}

/*
 * "(p.team_id = ? AND col >= ? AND col < ?)": a prefix as a range of the
 * team's part of an index (person_team_name, person_team_family: migration
 * 0019), so that a common name reads the team's matches, not the city's.
 */
static void add_range(sql_builder *b, int64_t team_id, const char *col, const char *prefix, bool *first)
{
    buf_printf(&b->sql, "%s(p.team_id = ? AND %s >= ? AND %s < ?)", *first ? "" : " OR ", col, col);
    add_param(b, DB_I(team_id));
    add_param(b, DB_T(prefix));
    add_param(b, DB_T(prefix_upper(b->a, prefix)));
    *first = false;
}

/* Whether a word is itself a prefix ("van", "de", "el"): "de" needs no "van de de". */
static bool is_name_prefix(const char *word)
{
    size_t n = strlen(word);
    for (const char *const *pre = name_prefixes; *pre; pre++)
        if (strlen(*pre) == n + 1 && strncmp(*pre, word, n) == 0)
            return true;
    return false;
}

static void add_name_conditions(sql_builder *b, const household_search_sql *s)
{
    bool first = true;
    buf_puts(&b->sql, " AND (");
    add_range(b, s->team_id, "p.name_folded", s->name_prefix, &first);
    add_range(b, s->team_id, "p.family_folded", s->name_prefix, &first);
    for (int i = 0; i < s->n_words; i++) {
        add_range(b, s->team_id, "p.family_folded", s->words[i], &first);
        for (const char *const *pre = name_prefixes; *pre && !is_name_prefix(s->words[i]); pre++)
            add_range(b, s->team_id, "p.family_folded", arena_printf(b->a, "%s%s", *pre, s->words[i]), &first);
    }
    buf_puts(&b->sql, ")");
    /* Every word must occur somewhere in the name. */
    for (int i = 0; i < s->n_words; i++) {
        buf_puts(&b->sql, " AND (p.name_folded LIKE ? OR p.family_folded LIKE ?)");
        const char *pat = arena_printf(b->a, "%%%s%%", s->words[i]);
        add_param(b, DB_T(pat));
        add_param(b, DB_T(pat));
    }
}

wt_status household_db_search(db *c, arena *a, const household_search_sql *s, int64_t **ids, int *n)
{
    sql_builder b = {.a = a};
    buf_init(&b.sql);
    bool by_person = s->n_words > 0 || s->birth_date;
    buf_puts(&b.sql, "SELECT DISTINCT h.id, h.name FROM household h");
    if (by_person)
        buf_puts(&b.sql, " JOIN person p ON p.household_id = h.id");
    if (s->postcode)
        buf_puts(&b.sql, " JOIN address a ON a.id = h.address_id");
    /* By person: the team's range of the person indexes (person.team_id is the household's team, migration 0019);
       otherwise the team filter is applied to the households the address found ("+": not by its index).
       Not "h.id IN (the persons' households)": PostgreSQL then reads the city's persons of a family name
       (person_family), growing with the city, where this join reads the team's households at most. */
    buf_puts(&b.sql, by_person ? " WHERE +h.team_id = ? AND p.team_id = h.team_id" : " WHERE +h.team_id = ?");
    add_param(&b, DB_I(s->team_id));
    if (s->n_words > 0)
        add_name_conditions(&b, s);
    if (s->birth_date) {
        buf_puts(&b.sql, " AND p.team_id = ? AND p.birth_date = ?");
        add_param(&b, DB_I(s->team_id));
        add_param(&b, DB_T(s->birth_date));
    }
    if (s->postcode) {
        buf_puts(&b.sql, " AND a.postcode = ?");
        add_param(&b, DB_T(s->postcode));
        if (s->house_number > 0) {
            buf_puts(&b.sql, " AND a.house_number = ?");
            add_param(&b, DB_I(s->house_number));
        }
    }
    buf_puts(&b.sql, " ORDER BY h.name, h.id LIMIT ? OFFSET ?");
    add_param(&b, DB_I(s->limit));
    add_param(&b, DB_I(s->offset));
    db_result r;
    wt_status st = db_query(c, a, &r, buf_str(&b.sql), b.params, b.n);
    buf_free(&b.sql);
    *ids = NULL;
    *n = 0;
    if (st != WT_OK)
        return st;
    *ids = arena_alloc(a, sizeof(int64_t) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*ids)[i] = db_get_int(&r, i, 0);
    *n = r.nrows;
    return WT_OK;
}

wt_status person_db_insert(db *c, int64_t household_id, const person_row *p, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO person (household_id, given_name, family_name, name_folded, family_folded, birth_date,"
                     " bsn, phone, email, is_volunteer, is_informal_carer, is_new_resident, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(household_id), DB_T(p->given_name), DB_T(p->family_name), DB_T(p->name_folded),
                             DB_T(p->family_folded), DB_T(p->birth_date), DB_T(p->bsn), DB_T(p->phone),
                             DB_T(p->email), DB_I(p->is_volunteer), DB_I(p->is_informal_carer),
                             DB_I(p->is_new_resident), DB_T(now)));
}

wt_status person_db_update(db *c, int64_t id, const person_row *p)
{
    return db_exec(c,
                   "UPDATE person SET given_name = ?, family_name = ?, name_folded = ?, family_folded = ?,"
                   " birth_date = ?, bsn = ?, phone = ?, email = ?, is_volunteer = ?, is_informal_carer = ?,"
                   " is_new_resident = ? WHERE id = ?",
                   DB_ARGS(DB_T(p->given_name), DB_T(p->family_name), DB_T(p->name_folded), DB_T(p->family_folded),
                           DB_T(p->birth_date), DB_T(p->bsn), DB_T(p->phone), DB_T(p->email),
                           DB_I(p->is_volunteer), DB_I(p->is_informal_carer), DB_I(p->is_new_resident), DB_I(id)));
}

wt_status person_db_get(db *c, arena *a, int64_t id, person *out, int64_t *team_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " PERSON_COLS ", h.team_id FROM person p JOIN household h ON h.id = p.household_id"
                            " WHERE p.id = ?",
                            DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    memset(out, 0, sizeof(*out));
    fill_person(&r, 0, out);
    *team_id = db_get_int(&r, 0, 11);
    return WT_OK;
}

wt_status person_db_bsn_owner(db *c, arena *a, const char *bsn, int64_t *id)
{
    db_result r;
    *id = 0;
    wt_status st = db_query(c, a, &r, "SELECT id FROM person WHERE bsn = ?", DB_ARGS(DB_T(bsn)));
    if (st == WT_OK && r.nrows > 0)
        *id = db_get_int(&r, 0, 0);
    return st;
}
