/*
 * network_db.c - SQL of the neighbourhood network (see network_db.h).
 *
 * Every query reads a bounded index range: relation_a / relation_b for a
 * person's relations, relation_team for a team's subgraph, offer_team_skill
 * for a skill's offers within a team, need_household, network_match_* for
 * matches. Lists of ids are bound as parameters in chunks.
 */
#include "network_db.h"
#include "../core/buf.h"

#include <string.h>

#define CHUNK 400 /* ids per IN (...) list */

#define PERSON_NAME(p) "(" p ".given_name || ' ' || " p ".family_name)"

/* "?, ?, ?" for n parameters, and the parameters themselves appended to p. */
static void in_list(buf *sql, db_param *p, int *np, const int64_t *ids, int n)
{
    for (int i = 0; i < n; i++) {
        buf_puts(sql, i ? ", ?" : "?");
        p[(*np)++] = DB_I(ids[i]);
    }
}

wt_status network_db_person_home(db *c, arena *a, int64_t person_id, int64_t *team_id, int64_t *household_id,
                                 const char **name)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT h.team_id, p.household_id, " PERSON_NAME("p")
                            " FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = ?",
                            DB_ARGS(DB_I(person_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *team_id = db_get_int(&r, 0, 0);
    *household_id = db_get_int(&r, 0, 1);
    if (name)
        *name = db_get(&r, 0, 2);
    return WT_OK;
}

wt_status network_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id, const char **name)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT team_id, name FROM household WHERE id = ?", DB_ARGS(DB_I(household_id)));
    *team_id = 0;
    if (st == WT_OK && r.nrows) {
        *team_id = db_get_int(&r, 0, 0);
        if (name)
            *name = db_get(&r, 0, 1);
    }
    return st;
}

wt_status network_db_members(db *c, arena *a, int64_t household_id, int64_t **ids, const char ***names, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT p.id, " PERSON_NAME("p") " FROM person p WHERE p.household_id = ? ORDER BY p.id",
                            DB_ARGS(DB_I(household_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *ids = arena_alloc(a, sizeof(int64_t) * (size_t)(r.nrows + 1));
    *names = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        (*ids)[i] = db_get_int(&r, i, 0);
        (*names)[i] = db_get(&r, i, 1);
    }
    return WT_OK;
}

wt_status network_db_household_coords(db *c, arena *a, int64_t household_id, bool *has, double *lat, double *lon)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT ad.lat, ad.lon FROM household h JOIN address ad ON ad.id = h.address_id"
                            " WHERE h.id = ? AND ad.lat IS NOT NULL AND ad.lon IS NOT NULL",
                            DB_ARGS(DB_I(household_id)));
    *has = st == WT_OK && r.nrows > 0;
    if (*has) {
        *lat = db_get_real(&r, 0, 0);
        *lon = db_get_real(&r, 0, 1);
    }
    return st;
}

/* ---- relations ------------------------------------------------------------------------------------------------- */

#define REL_COLS                                                                                                       \
    "r.id, r.team_id, r.person_a, r.person_b, " PERSON_NAME("pa") ", " PERSON_NAME("pb") ", pa.household_id,"         \
    " pb.household_id, r.kind, r.strength, r.since, r.source, r.legal_ground, r.ground_note, r.note,"                 \
    " COALESCE(u.display_name, ''), r.recorded_at, r.ended_on"
#define REL_FROM                                                                                                       \
    " FROM relation r JOIN person pa ON pa.id = r.person_a JOIN person pb ON pb.id = r.person_b"                       \
    " LEFT JOIN app_user u ON u.id = r.recorded_by"

static void fill_relation(const db_result *r, int i, net_relation *o)
{
    o->id = db_get_int(r, i, 0);
    o->team_id = db_get_int(r, i, 1);
    o->person_a = db_get_int(r, i, 2);
    o->person_b = db_get_int(r, i, 3);
    o->name_a = db_get(r, i, 4);
    o->name_b = db_get(r, i, 5);
    o->household_a = db_get_int(r, i, 6);
    o->household_b = db_get_int(r, i, 7);
    o->kind = db_get(r, i, 8);
    o->strength = (int)db_get_int(r, i, 9);
    o->since = db_get(r, i, 10);
    o->source = db_get(r, i, 11);
    o->legal_ground = db_get(r, i, 12);
    o->ground_note = db_get(r, i, 13);
    o->note = db_get(r, i, 14);
    o->recorded_by_name = db_get(r, i, 15);
    o->recorded_at = db_get(r, i, 16);
    o->ended_on = db_get(r, i, 17);
}

wt_status network_db_relation_insert(db *c, int64_t team_id, int64_t a, int64_t b, const relation_input *in,
                                     const char *now, int64_t user_id, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO relation (team_id, person_a, person_b, kind, strength, since, source, legal_ground,"
                     " ground_note, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     " RETURNING id",
                     DB_ARGS(DB_I(team_id), DB_I(a), DB_I(b), DB_T(in->kind), DB_I(in->strength), DB_T(in->since),
                             DB_T(in->source), DB_T(in->legal_ground), DB_T(in->ground_note), DB_T(in->note),
                             DB_ID_OR_NULL(user_id), DB_T(now)));
}

