/*
 * demo_support.c - the support of the demo's cases (see demo_support.h):
 * intakes whose findings became the plan's goals, self-sufficiency histories
 * of the adults (every three months or so, mostly improving on the domains
 * the plan works on, some due again today), and consents with referrals and
 * specialist consultations to services of the social map, in every status.
 *
 * A pass of its own after the social map exists, with its own random stream
 * from the seed: the same seed gives the same support, and the households,
 * cases and plans written before stay as they were.
 */
#include "demo_support.h"
#include "../access/audit.h"
#include "../assessment/assessment.h"
#include "../assessment/assessment_db.h"
#include "../consent/consent.h"
#include "../consent/consent_db.h"
#include "../intake/intake.h"
#include "../intake/intake_db.h"
#include "../referral/referral.h"
#include "../referral/referral_db.h"
#include "demo_gen.h"
#include "demo_support_db.h"

#include <string.h>

#define DEMO_SUPPORT_SALT 0x5e1f5a77ULL
#define MEMBERS_MAX 12

typedef struct support_writer {
    wt_ctx *ctx;
    demo_rng r;
    wt_date today;
    assessment_scale scale;
    demo_support_counts *n;
} support_writer;

typedef struct case_days {
    wt_date opened;
    wt_date end; /* today, or the day it closed */
    const demo_case_row *row;
} case_days;

static const char *iso(support_writer *w, wt_date d)
{
    char *s = arena_alloc(w->ctx->a, 11);
    date_format(d, s);
    return s;
}

static wt_date clamp(wt_date d, wt_date hi)
{
    return date_compare(d, hi) > 0 ? hi : d;
}

static long days_between(wt_date a, wt_date b)
{
    return date_to_days(b) - date_to_days(a);
}

static const char *stamp(support_writer *w, wt_date d)
{
    return arena_printf(w->ctx->a, "%sT10:00:00Z", iso(w, d));
}

/* ---- intake ----------------------------------------------------------------------------------------------------- */

static const char *const questions[] = {
    "Ik zie door de brieven het bos niet meer. Ik wil weer rust in mijn hoofd.",
    "Sinds mijn man overleden is red ik het niet meer alleen in huis.",
    "Mijn zoon zit al maanden thuis en ik weet niet meer hoe ik hem moet helpen.",
    "Ik wil graag werk, maar ik weet niet waar ik moet beginnen.",
    "Het huis is te vol en de verhuurder dreigt met ontruiming. Ik schaam me.",
    "Ik voel me alleen. Ik wil weer mensen om me heen.",
};
static const char *const strengths[] = {
    "Houdt van zijn kinderen en wil het goed doen. Kan goed koken.",
    "Heeft een zus in de buurt die wil helpen. Is eerlijk over wat niet lukt.",
    "Doorzetter; heeft eerder schulden afbetaald. Goed contact met de buren.",
    "Creatief en handig met hout. Sport graag.",
};

