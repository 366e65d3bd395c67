/* demo_people.c - households, persons, questions, cases and plans of the demo (see demo_people.h). */
#include "demo_people.h"
#include "../access/audit.h"
#include "../access/audit_db.h"
#include "../assessment/assessment.h"
#include "../core/date.h"
#include "../case/case_db.h"
#include "../casemember/casemember_db.h"
#include "../contact/contact_db.h"
#include "../frontdoor/frontdoor_db.h"
#include "../household/household.h"
#include "../household/household_db.h"
#include "../plan/plan_db.h"
#include "../user/user_db.h"
#include "demo_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the writer ------------------------------------------------------------------------------------------------- */

static int discipline_weight(const char *d)
{
    if (!d)
        return 2;
    if (strcmp(d, "social_worker") == 0 || strcmp(d, "welfare_worker") == 0)
        return 5;
    if (strcmp(d, "intercultural_worker") == 0 || strcmp(d, "youth_worker") == 0 ||
        strcmp(d, "elderly_advisor") == 0)
        return 3;
    if (strcmp(d, "team_leader") == 0)
        return 0;
    if (strcmp(d, "community_worker") == 0)
        return 1;
    return 2;
}

static int by_id(const void *x, const void *y)
{
    const demo_worker *a = x, *b = y;
    return a->id < b->id ? -1 : a->id > b->id;
}

wt_status demo_writer_init(demo_writer *w, wt_ctx *ctx, uint64_t seed, int64_t team_id)
{
    memset(w, 0, sizeof *w);
    w->ctx = ctx;
    demo_rng_seed(&w->r, seed ^ ((uint64_t)team_id * 0x2545F4914F6CDD1DULL));
    w->today = date_today();
    w->bsn_seed = seed;
    w->team_id = team_id;
    w->open_case_percent = 26;
    w->closed_case_percent = 8;
    user *users;
    int n = 0;
    wt_status st = user_db_list(ctx->db, ctx->a, team_id, true, &users, &n);
    if (st != WT_OK)
        return st;
    w->workers = arena_alloc(ctx->a, sizeof(demo_worker) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        if (users[i].role == ROLE_TEAMLEADER)
            w->teamleader_id = users[i].id;
        w->workers[w->n_workers++] = (demo_worker){users[i].id, users[i].display_name, users[i].discipline,
                                                   users[i].role == ROLE_TEAMLEADER ? 0 : discipline_weight(users[i].discipline)};
    }
    qsort(w->workers, (size_t)w->n_workers, sizeof(demo_worker), by_id);
    return w->n_workers > 0 ? WT_OK : WT_NOTFOUND;
}

static const demo_worker *pick_worker(demo_writer *w, int64_t except)
{
    int total = 0;
    for (int i = 0; i < w->n_workers; i++)
        if (w->workers[i].id != except)
            total += w->workers[i].weight;
    int x = demo_rng_int(&w->r, 0, total - 1);
    for (int i = 0; i < w->n_workers; i++) {
        if (w->workers[i].id == except)
            continue;
        if (x < w->workers[i].weight)
            return &w->workers[i];
        x -= w->workers[i].weight;
    }
    return &w->workers[0];
}

/* The next worker in turn (by id: the first demo login first) who is not `except` and takes cases. */
static const demo_worker *next_in_turn(demo_writer *w, int64_t except)
{
    for (int tries = 0; tries < w->n_workers; tries++) {
        const demo_worker *d = &w->workers[w->handover_turn++ % w->n_workers];
        if (d->id != except && d->weight > 0)
            return d;
    }
    return pick_worker(w, except);
}

static const demo_worker *worker_by_id(demo_writer *w, int64_t id)
{
    for (int i = 0; i < w->n_workers; i++)
        if (w->workers[i].id == id)
            return &w->workers[i];
    return &w->workers[0];
}

/* A date `days` before today, as text (arena). */
static char *day(demo_writer *w, long offset_from_today)
{
    char *s = arena_alloc(w->ctx->a, 11);
    date_format(date_add_days(w->today, offset_from_today), s);
    return s;
}

/* A timestamp on a day, during office hours. */
static char *stamp(demo_writer *w, long offset_from_today)
{
    char d[11];
    date_format(date_add_days(w->today, offset_from_today), d);
    return arena_printf(w->ctx->a, "%sT%02d:%02d:%02dZ", d, demo_rng_int(&w->r, 7, 15), demo_rng_int(&w->r, 0, 59),
                        demo_rng_int(&w->r, 0, 59));
}

static long rnd(demo_writer *w, long lo, long hi)
{
    return demo_rng_int(&w->r, (int)lo, (int)hi);
}

/* ---- households and persons ------------------------------------------------------------------------------------- */

