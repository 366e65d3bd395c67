/*
 * presence_demo.c - the team's presence in the demo neighbourhood (see
 * presence_demo.h): outreach rounds walked on the last three Tuesdays, one
 * today and one next week; signals in every state (overdue, waiting,
 * followed, ended in each way, one that became a case); activities organised
 * by residents (a walking group, a coffee morning, a barbecue to come, a
 * course, homework help that ended); ideas in every status; and eight weeks
 * of time for every worker, with casework eating into the prevention share.
 *
 * Everything goes through the rules, acting as the team member who would have
 * done it, so it is validated like real work; the audit entries are written
 * by the demo generator as the system itself. Rounds and
 * signals about addresses use the addresses the demo already holds in the
 * team's area; without any, only the anonymous signal, activities, ideas and
 * time are made. The same seed and day give the same data.
 */
#include "presence_demo.h"
#include "../activity/activity.h"
#include "presence_db.h"
#include "../core/date.h"
#include "../idea/idea.h"
#include "../round/round.h"
#include "../signal/signal.h"
#include "../socialmap/socialmap.h"
#include "../timeentry/timeentry.h"
#include "../user/user.h"

#include <string.h>

#define DEMO_ROUND_STOPS 10
#define DEMO_ADDRESSES 40
#define DEMO_TIME_WEEKS 8

typedef struct demo_state {
    wt_ctx *ctx;
    uint64_t rng;
    int64_t team_id;
    actor community; /* walks the rounds, supports the activities */
    actor social;    /* a social worker: signals that become casework */
    int64_t addresses[DEMO_ADDRESSES];
    int n_addresses;
    wt_date today;
} demo_state;