static wt_status write_intake(support_writer *w, const case_days *cd, const demo_goal_row *goals, int n_goals)
{
    db *c = w->ctx->db;
    intake it = {0};
    it.case_id = cd->row->id;
    it.household_id = cd->row->household_id;
    wt_date held = clamp(date_add_days(cd->opened, demo_rng_int(&w->r, 0, 6)), cd->end);
    it.held_on = iso(w, held);
    it.question = DEMO_PICK(&w->r, questions);
    it.strengths = DEMO_PICK(&w->r, strengths);
    it.opportunities = "Het buurthuis om de hoek; een vrijwilliger van de taalmaatjes heeft tijd.";
    it.self_does = "Opent de post weer elke week en houdt een schrift bij.";
    it.network_does = "De zus komt op zaterdag; een buurman doet boodschappen.";
    it.own_goals = "Rust, een schoon huis en weer eens op vakantie met de kinderen.";
    int64_t id = 0;
    const char *now = stamp(w, held);
    wt_status st = intake_db_insert(c, &it, 0, now, &id);
    for (int i = 0; i < n_goals && st == WT_OK; i++) {
        intake_finding f = {0, goals[i].domain, *goals[i].situation ? goals[i].situation : goals[i].body,
                            goals[i].strength, goals[i].body, 0};
        st = intake_db_upsert_finding(c, id, &f, now);
    }
    intake saved;
    if (st == WT_OK)
        st = intake_db_get(c, w->ctx->a, cd->row->id, &saved);
    /* Each finding became the goal of its domain (the first goal of that domain). */
    for (int k = 0; st == WT_OK && k < saved.n_findings; k++)
        for (int i = 0; i < n_goals; i++)
            if (strcmp(goals[i].domain, saved.findings[k].domain) == 0) {
                st = intake_db_link_goal(c, saved.findings[k].id, goals[i].id);
                break;
            }
    if (st == WT_OK) {
        audit_log(w->ctx, AUDIT_CREATE, "intake", id, (audit_subject){cd->row->household_id, 0, cd->row->id});
        w->n->intakes++;
    }
    return st;
}

/* ---- assessments ------------------------------------------------------------------------------------------------ */

/* The ZRM domains a life domain of the plan works on. */
static bool worked_on(const char *zrm, const demo_goal_row *goals, int n_goals)
{
    static const struct { const char *plan, *zrm; } map[] = {
        {"money", "finances"},           {"work", "work_education"},         {"work", "time_use"},
        {"housing", "housing"},          {"youth", "domestic_relations"},    {"health", "mental_health"},
        {"health", "physical_health"},   {"care", "basic_adl"},              {"care", "instrumental_adl"},
        {"participation", "social_network"}, {"participation", "social_participation"},
    };
    for (size_t m = 0; m < sizeof map / sizeof map[0]; m++)
        if (strcmp(map[m].zrm, zrm) == 0)
            for (int i = 0; i < n_goals; i++)
                if (strcmp(goals[i].domain, map[m].plan) == 0)
                    return true;
    return false;
}

static wt_status write_assessment(support_writer *w, const case_days *cd, int64_t person, wt_date on, const int *scores)
{
    const assessment_scale *s = &w->scale;
    assessment_row row = {iso(w, on), "Samen met de bewoner ingevuld.", (int *)scores, NULL, s->n_domains};
    row.score_notes = arena_alloc(w->ctx->a, sizeof(char *) * (size_t)s->n_domains);
    for (int k = 0; k < s->n_domains; k++)
        row.score_notes[k] = "";
    int64_t id = 0;
    bool open_then = !cd->row->closed_on || date_compare(on, cd->end) <= 0;
    wt_status st = assessment_db_insert(w->ctx->db, person, open_then ? cd->row->id : 0, s->id, &row,
                                        cd->row->coordinator_id, stamp(w, on), &id);
    if (st == WT_OK)
        st = assessment_db_insert_scores(w->ctx->db, id, s, &row);
    if (st == WT_OK) {
        audit_log(w->ctx, AUDIT_CREATE, "assessment", id, (audit_subject){cd->row->household_id, person, cd->row->id});
        w->n->assessments++;
    }
    return st;
}

/* First scores: low on what the plan works on, better elsewhere, a few domains not assessed. */
static void first_scores(support_writer *w, const demo_goal_row *goals, int n_goals, int *scores)
{
    for (int k = 0; k < w->scale.n_domains; k++) {
        const char *code = w->scale.domains[k].code;
        if (worked_on(code, goals, n_goals))
            scores[k] = demo_rng_int(&w->r, 1, 2);
        else if (strcmp(code, "justice") == 0 || strcmp(code, "substance_use") == 0)
            scores[k] = demo_rng_chance(&w->r, 70) ? 5 : demo_rng_int(&w->r, 3, 4);
        else
            scores[k] = demo_rng_chance(&w->r, 8) ? 0 : demo_rng_int(&w->r, 3, 5);
    }
}