static wt_status write_person(demo_writer *w, int64_t hh, const demo_person *p, const char *now, int64_t *out)
{
    arena *a = w->ctx->a;
    const char *name_folded = person_name_fold(a, p->given_name, p->family_name);
    const char *family_folded = person_family_fold(a, p->family_name);
    const char *bsn = p->bsn[0] ? p->bsn : NULL;
    int64_t id;
    wt_status st = WT_OK;
    if (w->bulk) {
        demo_bulk *b = w->bulk;
        if (b->n_persons >= b->cap_persons)
            return WT_TOOLARGE;
        id = ++b->last.person;
        b->persons[b->n_persons++] = (demo_person_row){id, hh, w->team_id, p->given_name, p->family_name, name_folded,
                                                       family_folded, p->birth_date, bsn, p->phone, p->email,
                                                       p->is_volunteer, p->is_informal_carer, p->is_new_resident, now};
    } else {
        person_row row = {p->given_name, p->family_name, name_folded, family_folded, p->birth_date, bsn,
                          p->phone, p->email, p->is_volunteer, p->is_informal_carer, p->is_new_resident};
        st = person_db_insert(w->ctx->db, hh, &row, now, &id);
    }
    if (st == WT_OK) {
        audit_log(w->ctx, AUDIT_CREATE, "person", id, (audit_subject){hh, id, 0});
        w->n.persons++;
        *out = id;
    }
    return st;
}

static const char *full_name(demo_writer *w, const demo_person *p)
{
    return arena_printf(w->ctx->a, "%s %s", p->given_name, p->family_name);
}

static const char *contact_of(demo_writer *w, const demo_person *p)
{
    if (p->phone)
        return p->phone;
    if (p->email)
        return p->email;
    (void)w;
    return NULL;
}

/* ---- front door ------------------------------------------------------------------------------------------------- */

static wt_status write_question(demo_writer *w, const demo_question_tpl *q, const char *name, const char *reach,
                                int64_t hh, long received, const char *status)
{
    question_input in = {q->kind, q->channel, name, reach, q->body, hh};
    int64_t id;
    const demo_worker *by = pick_worker(w, 0);
    wt_status st = question_db_insert(w->ctx->db, w->team_id, &in, stamp(w, received), by->id, &id);
    if (st == WT_OK && strcmp(status, "open") != 0)
        st = question_db_set_status(w->ctx->db, id, status,
                                    strcmp(status, "case") == 0 ? "Casus geopend na een intakegesprek." : q->outcome);
    if (st == WT_OK) {
        audit_log(w->ctx, AUDIT_CREATE, "question", id, (audit_subject){hh, 0, 0});
        w->n.questions++;
    }
    return st;
}

/* A question template of this kind (question, idea, offer). */
static const demo_question_tpl *pick_question(demo_writer *w, const char *kind)
{
    for (int tries = 0; tries < 64; tries++) {
        const demo_question_tpl *q = &demo_questions[demo_rng_int(&w->r, 0, demo_questions_n - 1)];
        if (strcmp(q->kind, kind) == 0)
            return q;
    }
    return &demo_questions[0];
}

wt_status demo_write_unknown_questions(demo_writer *w, int n)
{
    static const char *const kinds[] = {"question", "question", "question", "idea", "offer"};
    wt_status st = WT_OK;
    for (int i = 0; i < n && st == WT_OK; i++) {
        demo_household h;
        uint64_t no_bsn = 0;
        demo_household_make(&w->r, w->ctx->a, w->today, w->bsn_seed, &no_bsn, &h);
        const demo_question_tpl *q = pick_question(w, DEMO_PICK(&w->r, kinds));
        long received = -rnd(w, 0, 50);
        const char *status = received > -25 && demo_rng_chance(&w->r, 75) ? "open" : "handled";
        st = write_question(w, q, full_name(w, &h.members[0]), contact_of(w, &h.members[0]), 0, received, status);
    }
    return st;
}

/* ---- cases and plans -------------------------------------------------------------------------------------------- */

typedef struct case_shape {
    bool open;
    long opened;  /* day offsets from today (negative: in the past) */
    long closed;  /* closed cases only */
    long handover; /* 0: none */
    int64_t first_coordinator, coordinator;
    int64_t performers[DEMO_PERFORMERS_MAX]; /* colleagues other than the coordinator with an action in the plan */
    int n_performers;
} case_shape;

/* Remembers a colleague who carries out an action of the plan (he becomes a member of the case). */
static void note_performer(case_shape *cs, int64_t user_id)
{
    if (user_id == cs->coordinator)
        return;
    for (int i = 0; i < cs->n_performers; i++)
        if (cs->performers[i] == user_id)
            return;
    if (cs->n_performers < DEMO_PERFORMERS_MAX)
        cs->performers[cs->n_performers++] = user_id;
}