/* splitmix64: a small, good, seedable source. */
static uint64_t rnd(demo_state *s)
{
    uint64_t z = (s->rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int below(demo_state *s, int n)
{
    return n > 0 ? (int)(rnd(s) % (uint64_t)n) : 0;
}

static const char *day_iso(demo_state *s, long offset)
{
    char d[11];
    date_format(date_add_days(s->today, offset), d);
    return arena_strdup(s->ctx->a, d);
}

/* Days back to the last Tuesday before today (1..7). */
static long back_to_tuesday(wt_date today)
{
    long wd = date_to_days(today) - presence_week_start(date_to_days(today)); /* 0 = Monday */
    return wd > 1 ? wd - 1 : wd + 6;
}

static void act_as(demo_state *s, const actor *who)
{
    s->ctx->who = *who;
}

/* The team's members (any active worker would do) and the addresses of its area. */
static wt_status load_team(demo_state *s)
{
    s->ctx->who = (actor){.user_id = -1, .role = ROLE_WORKER, .team_id = s->team_id};
    user *users;
    int n = 0;
    wt_status st = user_list_coordinators(s->ctx, s->team_id, &users, &n);
    if (st != WT_OK || n == 0)
        return st == WT_OK ? WT_NOTFOUND : st;
    s->community = s->social = (actor){users[0].id, users[0].role, s->team_id, users[0].display_name, users[0].discipline};
    bool found_community = false, found_social = false;
    for (int i = 0; i < n; i++) {
        actor a = {users[i].id, users[i].role, s->team_id, users[i].display_name, users[i].discipline};
        const char *d = users[i].discipline ? users[i].discipline : "";
        if (!found_community && strcmp(d, "community_worker") == 0) {
            s->community = a;
            found_community = true;
        }
        if (!found_social && strcmp(d, "social_worker") == 0) {
            s->social = a;
            found_social = true;
        }
    }
    const char **streets;
    int ns = 0;
    st = presence_team_streets(s->ctx, s->team_id, 4, &streets, &ns);
    for (int i = 0; st == WT_OK && i < ns && s->n_addresses < DEMO_ADDRESSES; i++) {
        int64_t *ids;
        int k = 0;
        st = presence_street_addresses(s->ctx, s->team_id, streets[i], DEMO_ADDRESSES, &ids, &k);
        for (int j = 0; st == WT_OK && j < k && s->n_addresses < DEMO_ADDRESSES; j++)
            s->addresses[s->n_addresses++] = ids[j];
    }
    return st;
}

/* ---- rounds --------------------------------------------------------------------------------------------------- */

static wt_status demo_round(demo_state *s, long offset, int first, bool walk, int64_t *out)
{
    errors e;
    errors_init(&e, s->ctx->a);
    int n = s->n_addresses - first < DEMO_ROUND_STOPS ? s->n_addresses - first : DEMO_ROUND_STOPS;
    if (n <= 0)
        return WT_OK;
    static const char *const notes[] = {"Vaste dinsdagronde", "Welkom nieuwe bewoners", "Ronde na signalen van buren"};
    static const char *const purposes[] = {"presence", "welcome", "signals"};
    int k = below(s, 3);
    round_input in = {.planned_on = day_iso(s, offset), .purpose = purposes[k], .note = notes[k],
                      .address_ids = s->addresses + first, .n_address_ids = n};
    int64_t id = 0;
    wt_status st = round_plan(s->ctx, &in, &e, &id);
    if (st != WT_OK || !walk)
        return st;
    wt_round r;
    round_stop *stops;
    int ns = 0;
    st = round_get(s->ctx, id, &r);
    if (st == WT_OK)
        st = round_stops(s->ctx, &r, &stops, &ns);
    static const char *const outcomes[] = {"not_home_note_left", "short_talk", "short_talk", "not_home_note_left",
                                           "welcome_visit", "concern", "skipped"};
    static const char *const talk[] = {"Praatje over de speeltuin", "Wil graag meedoen met de koffieochtend",
                                       "Klaagt over overlast van hangjongeren", NULL, "Buurvrouw helpt met boodschappen"};
    for (int i = 0; st == WT_OK && i < ns; i++) {
        const char *o = outcomes[below(s, 7)];
        const char *note = strcmp(o, "short_talk") == 0 ? talk[below(s, 5)] : NULL;
        st = round_record_stop(s->ctx, id, stops[i].id, o, note, &e);
    }
    if (st == WT_OK)
        st = round_set_status(s->ctx, id, "done", &e);
    if (out)
        *out = id;
    return st;
}

static wt_status demo_rounds(demo_state *s)
{
    act_as(s, &s->community);
    long tue = back_to_tuesday(s->today);
    wt_status st = WT_OK;
    for (int w = 2; st == WT_OK && w >= 0; w--)
        st = demo_round(s, -(tue + 7L * w), (w % 2) * DEMO_ROUND_STOPS / 2, true, NULL);
    if (st == WT_OK)
        st = demo_round(s, 0, 0, false, NULL);
    if (st == WT_OK)
        st = demo_round(s, 7, DEMO_ROUND_STOPS, false, NULL);
    return st;
}

/* ---- signals -------------------------------------------------------------------------------------------------- */

typedef struct demo_signal {
    int address;     /* index into s->addresses; -1: anonymous */
    const char *kind;
    const char *noticed_by;
    const char *urgency;
    int noticed_ago; /* days */
    const char *description;
    int visits;      /* follow-ups without contact, then one with contact when contact is true */
    bool contact;
    const char *outcome; /* NULL: still open */
} demo_signal;

static const demo_signal demo_signals[] = {
    {0, "door_stays_shut", "neighbour", "high", 9, "Buurvrouw ziet meneer al een week niet; post stapelt zich op.", 2, false, NULL},
    {2, "neglected_garden", "housing_corporation", "normal", 20, "Tuin overwoekerd, corporatie krijgt klachten.", 1, false, NULL},
    {4, "loneliness", "worker", "low", 3, "Mevrouw vertelde op de ronde dat ze niemand meer ziet.", 0, false, NULL},
    {6, "debts", "gp", "normal", 16, "Huisarts: stress over rekeningen, wil hulp.", 1, true, NULL},
    {8, "door_stays_shut", "worker", "normal", 40, "Na drie bezoeken deed hij open: het gaat goed, vakantie gehad.", 2, true, "no_concern"},
    {10, "loneliness", "neighbour", "low", 35, "Gaat nu mee met de wandelgroep.", 0, true, "light_support"},
    {12, "hemp_growing", "worker", "high", 25, "Geur en dichtgeplakte ramen op zolder.", 0, false, "passed_to_partner"},
    {-1, "drug_nuisance", "police", "normal", 6, "Handel in de avond rond de speeltuin.", 0, false, NULL},
    {14, "domestic_tension", "school", "high", 12, "School ziet een stil kind; buren horen ruzie.", 1, true, "became_case"},
};

static wt_status demo_followups(demo_state *s, int64_t id, const demo_signal *d)
{
    errors e;
    errors_init(&e, s->ctx->a);
    wt_status st = WT_OK;
    int steps = d->visits + (d->contact ? 1 : 0);
    for (int v = 0; st == WT_OK && v < steps; v++) {
        bool contact = d->contact && v == steps - 1;
        long ago = d->noticed_ago - (long)(v + 1) * d->noticed_ago / (steps + 1);
        followup_input f = {.at = day_iso(s, -ago), .kind = v % 3 == 2 ? "phone" : "visit", .contact_made = contact,
                            .note = contact ? "Contact gehad, gesprek aan de deur." : "Niet opengedaan, briefje achtergelaten."};
        st = signal_add_followup(s->ctx, id, &f, &e);
    }
    return st;
}

static wt_status demo_close(demo_state *s, int64_t id, const char *outcome)
{
    errors e;
    errors_init(&e, s->ctx->a);
    signal_close_input in = {.outcome = outcome};
    if (strcmp(outcome, "passed_to_partner") == 0) {
        sm_choice *police;
        int n = 0;
        /* the police officer of the neighbourhood on the social map names the partner */
        if (socialmap_service_choices(s->ctx, "wijkagent", 1, &police, &n) == WT_OK && n == 1)
            in.partner_service_key = police[0].id;
        else
            in.partner_name = "Wijkagent";
        in.shared_what = "Adres en wat de opbouwwerker zag en rook; geen namen van buren.";
        in.legal_ground = "public_task";
    } else if (strcmp(outcome, "light_support") == 0) {
        in.note = "Doorverwezen naar de wandelgroep; buurman gaat mee.";
    }
    int64_t case_id = 0;
    return signal_close(s->ctx, id, &in, &e, &case_id);
}

static wt_status demo_signals_make(demo_state *s)
{
    wt_status st = WT_OK;
    for (size_t i = 0; st == WT_OK && i < sizeof demo_signals / sizeof demo_signals[0]; i++) {
        const demo_signal *d = &demo_signals[i];
        if (d->address >= s->n_addresses)
            continue;
        act_as(s, strcmp(d->noticed_by, "worker") == 0 ? &s->community : &s->social);
        errors e;
        errors_init(&e, s->ctx->a);
        signal_input in = {.address_id = d->address >= 0 ? s->addresses[d->address] : 0, .anonymous = d->address < 0,
                           .place = d->address < 0 ? "Speeltuin aan de rand van de wijk" : NULL, .kind = d->kind,
                           .noticed_by = d->noticed_by, .urgency = d->urgency, .description = d->description,
                           .noticed_on = day_iso(s, -d->noticed_ago)};
        int64_t id = 0;
        st = signal_create(s->ctx, &in, &e, &id);
        if (st == WT_OK)
            st = demo_followups(s, id, d);
        if (st == WT_OK && d->outcome) {
            st = demo_close(s, id, d->outcome);
            if (st == WT_INVALID) /* no household known at that address: it ends as light support instead */
                st = demo_close(s, id, "light_support");
        }
    }
    return st;
}

/* ---- activities and ideas ------------------------------------------------------------------------------------- */

static wt_status demo_idea(demo_state *s, const char *title, const char *by, const char *source, int64_t *id)
{
    errors e;
    errors_init(&e, s->ctx->a);
    idea_input in = {.title = title, .brought_by_name = by, .source = source};
    return idea_create(s->ctx, &in, &e, id);
}

static wt_status demo_activity(demo_state *s, const activity_input *in, const char *outcome, int64_t *id)
{
    errors e;
    errors_init(&e, s->ctx->a);
    wt_status st = activity_create(s->ctx, in, &e, id);
    if (st == WT_OK && outcome)
        st = activity_set_outcome(s->ctx, *id, outcome, NULL, &e);
    return st;
}

static wt_status demo_activities(demo_state *s)
{
    act_as(s, &s->community);
    errors e;
    errors_init(&e, s->ctx->a);
    int64_t bbq_idea = 0, bench_idea = 0, garden_idea = 0, no_idea = 0, id = 0;
    wt_status st = demo_idea(s, "Buurtbarbecue op het grasveld", "Tine de Boer", "outreach", &bbq_idea);
    if (st == WT_OK)
        st = idea_set_status(s->ctx, bbq_idea, "supported", NULL, 0, &e);
    if (st == WT_OK)
        st = demo_idea(s, "Bankje bij de bushalte voor ouderen", "Hendrik Jansen", "frontdoor", &bench_idea);
    if (st == WT_OK)
        st = demo_idea(s, "Samen een moestuin beginnen", "Gerda Postma", "outreach", &garden_idea);
    if (st == WT_OK)
        st = idea_set_status(s->ctx, garden_idea, "supported", NULL, 0, &e);
    if (st == WT_OK)
        st = demo_idea(s, "Eigen voetbalveldje met kunstgras", "Youssef", "other", &no_idea);
    if (st == WT_OK)
        st = idea_set_status(s->ctx, no_idea, "not_pursued",
                             "De gemeente legt het trapveldje aan de overkant al opnieuw aan.", 0, &e);
    const char *const bbq_org[] = {"Tine de Boer", "Hendrik Jansen"};
    const char *const bbq_vol[] = {"Mustafa Yilmaz"};
    activity_input bbq = {.title = "Buurtbarbecue", .kind = "barbecue", .starts_on = day_iso(s, 24),
                          .schedule = "17:00 tot 21:00", .place = "Grasveld achter de flats", .costs = "250",
                          .description = "Bewoners organiseren, de opbouwwerker helpt met vergunning en materiaal.",
                          .organiser_names = bbq_org, .n_organiser_names = 2, .volunteer_names = bbq_vol,
                          .n_volunteer_names = 1, .idea_id = bbq_idea};
    if (st == WT_OK)
        st = demo_activity(s, &bbq, NULL, &id);
    const char *const walk_org[] = {"Riek van der Meer"};
    activity_input walk = {.title = "Wandelgroep", .kind = "walking_group", .starts_on = day_iso(s, -120),
                           .ends_on = day_iso(s, 240), .schedule = "elke woensdag 10:00", .place = "Start bij het buurthuis",
                           .organiser_names = walk_org, .n_organiser_names = 1, .anonymous_participants = 9};
    if (st == WT_OK)
        st = demo_activity(s, &walk, NULL, &id);
    if (st == WT_OK)
        st = presence_db_demo_point_actions(s->ctx->db, s->team_id, id, "Rondleiding door de wijk met een buurtbewoner", 3);
    const char *const coffee_org[] = {"Aaltje Hoekstra", "Fatma Çelik"};
    activity_input coffee = {.title = "Koffieochtend", .kind = "coffee_morning", .starts_on = day_iso(s, -60),
                             .ends_on = day_iso(s, 300), .schedule = "elke vrijdag 9:30", .place = "Buurthuis De Schakel",
                             .costs = "15", .organiser_names = coffee_org, .n_organiser_names = 2,
                             .anonymous_participants = 14};
    if (st == WT_OK)
        st = demo_activity(s, &coffee, NULL, &id);
    if (st == WT_OK)
        st = presence_db_demo_point_actions(s->ctx->db, s->team_id, id, "Haalt haar op voor de kaartmiddag", 3);
    if (st == WT_OK)
        st = presence_db_demo_point_actions(s->ctx->db, s->team_id, id, "Wekelijks bezoek van een maatje", 2);
    const char *const hw_org[] = {"Sander Bakker"};
    const char *const hw_vol[] = {"Lotte", "Bram"};
    activity_input homework = {.title = "Huiswerkhulp", .kind = "homework_help", .starts_on = day_iso(s, -200),
                               .ends_on = day_iso(s, -30), .schedule = "dinsdag en donderdag 15:30",
                               .place = "Bibliotheek", .costs = "120", .organiser_names = hw_org, .n_organiser_names = 1,
                               .volunteer_names = hw_vol, .n_volunteer_names = 2, .anonymous_participants = 11};
    if (st == WT_OK)
        st = demo_activity(s, &homework, "Elf kinderen elke week; twee ouders zijn nu zelf vrijwilliger.", &id);
    const char *const course_org[] = {"Wietske de Jong"};
    activity_input course = {.title = "Cursus omgaan met geld", .kind = "course", .starts_on = day_iso(s, 10),
                             .ends_on = day_iso(s, 52), .schedule = "zes maandagavonden", .place = "Buurthuis De Schakel",
                             .costs = "80", .organiser_names = course_org, .n_organiser_names = 1};
    if (st == WT_OK)
        st = demo_activity(s, &course, NULL, &id);
    if (st == WT_OK)
        st = presence_db_demo_point_actions(s->ctx->db, s->team_id, id, "Budgetcursus in het wijkcentrum volgen", 4);
    return st;
}

/* ---- time ----------------------------------------------------------------------------------------------------- */

/* Eight weeks of workdays; casework slowly eats the prevention time, as the seeds warn. */
static wt_status demo_time(demo_state *s)
{
    actor who = s->ctx->who;
    who.user_id = -1;
    who.role = ROLE_WORKER;
    s->ctx->who = who;
    user *users;
    int n = 0;
    wt_status st = user_list_coordinators(s->ctx, s->team_id, &users, &n);
    long monday = presence_week_start(date_to_days(s->today));
    for (int u = 0; st == WT_OK && u < n; u++) {
        actor a = {users[u].id, users[u].role, s->team_id, users[u].display_name, users[u].discipline};
        act_as(s, &a);
        bool community = users[u].discipline && strcmp(users[u].discipline, "community_worker") == 0;
        for (long day = monday - 7L * (DEMO_TIME_WEEKS - 1); st == WT_OK && day < date_to_days(s->today); day++) {
            if (day - presence_week_start(day) >= 5 || below(s, 10) == 0) /* weekends, and a day off now and then */
                continue;
            int week = (int)((day - (monday - 7L * (DEMO_TIME_WEEKS - 1))) / 7);
            int outreach = community ? 180 - 10 * week : 60 - 5 * week + below(s, 30);
            int collective = community ? 120 : below(s, 3) == 0 ? 60 : 0;
            int consultation = 30 + 15 * below(s, 3);
            int casework = 480 - outreach - collective - consultation - 15 * below(s, 3);
            time_input in = {.minutes = {casework, outreach, collective, consultation, 15 * below(s, 2)}};
            char d[11];
            date_format(date_from_days(day), d);
            in.day = d;
            errors e;
            errors_init(&e, s->ctx->a);
            st = timeentry_save_day(s->ctx, &in, &e);
        }
    }
    return st;
}

wt_status presence_demo(wt_ctx *ctx, int64_t team_id, uint64_t seed)
{
    actor system = ctx->who;
    demo_state s = {.ctx = ctx, .rng = seed ^ 0x70726573656e6365ull, .team_id = team_id, .today = date_today()};
    wt_status st = load_team(&s);
    if (st == WT_OK)
        st = demo_rounds(&s);
    if (st == WT_OK)
        st = demo_signals_make(&s);
    if (st == WT_OK)
        st = demo_activities(&s);
    if (st == WT_OK)
        st = demo_time(&s);
    ctx->who = system;
    return st;
}