wt_status network_db_relation_current(db *c, arena *a, int64_t pa, int64_t pb, const char *kind, bool *exists)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT 1 FROM relation WHERE person_a = ? AND person_b = ? AND kind = ? AND ended_on IS NULL",
                            DB_ARGS(DB_I(pa), DB_I(pb), DB_T(kind)));
    *exists = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status network_db_relation_get(db *c, arena *a, int64_t id, net_relation *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " REL_COLS REL_FROM " WHERE r.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_relation(&r, 0, out);
    return WT_OK;
}

wt_status network_db_relations_of(db *c, arena *a, const int64_t *ids, int n_ids, bool include_ended, int limit,
                                  net_relation **out, int *n)
{
    *n = 0;
    *out = arena_alloc(a, sizeof(net_relation) * (size_t)(limit + 1));
    for (int off = 0; off < n_ids && *n < limit; off += CHUNK) {
        int k = n_ids - off < CHUNK ? n_ids - off : CHUNK;
        buf sql = BUF_INIT;
        db_param *p = arena_alloc(a, sizeof(db_param) * (size_t)(2 * k + 1));
        int np = 0;
        const char *cur = include_ended ? "" : " AND r.ended_on IS NULL";
        buf_printf(&sql, "SELECT " REL_COLS REL_FROM " WHERE r.id IN (SELECT id FROM relation WHERE person_a IN (");
        in_list(&sql, p, &np, ids + off, k);
        buf_puts(&sql, ") UNION SELECT id FROM relation WHERE person_b IN (");
        in_list(&sql, p, &np, ids + off, k);
        buf_printf(&sql, "))%s ORDER BY CASE WHEN r.ended_on IS NULL THEN 0 ELSE 1 END, r.recorded_at DESC, r.id DESC"
                         " LIMIT ?", cur);
        p[np++] = DB_I(limit - *n);
        db_result r;
        wt_status st = db_query(c, a, &r, buf_str(&sql), p, (size_t)np);
        buf_free(&sql);
        if (st != WT_OK)
            return st;
        for (int i = 0; i < r.nrows && *n < limit; i++) {
            int64_t rid = db_get_int(&r, i, 0);
            bool dup = false;
            for (int j = 0; j < *n && !dup; j++)
                dup = (*out)[j].id == rid;
            if (!dup)
                fill_relation(&r, i, &(*out)[(*n)++]);
        }
    }
    return WT_OK;
}

wt_status network_db_relation_end(db *c, int64_t id, const char *ended_on, int64_t user_id)
{
    return db_exec(c, "UPDATE relation SET ended_on = ?, ended_by = ? WHERE id = ? AND ended_on IS NULL",
                   DB_ARGS(DB_T(ended_on), DB_ID_OR_NULL(user_id), DB_I(id)));
}

wt_status network_db_relation_delete(db *c, int64_t id)
{
    return db_exec(c, "DELETE FROM relation WHERE id = ?", DB_ARGS(DB_I(id)));
}

/* Edges of a chunk of persons, one side at a time (each side has its own index). */
static wt_status links_side(db *c, arena *a, int64_t team_id, const char *side, const char *kind_cond,
                            const int64_t *ids, int k, db_result *r)
{
    buf sql = BUF_INIT;
    db_param *p = arena_alloc(a, sizeof(db_param) * (size_t)(k + 2));
    int np = 0;
    buf_printf(&sql, "SELECT person_a, person_b, kind FROM relation WHERE %s IN (", side);
    in_list(&sql, p, &np, ids, k);
    buf_printf(&sql, ") AND ended_on IS NULL AND team_id = ? AND %s", kind_cond);
    p[np++] = DB_I(team_id);
    wt_status st = db_query(c, a, r, buf_str(&sql), p, (size_t)np);
    buf_free(&sql);
    return st;
}

static wt_status edges_of(db *c, arena *a, int64_t team_id, const int64_t *ids, int n_ids, const char *kind_cond,
                          net_edge **out, int *n)
{
    int cap = 64;
    *n = 0;
    *out = arena_alloc(a, sizeof(net_edge) * (size_t)cap);
    for (int off = 0; off < n_ids; off += CHUNK) {
        int k = n_ids - off < CHUNK ? n_ids - off : CHUNK;
        for (int side = 0; side < 2; side++) {
            db_result r;
            wt_status st = links_side(c, a, team_id, side ? "person_b" : "person_a", kind_cond, ids + off, k, &r);
            if (st != WT_OK)
                return st;
            if (*n + r.nrows > cap) {
                int ncap = (*n + r.nrows) * 2;
                net_edge *grown = arena_alloc(a, sizeof(net_edge) * (size_t)ncap);
                memcpy(grown, *out, sizeof(net_edge) * (size_t)*n);
                *out = grown;
                cap = ncap;
            }
            for (int i = 0; i < r.nrows; i++)
                (*out)[(*n)++] = (net_edge){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get(&r, i, 2)};
        }
    }
    return WT_OK;
}

wt_status network_db_links(db *c, arena *a, int64_t team_id, const int64_t *ids, int n_ids, net_edge **out, int *n)
{
    return edges_of(c, a, team_id, ids, n_ids, "kind <> 'conflict'", out, n);
}