/* Up to three goals of different life domains that fit the household. */
static int pick_goals(demo_writer *w, const demo_household *h, const demo_goal_tpl **out, int want)
{
    int n = 0;
    for (int tries = 0; tries < 40 && n < want; tries++) {
        const demo_goal_tpl *g = &demo_goals[demo_rng_int(&w->r, 0, demo_goals_n - 1)];
        if (!demo_goal_fits(g, h, w->today))
            continue;
        bool dup = false;
        for (int i = 0; i < n; i++)
            dup = dup || strcmp(out[i]->domain, g->domain) == 0;
        if (!dup)
            out[n++] = g;
    }
    return n;
}

static const char *action_status(demo_writer *w, const case_shape *cs, bool goal_done, long due)
{
    if (!cs->open)
        return demo_rng_chance(&w->r, 85) ? "done" : "cancelled";
    if (goal_done)
        return "done";
    /* Long past: done, now and then still running; recently past: often still open (overdue). */
    if (due < -45)
        return demo_rng_chance(&w->r, 92) ? "done" : "in_progress";
    if (due < 0)
        return demo_rng_chance(&w->r, 45) ? "done" : demo_rng_chance(&w->r, 50) ? "in_progress" : "planned";
    return demo_rng_chance(&w->r, 70) ? "planned" : "in_progress";
}

static wt_status write_actions(demo_writer *w, case_shape *cs, const demo_household *h, const demo_goal_tpl *g,
                               int64_t goal_id, long goal_day, bool goal_done)
{
    long end = cs->open ? 0 : cs->closed;
    int n = demo_rng_int(&w->r, 3, DEMO_ACTIONS_PER_GOAL);
    for (int i = 0; i < n; i++) {
        const demo_action_tpl *t = &g->actions[i];
        plan_action a = {0};
        a.body = t->body;
        a.layer = t->layer;
        a.performer = t->performer;
        if (strcmp(t->layer, "self") == 0) {
            a.performer = full_name(w, &h->members[0]);
        } else if (strcmp(t->layer, "team") == 0) {
            /* Mostly the coordinator; now and then a colleague of another discipline. */
            const demo_worker *who = demo_rng_chance(&w->r, 75) ? worker_by_id(w, cs->coordinator)
                                                                 : pick_worker(w, cs->coordinator);
            a.performer = who->name;
            a.performer_user_id = who->id;
            note_performer(cs, who->id);
        }
        long due = goal_day + rnd(w, 10, 120);
        if (cs->open && strcmp(t->layer, "team") == 0 && demo_rng_chance(&w->r, 30))
            due = rnd(w, -10, 6); /* something for this week's work queue */
        if (!cs->open && due > end)
            due = end - rnd(w, 0, 20);
        bool no_due = strcmp(t->layer, "network") == 0 && demo_rng_chance(&w->r, 30);
        a.due_on = no_due ? NULL : day(w, due);
        a.status = action_status(w, cs, goal_done, due);
        int64_t id;
        wt_status st = plan_db_insert_action(w->ctx->db, goal_id, &a, stamp(w, goal_day), &id);
        if (st != WT_OK)
            return st;
        w->n.actions++;
    }
    return WT_OK;
}

static wt_status write_plan(demo_writer *w, int64_t case_id, case_shape *cs, const demo_household *h,
                            const demo_goal_tpl **goals, int n_goals)
{
    db *c = w->ctx->db;
    wt_status st = plan_db_ensure(c, case_id, stamp(w, cs->opened));
    plan_view pv;
    if (st == WT_OK)
        st = plan_db_get(c, w->ctx->a, case_id, &pv);
    if (st != WT_OK)
        return st;
    const char *s1 = demo_strengths[demo_rng_int(&w->r, 0, demo_strengths_n - 1)];
    const char *s2 = demo_strengths[demo_rng_int(&w->r, 0, demo_strengths_n - 1)];
    st = plan_db_set_strengths(c, pv.id, s1 == s2 ? s1 : arena_printf(w->ctx->a, "%s %s", s1, s2));
    long end = cs->open ? 0 : cs->closed;
    for (int i = 0; i < n_goals && st == WT_OK; i++) {
        const demo_goal_tpl *g = goals[i];
        long goal_day = cs->opened + rnd(w, 2, 21);
        if (goal_day > end)
            goal_day = end;
        goal_input in = {g->domain, g->situation, g->strength, g->goal, NULL};
        int64_t goal_id;
        st = plan_db_insert_goal(c, pv.id, &in, stamp(w, goal_day), &goal_id);
        bool done = !cs->open || (cs->opened < -120 && demo_rng_chance(&w->r, 20));
        if (st == WT_OK && done) {
            plan_goal pg = {.domain = g->domain, .situation = g->situation, .strength = g->strength, .body = g->goal};
            pg.status = cs->open || demo_rng_chance(&w->r, 75) ? "achieved" : "dropped";
            st = plan_db_update_goal(c, goal_id, &pg);
        }
        if (st == WT_OK)
            st = write_actions(w, cs, h, g, goal_id, goal_day, done && cs->open);
        if (st == WT_OK)
            st = plan_db_bump(c, pv.id, stamp(w, goal_day));
        w->n.goals++;
    }
    /* Most plans are agreed with the household a few weeks after the intake; some changed since. */
    long agreed = cs->opened + rnd(w, 7, 30);
    if (st == WT_OK && agreed <= end && (!cs->open || demo_rng_chance(&w->r, 85))) {
        st = plan_db_agree(c, pv.id, day(w, agreed));
        if (st == WT_OK && cs->open && demo_rng_chance(&w->r, 12))
            st = plan_db_bump(c, pv.id, stamp(w, agreed + (end - agreed) / 2));
    }
    if (st == WT_OK)
        audit_log(w->ctx, AUDIT_CREATE, "plan", pv.id, (audit_subject){0, 0, case_id});
    return st;
}