/* The next assessment: most low domains improve a step, some fall back. */
static void next_scores(support_writer *w, int *scores)
{
    for (int k = 0; k < w->scale.n_domains; k++) {
        if (scores[k] == 0)
            continue;
        if (scores[k] < 5 && demo_rng_chance(&w->r, scores[k] <= 2 ? 60 : 25))
            scores[k]++;
        else if (scores[k] > 1 && demo_rng_chance(&w->r, 8))
            scores[k]--;
    }
}

static wt_status write_history(support_writer *w, const case_days *cd, int64_t person, const demo_goal_row *goals,
                               int n_goals)
{
    int *scores = arena_alloc(w->ctx->a, sizeof(int) * (size_t)(w->scale.n_domains ? w->scale.n_domains : 1));
    first_scores(w, goals, n_goals, scores);
    wt_date on = date_add_days(cd->opened, demo_rng_int(&w->r, 3, 14));
    /* Some households are due again today: their last assessment is more than three months old. */
    wt_date last_allowed = demo_rng_chance(&w->r, 30) ? date_add_days(cd->end, -100) : cd->end;
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && date_compare(on, last_allowed) <= 0 && date_compare(on, cd->end) <= 0; i++) {
        if (i > 0)
            next_scores(w, scores);
        st = write_assessment(w, cd, person, on, scores);
        on = date_add_days(on, demo_rng_int(&w->r, 80, 100));
    }
    return st;
}

/* ---- consents and referrals ------------------------------------------------------------------------------------- */

static const char *const reasons[] = {
    "Heeft specialistische hulp nodig die het wijkteam niet kan bieden; de bewoner wil dit zelf ook.",
    "De schulden zijn te groot om met een vrijwilliger op te lossen.",
    "Klachten houden aan ondanks de steun van het netwerk; graag een beoordeling.",
    "De bewoner vraagt om deskundige begeleiding en staat open voor een intake.",
};
static const char *const advices[] = {
    "Bouw eerst een vast dagritme op; bespreek over zes weken opnieuw.",
    "Geen verwijzing nodig: de huisarts kan dit oppakken, het wijkteam houdt de regie.",
    "Betrek de zus bij het plan en maak de afspraken klein en haalbaar.",
};

static wt_status write_consent(support_writer *w, const case_days *cd, int64_t person, const demo_service_row *s,
                               const char *purpose, wt_date given, const char *what, int64_t *id)
{
    consent k = {.household_id = cd->row->household_id, .person_id = person, .what = what,
                 .with_whom = s->organization_name, .organization_id = s->organization_id, .purpose = purpose,
                 .given_on = iso(w, given), .form = demo_rng_chance(&w->r, 60) ? "written" : "verbal"};
    wt_status st = consent_db_insert(w->ctx->db, &k, cd->row->coordinator_id, stamp(w, given), id);
    if (st == WT_OK) {
        audit_log(w->ctx, AUDIT_CREATE, "consent", *id, (audit_subject){cd->row->household_id, person, 0});
        w->n->consents++;
    }
    return st;
}

