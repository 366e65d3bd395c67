/* assessment_db.c - SQL of scales, assessments and their scores (see assessment_db.h). */
#include "assessment_db.h"

#include <stdlib.h>
#include <string.h>

#define SCALE_COLS "id, code, name, version, description, active"

static void fill_scale(const db_result *r, int i, assessment_scale *s)
{
    memset(s, 0, sizeof(*s));
    s->id = db_get_int(r, i, 0);
    s->code = db_get(r, i, 1);
    s->name = db_get(r, i, 2);
    s->version = db_get(r, i, 3);
    s->description = db_get(r, i, 4) ? db_get(r, i, 4) : "";
    s->active = db_get_int(r, i, 5) != 0;
}

wt_status assessment_db_scales(db *c, arena *a, bool active_only, assessment_scale **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT " SCALE_COLS " FROM assessment_scale WHERE active = 1 OR ? = 0 ORDER BY code",
                            DB_ARGS(DB_I(active_only ? 1 : 0)));
    if (st != WT_OK)
        return st;
    assessment_scale *list = arena_alloc(a, sizeof(assessment_scale) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++)
        fill_scale(&r, i, &list[i]);
    *out = list;
    *n = r.nrows;
    return WT_OK;
}

static wt_status scale_one(db *c, arena *a, const char *sql, db_param p, assessment_scale *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, sql, &p, 1);
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_scale(&r, 0, out);
    return WT_OK;
}

wt_status assessment_db_scale_by_code(db *c, arena *a, const char *code, assessment_scale *out)
{
    return scale_one(c, a, "SELECT " SCALE_COLS " FROM assessment_scale WHERE code = ?", DB_T(code), out);
}

wt_status assessment_db_scale_by_id(db *c, arena *a, int64_t id, assessment_scale *out)
{
    return scale_one(c, a, "SELECT " SCALE_COLS " FROM assessment_scale WHERE id = ?", DB_I(id), out);
}

wt_status assessment_db_scale_fill(db *c, arena *a, assessment_scale *s)
{
    db_result d;
    wt_status st = db_query(c, a, &d,
                            "SELECT id, position, code, name, description FROM assessment_domain WHERE scale_id = ?"
                            " ORDER BY position",
                            DB_ARGS(DB_I(s->id)));
    if (st != WT_OK)
        return st;
    s->n_domains = d.nrows;
    s->domains = arena_alloc(a, sizeof(assessment_domain) * (size_t)(d.nrows ? d.nrows : 1));
    for (int i = 0; i < d.nrows; i++) {
        assessment_domain *dom = &s->domains[i];
        dom->id = db_get_int(&d, i, 0);
        dom->position = (int)db_get_int(&d, i, 1);
        dom->code = db_get(&d, i, 2);
        dom->name = db_get(&d, i, 3);
        dom->description = db_get(&d, i, 4) ? db_get(&d, i, 4) : "";
        for (int k = 0; k < ASSESSMENT_LEVELS; k++)
            dom->levels[k] = "";
    }
    for (int k = 0; k < ASSESSMENT_LEVELS; k++)
        s->levels[k] = (assessment_level){"", ""};
    db_result l;
    st = db_query(c, a, &l,
                  "SELECT domain_id, score, label, description FROM assessment_level WHERE scale_id = ?"
                  " ORDER BY domain_id, score",
                  DB_ARGS(DB_I(s->id)));
    if (st != WT_OK)
        return st;
    for (int i = 0; i < l.nrows; i++) {
        int score = (int)db_get_int(&l, i, 1);
        if (score < 1 || score > ASSESSMENT_LEVELS)
            continue;
        const char *desc = db_get(&l, i, 3) ? db_get(&l, i, 3) : "";
        if (db_is_null(&l, i, 0)) {
            s->levels[score - 1].label = db_get(&l, i, 2) ? db_get(&l, i, 2) : "";
            s->levels[score - 1].description = desc;
            continue;
        }
        int idx = assessment_domain_index_by_id(s, db_get_int(&l, i, 0));
        if (idx >= 0)
            s->domains[idx].levels[score - 1] = desc;
    }
    return WT_OK;
}