static wt_status write_contacts(demo_writer *w, int64_t case_id, const case_shape *cs)
{
    long end = cs->open ? 0 : cs->closed;
    long span = end - cs->opened;
    int n = 2 + (int)(span / 45);
    if (n > 9)
        n = 9;
    for (int i = 0; i < n; i++) {
        long when = cs->opened + (span * i) / n + rnd(w, 0, span / n > 1 ? span / n - 1 : 0);
        if (when > end)
            when = end;
        const demo_contact_tpl *t = &demo_contacts[i == 0 ? 1 : demo_rng_int(&w->r, 0, demo_contacts_n - 1)];
        int64_t by = cs->handover && when >= cs->handover ? cs->coordinator : cs->first_coordinator;
        contact_input in = {t->kind, day(w, when), NULL, t->summary};
        int64_t id;
        wt_status st = contact_db_insert(w->ctx->db, case_id, by, &in, t->minutes + 5 * demo_rng_int(&w->r, 0, 3),
                                         stamp(w, when), &id);
        if (st != WT_OK)
            return st;
        audit_log(w->ctx, AUDIT_CREATE, "contact", id, (audit_subject){0, 0, case_id});
        w->n.contacts++;
    }
    return WT_OK;
}

/*
 * Need-to-know: who besides the coordinator sees the case. The colleagues who
 * carry out an action of the plan; the former coordinator for a while after a
 * hand-over; and, drawn from a generator of its own (so the rest of the demo
 * stays as it was), a colleague who thinks along or the team leader.
 */
static wt_status write_members(demo_writer *w, int64_t case_id, const case_shape *cs)
{
    db *c = w->ctx->db;
    int64_t id = 0;
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < cs->n_performers; i++)
        st = casemember_db_insert(c, case_id, cs->performers[i], "Voert een actie uit in het plan.", cs->coordinator,
                                  stamp(w, cs->opened + 7 < 0 ? cs->opened + 7 : 0), &id);
    if (st == WT_OK && cs->handover && cs->first_coordinator != cs->coordinator) {
        int64_t existing = 0;
        st = casemember_db_active(c, w->ctx->a, case_id, cs->first_coordinator, &existing);
        if (st == WT_OK && !existing)
            st = casemember_db_insert(c, case_id, cs->first_coordinator,
                                      "Vorige regisseur: warme overdracht aan de nieuwe regisseur.", cs->coordinator,
                                      stamp(w, cs->handover), &id);
        if (st == WT_OK && !existing && cs->handover + 21 < 0)
            st = casemember_db_end(c, case_id, id, cs->coordinator, stamp(w, cs->handover + 21));
    }
    demo_rng own;
    demo_rng_seed(&own, (uint64_t)case_id * 0x9E3779B97F4A7C15ULL ^ w->bsn_seed);
    if (st == WT_OK && cs->open && demo_rng_chance(&own, 30)) {
        const demo_worker *d = &w->workers[demo_rng_int(&own, 0, w->n_workers - 1)];
        int64_t existing = 0;
        st = casemember_db_active(c, w->ctx->a, case_id, d->id, &existing);
        if (st == WT_OK && !existing && d->id != cs->coordinator) {
            bool leader = d->id == w->teamleader_id;
            const char *reason = leader ? demo_member_reasons_leader[demo_rng_int(&own, 0, demo_member_reasons_leader_n - 1)]
                                        : demo_member_reasons[demo_rng_int(&own, 0, demo_member_reasons_n - 1)];
            st = casemember_db_insert(c, case_id, d->id, reason, leader ? d->id : cs->coordinator,
                                      stamp(w, cs->opened + 20 < 0 ? cs->opened + demo_rng_int(&own, 1, 20) : 0), &id);
        }
    }
    return st;
}