wt_status network_db_conflicts(db *c, arena *a, int64_t team_id, const int64_t *ids, int n_ids, int64_t **out, int *n)
{
    net_edge *e;
    int ne = 0;
    wt_status st = edges_of(c, a, team_id, ids, n_ids, "kind = 'conflict'", &e, &ne);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(a, sizeof(int64_t) * (size_t)(2 * ne + 1));
    *n = 0;
    for (int i = 0; i < ne; i++) {
        (*out)[(*n)++] = e[i].a;
        (*out)[(*n)++] = e[i].b;
    }
    return WT_OK;
}

/* ---- candidates ------------------------------------------------------------------------------------------------ */

#define OFFER_ROW_COLS                                                                                                 \
    "o.person_id, p.household_id, " PERSON_NAME("p") ", o.id, COALESCE(o.hours_per_week, -1), ad.lat, ad.lon,"         \
    " COALESCE(hl.capacity, -1), COALESCE(hl.carries_much, 0), COALESCE(hl.active_matches, 0), p.is_new_resident,"     \
    " (SELECT COUNT(*) FROM relation rc WHERE rc.person_a = o.person_id AND rc.ended_on IS NULL"                      \
    "  AND rc.kind IN ('informal_carer_of', 'volunteer_for'))"
#define OFFER_ROW_FROM                                                                                                 \
    " FROM offer o JOIN person p ON p.id = o.person_id JOIN household h ON h.id = p.household_id"                     \
    " LEFT JOIN address ad ON ad.id = h.address_id LEFT JOIN helper_load hl ON hl.person_id = o.person_id"

static void fill_offer_rows(const db_result *r, net_offer_row *o)
{
    for (int i = 0; i < r->nrows; i++) {
        net_offer_row *x = &o[i];
        x->person_id = db_get_int(r, i, 0);
        x->household_id = db_get_int(r, i, 1);
        x->name = db_get(r, i, 2);
        x->offer_id = db_get_int(r, i, 3);
        x->hours = (int)db_get_int(r, i, 4);
        x->has_coords = !db_is_null(r, i, 5) && !db_is_null(r, i, 6);
        x->lat = db_get_real(r, i, 5);
        x->lon = db_get_real(r, i, 6);
        int cap = (int)db_get_int(r, i, 7);
        x->capacity = cap < 0 ? NETWORK_DEFAULT_CAPACITY : cap;
        x->carries_much = db_get_int(r, i, 8) != 0;
        x->active_matches = (int)db_get_int(r, i, 9);
        x->is_new = db_get_int(r, i, 10) != 0;
        x->cares_for = (int)db_get_int(r, i, 11);
    }
}

wt_status network_db_offers_near(db *c, arena *a, int64_t team_id, const char *skill, const double *box, int limit,
                                 net_offer_row **out, int *n)
{
    db_result r;
    wt_status st;
    if (box)
        st = db_query(c, a, &r,
                      "SELECT " OFFER_ROW_COLS OFFER_ROW_FROM
                      " WHERE o.team_id = ? AND o.skill = ? AND o.active = 1"
                      " AND ad.lat BETWEEN ? AND ? AND ad.lon BETWEEN ? AND ? ORDER BY o.id LIMIT ?",
                      DB_ARGS(DB_I(team_id), DB_T(skill), DB_R(box[0]), DB_R(box[1]), DB_R(box[2]), DB_R(box[3]),
                              DB_I(limit)));
    else
        st = db_query(c, a, &r,
                      "SELECT " OFFER_ROW_COLS OFFER_ROW_FROM
                      " WHERE o.team_id = ? AND o.skill = ? AND o.active = 1 ORDER BY o.id LIMIT ?",
                      DB_ARGS(DB_I(team_id), DB_T(skill), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_offer_row) * (size_t)(r.nrows + 1));
    fill_offer_rows(&r, *out);
    return WT_OK;
}

wt_status network_db_offers_of_persons(db *c, arena *a, int64_t team_id, const char *skill, const int64_t *ids,
                                       int n_ids, net_offer_row **out, int *n)
{
    *n = 0;
    *out = arena_alloc(a, sizeof(net_offer_row) * (size_t)(n_ids + 1));
    for (int off = 0; off < n_ids; off += CHUNK) {
        int k = n_ids - off < CHUNK ? n_ids - off : CHUNK;
        buf sql = BUF_INIT;
        db_param *p = arena_alloc(a, sizeof(db_param) * (size_t)(k + 2));
        int np = 0;
        p[np++] = DB_I(team_id);
        p[np++] = DB_T(skill);
        buf_puts(&sql, "SELECT " OFFER_ROW_COLS OFFER_ROW_FROM
                       " WHERE o.team_id = ? AND o.skill = ? AND o.active = 1 AND o.person_id IN (");
        in_list(&sql, p, &np, ids + off, k);
        buf_puts(&sql, ") ORDER BY o.id");
        db_result r;
        wt_status st = db_query(c, a, &r, buf_str(&sql), p, (size_t)np);
        buf_free(&sql);
        if (st != WT_OK)
            return st;
        /* One offer per person per skill is enough for matching. */
        net_offer_row *rows = arena_alloc(a, sizeof(net_offer_row) * (size_t)(r.nrows + 1));
        fill_offer_rows(&r, rows);
        for (int i = 0; i < r.nrows; i++) {
            bool dup = false;
            for (int j = 0; j < *n && !dup; j++)
                dup = (*out)[j].person_id == rows[i].person_id;
            if (!dup && *n < n_ids)
                (*out)[(*n)++] = rows[i];
        }
    }
    return WT_OK;
}