wt_status assessment_db_scale_insert(db *c, const assessment_scale *s, const char *now, int64_t *id)
{
    wt_status st = db_insert(c, id,
                             "INSERT INTO assessment_scale (code, name, version, description, active, created_at)"
                             " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                             DB_ARGS(DB_T(s->code), DB_T(s->name), DB_T(s->version), DB_T(s->description),
                                     DB_I(s->active ? 1 : 0), DB_T(now)));
    for (int k = 0; st == WT_OK && k < ASSESSMENT_LEVELS; k++)
        st = db_exec(c,
                     "INSERT INTO assessment_level (scale_id, domain_id, score, label, description)"
                     " VALUES (?, NULL, ?, ?, ?)",
                     DB_ARGS(DB_I(*id), DB_I(k + 1), DB_T(s->levels[k].label), DB_T(s->levels[k].description)));
    for (int i = 0; st == WT_OK && i < s->n_domains; i++) {
        const assessment_domain *d = &s->domains[i];
        int64_t domain_id = 0;
        st = db_insert(c, &domain_id,
                       "INSERT INTO assessment_domain (scale_id, position, code, name, description)"
                       " VALUES (?, ?, ?, ?, ?) RETURNING id",
                       DB_ARGS(DB_I(*id), DB_I(i + 1), DB_T(d->code), DB_T(d->name), DB_T(d->description)));
        for (int k = 0; st == WT_OK && k < ASSESSMENT_LEVELS; k++)
            st = db_exec(c,
                         "INSERT INTO assessment_level (scale_id, domain_id, score, label, description)"
                         " VALUES (?, ?, ?, NULL, ?)",
                         DB_ARGS(DB_I(*id), DB_I(domain_id), DB_I(k + 1), DB_T(d->levels[k])));
    }
    return st;
}

wt_status assessment_db_scale_set_active(db *c, const char *code, bool active)
{
    wt_status st = db_exec(c, "UPDATE assessment_scale SET active = ? WHERE code = ?",
                           DB_ARGS(DB_I(active ? 1 : 0), DB_T(code)));
    if (st == WT_OK && db_changes(c) == 0)
        return WT_NOTFOUND;
    return st;
}

/* ---- persons --------------------------------------------------------------------------------------------------- */

static const char *full_name(arena *a, const char *given, const char *family)
{
    given = given ? given : "";
    family = family ? family : "";
    return arena_printf(a, "%s%s%s", given, *given && *family ? " " : "", family);
}