/* The steps after sending, as far as the days since allow. */
static wt_status write_steps(support_writer *w, const case_days *cd, const referral *r, int64_t id, wt_date sent)
{
    db *c = w->ctx->db;
    bool consultation = strcmp(r->kind, "consultation") == 0;
    long age = days_between(sent, cd->end);
    wt_status st = WT_OK;
    wt_date on = sent;
    if (consultation) {
        if (age >= 7) {
            on = date_add_days(sent, demo_rng_int(&w->r, 3, 7));
            const char *advice = DEMO_PICK(&w->r, advices);
            st = referral_db_set_status(c, id, "ended", iso(w, on), advice, stamp(w, on));
            if (st == WT_OK)
                st = referral_db_add_event(c, id, "ended", iso(w, on), advice, cd->row->coordinator_id, stamp(w, on));
        }
        return st;
    }
    static const char *const steps[] = {"accepted", "started", "ended"};
    static const int gap_lo[] = {7, 7, 40}, gap_hi[] = {21, 20, 90};
    bool declined = demo_rng_chance(&w->r, 10);
    for (int i = 0; i < 3 && st == WT_OK; i++) {
        wt_date next = date_add_days(on, demo_rng_int(&w->r, gap_lo[i], gap_hi[i]));
        if (date_compare(next, cd->end) > 0)
            break;
        const char *status = declined ? "declined" : steps[i];
        const char *note = declined ? "Wachtlijst van meer dan een half jaar; samen een alternatief gezocht."
                                    : (i == 2 ? "Afgerond; de bewoner redt het weer met steun van het netwerk." : "");
        on = next;
        st = referral_db_set_status(c, id, status, iso(w, on), note, stamp(w, on));
        if (st == WT_OK)
            st = referral_db_add_event(c, id, status, iso(w, on), note, cd->row->coordinator_id, stamp(w, on));
        if (declined)
            break;
    }
    return st;
}

static wt_status write_referral(support_writer *w, const case_days *cd, const demo_action_row *x, int64_t person,
                                const demo_service_row *s, bool consultation)
{
    long span = days_between(cd->opened, cd->end);
    if (span < 15)
        return WT_OK;
    wt_date sent = date_add_days(cd->opened, demo_rng_int(&w->r, 14, (int)span));
    /* Some open cases referred lately: waiting for an answer in the coordinator's work queue. */
    if (!cd->row->closed_on && span > 40 && demo_rng_chance(&w->r, 30))
        sent = date_add_days(cd->end, -demo_rng_int(&w->r, 1, 25));
    wt_date given = date_add_days(sent, -demo_rng_int(&w->r, 0, 3));
    bool anonymous = consultation && demo_rng_chance(&w->r, 50);
    referral r = {.action_id = x->id, .case_id = cd->row->id, .kind = consultation ? "consultation" : "referral",
                  .organisation = s->organization_name, .organization_id = s->organization_id, .service_id = s->id,
                  .reason = DEMO_PICK(&w->r, reasons), .urgency = demo_rng_chance(&w->r, 15) ? "soon" : "normal",
                  .shared = anonymous ? "" : " contact question ", .anonymous = anonymous, .sent_on = iso(w, sent)};
    wt_status st = WT_OK;
    if (!anonymous)
        st = write_consent(w, cd, person, s, consultation ? "consultation" : "referral", given, r.shared, &r.consent_id);
    int64_t id = 0;
    if (st == WT_OK)
        st = referral_db_insert(w->ctx->db, &r, cd->row->coordinator_id, stamp(w, sent), &id);
    if (st == WT_OK)
        st = referral_db_add_event(w->ctx->db, id, "sent", r.sent_on, r.reason, cd->row->coordinator_id, stamp(w, sent));
    if (st == WT_OK)
        st = write_steps(w, cd, &r, id, sent);
    /* Now and then the household withdraws its consent later; the referral shows it. */
    if (st == WT_OK && r.consent_id && demo_rng_chance(&w->r, 6) && days_between(sent, cd->end) > 5) {
        wt_date gone = date_add_days(sent, demo_rng_int(&w->r, 1, (int)days_between(sent, cd->end)));
        st = consent_db_withdraw(w->ctx->db, r.consent_id, iso(w, gone), "Wil de gegevens niet langer laten delen.",
                                 cd->row->coordinator_id);
    }
    if (st == WT_OK) {
        audit_log(w->ctx, AUDIT_CREATE, "referral", id, (audit_subject){cd->row->household_id, 0, cd->row->id});
        if (consultation)
            w->n->consultations++;
        else
            w->n->referrals++;
    }
    return st;
}