wt_status network_db_cares_for(db *c, arena *a, int64_t person_id, int *count)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT COUNT(*) FROM relation WHERE person_a = ? AND ended_on IS NULL"
                            " AND kind IN ('informal_carer_of', 'volunteer_for')",
                            DB_ARGS(DB_I(person_id)));
    *count = st == WT_OK ? (int)db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status network_db_names(db *c, arena *a, const int64_t *ids, int n_ids, const char ***names)
{
    *names = arena_alloc(a, sizeof(char *) * (size_t)(n_ids + 1));
    for (int off = 0; off < n_ids; off += CHUNK) {
        int k = n_ids - off < CHUNK ? n_ids - off : CHUNK;
        buf sql = BUF_INIT;
        db_param *p = arena_alloc(a, sizeof(db_param) * (size_t)(k + 1));
        int np = 0;
        buf_puts(&sql, "SELECT p.id, " PERSON_NAME("p") " FROM person p WHERE p.id IN (");
        in_list(&sql, p, &np, ids + off, k);
        buf_puts(&sql, ")");
        db_result r;
        wt_status st = db_query(c, a, &r, buf_str(&sql), p, (size_t)np);
        buf_free(&sql);
        if (st != WT_OK)
            return st;
        for (int i = 0; i < r.nrows; i++)
            for (int j = off; j < off + k; j++)
                if (ids[j] == db_get_int(&r, i, 0))
                    (*names)[j] = db_get(&r, i, 1);
    }
    for (int j = 0; j < n_ids; j++)
        if (!(*names)[j])
            (*names)[j] = "";
    return WT_OK;
}

/* ---- offers and load ------------------------------------------------------------------------------------------- */

wt_status network_db_offer_insert(db *c, int64_t team_id, int64_t person_id, const char *skill, int hours,
                                  const char *note, const char *ground, const char *now, int64_t user_id, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO offer (team_id, person_id, skill, hours_per_week, note, active, legal_ground,"
                     " recorded_by, recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(team_id), DB_I(person_id), DB_T(skill), hours < 0 ? DB_NULL : DB_I(hours),
                             DB_T(note), DB_T(ground), DB_ID_OR_NULL(user_id), DB_T(now), DB_T(now)));
}

wt_status network_db_offer_set_source(db *c, int64_t id, const char *source, int64_t question_id)
{
    return db_exec(c, "UPDATE offer SET source = ?, question_id = ? WHERE id = ?",
                   DB_ARGS(DB_T(source), DB_ID_OR_NULL(question_id), DB_I(id)));
}

wt_status network_db_offers_of(db *c, arena *a, int64_t person_id, net_offer **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT o.id, o.person_id, " PERSON_NAME("p") ", o.skill, COALESCE(o.hours_per_week, -1),"
                            " o.note, o.active, o.legal_ground, o.recorded_at, o.source, COALESCE(o.question_id, 0)"
                            " FROM offer o JOIN person p ON p.id = o.person_id"
                            " WHERE o.person_id = ? ORDER BY o.active DESC, o.id DESC LIMIT 100",
                            DB_ARGS(DB_I(person_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_offer) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        net_offer *o = &(*out)[i];
        o->id = db_get_int(&r, i, 0);
        o->person_id = db_get_int(&r, i, 1);
        o->person_name = db_get(&r, i, 2);
        o->skill = db_get(&r, i, 3);
        o->hours_per_week = (int)db_get_int(&r, i, 4);
        o->note = db_get(&r, i, 5);
        o->active = db_get_int(&r, i, 6) != 0;
        o->legal_ground = db_get(&r, i, 7);
        o->recorded_at = db_get(&r, i, 8);
        o->source = db_get(&r, i, 9);
        o->question_id = db_get_int(&r, i, 10);
    }
    return WT_OK;
}

wt_status network_db_offer_person(db *c, arena *a, int64_t offer_id, int64_t *person_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT person_id FROM offer WHERE id = ?", DB_ARGS(DB_I(offer_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *person_id = db_get_int(&r, 0, 0);
    return WT_OK;
}

wt_status network_db_offer_set_active(db *c, int64_t offer_id, bool active, const char *now)
{
    return db_exec(c, "UPDATE offer SET active = ?, updated_at = ? WHERE id = ?",
                   DB_ARGS(DB_I(active), DB_T(now), DB_I(offer_id)));
}

wt_status network_db_offer_delete(db *c, int64_t offer_id)
{
    return db_exec(c, "DELETE FROM offer WHERE id = ?", DB_ARGS(DB_I(offer_id)));
}

wt_status network_db_load_get(db *c, arena *a, int64_t person_id, net_load *out)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    out->capacity = NETWORK_DEFAULT_CAPACITY;
    wt_status st = db_query(c, a, &r, "SELECT capacity, carries_much, active_matches FROM helper_load WHERE person_id = ?",
                            DB_ARGS(DB_I(person_id)));
    if (st == WT_OK && r.nrows) {
        out->capacity = (int)db_get_int(&r, 0, 0);
        out->carries_much = db_get_int(&r, 0, 1) != 0;
        out->active_matches = (int)db_get_int(&r, 0, 2);
    }
    return st;
}

