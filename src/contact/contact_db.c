/* contact_db.c - SQL of the case timeline (see contact_db.h). */
#include "contact_db.h"

wt_status contact_db_insert(db *c, int64_t case_id, int64_t user_id, const contact_input *in, int minutes,
                            const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO contact (case_id, user_id, kind, happened_on, minutes, summary, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(case_id), DB_I(user_id), DB_T(in->kind), DB_T(in->happened_on), DB_I(minutes),
                             DB_T(in->summary), DB_T(now)));
}

#define CONTACT_COLS                                                                                                   \
    "k.id, k.case_id, k.user_id, u.display_name, k.kind, k.happened_on, k.minutes, k.summary, k.created_at"
#define CONTACT_FROM " FROM contact k JOIN app_user u ON u.id = k.user_id"

static void fill_contact(const db_result *r, int i, contact *k)
{
    k->id = db_get_int(r, i, 0);
    k->case_id = db_get_int(r, i, 1);
    k->user_id = db_get_int(r, i, 2);
    k->user_name = db_get(r, i, 3);
    k->kind = db_get(r, i, 4);
    k->happened_on = db_get(r, i, 5);
    k->minutes = (int)db_get_int(r, i, 6);
    k->summary = db_get(r, i, 7);
    k->created_at = db_get(r, i, 8);
}

wt_status contact_db_get(db *c, arena *a, int64_t id, contact *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " CONTACT_COLS CONTACT_FROM " WHERE k.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_contact(&r, 0, out);
    return WT_OK;
}

wt_status contact_db_list(db *c, arena *a, int64_t case_id, int limit, int offset, contact **out, int *n, int *total)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT COUNT(*) FROM contact WHERE case_id = ?", DB_ARGS(DB_I(case_id)));
    if (st != WT_OK)
        return st;
    *total = (int)db_get_int(&r, 0, 0);
    st = db_query(c, a, &r,
                  "SELECT " CONTACT_COLS CONTACT_FROM " WHERE k.case_id = ?"
                  " ORDER BY k.happened_on DESC, k.id DESC LIMIT ? OFFSET ?",
                  DB_ARGS(DB_I(case_id), DB_I(limit), DB_I(offset)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(contact) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_contact(&r, i, &(*out)[i]);
    return WT_OK;
}