wt_status assessment_db_person(db *c, arena *a, int64_t person_id, assessment_person *out)
{
    db_result r;
    memset(out, 0, sizeof(*out));
    wt_status st = db_query(c, a, &r,
                            "SELECT p.id, p.household_id, h.team_id, p.given_name, p.family_name, p.birth_date, h.name,"
                            " c.id, c.opened_on FROM person p JOIN household h ON h.id = p.household_id"
                            " LEFT JOIN cases c ON c.household_id = p.household_id AND c.status = 'open'"
                            " WHERE p.id = ?",
                            DB_ARGS(DB_I(person_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    out->id = db_get_int(&r, 0, 0);
    out->household_id = db_get_int(&r, 0, 1);
    out->team_id = db_get_int(&r, 0, 2);
    out->name = full_name(a, db_get(&r, 0, 3), db_get(&r, 0, 4));
    out->birth_date = db_get(&r, 0, 5);
    out->household_name = db_get(&r, 0, 6);
    out->case_id = db_get_int(&r, 0, 7);
    out->case_opened_on = db_get(&r, 0, 8);
    return WT_OK;
}

wt_status assessment_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id)
{
    db_result r;
    *team_id = 0;
    wt_status st = db_query(c, a, &r, "SELECT team_id FROM household WHERE id = ?", DB_ARGS(DB_I(household_id)));
    if (st == WT_OK && r.nrows > 0)
        *team_id = db_get_int(&r, 0, 0);
    return st;
}

wt_status assessment_db_members(db *c, arena *a, int64_t household_id, int limit, assessment_person **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT p.id, p.given_name, p.family_name, p.birth_date, h.team_id, h.name, c.id, c.opened_on"
                            " FROM person p JOIN household h ON h.id = p.household_id"
                            " LEFT JOIN cases c ON c.household_id = p.household_id AND c.status = 'open'"
                            " WHERE p.household_id = ? ORDER BY p.id LIMIT ?",
                            DB_ARGS(DB_I(household_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    assessment_person *list = arena_alloc(a, sizeof(assessment_person) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        list[i].id = db_get_int(&r, i, 0);
        list[i].household_id = household_id;
        list[i].name = full_name(a, db_get(&r, i, 1), db_get(&r, i, 2));
        list[i].birth_date = db_get(&r, i, 3);
        list[i].team_id = db_get_int(&r, i, 4);
        list[i].household_name = db_get(&r, i, 5);
        list[i].case_id = db_get_int(&r, i, 6);
        list[i].case_opened_on = db_get(&r, i, 7);
    }
    *out = list;
    *n = r.nrows;
    return WT_OK;
}

/* ---- assessments ----------------------------------------------------------------------------------------------- */

wt_status assessment_db_insert(db *c, int64_t person_id, int64_t case_id, int64_t scale_id, const assessment_row *r,
                               int64_t assessed_by, const char *now, int64_t *id)
{
    return db_insert(c, id,
                     "INSERT INTO assessment (person_id, case_id, scale_id, assessed_on, assessed_by, note, created_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     DB_ARGS(DB_I(person_id), DB_ID_OR_NULL(case_id), DB_I(scale_id), DB_T(r->assessed_on),
                             DB_ID_OR_NULL(assessed_by), DB_T(r->note ? r->note : ""), DB_T(now)));
}

wt_status assessment_db_insert_scores(db *c, int64_t assessment_id, const assessment_scale *s, const assessment_row *r)
{
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < s->n_domains && i < r->n_scores; i++)
        st = db_exec(c, "INSERT INTO assessment_score (assessment_id, domain_id, score, note) VALUES (?, ?, ?, ?)",
                     DB_ARGS(DB_I(assessment_id), DB_I(s->domains[i].id),
                             r->scores[i] ? DB_I(r->scores[i]) : DB_NULL,
                             DB_T(r->score_notes[i] ? r->score_notes[i] : "")));
    return st;
}

#define ASSESSMENT_COLS                                                                                                \
    "a.id, a.person_id, p.household_id, a.case_id, a.scale_id, a.assessed_on, a.assessed_by, u.display_name, a.note,"  \
    " a.created_at"
#define ASSESSMENT_FROM                                                                                                \
    " FROM assessment a JOIN person p ON p.id = a.person_id LEFT JOIN app_user u ON u.id = a.assessed_by"

static void fill_assessment(const db_result *r, int i, assessment *out)
{
    memset(out, 0, sizeof(*out));
    out->id = db_get_int(r, i, 0);
    out->person_id = db_get_int(r, i, 1);
    out->household_id = db_get_int(r, i, 2);
    out->case_id = db_get_int(r, i, 3);
    out->scale_id = db_get_int(r, i, 4);
    out->assessed_on = db_get(r, i, 5);
    out->assessed_by = db_get_int(r, i, 6);
    out->assessed_by_name = db_get(r, i, 7) ? db_get(r, i, 7) : "";
    out->note = db_get(r, i, 8) ? db_get(r, i, 8) : "";
    out->created_at = db_get(r, i, 9);
}

wt_status assessment_db_get(db *c, arena *a, int64_t id, assessment *out)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT " ASSESSMENT_COLS ASSESSMENT_FROM " WHERE a.id = ?", DB_ARGS(DB_I(id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    fill_assessment(&r, 0, out);
    return WT_OK;
}

wt_status assessment_db_person_list(db *c, arena *a, int64_t person_id, int limit, assessment **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT " ASSESSMENT_COLS ASSESSMENT_FROM
                            " WHERE a.person_id = ? ORDER BY a.assessed_on DESC, a.id DESC LIMIT ?",
                            DB_ARGS(DB_I(person_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    assessment *list = arena_alloc(a, sizeof(assessment) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) /* newest first from the index; oldest first for the caller */
        fill_assessment(&r, i, &list[r.nrows - 1 - i]);
    *out = list;
    *n = r.nrows;
    return WT_OK;
}

wt_status assessment_db_person_count(db *c, arena *a, int64_t person_id, int *n)
{
    db_result r;
    *n = 0;
    wt_status st = db_query(c, a, &r, "SELECT COUNT(*) FROM assessment WHERE person_id = ?", DB_ARGS(DB_I(person_id)));
    if (st == WT_OK)
        *n = (int)db_get_int(&r, 0, 0);
    return st;
}

static const assessment_scale *scale_of(const assessment_scale *scales, int n_scales, int64_t id)
{
    for (int i = 0; i < n_scales; i++)
        if (scales[i].id == id)
            return &scales[i];
    return NULL;
}

/* Scores and notes of one assessment, read one query per assessment (each a primary-key range). */
static wt_status fill_one(db *c, arena *a, assessment *it, const assessment_scale *s)
{
    int nd = s ? s->n_domains : 0;
    it->n_scores = nd;
    it->scores = arena_alloc(a, sizeof(int) * (size_t)(nd ? nd : 1));
    it->score_notes = arena_alloc(a, sizeof(char *) * (size_t)(nd ? nd : 1));
    for (int k = 0; k < nd; k++)
        it->score_notes[k] = "";
    if (!s)
        return WT_OK;
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT domain_id, score, note FROM assessment_score WHERE assessment_id = ?",
                            DB_ARGS(DB_I(it->id)));
    if (st != WT_OK)
        return st;
    for (int i = 0; i < r.nrows; i++) {
        int k = assessment_domain_index_by_id(s, db_get_int(&r, i, 0));
        if (k < 0)
            continue;
        int score = (int)db_get_int(&r, i, 1);
        it->scores[k] = score >= 1 && score <= ASSESSMENT_LEVELS ? score : 0;
        it->score_notes[k] = db_get(&r, i, 2) ? db_get(&r, i, 2) : "";
    }
    return WT_OK;
}

wt_status assessment_db_fill_scores(db *c, arena *a, assessment *items, int n, const assessment_scale *scales,
                                    int n_scales)
{
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < n; i++)
        st = fill_one(c, a, &items[i], scale_of(scales, n_scales, items[i].scale_id));
    return st;
}

wt_status assessment_db_due_candidates(db *c, arena *a, int64_t team_id, int64_t coordinator_id, int limit,
                                       assessment_due_candidate **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    static const char cols[] =
        "SELECT p.id, p.given_name, p.family_name, p.birth_date, h.id, h.name, c.id, c.opened_on,"
        " (SELECT MAX(x.assessed_on) FROM assessment x WHERE x.person_id = p.id)"
        " FROM cases c JOIN household h ON h.id = c.household_id JOIN person p ON p.household_id = c.household_id";
    wt_status st;
    if (coordinator_id)
        st = db_query(c, a, &r,
                      arena_printf(a, "%s WHERE c.coordinator_id = ? AND c.status = 'open' AND c.team_id = ?"
                                      " ORDER BY c.opened_on, p.id LIMIT ?", cols),
                      DB_ARGS(DB_I(coordinator_id), DB_I(team_id), DB_I(limit)));
    else
        st = db_query(c, a, &r,
                      arena_printf(a, "%s WHERE c.team_id = ? AND c.status = 'open' ORDER BY c.opened_on, p.id LIMIT ?",
                                   cols),
                      DB_ARGS(DB_I(team_id), DB_I(limit)));
    if (st != WT_OK)
        return st;
    assessment_due_candidate *list = arena_alloc(a, sizeof(*list) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        list[i].person_id = db_get_int(&r, i, 0);
        list[i].given_name = db_get(&r, i, 1);
        list[i].family_name = db_get(&r, i, 2);
        list[i].birth_date = db_get(&r, i, 3);
        list[i].household_id = db_get_int(&r, i, 4);
        list[i].household_name = db_get(&r, i, 5);
        list[i].case_id = db_get_int(&r, i, 6);
        list[i].case_opened_on = db_get(&r, i, 7);
        list[i].last_assessed_on = db_get(&r, i, 8);
    }
    *out = list;
    *n = r.nrows;
    return WT_OK;
}

wt_status assessment_db_last_on(db *c, arena *a, int64_t person_id, const char **out)
{
    db_result r;
    *out = NULL;
    wt_status st = db_query(c, a, &r,
                            "SELECT assessed_on FROM assessment WHERE person_id = ? ORDER BY assessed_on DESC LIMIT 1",
                            DB_ARGS(DB_I(person_id)));
    if (st == WT_OK && r.nrows > 0)
        *out = db_get(&r, 0, 0);
    return st;
}

wt_status assessment_db_demo_cases(db *c, arena *a, int limit, assessment_demo_case **out, int *n)
{
    db_result r;
    *out = NULL;
    *n = 0;
    wt_status st = db_query(c, a, &r,
                            "SELECT id, household_id, coordinator_id, opened_on, status FROM cases ORDER BY id LIMIT ?",
                            DB_ARGS(DB_I(limit)));
    if (st != WT_OK)
        return st;
    assessment_demo_case *list = arena_alloc(a, sizeof(*list) * (size_t)(r.nrows ? r.nrows : 1));
    for (int i = 0; i < r.nrows; i++) {
        list[i].case_id = db_get_int(&r, i, 0);
        list[i].household_id = db_get_int(&r, i, 1);
        list[i].coordinator_id = db_get_int(&r, i, 2);
        list[i].opened_on = db_get(&r, i, 3);
        list[i].status = db_get(&r, i, 4);
    }
    *out = list;
    *n = r.nrows;
    return WT_OK;
}