wt_status network_db_load_set(db *c, int64_t person_id, int capacity, bool carries_much, int64_t user_id,
                              const char *now)
{
    return db_exec(c,
                   "INSERT INTO helper_load (person_id, capacity, carries_much, active_matches, updated_by, updated_at)"
                   " VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (person_id) DO UPDATE SET capacity = excluded.capacity,"
                   " carries_much = excluded.carries_much, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                   DB_ARGS(DB_I(person_id), DB_I(capacity), DB_I(carries_much), DB_ID_OR_NULL(user_id), DB_T(now)));
}

wt_status network_db_load_recount(db *c, arena *a, int64_t person_id, const char *now)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT COUNT(*) FROM network_match WHERE offerer_id = ? AND status = 'accepted'",
                            DB_ARGS(DB_I(person_id)));
    if (st != WT_OK)
        return st;
    int64_t count = db_get_int(&r, 0, 0);
    return db_exec(c,
                   "INSERT INTO helper_load (person_id, capacity, carries_much, active_matches, updated_at)"
                   " VALUES (?, ?, 0, ?, ?) ON CONFLICT (person_id) DO UPDATE SET active_matches = excluded.active_matches",
                   DB_ARGS(DB_I(person_id), DB_I(NETWORK_DEFAULT_CAPACITY), DB_I(count), DB_T(now)));
}

/* ---- needs ----------------------------------------------------------------------------------------------------- */

#define NEED_COLS                                                                                                      \
    "n.id, n.team_id, n.household_id, h.name, COALESCE(n.person_id, 0), CASE WHEN p.id IS NULL THEN NULL ELSE "      \
    PERSON_NAME("p") " END, n.skill, n.body, n.source, COALESCE(n.action_id, 0), COALESCE(n.question_id, 0),"        \
    " n.status, n.created_at"
#define NEED_FROM " FROM need n JOIN household h ON h.id = n.household_id LEFT JOIN person p ON p.id = n.person_id"

static void fill_need(const db_result *r, int i, net_need *o)
{
    o->id = db_get_int(r, i, 0);
    o->team_id = db_get_int(r, i, 1);
    o->household_id = db_get_int(r, i, 2);
    o->household_name = db_get(r, i, 3);
    o->person_id = db_get_int(r, i, 4);
    o->person_name = db_get(r, i, 5);
    o->skill = db_get(r, i, 6);
    o->body = db_get(r, i, 7);
    o->source = db_get(r, i, 8);
    o->action_id = db_get_int(r, i, 9);
    o->question_id = db_get_int(r, i, 10);
    o->status = db_get(r, i, 11);
    o->created_at = db_get(r, i, 12);
}

wt_status network_db_need_insert(db *c, const net_need *n, int64_t user_id, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO need (team_id, household_id, person_id, skill, body, source, action_id, question_id,"
                     " status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
                     DB_ARGS(DB_I(n->team_id), DB_I(n->household_id), DB_ID_OR_NULL(n->person_id), DB_T(n->skill),
                             DB_T(n->body), DB_T(n->source), DB_ID_OR_NULL(n->action_id),
                             DB_ID_OR_NULL(n->question_id), DB_ID_OR_NULL(user_id), DB_T(n->created_at)));
}

wt_status network_db_need_get(db *c, arena *a, int64_t id, net_need *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " NEED_COLS NEED_FROM " WHERE n.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_need(&r, 0, out);
    return WT_OK;
}

