/*
 * figures_db.c - the SQL aggregates behind the figures (see figures_db.h).
 * Every query groups by a category and returns (category, count); no id of a
 * person, household or case is selected.
 */
#include "figures_db.h"

#include <stdlib.h>
#include <string.h>

/* The cases of the scope: team (0: every team) and neighbourhood of the household's address ("" : every one). */
#define CASE_SCOPE                                                                                                    \
    " FROM cases c JOIN household h ON h.id = c.household_id LEFT JOIN address ad ON ad.id = h.address_id"            \
    " WHERE (? = 0 OR c.team_id = ?) AND (? = '' OR ad.neighbourhood_code = ?)"
#define SCOPE_ARGS(s) DB_I((s)->team_id), DB_I((s)->team_id), DB_T((s)->area), DB_T((s)->area)

static void add_counts(const db_result *r, fig_table *t)
{
    for (int i = 0; i < r->nrows; i++) {
        fig_row *row = figures_row(t, db_get(r, i, 0));
        if (row)
            row->count += (long)db_get_int(r, i, 1);
    }
}

static wt_status counts(db *c, arena *a, fig_table *t, const char *sql, const db_param *p, size_t n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, sql, p, n);
    if (st == WT_OK)
        add_counts(&r, t);
    return st;
}

static wt_status choices(db *c, arena *a, const char *sql, int64_t team_id, int max, fig_choice **out, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, sql, DB_ARGS(DB_I(team_id), DB_I(team_id), DB_I(max)));
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(a, sizeof(fig_choice) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (fig_choice){db_get(&r, i, 0), db_get(&r, i, 1), db_get_int(&r, i, 2)};
    return WT_OK;
}

wt_status figures_db_teams(db *c, arena *a, int64_t team_id, fig_choice **out, int *n)
{
    return choices(c, a, "SELECT CAST(id AS TEXT), name, id FROM team WHERE (? = 0 OR id = ?) ORDER BY name LIMIT ?",
                   team_id, FIG_MAX_TEAMS, out, n);
}

wt_status figures_db_areas(db *c, arena *a, int64_t team_id, fig_choice **out, int *n)
{
    return choices(c, a,
                   "SELECT code, name, COALESCE(team_id, 0) FROM neighbourhood WHERE team_id IS NOT NULL"
                   " AND (? = 0 OR team_id = ?) ORDER BY name, code LIMIT ?",
                   team_id, FIG_MAX_AREAS, out, n);
}

wt_status figures_db_zrm_domains(db *c, arena *a, fig_table *t)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT d.code, d.name FROM assessment_domain d JOIN assessment_scale z ON z.id = d.scale_id"
                            " WHERE z.code = 'zrm-2017' ORDER BY d.position",
                            DB_NOARGS);
    for (int i = 0; st == WT_OK && i < r.nrows; i++)
        figures_add_row(t, db_get(&r, i, 0), db_get(&r, i, 1));
    return st;
}