/* A score per domain: a few domains where it is hard (1-2), most where it goes (3-5); 0: not assessed. */
static void first_scores(demo_rng *r, int *scores, int n)
{
    for (int d = 0; d < n; d++) {
        int x = demo_rng_int(r, 0, 99);
        scores[d] = x < 6 ? 0 : x < 22 ? demo_rng_int(r, 1, 2) : x < 45 ? 3 : demo_rng_int(r, 4, 5);
    }
}

static wt_status add_assessment(demo_writer *w, demo_rng *r, int64_t hh, int64_t person_id, int64_t case_id,
                                int64_t by, long on, const int *scores)
{
    demo_bulk *b = w->bulk;
    const assessment_scale *s = w->scale;
    wt_status st = WT_OK;
    if (b->n_assessments == b->cap_assessments)
        st = demo_bulk_flush_assessments(w);
    if (st != WT_OK)
        return st;
    int64_t id = ++b->last.assessment;
    char *when = day(w, on);
    b->assessments[b->n_assessments++] =
        (demo_assessment_row){id, person_id, case_id, s->id, when, by,
                              arena_printf(w->ctx->a, "%sT%02d:%02d:00Z", when, demo_rng_int(r, 8, 16), demo_rng_int(r, 0, 59))};
    for (int d = 0; d < s->n_domains; d++)
        b->scores[b->n_scores++] = (demo_score_row){id, s->domains[d].id, scores[d]};
    audit_log(w->ctx, AUDIT_CREATE, "assessment", id, (audit_subject){hh, person_id, case_id});
    w->n.assessments++;
    return WT_OK;
}

/*
 * Bulk mode with a scale: the adults of a case (the first always, a second one
 * now and then) assessed a few days after the case opened and about every
 * quarter after, most domains a little better each time. A random stream of
 * its own, so the rest of the data is the same with or without assessments.
 */
static wt_status write_assessments(demo_writer *w, int64_t hh, int64_t case_id, const case_shape *cs,
                                   const demo_household *h)
{
    if (!w->scale || !w->bulk || w->scale->n_domains > ASSESSMENT_MAX_DOMAINS_DEMO)
        return WT_OK;
    demo_rng r;
    demo_rng_seed(&r, w->bsn_seed ^ ((uint64_t)case_id * 0x9E3779B97F4A7C15ULL));
    long end = cs->open ? 0 : cs->closed;
    wt_status st = WT_OK;
    for (int m = 0, assessed = 0; m < h->n_members && assessed < 2 && st == WT_OK; m++) {
        if (!h->members[m].adult || (assessed == 1 && !demo_rng_chance(&r, 40)))
            continue;
        assessed++;
        int scores[ASSESSMENT_MAX_DOMAINS_DEMO];
        first_scores(&r, scores, w->scale->n_domains);
        long on = cs->opened + demo_rng_int(&r, 3, 20);
        for (int k = 0; k < 4 && on <= end && st == WT_OK; k++) {
            int64_t by = cs->handover && on >= cs->handover ? cs->coordinator : cs->first_coordinator;
            st = add_assessment(w, &r, hh, h->person_ids[m], case_id, by, on, scores);
            for (int d = 0; d < w->scale->n_domains; d++)
                if (scores[d] && scores[d] < 5 && demo_rng_chance(&r, 35))
                    scores[d]++;
            on += demo_rng_int(&r, 80, 130);
        }
    }
    return st;
}

