/*
 * retention_db.c - SQL of retention and erasure (see retention_db.h).
 *
 * Children before parents, so that every foreign key holds at each step on
 * both SQLite and PostgreSQL. Each removal statement has exactly one
 * placeholder (a selector of cases, a day or a person), except the person's
 * statements, which bind the person's id at every placeholder.
 */
#include "retention_db.h"

#include <string.h>

typedef struct stmt {
    const char *table;
    const char *sql;
    bool counted; /* false: only unlinks rows of another kind */
} stmt;

/* The cases whose data a statement removes: closed before a day, or all of one household. */
#define SEL_CLOSED "SELECT id FROM cases WHERE status = 'closed' AND closed_on < ?"
#define SEL_HOUSEHOLD "SELECT id FROM cases WHERE household_id = ?"

#define CONTACT_STMTS(S) {"contact", "DELETE FROM contact WHERE case_id IN (" S ")", true}

#define GOALS_OF(S) "SELECT g.id FROM goal g JOIN plan p ON p.id = g.plan_id WHERE p.case_id IN (" S ")"
#define ACTIONS_OF(S) "SELECT a.id FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id" \
                      " WHERE p.case_id IN (" S ")"
#define PLAN_STMTS(S)                                                                                                  \
    {"referral_event", "DELETE FROM referral_event WHERE referral_id IN (SELECT id FROM referral WHERE case_id IN (" S \
                       "))", true},                                                                                   \
    {"referral", "DELETE FROM referral WHERE case_id IN (" S ")", true},                                              \
    {"need", "UPDATE need SET action_id = NULL WHERE action_id IN (" ACTIONS_OF(S) ")", false},                     \
    {"intake_finding", "UPDATE intake_finding SET goal_id = NULL WHERE goal_id IN (" GOALS_OF(S) ")", false},       \
    {"action", "DELETE FROM action WHERE goal_id IN (" GOALS_OF(S) ")", true},                                      \
    {"goal", "DELETE FROM goal WHERE plan_id IN (SELECT id FROM plan WHERE case_id IN (" S "))", true},             \
    {"plan", "DELETE FROM plan WHERE case_id IN (" S ")", true}

#define INTAKE_STMTS(S)                                                                                                \
    {"intake_finding", "DELETE FROM intake_finding WHERE intake_id IN (SELECT id FROM intake WHERE case_id IN (" S    \
                       "))", true},                                                                                   \
    {"intake", "DELETE FROM intake WHERE case_id IN (" S ")", true}

#define ASSESSMENT_STMTS(S)                                                                                            \
    {"assessment_score", "DELETE FROM assessment_score WHERE assessment_id IN (SELECT id FROM assessment"           \
                         " WHERE case_id IN (" S "))", true},                                                         \
    {"assessment", "DELETE FROM assessment WHERE case_id IN (" S ")", true}

#define CASE_STMTS(S)                                                                                                  \
    {"case_handover", "UPDATE case_handover SET reason = '' WHERE reason <> '' AND case_id IN (" S ")", true},       \
    {"case_member", "UPDATE case_member SET reason = '' WHERE reason <> '' AND case_id IN (" S ")", true},           \
    {"case_emergency", "UPDATE case_emergency SET reason = '' WHERE reason <> '' AND case_id IN (" S ")", true},     \
    {"cases", "UPDATE cases SET reason = '', close_note = NULL WHERE (reason <> '' OR close_note IS NOT NULL)"      \
              " AND id IN (" S ")", true}

static const stmt closed_contact[] = {CONTACT_STMTS(SEL_CLOSED)};
static const stmt closed_plan[] = {PLAN_STMTS(SEL_CLOSED)};
static const stmt closed_intake[] = {INTAKE_STMTS(SEL_CLOSED)};
static const stmt closed_assessment[] = {ASSESSMENT_STMTS(SEL_CLOSED)};
static const stmt closed_case[] = {CASE_STMTS(SEL_CLOSED)};