/* A second-line action if there is one (else any, now and then), to a service of its life domain. */
static wt_status write_referrals(support_writer *w, const case_days *cd, int64_t person)
{
    demo_action_row *xs = NULL;
    int n = 0;
    wt_status st = demo_db_case_actions(w->ctx->db, w->ctx->a, cd->row->id, &xs, &n);
    const demo_action_row *pick = NULL;
    for (int i = 0; st == WT_OK && i < n && !pick; i++)
        if (strcmp(xs[i].layer, "second_line") == 0)
            pick = &xs[i];
    bool consultation = pick && demo_rng_chance(&w->r, 20);
    if (!pick && n > 0 && demo_rng_chance(&w->r, 25)) {
        pick = &xs[demo_rng_int(&w->r, 0, n - 1)];
        consultation = demo_rng_chance(&w->r, 50);
    }
    if (st != WT_OK || !pick)
        return st;
    demo_service_row *services = NULL;
    int ns = 0;
    st = demo_db_services_for(w->ctx->db, w->ctx->a, pick->domain, &services, &ns);
    if (st != WT_OK || ns == 0)
        return st;
    /* Prefer a service of the second line for a second-line action. */
    int k = demo_rng_int(&w->r, 0, ns - 1);
    for (int i = 0; i < ns && strcmp(pick->layer, "second_line") == 0; i++)
        if (services[(k + i) % ns].line && strcmp(services[(k + i) % ns].line, "second") == 0) {
            k = (k + i) % ns;
            break;
        }
    return write_referral(w, cd, pick, person, &services[k], consultation);
}

/* ---- one case --------------------------------------------------------------------------------------------------- */

static wt_status write_case_support(support_writer *w, const demo_case_row *row)
{
    case_days cd = {.row = row};
    wt_date closed;
    if (!date_parse(row->opened_on, &cd.opened))
        return WT_OK;
    cd.end = row->closed_on && date_parse(row->closed_on, &closed) ? closed : w->today;
    demo_goal_row *goals = NULL;
    int n_goals = 0;
    wt_status st = demo_db_case_goals(w->ctx->db, w->ctx->a, row->id, &goals, &n_goals);
    if (st == WT_OK && n_goals > 0 && demo_rng_chance(&w->r, 85))
        st = write_intake(w, &cd, goals, n_goals);
    assessment_person *members = NULL;
    int n_members = 0;
    if (st == WT_OK)
        st = assessment_db_members(w->ctx->db, w->ctx->a, row->household_id, MEMBERS_MAX, &members, &n_members);
    int64_t adult = 0;
    for (int i = 0; st == WT_OK && i < n_members; i++) {
        wt_date born;
        if (!members[i].birth_date || !date_parse(members[i].birth_date, &born) ||
            date_age(born, cd.opened) < ASSESSMENT_ADULT_AGE)
            continue;
        if (!adult || demo_rng_chance(&w->r, 35))
            st = write_history(w, &cd, members[i].id, goals, n_goals);
        if (!adult)
            adult = members[i].id;
    }
    if (st == WT_OK && adult)
        st = write_referrals(w, &cd, adult);
    return st;
}

wt_status demo_support(wt_ctx *ctx, int64_t team_id, uint64_t seed, demo_support_counts *counts, const char **err)
{
    support_writer w = {.ctx = ctx, .today = date_today(), .n = counts};
    memset(counts, 0, sizeof *counts);
    demo_rng_seed(&w.r, seed ^ DEMO_SUPPORT_SALT);
    wt_status st = assessment_db_scale_by_code(ctx->db, ctx->a, ASSESSMENT_DEFAULT_SCALE, &w.scale);
    if (st == WT_OK)
        st = assessment_db_scale_fill(ctx->db, ctx->a, &w.scale);
    demo_case_row *cases = NULL;
    int n = 0;
    if (st == WT_OK)
        st = demo_db_team_cases(ctx->db, ctx->a, team_id, &cases, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        st = write_case_support(&w, &cases[i]);
    if (st != WT_OK && !*err)
        *err = "cannot write the intakes, assessments and referrals of the demo";
    return st;
}