wt_status network_db_needs(db *c, arena *a, int64_t household_id, int64_t person_id, int limit, net_need **out,
                           int *n)
{
    db_result r;
    wt_status st;
    if (person_id)
        st = db_query(c, a, &r, "SELECT " NEED_COLS NEED_FROM " WHERE n.person_id = ? ORDER BY n.id DESC LIMIT ?",
                      DB_ARGS(DB_I(person_id), DB_I(limit)));
    else
        st = db_query(c, a, &r,
                      "SELECT " NEED_COLS NEED_FROM " WHERE n.household_id = ? ORDER BY CASE n.status WHEN 'open' THEN 0"
                      " WHEN 'matched' THEN 1 ELSE 2 END, n.id DESC LIMIT ?",
                      DB_ARGS(DB_I(household_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_need) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        fill_need(&r, i, &(*out)[i]);
    return WT_OK;
}

wt_status network_db_need_set_status(db *c, int64_t id, const char *status, const char *now)
{
    return db_exec(c, "UPDATE need SET status = ?, closed_at = CASE WHEN ? = 'closed' THEN ? ELSE NULL END WHERE id = ?",
                   DB_ARGS(DB_T(status), DB_T(status), DB_T(now), DB_I(id)));
}

wt_status network_db_need_delete(db *c, int64_t id)
{
    wt_status st = db_exec(c, "DELETE FROM network_match WHERE need_id = ?", DB_ARGS(DB_I(id)));
    if (st == WT_OK)
        st = db_exec(c, "DELETE FROM need WHERE id = ?", DB_ARGS(DB_I(id)));
    return st;
}

wt_status network_db_need_of_action(db *c, arena *a, int64_t action_id, int64_t *need_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT id FROM need WHERE action_id = ? AND status <> 'closed' LIMIT 1",
                            DB_ARGS(DB_I(action_id)));
    *need_id = st == WT_OK && r.nrows ? db_get_int(&r, 0, 0) : 0;
    return st;
}

wt_status network_db_action(db *c, arena *a, int64_t action_id, net_action_row *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT ac.id, ac.body, ac.layer, ac.status, cs.household_id, cs.team_id, cs.id"
                            " FROM action ac JOIN goal g ON g.id = ac.goal_id JOIN plan pl ON pl.id = g.plan_id"
                            " JOIN cases cs ON cs.id = pl.case_id WHERE ac.id = ?",
                            DB_ARGS(DB_I(action_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    out->id = db_get_int(&r, 0, 0);
    out->body = db_get(&r, 0, 1);
    out->layer = db_get(&r, 0, 2);
    out->status = db_get(&r, 0, 3);
    out->household_id = db_get_int(&r, 0, 4);
    out->team_id = db_get_int(&r, 0, 5);
    out->case_id = db_get_int(&r, 0, 6);
    return WT_OK;
}

wt_status network_db_question(db *c, arena *a, int64_t question_id, int64_t *team_id, int64_t *household_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT team_id, COALESCE(household_id, 0) FROM question WHERE id = ?",
                            DB_ARGS(DB_I(question_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *team_id = db_get_int(&r, 0, 0);
    *household_id = db_get_int(&r, 0, 1);
    return WT_OK;
}

/* ---- matches --------------------------------------------------------------------------------------------------- */

#define MATCH_COLS                                                                                                     \
    "m.id, m.need_id, m.offerer_id, " PERSON_NAME("p") ", m.status, m.reasons, m.note, m.follow_up_on,"               \
    " COALESCE(u.display_name, ''), m.recorded_at, m.updated_at, n.household_id, h.name, n.body"
#define MATCH_FROM                                                                                                     \
    " FROM network_match m JOIN person p ON p.id = m.offerer_id JOIN need n ON n.id = m.need_id"                      \
    " JOIN household h ON h.id = n.household_id LEFT JOIN app_user u ON u.id = m.recorded_by"

static void fill_match(const db_result *r, int i, net_match *o)
{
    o->id = db_get_int(r, i, 0);
    o->need_id = db_get_int(r, i, 1);
    o->offerer_id = db_get_int(r, i, 2);
    o->offerer_name = db_get(r, i, 3);
    o->status = db_get(r, i, 4);
    o->reasons = db_get(r, i, 5);
    o->note = db_get(r, i, 6);
    o->follow_up_on = db_get(r, i, 7);
    o->recorded_by_name = db_get(r, i, 8);
    o->recorded_at = db_get(r, i, 9);
    o->updated_at = db_get(r, i, 10);
    o->household_id = db_get_int(r, i, 11);
    o->household_name = db_get(r, i, 12);
    o->need_body = db_get(r, i, 13);
    o->overdue = false;
}

static wt_status match_list(db *c, arena *a, db_result *r, net_match **out, int *n)
{
    *n = r->nrows;
    *out = arena_alloc(a, sizeof(net_match) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        fill_match(r, i, &(*out)[i]);
    (void)c;
    return WT_OK;
}

wt_status network_db_match_insert(db *c, int64_t need_id, const match_input *in, int64_t user_id, const char *now,
                                  int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO network_match (need_id, offerer_id, status, reasons, note, follow_up_on, recorded_by,"
                     " recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(need_id), DB_I(in->offerer_id), DB_T(in->status), DB_T(in->reasons ? in->reasons : ""),
                             DB_T(in->note), DB_T(in->follow_up_on), DB_ID_OR_NULL(user_id), DB_T(now), DB_T(now)));
}

wt_status network_db_match_get(db *c, arena *a, int64_t id, net_match *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " MATCH_COLS MATCH_FROM " WHERE m.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_match(&r, 0, out);
    return WT_OK;
}

wt_status network_db_matches_of_need(db *c, arena *a, int64_t need_id, net_match **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " MATCH_COLS MATCH_FROM " WHERE m.need_id = ? ORDER BY m.id LIMIT 100",
                            DB_ARGS(DB_I(need_id)));
    return st == WT_OK ? match_list(c, a, &r, out, n) : st;
}

wt_status network_db_matches_of_offerer(db *c, arena *a, int64_t person_id, int limit, net_match **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " MATCH_COLS MATCH_FROM " WHERE m.offerer_id = ? ORDER BY m.id DESC LIMIT ?",
                            DB_ARGS(DB_I(person_id), DB_I(limit)));
    return st == WT_OK ? match_list(c, a, &r, out, n) : st;
}

wt_status network_db_match_update(db *c, int64_t id, const char *status, const char *note, const char *follow_up_on,
                                  const char *now)
{
    return db_exec(c, "UPDATE network_match SET status = ?, note = ?, follow_up_on = ?, updated_at = ? WHERE id = ?",
                   DB_ARGS(DB_T(status), DB_T(note), DB_T(follow_up_on), DB_T(now), DB_I(id)));
}

wt_status network_db_match_offerers(db *c, arena *a, int64_t need_id, int64_t **ids, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT offerer_id FROM network_match WHERE need_id = ?", DB_ARGS(DB_I(need_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *ids = arena_alloc(a, sizeof(int64_t) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*ids)[i] = db_get_int(&r, i, 0);
    return WT_OK;
}

wt_status network_db_need_has_accepted(db *c, arena *a, int64_t need_id, bool *yes)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM network_match WHERE need_id = ? AND status = 'accepted' LIMIT 1",
                            DB_ARGS(DB_I(need_id)));
    *yes = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status network_db_matches_due(db *c, arena *a, int64_t user_id, int64_t team_id, const char *until, int limit,
                                 net_match **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " MATCH_COLS MATCH_FROM " WHERE m.recorded_by = ? AND h.team_id = ? AND m.status IN"
                            " ('proposed', 'asked', 'accepted') AND m.follow_up_on <= ? ORDER BY m.follow_up_on, m.id LIMIT ?",
                            DB_ARGS(DB_I(user_id), DB_I(team_id), DB_T(until), DB_I(limit)));
    return st == WT_OK ? match_list(c, a, &r, out, n) : st;
}

/* ---- the team's graph ------------------------------------------------------------------------------------------ */

wt_status network_db_team_persons(db *c, arena *a, int64_t team_id, const char *before, net_team_person **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT p.id, p.household_id, p.birth_date, p.is_new_resident FROM household h"
                            " JOIN person p ON p.household_id = h.id WHERE h.team_id = ? AND p.created_at < ? ORDER BY p.id",
                            DB_ARGS(DB_I(team_id), DB_T(before)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_team_person) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (net_team_person){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get(&r, i, 2),
                                      db_get_int(&r, i, 3) != 0};
    return WT_OK;
}

wt_status network_db_team_relations(db *c, arena *a, int64_t team_id, const char *before, const char *on,
                                    net_team_relation **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT person_a, person_b, kind FROM relation WHERE team_id = ? AND recorded_at < ?"
                            " AND (ended_on IS NULL OR ended_on > ?)",
                            DB_ARGS(DB_I(team_id), DB_T(before), DB_T(on)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_team_relation) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        const char *k = db_get(&r, i, 2);
        (*out)[i] = (net_team_relation){db_get_int(&r, i, 0), db_get_int(&r, i, 1), k && strcmp(k, "conflict") == 0};
    }
    return WT_OK;
}