/* A household's whole dossier: every kind of each of its cases, its signals, the cases anonymised. */
static const stmt household_cases[] = {
    CONTACT_STMTS(SEL_HOUSEHOLD),
    PLAN_STMTS(SEL_HOUSEHOLD),
    INTAKE_STMTS(SEL_HOUSEHOLD),
    ASSESSMENT_STMTS(SEL_HOUSEHOLD),
    {"signal_followup", "DELETE FROM signal_followup WHERE signal_id IN (SELECT id FROM signal WHERE case_id IN ("
                        SEL_HOUSEHOLD "))", true},
    {"signal", "DELETE FROM signal WHERE case_id IN (" SEL_HOUSEHOLD ")", true},
    CASE_STMTS(SEL_HOUSEHOLD),
};

/* A closed signal that did not lead to a case (one that did is part of the case's dossier). */
#define OLD_SIGNALS "SELECT id FROM signal WHERE status = 'closed' AND closed_on < ? AND case_id IS NULL"
static const stmt old_signals[] = {
    {"signal_followup", "DELETE FROM signal_followup WHERE signal_id IN (" OLD_SIGNALS ")", true},
    {"signal", "DELETE FROM signal WHERE id IN (" OLD_SIGNALS ")", true},
};

#define OLD_QUESTIONS "SELECT id FROM question WHERE status = 'handled' AND received_at < ?"
static const stmt old_questions[] = {
    {"need", "UPDATE need SET question_id = NULL WHERE question_id IN (" OLD_QUESTIONS ")", false},
    {"idea", "UPDATE idea SET question_id = NULL WHERE question_id IN (" OLD_QUESTIONS ")", false},
    {"offer", "UPDATE offer SET question_id = NULL WHERE question_id IN (" OLD_QUESTIONS ")", false},
    {"question", "DELETE FROM question WHERE id IN (" OLD_QUESTIONS ")", true},
};

static const stmt old_network[] = {
    {"relation", "DELETE FROM relation WHERE ended_on IS NOT NULL AND ended_on < ?", true},
    {"network_match", "DELETE FROM network_match WHERE need_id IN (SELECT id FROM need WHERE status = 'closed'"
                      " AND closed_at < ?)", true},
    {"need", "DELETE FROM need WHERE status = 'closed' AND closed_at < ?", true},
};

/* Every row about one person; each ? is the person's id. */
static const stmt person_rows[] = {
    {"relation", "DELETE FROM relation WHERE person_a = ? OR person_b = ?", true},
    {"network_match", "DELETE FROM network_match WHERE offerer_id = ? OR need_id IN (SELECT id FROM need"
                      " WHERE person_id = ?)", true},
    {"need", "DELETE FROM need WHERE person_id = ?", true},
    {"offer", "DELETE FROM offer WHERE person_id = ?", true},
    {"helper_load", "DELETE FROM helper_load WHERE person_id = ?", true},
    {"assessment_score", "DELETE FROM assessment_score WHERE assessment_id IN (SELECT id FROM assessment"
                         " WHERE person_id = ?)", true},
    {"assessment", "DELETE FROM assessment WHERE person_id = ?", true},
    {"signal_followup", "DELETE FROM signal_followup WHERE signal_id IN (SELECT id FROM signal WHERE person_id = ?)",
     true},
    {"signal", "DELETE FROM signal WHERE person_id = ?", true},
    {"referral_event", "DELETE FROM referral_event WHERE referral_id IN (SELECT id FROM referral WHERE consent_id IN"
                       " (SELECT id FROM consent WHERE person_id = ?))", true},
    {"referral", "DELETE FROM referral WHERE consent_id IN (SELECT id FROM consent WHERE person_id = ?)", true},
    {"consent", "DELETE FROM consent WHERE person_id = ?", true},
    /* He took part in an activity: he stays counted, anonymously. */
    {"activity_role", "UPDATE activity_role SET person_id = NULL, name = NULL, note = NULL, anonymous_count = 1"
                      " WHERE person_id = ?", true},
};

