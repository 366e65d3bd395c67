/* consent_db.c - SQL of consents (see consent_db.h). */
#include "consent_db.h"

#include <string.h>

static const char *text_or_empty(const db_result *r, int row, int col)
{
    const char *s = db_get(r, row, col);
    return s ? s : "";
}

#define CONSENT_COLS                                                                                                    \
    "k.id, k.household_id, k.person_id, p.given_name, p.family_name, k.what, k.with_whom, k.organization_id,"         \
    " k.purpose, k.given_on, k.form, k.withdrawn_on, k.withdrawn_note, u.display_name, k.created_at"
#define CONSENT_FROM                                                                                                    \
    " FROM consent k JOIN person p ON p.id = k.person_id LEFT JOIN app_user u ON u.id = k.recorded_by"

static void fill(arena *a, const db_result *r, int i, consent *k)
{
    memset(k, 0, sizeof(*k));
    k->id = db_get_int(r, i, 0);
    k->household_id = db_get_int(r, i, 1);
    k->person_id = db_get_int(r, i, 2);
    k->person_name = arena_printf(a, "%s %s", text_or_empty(r, i, 3), text_or_empty(r, i, 4));
    k->what = text_or_empty(r, i, 5);
    k->with_whom = text_or_empty(r, i, 6);
    k->organization_id = db_get(r, i, 7);
    k->purpose = text_or_empty(r, i, 8);
    k->given_on = text_or_empty(r, i, 9);
    k->form = text_or_empty(r, i, 10);
    k->withdrawn_on = db_get(r, i, 11);
    k->withdrawn_note = text_or_empty(r, i, 12);
    k->recorded_by_name = text_or_empty(r, i, 13);
    k->created_at = text_or_empty(r, i, 14);
}

static wt_status one_int(db *c, arena *a, const char *sql, int64_t key, int64_t *out)
{
    db_result r;
    *out = 0;
    wt_status st = db_query(c, a, &r, sql, DB_ARGS(DB_I(key)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *out = db_get_int(&r, 0, 0);
    return WT_OK;
}

wt_status consent_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id)
{
    return one_int(c, a, "SELECT team_id FROM household WHERE id = ?", household_id, team_id);
}

wt_status consent_db_person_household(db *c, arena *a, int64_t person_id, int64_t *household_id)
{
    return one_int(c, a, "SELECT household_id FROM person WHERE id = ?", person_id, household_id);
}

wt_status consent_db_organization_name(db *c, arena *a, const char *organization_id, const char **name)
{
    db_result r;
    *name = NULL;
    wt_status st = db_query(c, a, &r, "SELECT \"name\" FROM sm_organization WHERE id = ?", DB_ARGS(DB_T(organization_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *name = db_get(&r, 0, 0);
    return WT_OK;
}

wt_status consent_db_list(db *c, arena *a, int64_t household_id, int limit, consent **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT " CONSENT_COLS CONSENT_FROM " WHERE k.household_id = ?"
                            " ORDER BY k.given_on DESC, k.id DESC LIMIT ?",
                            DB_ARGS(DB_I(household_id), DB_I(limit)));
    if (st != WT_OK || r.nrows == 0)
        return st;
    *out = arena_alloc(a, sizeof(consent) * (size_t)r.nrows);
    for (int i = 0; i < r.nrows; i++)
        fill(a, &r, i, &(*out)[i]);
    *n = r.nrows;
    return WT_OK;
}

wt_status consent_db_get(db *c, arena *a, int64_t id, consent *out)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    wt_status st = db_query(c, a, &r, "SELECT " CONSENT_COLS CONSENT_FROM " WHERE k.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill(a, &r, 0, out);
    return WT_OK;
}

wt_status consent_db_insert(db *c, const consent *in, int64_t user_id, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO consent (household_id, person_id, what, with_whom, organization_id, purpose, given_on,"
                     " form, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(in->household_id), DB_I(in->person_id), DB_T(in->what), DB_T(in->with_whom),
                             DB_T(in->organization_id), DB_T(in->purpose), DB_T(in->given_on), DB_T(in->form),
                             DB_ID_OR_NULL(user_id), DB_T(now)));
}

wt_status consent_db_withdraw(db *c, int64_t id, const char *on, const char *note, int64_t user_id)
{
    return db_exec(c,
                   "UPDATE consent SET withdrawn_on = ?, withdrawn_note = ?, withdrawn_by = ? WHERE id = ?"
                   " AND withdrawn_on IS NULL",
                   DB_ARGS(DB_T(on), DB_T(note), DB_ID_OR_NULL(user_id), DB_I(id)));
}
