/* team_db.c - SQL of teams. */
#include "team_db.h"

#define TEAM_COLS                                                                                                      \
    "t.id, t.name, t.municipality, t.district_code, t.prevention_share,"                                              \
    " (SELECT COUNT(*) FROM app_user u WHERE u.team_id = t.id AND u.disabled = 0"                                     \
    "  AND u.role IN ('worker', 'teamleader'))"

static void fill_team(const db_result *r, int i, team *t)
{
    t->id = db_get_int(r, i, 0);
    t->name = db_get(r, i, 1);
    t->municipality = db_get(r, i, 2);
    t->district_code = db_get(r, i, 3);
    t->prevention_share = (int)db_get_int(r, i, 4);
    t->members = (int)db_get_int(r, i, 5);
}

wt_status team_db_insert(db *c, const team_input *in, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO team (name, municipality, district_code, prevention_share, created_at)"
                     " VALUES (?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_T(in->name), DB_T(in->municipality), DB_T(in->district_code),
                             DB_I(in->prevention_share), DB_T(now)));
}

wt_status team_db_update(db *c, int64_t id, const team_input *in)
{
    return db_exec(c, "UPDATE team SET name = ?, municipality = ?, district_code = ?, prevention_share = ? WHERE id = ?",
                   DB_ARGS(DB_T(in->name), DB_T(in->municipality), DB_T(in->district_code),
                           DB_I(in->prevention_share), DB_I(id)));
}

wt_status team_db_get(db *c, arena *a, int64_t id, team *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " TEAM_COLS " FROM team t WHERE t.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (!r.nrows)
        return WT_NOTFOUND;
    fill_team(&r, 0, out);
    return WT_OK;
}

wt_status team_db_list(db *c, arena *a, team **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " TEAM_COLS " FROM team t ORDER BY t.name", DB_NOARGS);
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(team) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_team(&r, i, &(*out)[i]);
    return WT_OK;
}

wt_status team_db_name_taken(db *c, arena *a, const char *name, int64_t except_id, bool *taken)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM team WHERE name = ? AND id <> ?", DB_ARGS(DB_T(name), DB_I(except_id)));
    *taken = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status team_db_disciplines(db *c, arena *a, int64_t team_id, discipline_count **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT COALESCE(discipline, ''), COUNT(*) FROM app_user WHERE team_id = ? AND disabled = 0"
                            " AND role IN ('worker', 'teamleader') GROUP BY COALESCE(discipline, '') ORDER BY 2 DESC, 1",
                            DB_ARGS(DB_I(team_id)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(discipline_count) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        (*out)[i].discipline = db_get(&r, i, 0);
        (*out)[i].count = (int)db_get_int(&r, i, 1);
    }
    return WT_OK;
}

#define NEIGHBOURHOOD_COLS                                                                                             \
    "n.code, n.name, n.district_code, n.municipality, COALESCE(n.team_id, 0), COALESCE(t.name, '')"                   \
    " FROM neighbourhood n LEFT JOIN team t ON t.id = n.team_id"

wt_status team_db_neighbourhoods(db *c, arena *a, int64_t team_id, const char *municipality, neighbourhood **out, int *n)
{
    /* team_id 0 and no municipality: all; otherwise the team's (index neighbourhood_team, 0007) and the municipality's. */
    const char *m = municipality ? municipality : "";
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT " NEIGHBOURHOOD_COLS " WHERE (? = 0 AND ? = '') OR n.team_id = ? OR n.municipality = ?"
                            " ORDER BY n.name, n.code",
                            DB_ARGS(DB_I(team_id), DB_T(m), DB_I(team_id), DB_T(m)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(neighbourhood) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        neighbourhood *nb = &(*out)[i];
        nb->code = db_get(&r, i, 0);
        nb->name = db_get(&r, i, 1);
        nb->district_code = db_get(&r, i, 2);
        nb->municipality = db_get(&r, i, 3);
        nb->team_id = db_get_int(&r, i, 4);
        nb->team_name = db_get(&r, i, 5);
    }
    return WT_OK;
}

wt_status team_db_neighbourhood_exists(db *c, arena *a, const char *code, bool *exists)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT 1 FROM neighbourhood WHERE code = ?", DB_ARGS(DB_T(code)));
    *exists = st == WT_OK && r.nrows > 0;
    return st;
}

wt_status team_db_neighbourhood_insert(db *c, const neighbourhood *in)
{
    return db_exec(c, "INSERT INTO neighbourhood (code, name, district_code, municipality, team_id) VALUES (?, ?, ?, ?, ?)",
                   DB_ARGS(DB_T(in->code), DB_T(in->name), DB_T(in->district_code), DB_T(in->municipality),
                           DB_ID_OR_NULL(in->team_id)));
}

wt_status team_db_set_neighbourhoods(db *c, int64_t team_id, const char *const *codes, int n)
{
    wt_status st = db_exec(c, "UPDATE neighbourhood SET team_id = NULL WHERE team_id = ?", DB_ARGS(DB_I(team_id)));
    for (int i = 0; st == WT_OK && i < n; i++)
        st = db_exec(c, "UPDATE neighbourhood SET team_id = ? WHERE code = ?", DB_ARGS(DB_I(team_id), DB_T(codes[i])));
    return st;
}