/* The household's own rows once its members are gone; each ? is the household's id. */
static const stmt household_rows[] = {
    {"network_match", "DELETE FROM network_match WHERE need_id IN (SELECT id FROM need WHERE household_id = ?)", true},
    {"need", "DELETE FROM need WHERE household_id = ?", true},
    {"need", "UPDATE need SET question_id = NULL WHERE question_id IN (SELECT id FROM question WHERE household_id = ?)",
     false},
    {"idea", "UPDATE idea SET question_id = NULL WHERE question_id IN (SELECT id FROM question WHERE household_id = ?)",
     false},
    {"offer", "UPDATE offer SET question_id = NULL WHERE question_id IN (SELECT id FROM question WHERE household_id = ?)",
     false},
    {"question", "DELETE FROM question WHERE household_id = ?", true},
    {"referral_event", "DELETE FROM referral_event WHERE referral_id IN (SELECT id FROM referral WHERE consent_id IN"
                       " (SELECT id FROM consent WHERE household_id = ?))", true},
    {"referral", "DELETE FROM referral WHERE consent_id IN (SELECT id FROM consent WHERE household_id = ?)", true},
    {"consent", "DELETE FROM consent WHERE household_id = ?", true},
};

#define N(x) ((int)(sizeof(x) / sizeof((x)[0])))

static int placeholders(const char *sql)
{
    int n = 0;
    for (const char *p = sql; *p; p++)
        n += *p == '?';
    return n;
}

/* Runs each statement with v bound at every placeholder; adds the changed rows to t. */
static wt_status run_all(db *c, const stmt *s, int n, db_param v, retention_tally *t)
{
    for (int i = 0; i < n; i++) {
        db_param p[4] = {v, v, v, v};
        int np = placeholders(s[i].sql);
        wt_status st = db_exec(c, s[i].sql, p, (size_t)(np < 4 ? np : 4));
        if (st != WT_OK)
            return st;
        if (s[i].counted)
            retention_tally_add(t, s[i].table, db_changes(c));
    }
    return WT_OK;
}

wt_status retention_db_rules(db *c, arena *a, db_result *r)
{
    return db_query(c, a, r, "SELECT kind, years, legal, updated_at FROM retention_rule", DB_NOARGS);
}

wt_status retention_db_rule_set(db *c, const char *kind, int years, int legal, const char *at, int64_t user_id)
{
    return db_exec(c, "UPDATE retention_rule SET years = ?, legal = ?, updated_at = ?, updated_by = ? WHERE kind = ?",
                   DB_ARGS(DB_I(years), DB_I(legal), DB_T(at), DB_ID_OR_NULL(user_id), DB_T(kind)));
}

wt_status retention_db_purge_closed(db *c, const char *kind, const char *before, retention_tally *t)
{
    static const struct {
        const char *kind;
        const stmt *s;
        int n;
    } kinds[] = {
        {"contact", closed_contact, N(closed_contact)},
        {"plan", closed_plan, N(closed_plan)},
        {"intake", closed_intake, N(closed_intake)},
        {"assessment", closed_assessment, N(closed_assessment)},
        {"case", closed_case, N(closed_case)},
    };
    for (int i = 0; i < N(kinds); i++)
        if (strcmp(kinds[i].kind, kind) == 0)
            return run_all(c, kinds[i].s, kinds[i].n, DB_T(before), t);
    return WT_INVALID;
}

wt_status retention_db_purge_household_cases(db *c, int64_t household_id, retention_tally *t)
{
    return run_all(c, household_cases, N(household_cases), DB_I(household_id), t);
}

wt_status retention_db_purge_signals(db *c, const char *before, retention_tally *t)
{
    return run_all(c, old_signals, N(old_signals), DB_T(before), t);
}

wt_status retention_db_purge_questions(db *c, const char *before, retention_tally *t)
{
    return run_all(c, old_questions, N(old_questions), DB_T(before), t);
}

wt_status retention_db_purge_network(db *c, const char *before, retention_tally *t)
{
    return run_all(c, old_network, N(old_network), DB_T(before), t);
}

static wt_status ids_of(db_result *r, arena *a, int64_t **ids, int *n)
{
    *n = r->nrows;
    *ids = arena_alloc(a, sizeof(int64_t) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*ids)[i] = db_get_int(r, i, 0);
    return WT_OK;
}