wt_status network_db_team_stamp(db *c, arena *a, int64_t team_id, const char **stamp)
{
    db_result r1, r2;
    wt_status st = db_query(c, a, &r1,
                            "SELECT COUNT(*), COALESCE(MAX(id), 0), COUNT(ended_on) FROM relation WHERE team_id = ?",
                            DB_ARGS(DB_I(team_id)));
    if (st == WT_OK)
        st = db_query(c, a, &r2,
                      "SELECT COUNT(*), COALESCE(MAX(p.id), 0), COALESCE(SUM(p.is_new_resident), 0) FROM household h"
                      " JOIN person p ON p.household_id = h.id WHERE h.team_id = ?",
                      DB_ARGS(DB_I(team_id)));
    if (st != WT_OK)
        return st;
    *stamp = arena_printf(a, "%s/%s/%s/%s/%s/%s", db_get(&r1, 0, 0), db_get(&r1, 0, 1), db_get(&r1, 0, 2),
                          db_get(&r2, 0, 0), db_get(&r2, 0, 1), db_get(&r2, 0, 2));
    return WT_OK;
}

wt_status network_db_helper_recent(db *c, arena *a, int64_t person_id, int64_t team_id, const char *since, int limit,
                                   net_recent **out, int *n)
{
    db_result m, act;
    wt_status st = db_query(c, a, &m,
                            "SELECT n.skill, x.status, x.updated_at FROM network_match x JOIN need n ON n.id = x.need_id"
                            " WHERE x.offerer_id = ? AND n.team_id = ? AND x.updated_at >= ?"
                            " AND x.status IN ('asked', 'accepted', 'ended') ORDER BY x.updated_at DESC LIMIT ?",
                            DB_ARGS(DB_I(person_id), DB_I(team_id), DB_T(since), DB_I(limit)));
    if (st == WT_OK)
        st = db_query(c, a, &act,
                      "SELECT a.id, a.title, r.role, a.starts_on FROM activity_role r JOIN activity a ON a.id = r.activity_id"
                      " WHERE r.person_id = ? AND a.team_id = ? AND r.role IN ('organiser', 'volunteer')"
                      " AND COALESCE(a.ends_on, a.starts_on) >= ? ORDER BY a.starts_on DESC, a.id DESC LIMIT ?",
                      DB_ARGS(DB_I(person_id), DB_I(team_id), DB_T(since), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = 0;
    *out = arena_alloc(a, sizeof(net_recent) * (size_t)(m.nrows + act.nrows + 1));
    for (int i = 0; i < m.nrows; i++)
        (*out)[(*n)++] = (net_recent){false, db_get(&m, i, 0), db_get(&m, i, 1), db_get(&m, i, 2), 0};
    for (int i = 0; i < act.nrows; i++)
        (*out)[(*n)++] = (net_recent){true, db_get(&act, i, 1), db_get(&act, i, 2), db_get(&act, i, 3),
                                      db_get_int(&act, i, 0)};
    return WT_OK;
}

wt_status network_db_recent_matches(db *c, arena *a, const int64_t *ids, int n_ids, const char *since, int *counts)
{
    for (int i = 0; i < n_ids; i++) {
        db_result r;
        wt_status st = db_query(c, a, &r,
                                "SELECT COUNT(*) FROM network_match WHERE offerer_id = ? AND updated_at >= ?"
                                " AND status IN ('asked', 'accepted', 'ended')",
                                DB_ARGS(DB_I(ids[i]), DB_T(since)));
        if (st != WT_OK)
            return st;
        counts[i] = (int)db_get_int(&r, 0, 0);
    }
    return WT_OK;
}

wt_status network_db_helpers(db *c, arena *a, int64_t team_id, const char *since, int limit, net_person_ref **out,
                             int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT o.person_id, p.household_id, " PERSON_NAME("p") ", COUNT(*),"
                            " (SELECT COUNT(*) FROM network_match m WHERE m.offerer_id = o.person_id AND m.updated_at >= ?"
                            "  AND m.status IN ('asked', 'accepted', 'ended'))"
                            " FROM offer o JOIN person p ON p.id = o.person_id WHERE o.team_id = ? AND o.active = 1"
                            " GROUP BY o.person_id, p.household_id, p.given_name, p.family_name"
                            " ORDER BY p.family_name, p.given_name LIMIT ?",
                            DB_ARGS(DB_T(since), DB_I(team_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_person_ref) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        net_person_ref *p = &(*out)[i];
        p->person_id = db_get_int(&r, i, 0);
        p->household_id = db_get_int(&r, i, 1);
        p->name = db_get(&r, i, 2);
        p->degree = (int)db_get_int(&r, i, 3); /* number of active offers */
        p->recent_matches = (int)db_get_int(&r, i, 4);
        p->age = -1;
    }
    return WT_OK;
}

wt_status network_db_person_remove(db *c, int64_t person_id)
{
    static const char *const sql[] = {
        "DELETE FROM network_match WHERE offerer_id = ?",
        "DELETE FROM network_match WHERE need_id IN (SELECT id FROM need WHERE person_id = ?)",
        "DELETE FROM need WHERE person_id = ?",
        "DELETE FROM relation WHERE person_a = ?",
        "DELETE FROM relation WHERE person_b = ?",
        "DELETE FROM offer WHERE person_id = ?",
        "DELETE FROM helper_load WHERE person_id = ?",
    };
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
        wt_status st = db_exec(c, sql[i], DB_ARGS(DB_I(person_id)));
        if (st != WT_OK)
            return st;
    }
    return WT_OK;
}

wt_status network_db_set_new_resident(db *c, int64_t person_id, bool is_new)
{
    return db_exec(c, "UPDATE person SET is_new_resident = ? WHERE id = ?", DB_ARGS(DB_I(is_new), DB_I(person_id)));
}

wt_status network_db_person_search(db *c, arena *a, int64_t team_id, const char *prefix, int limit,
                                   net_person_hit **out, int *n)
{
    /* Two prefix ranges of the team, each on its own index (person_team_name, person_team_family: person.team_id
       is the household's team, migration 0019), so that a common name reads the team's matches, not the city's;
       U+FFFF sorts after any name. */
    const char *upper = arena_printf(a, "%s\xef\xbf\xbf", prefix);
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT p.id, p.household_id, " PERSON_NAME("p") ", p.birth_date,"
                            " COALESCE(ad.street || ' ' || ad.house_number, '')"
                            " FROM person p JOIN household h ON h.id = p.household_id"
                            " LEFT JOIN address ad ON ad.id = h.address_id"
                            " WHERE p.id IN (SELECT id FROM person WHERE team_id = ? AND name_folded >= ? AND name_folded < ?"
                            "  UNION SELECT id FROM person WHERE team_id = ? AND family_folded >= ? AND family_folded < ?)"
                            " AND h.team_id = ? ORDER BY p.family_folded, p.name_folded, p.id LIMIT ?",
                            DB_ARGS(DB_I(team_id), DB_T(prefix), DB_T(upper), DB_I(team_id), DB_T(prefix), DB_T(upper),
                                    DB_I(team_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_person_hit) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (net_person_hit){db_get_int(&r, i, 0), db_get_int(&r, i, 1), db_get(&r, i, 2), db_get(&r, i, 3),
                                     db_get(&r, i, 4)};
    return WT_OK;
}

wt_status network_db_demo_persons(db *c, arena *a, int64_t team_id, net_demo_person **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT p.id, p.household_id, ad.lat, ad.lon, p.is_volunteer, p.is_informal_carer"
                            " FROM household h JOIN person p ON p.household_id = h.id"
                            " LEFT JOIN address ad ON ad.id = h.address_id WHERE h.team_id = ? ORDER BY p.household_id, p.id",
                            DB_ARGS(DB_I(team_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(net_demo_person) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (net_demo_person){db_get_int(&r, i, 0), db_get_int(&r, i, 1), !db_is_null(&r, i, 2) && !db_is_null(&r, i, 3),
                                      db_get_real(&r, i, 2), db_get_real(&r, i, 3), db_get_int(&r, i, 4) != 0,
                                      db_get_int(&r, i, 5) != 0};
    return WT_OK;
}