static wt_status write_case(demo_writer *w, int64_t hh, const demo_household *h, bool open)
{
    const demo_goal_tpl *goals[3];
    int n_goals = pick_goals(w, h, goals, demo_rng_int(&w->r, 2, 3));
    if (n_goals == 0)
        return WT_OK;
    case_shape cs = {.open = open};
    if (open) {
        cs.opened = -rnd(w, 10, 420);
    } else {
        cs.opened = -rnd(w, 250, 800);
        cs.closed = cs.opened + rnd(w, 60, 220);
        if (cs.closed > -30)
            cs.closed = -30;
    }
    cs.first_coordinator = cs.coordinator = pick_worker(w, 0)->id;
    if (open && cs.opened < -40 && demo_rng_chance(&w->r, 15)) {
        bool recent = demo_rng_chance(&w->r, 50);
        cs.handover = recent ? -rnd(w, 1, 28) : cs.opened + rnd(w, 20, -cs.opened - 1);
        cs.coordinator = recent ? next_in_turn(w, cs.first_coordinator)->id : pick_worker(w, cs.first_coordinator)->id;
    }
    db *c = w->ctx->db;
    /* Most cases began with a question at the front door. */
    wt_status st = WT_OK;
    if (demo_rng_chance(&w->r, 60))
        st = write_question(w, pick_question(w, "question"), full_name(w, &h->members[0]), contact_of(w, &h->members[0]),
                            hh, cs.opened - rnd(w, 1, 14), "case");
    case_open_input in = {hh, goals[0]->reason, cs.first_coordinator};
    int64_t case_id = 0;
    if (st == WT_OK)
        st = case_db_insert(c, &in, w->team_id, day(w, cs.opened), &case_id);
    if (st == WT_OK)
        audit_log(w->ctx, AUDIT_CREATE, "case", case_id, (audit_subject){hh, 0, case_id});
    if (st == WT_OK && cs.handover) {
        int64_t by = demo_rng_chance(&w->r, 50) && w->teamleader_id ? w->teamleader_id : cs.first_coordinator;
        st = case_db_insert_handover(c, case_id, cs.first_coordinator, cs.coordinator, by, stamp(w, cs.handover),
                                     demo_handover_reasons[demo_rng_int(&w->r, 0, demo_handover_reasons_n - 1)]);
        if (st == WT_OK)
            st = case_db_set_coordinator(c, case_id, cs.first_coordinator, cs.coordinator);
        w->n.handovers++;
    }
    if (st == WT_OK)
        st = write_plan(w, case_id, &cs, h, goals, n_goals);
    if (st == WT_OK)
        st = write_contacts(w, case_id, &cs);
    if (st == WT_OK)
        st = write_members(w, case_id, &cs);
    if (st == WT_OK)
        st = write_assessments(w, hh, case_id, &cs, h);
    if (st == WT_OK && !open) {
        const demo_close_tpl *cl = &demo_closes[demo_rng_int(&w->r, 0, demo_closes_n - 1)];
        st = case_db_close(c, case_id, day(w, cs.closed), cl->reason, cl->note);
    }
    if (st == WT_OK) {
        if (open)
            w->n.cases_open++;
        else
            w->n.cases_closed++;
    }
    return st;
}

/* ---- one household ---------------------------------------------------------------------------------------------- */

/* The address and the household row: at once, or collected in bulk mode. */
static wt_status add_address_and_household(demo_writer *w, const demo_place *place, const demo_household *h,
                                           const char *registered, int64_t *hh)
{
    wt_ctx *ctx = w->ctx;
    demo_address_row ar = {0, place->addr->postcode, place->addr->house_number, place->addr->house_letter,
                           place->addr->addition, place->addr->street, place->town, place->neighbourhood_code,
                           place->lat, place->lon};
    if (w->bulk) {
        demo_bulk *b = w->bulk;
        if (b->n_households >= b->cap_households)
            return WT_TOOLARGE;
        /* Copies: the place's strings may live only as long as the caller's address. */
        ar.id = ++b->last.address;
        ar.postcode = arena_strdup(ctx->a, ar.postcode);
        ar.house_letter = arena_strdup(ctx->a, ar.house_letter);
        ar.addition = arena_strdup(ctx->a, ar.addition);
        *hh = ++b->last.household;
        b->addresses[b->n_households] = ar;
        b->households[b->n_households++] = (demo_household_row){*hh, w->team_id, ar.id, h->name, registered};
        return WT_OK;
    }
    int64_t addr_id;
    wt_status st = demo_db_address_insert(ctx->db, &ar, &addr_id);
    if (st == WT_OK)
        st = household_db_insert(ctx->db, w->team_id, addr_id, h->name, registered, 0, hh);
    return st;
}

wt_status demo_household_add(demo_writer *w, const demo_place *place, demo_household *h, int64_t *hh)
{
    demo_household_make(&w->r, w->ctx->a, w->today, w->bsn_seed, &w->bsn_next, h);
    const char *registered = stamp(w, -rnd(w, 820, 2500));
    wt_status st = add_address_and_household(w, place, h, registered, hh);
    if (st != WT_OK)
        return st;
    audit_log(w->ctx, AUDIT_CREATE, "household", *hh, (audit_subject){*hh, 0, 0});
    w->n.households++;
    for (int i = 0; i < h->n_members && st == WT_OK; i++)
        st = write_person(w, *hh, &h->members[i], registered, &h->person_ids[i]);
    return st;
}

wt_status demo_household_follow(demo_writer *w, int64_t hh, const demo_household *h)
{
    wt_status st = WT_OK;
    /* Elderly and single parents come to the team more often. */
    int bias = h->kind == DEMO_HH_ELDERLY_ALONE || h->kind == DEMO_HH_SINGLE_PARENT ? 12 : 0;
    if (demo_rng_chance(&w->r, w->closed_case_percent))
        st = write_case(w, hh, h, false);
    if (st == WT_OK && demo_rng_chance(&w->r, w->open_case_percent + bias * w->open_case_percent / 26))
        st = write_case(w, hh, h, true);
    else if (st == WT_OK && demo_rng_chance(&w->r, 6))
        st = write_question(w, pick_question(w, h->members[0].is_volunteer ? "offer" : "question"),
                            full_name(w, &h->members[0]), contact_of(w, &h->members[0]), hh, -rnd(w, 5, 300),
                            "handled");
    return st;
}