wt_status retention_db_households_past(db *c, arena *a, const char *before, int64_t **ids, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT h.id FROM household h WHERE h.anonymised_on IS NULL"
                            " AND EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id)"
                            " AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id"
                            " AND (c.status = 'open' OR c.closed_on IS NULL OR c.closed_on >= ?)) ORDER BY h.id",
                            DB_ARGS(DB_T(before)));
    return st == WT_OK ? ids_of(&r, a, ids, n) : st;
}

wt_status retention_db_household_persons(db *c, arena *a, int64_t household_id, int64_t **ids, int *n)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT id FROM person WHERE household_id = ? ORDER BY id",
                            DB_ARGS(DB_I(household_id)));
    return st == WT_OK ? ids_of(&r, a, ids, n) : st;
}

wt_status retention_db_person_household(db *c, arena *a, int64_t person_id, int64_t *household_id)
{
    db_result r;
    wt_status st = db_query(c, a, &r, "SELECT household_id FROM person WHERE id = ?", DB_ARGS(DB_I(person_id)));
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *household_id = db_get_int(&r, 0, 0);
    return WT_OK;
}

wt_status retention_db_erase_person(db *c, int64_t person_id, const char *placeholder, retention_tally *t)
{
    wt_status st = run_all(c, person_rows, N(person_rows), DB_I(person_id), t);
    if (st == WT_OK)
        st = db_exec(c, "UPDATE idea SET brought_by_person_id = NULL, brought_by_name = ? WHERE brought_by_person_id = ?",
                     DB_ARGS(DB_T(placeholder), DB_I(person_id)));
    if (st == WT_OK) {
        retention_tally_add(t, "idea", db_changes(c));
        st = db_exec(c, "DELETE FROM person WHERE id = ?", DB_ARGS(DB_I(person_id)));
    }
    if (st == WT_OK)
        retention_tally_add(t, "person", db_changes(c));
    return st;
}

wt_status retention_db_household_anonymise(db *c, int64_t household_id, const char *at, retention_tally *t)
{
    wt_status st = run_all(c, household_rows, N(household_rows), DB_I(household_id), t);
    if (st == WT_OK)
        st = db_exec(c, "UPDATE household SET name = '', anonymised_on = ? WHERE id = ? AND anonymised_on IS NULL",
                     DB_ARGS(DB_T(at), DB_I(household_id)));
    if (st == WT_OK)
        retention_tally_add(t, "household", db_changes(c));
    return st;
}

wt_status retention_db_household_cases(db *c, arena *a, int64_t household_id, bool *open, const char **last_closed)
{
    db_result r;
    wt_status st = db_query(c, a, &r,
                            "SELECT COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0), MAX(closed_on)"
                            " FROM cases WHERE household_id = ?",
                            DB_ARGS(DB_I(household_id)));
    if (st != WT_OK)
        return st;
    *open = db_get_int(&r, 0, 0) > 0;
    *last_closed = db_get(&r, 0, 1);
    return WT_OK;
}

wt_status retention_db_log_add(db *c, const char *at, const char *kind, bool dry_run, int64_t user_id,
                               int64_t person_ref, const char *summary)
{
    int64_t id;
    return db_insert(c, &id,
                     "INSERT INTO privacy_log (at, kind, dry_run, user_id, person_ref, summary) VALUES (?, ?, ?, ?, ?, ?)"
                     " RETURNING id",
                     DB_ARGS(DB_T(at), DB_T(kind), DB_I(dry_run ? 1 : 0), DB_ID_OR_NULL(user_id),
                             DB_ID_OR_NULL(person_ref), DB_T(summary)));
}

wt_status retention_db_log(db *c, arena *a, int limit, db_result *r)
{
    return db_query(c, a, r,
                    "SELECT l.id, l.at, l.kind, l.dry_run, u.display_name, l.person_ref, l.summary FROM privacy_log l"
                    " LEFT JOIN app_user u ON u.id = l.user_id ORDER BY l.id DESC LIMIT ?",
                    DB_ARGS(DB_I(limit)));
}
