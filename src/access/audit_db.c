/* audit_db.c - SQL of the audit trail. */
#include "audit_db.h"

#include <string.h>

wt_status audit_db_last_hash(db *c, arena *a, const char **hash)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", DB_NOARGS);
    *hash = st == WT_OK && r.nrows ? db_get(&r, 0, 0) : NULL;
    return st;
}

wt_status audit_db_insert(db *c, const audit_row *r)
{
    return db_exec(c,
                   "INSERT INTO audit (at, user_id, role, action, entity, entity_id, household_id, person_id,"
                   " case_id, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   DB_ARGS(DB_T(r->at), DB_ID_OR_NULL(r->user_id), DB_T(r->role), DB_T(r->action), DB_T(r->entity),
                           DB_ID_OR_NULL(r->entity_id), DB_ID_OR_NULL(r->household_id), DB_ID_OR_NULL(r->person_id),
                           DB_ID_OR_NULL(r->case_id), DB_T(r->reason), DB_T(r->prev_hash), DB_T(r->hash)));
}

#define AUDIT_COLS                                                                                                     \
    "a.id, a.at, a.user_id, a.role, a.action, a.entity, a.entity_id, a.household_id, a.person_id, a.case_id,"         \
    " a.reason, a.prev_hash, a.hash"

static void fill_rows(arena *a, const db_result *r, audit_row **rows, int *n)
{
    *n = r->nrows;
    *rows = arena_alloc(a, sizeof(audit_row) * (size_t)(r->nrows ? r->nrows : 1));
    for (int i = 0; i < r->nrows; i++) {
        audit_row *x = &(*rows)[i];
        x->id = db_get_int(r, i, 0);
        x->at = db_get(r, i, 1);
        x->user_id = db_get_int(r, i, 2);
        x->role = db_get(r, i, 3);
        x->action = db_get(r, i, 4);
        x->entity = db_get(r, i, 5);
        x->entity_id = db_get_int(r, i, 6);
        x->household_id = db_get_int(r, i, 7);
        x->person_id = db_get_int(r, i, 8);
        x->case_id = db_get_int(r, i, 9);
        x->reason = db_get(r, i, 10);
        x->prev_hash = db_get(r, i, 11);
        x->hash = db_get(r, i, 12);
    }
}

wt_status audit_db_page(db *c, arena *a, int64_t after_id, int limit, audit_row **rows, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " AUDIT_COLS " FROM audit a WHERE a.id > ? ORDER BY a.id LIMIT ?",
                            DB_ARGS(DB_I(after_id), DB_I(limit)));
    if (st == WT_OK)
        fill_rows(a, &r, rows, n);
    return st;
}

wt_status audit_db_for_case(db *c, arena *a, int64_t case_id, int64_t household_id, const char *since, int limit,
                            audit_row **rows, int *n, const char ***user_names)
{
    db_result r;
    /* Two backward walks of one index range each (audit_case, audit_household), never a sort of the whole trail. */
    wt_status st = db_query(c, a, &r,
                            "SELECT " AUDIT_COLS ", COALESCE(u.display_name, '') FROM ("
                            " SELECT id FROM (SELECT id FROM audit WHERE case_id = ? ORDER BY id DESC LIMIT ?) by_case"
                            " UNION SELECT id FROM (SELECT id FROM audit WHERE household_id = ? AND at >= ?"
                            " ORDER BY id DESC LIMIT ?) by_household) ids"
                            " JOIN audit a ON a.id = ids.id LEFT JOIN app_user u ON u.id = a.user_id"
                            " ORDER BY a.id DESC LIMIT ?",
                            DB_ARGS(DB_I(case_id), DB_I(limit), DB_I(household_id), DB_T(since ? since : ""),
                                    DB_I(limit), DB_I(limit)));
    if (st != WT_OK)
        return st;
    fill_rows(a, &r, rows, n);
    *user_names = arena_alloc(a, sizeof(char *) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        (*user_names)[i] = db_get(&r, i, 13);
    return WT_OK;
}

wt_status audit_db_query(db *c, arena *a, const audit_filter *f, audit_row **rows, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " AUDIT_COLS " FROM audit a WHERE (? = 0 OR a.user_id = ?) AND (? = 0 OR a.person_id = ?)"
                            " AND (? = 0 OR a.household_id = ?) AND (? = 0 OR a.case_id = ?) AND a.at >= ?"
                            " ORDER BY a.id DESC LIMIT ?",
                            DB_ARGS(DB_I(f->user_id), DB_I(f->user_id), DB_I(f->person_id), DB_I(f->person_id),
                                    DB_I(f->household_id), DB_I(f->household_id), DB_I(f->case_id), DB_I(f->case_id),
                                    DB_T(f->since ? f->since : ""), DB_I(f->limit > 0 ? f->limit : 100)));
    if (st == WT_OK)
        fill_rows(a, &r, rows, n);
    return st;
}