wt_status demo_write_household(demo_writer *w, const demo_place *place)
{
    demo_household h;
    int64_t hh = 0;
    wt_status st = demo_household_add(w, place, &h, &hh);
    if (st == WT_OK)
        st = demo_household_follow(w, hh, &h);
    return st;
}

/* ---- bulk mode -------------------------------------------------------------------------------------------------- */

wt_status demo_bulk_start(demo_writer *w, demo_bulk *b)
{
    memset(b, 0, sizeof *b);
    wt_status st = demo_db_max_ids(w->ctx->db, w->ctx->a, &b->last);
    const char *last = NULL;
    if (st == WT_OK)
        st = audit_db_last_hash(w->ctx->db, w->ctx->a, &last);
    if (st != WT_OK)
        return st;
    /* The genesis of the chain, as audit.c starts it. */
    snprintf(b->hash_buf, sizeof b->hash_buf, "%s",
             last ? last : "0000000000000000000000000000000000000000000000000000000000000000");
    b->last_hash = b->hash_buf;
    w->bulk = b;
    return WT_OK;
}

void demo_bulk_room(demo_bulk *b, arena *a, int households)
{
    b->cap_households = households;
    b->cap_persons = households * DEMO_MAX_MEMBERS;
    b->addresses = arena_alloc(a, sizeof(demo_address_row) * (size_t)households);
    b->households = arena_alloc(a, sizeof(demo_household_row) * (size_t)households);
    b->persons = arena_alloc(a, sizeof(demo_person_row) * (size_t)b->cap_persons);
    b->n_households = b->n_persons = 0;
    b->cap_assessments = households / 2 + 8;
    b->assessments = arena_alloc(a, sizeof(demo_assessment_row) * (size_t)b->cap_assessments);
    b->scores = arena_alloc(a, sizeof(demo_score_row) * (size_t)(b->cap_assessments * ASSESSMENT_MAX_DOMAINS_DEMO));
    b->n_assessments = b->n_scores = 0;
}

wt_status demo_bulk_flush_assessments(demo_writer *w)
{
    demo_bulk *b = w->bulk;
    wt_status st = demo_db_assessments(w->ctx->db, w->ctx->a, b->assessments, b->n_assessments);
    if (st == WT_OK)
        st = demo_db_scores(w->ctx->db, w->ctx->a, b->scores, b->n_scores);
    b->n_assessments = b->n_scores = 0;
    return st;
}

wt_status demo_bulk_flush(demo_writer *w)
{
    demo_bulk *b = w->bulk;
    db *c = w->ctx->db;
    wt_status st = demo_db_addresses(c, w->ctx->a, b->addresses, b->n_households);
    if (st == WT_OK)
        st = demo_db_households(c, w->ctx->a, b->households, b->n_households);
    if (st == WT_OK)
        st = demo_db_persons(c, w->ctx->a, b->persons, b->n_persons);
    b->n_households = b->n_persons = 0;
    return st;
}

wt_status demo_bulk_audit(demo_writer *w)
{
    wt_ctx *ctx = w->ctx;
    demo_bulk *b = w->bulk;
    int n = 0;
    for (audit_entry *e = ctx->audit_head; e; e = e->next)
        n++;
    if (n == 0)
        return WT_OK;
    audit_row *rows = arena_alloc(ctx->a, sizeof(audit_row) * (size_t)n);
    const char *now = date_now_iso(ctx->a);
    const char *prev = b->last_hash;
    int i = 0;
    for (audit_entry *e = ctx->audit_head; e; e = e->next, i++) {
        audit_row *r = &rows[i];
        *r = (audit_row){.id = ++b->last.audit,
                         .at = now,
                         .user_id = ctx->who.user_id,
                         .role = role_code(ctx->who.role),
                         .action = audit_action_code(e->action),
                         .entity = e->entity,
                         .entity_id = e->entity_id,
                         .household_id = e->household_id,
                         .person_id = e->person_id,
                         .case_id = e->case_id,
                         .reason = e->reason,
                         .prev_hash = prev};
        char *h = arena_alloc(ctx->a, 65);
        audit_hash(r, h);
        r->hash = h;
        prev = h;
    }
    wt_status st = demo_db_audit_rows(ctx->db, ctx->a, rows, n);
    if (st == WT_OK) {
        memcpy(b->hash_buf, prev, 65);
        b->last_hash = b->hash_buf;
        ctx->audit_head = ctx->audit_tail = NULL;
    }
    return st;
}

/* ---- Heechterp-Schieringen -------------------------------------------------------------------------------------- */

typedef struct hs_street {
    const char *name;
    const char *pc4;
    const char *neighbourhood;
    int numbers;
    bool flats;
    double lat, lon;
} hs_street;

