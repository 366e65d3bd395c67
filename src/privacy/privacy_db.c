/*
 * privacy_db.c - SQL of the resident's file (see privacy_db.h).
 *
 * One query per section. Each placeholder is the person's id (P) or his
 * household's (H), in the order the section's pattern names them; the
 * columns are in the order of the section's fields in privacy.c.
 */
#include "privacy_db.h"

#include <string.h>

#define NAME(p) p ".given_name || ' ' || " p ".family_name"
#define HOUSEHOLD_CASES "SELECT id FROM cases WHERE household_id = ?"

typedef struct section_sql {
    const char *key;
    const char *pattern; /* one letter per placeholder: P person, H household */
    const char *sql;
} section_sql;

static const section_sql sections[] = {
    {"person", "P",
     "SELECT given_name, family_name, birth_date, bsn, phone, email, is_volunteer, is_informal_carer, is_new_resident,"
     " created_at FROM person WHERE id = ?"},
    {"household", "H",
     "SELECT h.name, ad.street || ' ' || CAST(ad.house_number AS TEXT) || ad.house_letter"
     " || CASE WHEN ad.addition <> '' THEN '-' || ad.addition ELSE '' END, ad.postcode, ad.town, t.name, h.created_at"
     " FROM household h JOIN team t ON t.id = h.team_id LEFT JOIN address ad ON ad.id = h.address_id WHERE h.id = ?"},
    {"members", "HP", "SELECT " NAME("p") " FROM person p WHERE p.household_id = ? AND p.id <> ? ORDER BY p.id"},
    {"cases", "H",
     "SELECT c.opened_on, c.status, c.reason, u.display_name, c.closed_on, c.close_reason, c.close_note FROM cases c"
     " JOIN app_user u ON u.id = c.coordinator_id WHERE c.household_id = ? ORDER BY c.opened_on, c.id"},
    {"handovers", "H",
     "SELECT ho.at, f.display_name, t.display_name, ho.reason FROM case_handover ho JOIN cases c ON c.id = ho.case_id"
     " JOIN app_user f ON f.id = ho.from_user_id JOIN app_user t ON t.id = ho.to_user_id WHERE c.household_id = ?"
     " ORDER BY ho.at, ho.id"},
    {"plans", "H",
     "SELECT c.opened_on, p.strengths, p.agreed_on, p.version, p.updated_at FROM plan p JOIN cases c ON c.id = p.case_id"
     " WHERE c.household_id = ? ORDER BY c.opened_on, p.id"},
    {"goals", "H",
     "SELECT g.domain, g.situation, g.strength, g.body, g.status, g.created_at FROM goal g JOIN plan p ON p.id = g.plan_id"
     " JOIN cases c ON c.id = p.case_id WHERE c.household_id = ? ORDER BY g.created_at, g.id"},
    {"actions", "H",
     "SELECT g.body, a.body, a.layer, a.performer, a.due_on, a.status FROM action a JOIN goal g ON g.id = a.goal_id"
     " JOIN plan p ON p.id = g.plan_id JOIN cases c ON c.id = p.case_id WHERE c.household_id = ?"
     " ORDER BY a.created_at, a.id"},
    {"contacts", "H",
     "SELECT x.happened_on, x.kind, x.minutes, x.summary, u.display_name FROM contact x JOIN cases c ON c.id = x.case_id"
     " JOIN app_user u ON u.id = x.user_id WHERE c.household_id = ? ORDER BY x.happened_on, x.id"},
    {"intake", "H",
     "SELECT held_on, question, strengths, opportunities, self_does, network_does, own_goals FROM intake"
     " WHERE household_id = ? ORDER BY held_on, id"},
    {"findings", "H",
     "SELECT f.domain, f.situation, f.strength, f.wish FROM intake_finding f JOIN intake i ON i.id = f.intake_id"
     " WHERE i.household_id = ? ORDER BY i.held_on, f.id"},
    {"assessments", "P",
     "SELECT a.assessed_on, s.name, d.name, sc.score, sc.note, a.note FROM assessment_score sc"
     " JOIN assessment a ON a.id = sc.assessment_id JOIN assessment_scale s ON s.id = a.scale_id"
     " JOIN assessment_domain d ON d.id = sc.domain_id WHERE a.person_id = ? ORDER BY a.assessed_on, a.id, d.position"},
    {"relations", "PPP",
     "SELECT CASE WHEN r.person_a = ? THEN " NAME("b") " ELSE " NAME("a") " END, r.kind, r.strength, r.since, r.source,"
     " r.legal_ground, r.ground_note, r.note, r.recorded_at, r.ended_on FROM relation r"
     " JOIN person a ON a.id = r.person_a JOIN person b ON b.id = r.person_b WHERE r.person_a = ? OR r.person_b = ?"
     " ORDER BY r.recorded_at, r.id"},
    {"offers", "P",
     "SELECT skill, hours_per_week, note, active, legal_ground, recorded_at FROM offer WHERE person_id = ? ORDER BY id"},
    {"load", "P", "SELECT capacity, carries_much, active_matches, note, updated_at FROM helper_load WHERE person_id = ?"},
    {"needs", "PH",
     "SELECT skill, body, source, status, created_at, closed_at FROM need WHERE person_id = ?"
     " OR (household_id = ? AND person_id IS NULL) ORDER BY created_at, id"},
    {"matches", "P",
     "SELECT n.body, m.status, m.reasons, m.note, m.recorded_at FROM network_match m JOIN need n ON n.id = m.need_id"
     " WHERE m.offerer_id = ? ORDER BY m.recorded_at, m.id"},
    {"signals", "PH",
     "SELECT noticed_on, kind, noticed_by, urgency, description, status, outcome, outcome_note, partner_name,"
     " shared_what, legal_ground, closed_on FROM signal WHERE person_id = ? OR case_id IN (" HOUSEHOLD_CASES ")"
     " ORDER BY noticed_on, id"},
    {"followups", "PH",
     "SELECT f.at, f.kind, f.contact_made, f.note FROM signal_followup f JOIN signal s ON s.id = f.signal_id"
     " WHERE s.person_id = ? OR s.case_id IN (" HOUSEHOLD_CASES ") ORDER BY f.at, f.id"},
    {"questions", "H",
     "SELECT received_at, kind, channel, name, contact, body, status, outcome FROM question WHERE household_id = ?"
     " ORDER BY received_at, id"},
    {"consents", "H",
     "SELECT c.given_on, " NAME("p") ", c.what, c.with_whom, c.form, c.withdrawn_on, c.withdrawn_note FROM consent c"
     " JOIN person p ON p.id = c.person_id WHERE c.household_id = ? ORDER BY c.given_on, c.id"},
    {"referrals", "H",
     "SELECT r.sent_on, r.kind, r.organisation, r.reason, r.urgency, r.legal_ground, r.status, r.outcome FROM referral r"
     " WHERE r.case_id IN (" HOUSEHOLD_CASES ") ORDER BY r.sent_on, r.id"},
    {"activities", "P",
     "SELECT a.title, a.starts_on, r.role, r.note FROM activity_role r JOIN activity a ON a.id = r.activity_id"
     " WHERE r.person_id = ? ORDER BY a.starts_on, r.id"},
    {"ideas", "P", "SELECT title, body, status, created_at FROM idea WHERE brought_by_person_id = ? ORDER BY id"},
    {"visits", "H",
     "SELECT st.recorded_at, st.outcome, st.note FROM round_stop st JOIN household h ON h.address_id = st.address_id"
     " WHERE h.id = ? AND st.recorded_at IS NOT NULL ORDER BY st.recorded_at, st.id"},
    {"audit", "PHH",
     "SELECT au.at, u.display_name, au.role, au.action, au.entity, au.reason FROM audit au"
     " LEFT JOIN app_user u ON u.id = au.user_id WHERE au.person_id = ? OR (au.person_id IS NULL"
     " AND (au.household_id = ? OR au.case_id IN (" HOUSEHOLD_CASES "))) ORDER BY au.id LIMIT 20000"},
};

wt_status privacy_db_section(db *c, arena *a, const char *key, int64_t person_id, int64_t household_id, db_result *r)
{
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        if (strcmp(sections[i].key, key) != 0)
            continue;
        db_param p[4];
        size_t n = strlen(sections[i].pattern);
        for (size_t j = 0; j < n && j < 4; j++)
            p[j] = DB_I(sections[i].pattern[j] == 'P' ? person_id : household_id);
        return db_query(c, a, r, sections[i].sql, p, n);
    }
    return WT_NOTFOUND;
}

wt_status privacy_db_subject(db *c, arena *a, int64_t person_id, db_result *r)
{
    return db_query(c, a, r,
                    "SELECT p.id, p.household_id, h.team_id, " NAME("p") ", h.name, t.name,"
                    " (SELECT x.coordinator_id FROM cases x WHERE x.household_id = h.id"
                    "  ORDER BY CASE WHEN x.status = 'open' THEN 0 ELSE 1 END, x.opened_on DESC, x.id DESC LIMIT 1)"
                    " FROM person p JOIN household h ON h.id = p.household_id JOIN team t ON t.id = h.team_id"
                    " WHERE p.id = ?",
                    DB_ARGS(DB_I(person_id)));
}