wt_status figures_db_case_status(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t, "SELECT c.status, COUNT(*)" CASE_SCOPE " GROUP BY c.status", DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_open_per_area(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t,
                  "SELECT COALESCE(ad.neighbourhood_code, ''), COUNT(*)" CASE_SCOPE " AND c.status = 'open'"
                  " GROUP BY ad.neighbourhood_code",
                  DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_open_per_team(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t, "SELECT CAST(c.team_id AS TEXT), COUNT(*)" CASE_SCOPE " AND c.status = 'open' GROUP BY c.team_id",
                  DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_new_per_month(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t,
                  "SELECT SUBSTR(c.opened_on, 1, 7), COUNT(*)" CASE_SCOPE " AND c.opened_on >= ?"
                  " GROUP BY SUBSTR(c.opened_on, 1, 7)",
                  DB_ARGS(SCOPE_ARGS(s), DB_T(s->from_day)));
}

wt_status figures_db_goal_domains(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    /* cases (not goals) per life domain: a case with three housing goals counts once for housing */
    return counts(c, a, t,
                  "SELECT g.domain, COUNT(DISTINCT p.case_id) FROM goal g JOIN plan p ON p.id = g.plan_id"
                  " WHERE p.case_id IN (SELECT c.id" CASE_SCOPE ") GROUP BY g.domain",
                  DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_action_layers(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t,
                  "SELECT x.layer, COUNT(*) FROM action x JOIN goal g ON g.id = x.goal_id JOIN plan p ON p.id = g.plan_id"
                  " WHERE x.status <> 'cancelled' AND p.case_id IN (SELECT c.id" CASE_SCOPE ") GROUP BY x.layer",
                  DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_referral_statuses(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t,
                  "SELECT r.status, COUNT(*) FROM referral r WHERE r.kind = 'referral'"
                  " AND r.case_id IN (SELECT c.id" CASE_SCOPE ") GROUP BY r.status",
                  DB_ARGS(SCOPE_ARGS(s)));
}

/*
 * Per person and ZRM domain the average score on the day of the first and on
 * the day of the latest assessment that scored it (two different days), then
 * per domain how many persons and the sum of their changes.
 */
wt_status figures_db_zrm_change(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    db_result r;
    wt_status st = db_query(
        c, a, &r,
        "WITH sc AS (SELECT x.person_id, y.domain_id, x.assessed_on, AVG(y.score * 1.0) AS score"
        " FROM assessment x JOIN assessment_score y ON y.assessment_id = x.id"
        " JOIN assessment_scale z ON z.id = x.scale_id"
        " WHERE y.score IS NOT NULL AND z.code = 'zrm-2017' AND x.case_id IN (SELECT c.id" CASE_SCOPE ")"
        " GROUP BY x.person_id, y.domain_id, x.assessed_on),"
        " span AS (SELECT person_id, domain_id, MIN(assessed_on) AS first_on, MAX(assessed_on) AS last_on FROM sc"
        " GROUP BY person_id, domain_id HAVING MIN(assessed_on) < MAX(assessed_on))"
        " SELECT d.code, COUNT(*), SUM(l.score - f.score) FROM span"
        " JOIN sc f ON f.person_id = span.person_id AND f.domain_id = span.domain_id AND f.assessed_on = span.first_on"
        " JOIN sc l ON l.person_id = span.person_id AND l.domain_id = span.domain_id AND l.assessed_on = span.last_on"
        " JOIN assessment_domain d ON d.id = span.domain_id GROUP BY d.code",
        DB_ARGS(SCOPE_ARGS(s)));
    if (st != WT_OK)
        return st;
    for (int i = 0; i < r.nrows; i++) {
        fig_row *row = figures_row(t, db_get(&r, i, 0));
        if (!row)
            continue;
        row->count = (long)db_get_int(&r, i, 1);
        row->value = strtod(db_get(&r, i, 2), NULL); /* the sum; the rule divides */
    }
    return WT_OK;
}

wt_status figures_db_question_channels(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    /* with a neighbourhood: the questions of households living there (anonymous questions have none) */
    return counts(c, a, t,
                  "SELECT q.channel, COUNT(*) FROM question q LEFT JOIN household h ON h.id = q.household_id"
                  " LEFT JOIN address ad ON ad.id = h.address_id"
                  " WHERE (? = 0 OR q.team_id = ?) AND (? = '' OR ad.neighbourhood_code = ?) GROUP BY q.channel",
                  DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_signal_statuses(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    return counts(c, a, t,
                  "SELECT g.status, COUNT(*) FROM signal g LEFT JOIN address ad ON ad.id = g.address_id"
                  " WHERE (? = 0 OR g.team_id = ?) AND (? = '' OR ad.neighbourhood_code = ?) GROUP BY g.status",
                  DB_ARGS(SCOPE_ARGS(s)));
}

wt_status figures_db_presence_hours(db *c, arena *a, const fig_scope *s, fig_table *t)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT e.block, SUM(e.minutes) FROM time_entry e JOIN app_user u ON u.id = e.user_id"
                            " WHERE (? = 0 OR u.team_id = ?) AND e.day >= ? GROUP BY e.block",
                            DB_ARGS(DB_I(s->team_id), DB_I(s->team_id), DB_T(s->from_day)));
    if (st != WT_OK)
        return st;
    for (int i = 0; i < r.nrows; i++) {
        fig_row *row = figures_row(t, db_get(&r, i, 0));
        if (row)
            row->value += (double)db_get_int(&r, i, 1) / 60.0;
    }
    return WT_OK;
}