/* The streets of Schieringen (trees and shrubs) and Heechterp (portiekflats), with their postcode areas. */
static const hs_street hs_streets[] = {
    {"Ahornstraat", "8925", "BU00800301", 80, true, 53.2079, 5.8262},
    {"Wilgenstraat", "8925", "BU00800301", 60, true, 53.2071, 5.8281},
    {"Archipelweg", "8925", "BU00800301", 180, false, 53.2089, 5.8240},
    {"Abeelstraat", "8924", "BU00800302", 50, true, 53.2031, 5.8236},
    {"Berkenstraat", "8924", "BU00800302", 90, false, 53.2025, 5.8249},
    {"Cederstraat", "8924", "BU00800302", 50, true, 53.2019, 5.8262},
    {"Dennenstraat", "8924", "BU00800302", 90, false, 53.2013, 5.8275},
    {"Esdoornstraat", "8924", "BU00800302", 40, true, 53.2040, 5.8290},
    {"Plataanstraat", "8924", "BU00800302", 110, false, 53.2046, 5.8226},
    {"Hagedoornplein", "8924", "BU00800302", 40, false, 53.2003, 5.8254},
    {"Boksdoornstraat", "8924", "BU00800302", 70, false, 53.1998, 5.8268},
    {"Vuurdoornstraat", "8924", "BU00800302", 70, false, 53.1994, 5.8284},
    {"Schieringerweg", "8924", "BU00800302", 200, false, 53.2036, 5.8310},
};
#define HS_STREETS (int)(sizeof hs_streets / sizeof hs_streets[0])

typedef struct hs_slot {
    int street;
    int index;
} hs_slot;

static wt_status hs_neighbourhoods(wt_ctx *ctx, int64_t team_id)
{
    wt_status st = demo_db_neighbourhood_insert(ctx->db, "BU00800302", "Schieringen", "WK008003", "Leeuwarden", team_id);
    if (st == WT_OK)
        st = demo_db_neighbourhood_insert(ctx->db, "BU00800301", "Heechterp", "WK008003", "Leeuwarden", team_id);
    return st;
}

wt_status demo_people(wt_ctx *ctx, const demo_options *opt, int64_t team_id, const char **err)
{
    demo_writer w;
    wt_status st = demo_writer_init(&w, ctx, opt->seed, team_id);
    if (st == WT_OK)
        st = hs_neighbourhoods(ctx, team_id);
    if (st != WT_OK) {
        *err = "cannot prepare the demo neighbourhood";
        return st;
    }
    /* Every address of the neighbourhood, in a shuffled order: households live all over it. */
    demo_street streets[HS_STREETS];
    int total = 0, letters[2] = {0, 0};
    for (int i = 0; i < HS_STREETS; i++) {
        int side = strcmp(hs_streets[i].pc4, "8924") == 0;
        streets[i] = (demo_street){hs_streets[i].name, hs_streets[i].pc4, letters[side], hs_streets[i].numbers,
                                   hs_streets[i].flats};
        letters[side] += ((hs_streets[i].numbers + 39) / 40) * 2;
        total += demo_street_size(&streets[i]);
    }
    hs_slot *slots = arena_alloc(ctx->a, sizeof(hs_slot) * (size_t)total);
    int k = 0;
    for (int i = 0; i < HS_STREETS; i++)
        for (int j = 0; j < demo_street_size(&streets[i]); j++)
            slots[k++] = (hs_slot){i, j};
    for (int i = total - 1; i > 0; i--) {
        int j = demo_rng_int(&w.r, 0, i);
        hs_slot t = slots[i];
        slots[i] = slots[j];
        slots[j] = t;
    }
    int residents = opt->residents < DEMO_HS_MAX ? opt->residents : DEMO_HS_MAX;
    for (int i = 0; i < total && w.n.persons < residents && st == WT_OK; i++) {
        demo_addr addr;
        const hs_street *s = &hs_streets[slots[i].street];
        demo_street_address(&streets[slots[i].street], slots[i].index, &addr);
        demo_place place = {&addr, "Leeuwarden", s->neighbourhood, s->lat + (double)(addr.house_number % 20) * 0.00004,
                            s->lon + (double)(addr.house_number / 20) * 0.00006};
        st = demo_write_household(&w, &place);
        /* The first households are the demo's showcase; beyond them, the rates of an ordinary team. */
        if (w.n.households == 170) {
            w.open_case_percent = 6;
            w.closed_case_percent = 4;
        }
    }
    if (st == WT_OK)
        st = demo_write_unknown_questions(&w, 6 + (int)(w.n.households / 12));
    if (st != WT_OK)
        *err = arena_printf(ctx->a, "cannot write the demo neighbourhood: %s", db_last_error(ctx->db));
    else
        printf("Heechterp-Schieringen: %ld households, %ld residents, %ld open and %ld closed cases, %ld questions\n",
               w.n.households, w.n.persons, w.n.cases_open, w.n.cases_closed, w.n.questions);
    return st;
}
