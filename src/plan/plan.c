/* plan.c - rules of the one plan: strengths, goals per life domain, layered actions, agreement (see plan.h). */
#include "plan.h"
#include "../casemember/casemember.h"
#include "../access/audit.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../user/user.h"
#include "plan_db.h"

#include <string.h>

const code_text plan_domains[] = {
    {"care", N_("Zorg & welzijn")},
    {"youth", N_("Jeugd & gezin")},
    {"housing", N_("Wonen")},
    {"work", N_("Werk & inkomen")},
    {"money", N_("Geld & schulden")},
    {"health", N_("Gezondheid")},
    {"participation", N_("Meedoen")},
    {NULL, NULL},
};

/* The order of support the seeds insist on: first the resident, last the specialist. */
const code_text plan_layers[] = {
    {"self", N_("zelf")},
    {"network", N_("eigen netwerk")},
    {"volunteer", N_("vrijwilliger/buren")},
    {"team", N_("wijkteam")},
    {"second_line", N_("specialist (tweede lijn)")},
    {NULL, NULL},
};

const code_text plan_goal_statuses[] = {
    {"open", N_("Open")},
    {"achieved", N_("Bereikt")},
    {"dropped", N_("Vervallen")},
    {NULL, NULL},
};

const code_text plan_action_statuses[] = {
    {"planned", N_("Gepland")},
    {"in_progress", N_("Bezig")},
    {"done", N_("Klaar")},
    {"cancelled", N_("Geannuleerd")},
    {NULL, NULL},
};

const char *plan_label(const code_text *list, const char *code)
{
    for (const code_text *c = list; code && c->code; c++)
        if (strcmp(c->code, code) == 0)
            return _(c->label);
    return code ? code : "";
}

bool plan_code_valid(const code_text *list, const char *code)
{
    for (const code_text *c = list; code && c->code; c++)
        if (strcmp(c->code, code) == 0)
            return true;
    return false;
}

int plan_layer_index(const char *code)
{
    for (int i = 0; code && plan_layers[i].code; i++)
        if (strcmp(plan_layers[i].code, code) == 0)
            return i;
    return -1;
}

static bool action_is_open(const char *status)
{
    return status && (strcmp(status, "planned") == 0 || strcmp(status, "in_progress") == 0);
}

due_state plan_due_state(const char *due_on, const char *status, wt_date today)
{
    wt_date d;
    if (!action_is_open(status) || !due_on || !date_parse(due_on, &d))
        return DUE_NONE;
    long days = date_to_days(d) - date_to_days(today);
    if (days < 0)
        return DUE_OVERDUE;
    return days <= WORKLIST_DUE_DAYS ? DUE_SOON : DUE_LATER;
}

bool plan_agreement_outdated(int version, const char *agreed_on, int agreed_version)
{
    return agreed_on && version > agreed_version;
}

static audit_subject subject_of(const wt_case *c)
{
    return (audit_subject){c->household_id, 0, c->id};
}

const char *plan_activity_refusal(const char *layer, const plan_activity_ref *act, int64_t case_team_id,
                                  bool newly_chosen, wt_date today)
{
    if (!act->found || act->team_id != case_team_id)
        return _("Kies een activiteit van uw team uit de lijst.");
    if (!layer || (strcmp(layer, "network") != 0 && strcmp(layer, "volunteer") != 0))
        return _("Alleen een actie van het eigen netwerk of van vrijwilligers of buren kan naar een activiteit verwijzen.");
    if (newly_chosen) {
        wt_date start, end;
        bool starts_later = act->starts_on && date_parse(act->starts_on, &start) && date_compare(start, today) >= 0;
        bool still_runs = act->ends_on && date_parse(act->ends_on, &end) && date_compare(end, today) >= 0;
        if (!starts_later && !still_runs)
            return _("Deze activiteit is al voorbij; kies een activiteit die nog komt of nog loopt.");
    }
    return NULL;
}

/* Fills goals, layer counts and due states of a plan whose header is loaded. */
static wt_status plan_fill(wt_ctx *ctx, plan_view *p)
{
    wt_status st = plan_db_goals(ctx->db, ctx->a, p->id, &p->goals, &p->n_goals);
    if (st != WT_OK)
        return st;
    wt_date today = date_today();
    memset(p->layer_counts, 0, sizeof p->layer_counts);
    p->open_actions = 0;
    for (int i = 0; i < p->n_goals; i++) {
        for (int j = 0; j < p->goals[i].n_actions; j++) {
            plan_action *x = &p->goals[i].actions[j];
            x->due = plan_due_state(x->due_on, x->status, today);
            int li = plan_layer_index(x->layer);
            if (li >= 0 && strcmp(x->status, "cancelled") != 0)
                p->layer_counts[li]++;
            if (action_is_open(x->status))
                p->open_actions++;
        }
    }
    return WT_OK;
}

wt_status plan_load(wt_ctx *ctx, const wt_case *c, plan_view *out)
{
    memset(out, 0, sizeof(*out));
    wt_status st = plan_db_get(ctx->db, ctx->a, c->id, out);
    if (st == WT_NOTFOUND) { /* a case without a plan row yet: its plan is empty */
        out->case_id = c->id;
        out->strengths = "";
        out->version = 1;
        out->goals = NULL;
        return WT_OK;
    }
    if (st != WT_OK)
        return st;
    return plan_fill(ctx, out);
}

wt_status plan_get(wt_ctx *ctx, int64_t case_id, plan_view *out)
{
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, &c);
    if (st != WT_OK)
        return st;
    st = plan_load(ctx, &c, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "plan", out->id, subject_of(&c));
    return st;
}

wt_status plan_create_for_case(wt_ctx *ctx, int64_t case_id)
{
    return plan_db_ensure(ctx->db, case_id, date_now_iso(ctx->a));
}

/*
 * Access for a change to the plan of case c: write permission, an open case,
 * and the plan row (created when the case has none yet) in *p.
 */
static wt_status plan_for_write(wt_ctx *ctx, const wt_case *c, errors *e, plan_view *p)
{
    wt_status st = case_access_loaded(ctx, c, PERM_CASE_WRITE);
    if (st != WT_OK)
        return st;
    if (!case_is_open(c)) {
        errors_add(e, "case", _("De casus is gesloten; het plan kan niet meer worden gewijzigd."));
        return WT_CONFLICT;
    }
    memset(p, 0, sizeof(*p));
    st = plan_db_ensure(ctx->db, c->id, date_now_iso(ctx->a));
    if (st == WT_OK)
        st = plan_db_get(ctx->db, ctx->a, c->id, p);
    return st;
}

/* A change was made: a new version of the plan, logged. */
static wt_status plan_changed(wt_ctx *ctx, const wt_case *c, const plan_view *p)
{
    wt_status st = plan_db_bump(ctx->db, p->id, date_now_iso(ctx->a));
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "plan", p->id, subject_of(c));
    return st;
}

wt_status plan_set_strengths(wt_ctx *ctx, int64_t case_id, const char *strengths_raw, errors *e)
{
    wt_case c;
    plan_view p;
    wt_status st = case_access(ctx, case_id, PERM_CASE_WRITE, &c);
    if (st == WT_OK)
        st = plan_for_write(ctx, &c, e, &p);
    if (st != WT_OK)
        return st;
    const char *strengths = text_trim(ctx->a, strengths_raw ? strengths_raw : "");
    case_check_text(e, "strengths", _("De krachten van het huishouden"), strengths, CASE_TEXT_MAX, false);
    if (e->count)
        return WT_INVALID;
    if (strcmp(strengths, p.strengths ? p.strengths : "") == 0)
        return WT_OK; /* nothing changed: no new version */
    st = plan_db_set_strengths(ctx->db, p.id, strengths);
    if (st == WT_OK)
        st = plan_changed(ctx, &c, &p);
    return st;
}

wt_status plan_agree(wt_ctx *ctx, int64_t case_id, const char *agreed_on, errors *e)
{
    wt_case c;
    plan_view p;
    wt_status st = case_access(ctx, case_id, PERM_CASE_WRITE, &c);
    if (st == WT_OK)
        st = plan_for_write(ctx, &c, e, &p);
    if (st != WT_OK)
        return st;
    wt_date d, opened;
    agreed_on = text_trim(ctx->a, agreed_on);
    if (text_empty(agreed_on))
        errors_add(e, "agreed_on", _("Vul de datum in waarop het plan met de bewoner is afgesproken."));
    else if (!date_parse(agreed_on, &d))
        errors_add(e, "agreed_on", _("De datum van de afspraak is geen geldige datum (JJJJ-MM-DD)."));
    else if (date_compare(d, date_today()) > 0)
        errors_add(e, "agreed_on", _("De datum van de afspraak ligt in de toekomst."));
    else if (date_parse(c.opened_on, &opened) && date_compare(d, opened) < 0)
        errors_add(e, "agreed_on", _("De datum van de afspraak ligt vóór de opening van de casus."));
    if (e->count)
        return WT_INVALID;
    st = plan_fill(ctx, &p);
    if (st != WT_OK)
        return st;
    if (p.n_goals == 0) {
        errors_add(e, "agreed_on", _("Een plan zonder doelen kan niet worden afgesproken; voeg eerst een doel toe."));
        return WT_INVALID;
    }
    st = plan_db_agree(ctx->db, p.id, agreed_on);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "plan_agreement", p.id, subject_of(&c));
    return st;
}

static void validate_goal(wt_ctx *ctx, goal_input *in, bool update, errors *e)
{
    in->body = text_trim(ctx->a, in->body);
    in->situation = text_trim(ctx->a, in->situation ? in->situation : "");
    in->strength = text_trim(ctx->a, in->strength ? in->strength : "");
    if (!plan_code_valid(plan_domains, in->domain))
        errors_add(e, "domain", _("Kies het levensgebied van het doel."));
    case_check_text(e, "situation", _("De situatie"), in->situation, CASE_TEXT_MAX, false);
    case_check_text(e, "strength", _("De kracht op dit gebied"), in->strength, CASE_TEXT_MAX, false);
    case_check_text(e, "body", _("Het doel"), in->body, PLAN_GOAL_MAX, true);
    if (update && !plan_code_valid(plan_goal_statuses, in->status))
        errors_add(e, "status", _("Kies de stand van het doel: open, bereikt of vervallen."));
}

wt_status plan_add_goal(wt_ctx *ctx, int64_t case_id, const goal_input *in_raw, errors *e, int64_t *id)
{
    wt_case c;
    plan_view p;
    wt_status st = case_access(ctx, case_id, PERM_CASE_WRITE, &c);
    if (st == WT_OK)
        st = plan_for_write(ctx, &c, e, &p);
    if (st != WT_OK)
        return st;
    goal_input in = *in_raw;
    validate_goal(ctx, &in, false, e);
    if (e->count)
        return WT_INVALID;
    st = plan_db_insert_goal(ctx->db, p.id, &in, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "goal", *id, subject_of(&c));
    if (st == WT_OK)
        st = plan_changed(ctx, &c, &p);
    return st;
}

/* Loads a goal and its case and checks perm on the case. */
static wt_status goal_with_case(wt_ctx *ctx, int64_t goal_id, permission perm, plan_goal *g, wt_case *c)
{
    int64_t case_id = 0;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = plan_db_goal_get(ctx->db, ctx->a, goal_id, g, &case_id);
    if (st != WT_OK)
        return st;
    return case_access(ctx, case_id, perm, c);
}

wt_status plan_goal_get(wt_ctx *ctx, int64_t goal_id, plan_goal *out, wt_case *c)
{
    wt_status st = goal_with_case(ctx, goal_id, PERM_CASE_READ, out, c);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "goal", goal_id, subject_of(c));
    return st;
}

static bool str_differs(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") != 0;
}

wt_status plan_update_goal(wt_ctx *ctx, int64_t goal_id, const goal_input *in_raw, errors *e, int64_t *case_id)
{
    wt_case c;
    plan_goal g;
    plan_view p;
    wt_status st = goal_with_case(ctx, goal_id, PERM_CASE_WRITE, &g, &c);
    if (st == WT_OK && case_id)
        *case_id = c.id;
    if (st == WT_OK)
        st = plan_for_write(ctx, &c, e, &p);
    if (st != WT_OK)
        return st;
    goal_input in = {
        in_raw->domain ? in_raw->domain : g.domain,
        in_raw->situation ? in_raw->situation : g.situation,
        in_raw->strength ? in_raw->strength : g.strength,
        in_raw->body ? in_raw->body : g.body,
        in_raw->status ? in_raw->status : g.status,
    };
    validate_goal(ctx, &in, true, e);
    if (e->count)
        return WT_INVALID;
    if (!str_differs(in.domain, g.domain) && !str_differs(in.situation, g.situation) &&
        !str_differs(in.strength, g.strength) && !str_differs(in.body, g.body) && !str_differs(in.status, g.status))
        return WT_OK;
    plan_goal n = g;
    n.domain = in.domain;
    n.situation = in.situation;
    n.strength = in.strength;
    n.body = in.body;
    n.status = in.status;
    st = plan_db_update_goal(ctx->db, goal_id, &n);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "goal", goal_id, subject_of(&c));
    if (st == WT_OK)
        st = plan_changed(ctx, &c, &p);
    return st;
}

/* Validates a complete action (after merging a change into the stored one). */
static void validate_action(wt_ctx *ctx, const wt_case *c, plan_action *x, const char *old_due, errors *e)
{
    x->body = text_trim(ctx->a, x->body);
    x->performer = text_trim(ctx->a, x->performer);
    if (x->due_on && !*x->due_on)
        x->due_on = NULL;
    case_check_text(e, "body", _("De actie"), x->body, PLAN_GOAL_MAX, true);
    if (!plan_code_valid(plan_layers, x->layer))
        errors_add(e, "layer", _("Kies wie de actie draagt: de bewoner zelf, het eigen netwerk, een vrijwilliger of buren, "
                                 "het wijkteam of een specialist (tweede lijn)."));
    if (x->performer_user_id) {
        user u;
        if (user_get(ctx, x->performer_user_id, &u) != WT_OK ||
            !case_may_coordinate(u.role, u.team_id, u.disabled, c->team_id))
            errors_add(e, "performer_user_id", _("Kies een actief teamlid van dit team."));
        else
            x->performer = u.display_name; /* a team member is named as the team knows him */
        if (x->layer && strcmp(x->layer, "team") != 0 && plan_code_valid(plan_layers, x->layer))
            errors_add(e, "performer_user_id", _("Een actie die een teamlid uitvoert, hoort in de laag wijkteam."));
    }
    if (text_empty(x->performer) && !x->performer_user_id)
        errors_add(e, "performer", _("Vul in wie de actie uitvoert, of kies een teamlid."));
    else
        case_check_text(e, "performer", _("De naam van de uitvoerder"), x->performer, PLAN_NAME_MAX, false);
    wt_date d;
    if (x->due_on && !date_parse(x->due_on, &d))
        errors_add(e, "due_on", _("De streefdatum is geen geldige datum (JJJJ-MM-DD)."));
    else if (x->due_on && str_differs(x->due_on, old_due) && date_compare(d, date_today()) < 0)
        errors_add(e, "due_on", _("De streefdatum ligt in het verleden."));
    if (!plan_code_valid(plan_action_statuses, x->status))
        errors_add(e, "status", _("Kies de stand van de actie: gepland, bezig, klaar of geannuleerd."));
}

/* The activity an action points to, checked against its layer and the case's team (see plan_activity_refusal). */
static wt_status validate_activity(wt_ctx *ctx, const wt_case *c, const plan_action *x, int64_t old_activity, errors *e)
{
    if (!x->activity_id)
        return WT_OK;
    plan_activity_ref ref;
    wt_status st = plan_db_activity_ref(ctx->db, ctx->a, x->activity_id, &ref);
    if (st != WT_OK)
        return st;
    const char *why = plan_activity_refusal(x->layer, &ref, c->team_id, x->activity_id != old_activity, date_today());
    if (why)
        errors_add(e, "activity_id", why);
    return WT_OK;
}

wt_status plan_add_action(wt_ctx *ctx, int64_t goal_id, const action_input *in, errors *e, int64_t *id,
                          int64_t *case_id)
{
    wt_case c;
    plan_goal g;
    plan_view p;
    wt_status st = goal_with_case(ctx, goal_id, PERM_CASE_WRITE, &g, &c);
    if (st == WT_OK && case_id)
        *case_id = c.id;
    if (st == WT_OK)
        st = plan_for_write(ctx, &c, e, &p);
    if (st != WT_OK)
        return st;
    if (strcmp(g.status, "open") != 0) {
        errors_add(e, "goal", _("Dit doel is bereikt of vervallen; er kunnen geen acties meer bij."));
        return WT_CONFLICT;
    }
    plan_action x = {
        .goal_id = goal_id,
        .body = in->body,
        .layer = in->layer,
        .performer = in->performer,
        .performer_user_id = in->has_performer_user ? in->performer_user_id : 0,
        .due_on = in->has_due_on ? in->due_on : NULL,
        .status = in->status && *in->status ? in->status : "planned",
        .activity_id = in->has_activity ? in->activity_id : 0,
    };
    validate_action(ctx, &c, &x, NULL, e);
    st = validate_activity(ctx, &c, &x, 0, e);
    if (st != WT_OK)
        return st;
    if (e->count)
        return WT_INVALID;
    st = plan_db_insert_action(ctx->db, goal_id, &x, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "action", *id, subject_of(&c));
    if (st == WT_OK)
        st = casemember_ensure_performer(ctx, &c, x.performer_user_id);
    if (st == WT_OK)
        st = plan_changed(ctx, &c, &p);
    return st;
}

/* Loads an action and its case and checks perm on the case. */
static wt_status action_with_case(wt_ctx *ctx, int64_t action_id, permission perm, plan_action *x, wt_case *c)
{
    int64_t case_id = 0;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = plan_db_action_get(ctx->db, ctx->a, action_id, x, &case_id);
    if (st != WT_OK)
        return st;
    return case_access(ctx, case_id, perm, c);
}

wt_status plan_action_get(wt_ctx *ctx, int64_t action_id, plan_action *out, wt_case *c)
{
    wt_status st = action_with_case(ctx, action_id, PERM_CASE_READ, out, c);
    if (st == WT_OK) {
        out->due = plan_due_state(out->due_on, out->status, date_today());
        audit_log(ctx, AUDIT_READ, "action", action_id, subject_of(c));
    }
    return st;
}

static bool action_differs(const plan_action *a, const plan_action *b)
{
    return str_differs(a->body, b->body) || str_differs(a->layer, b->layer) || str_differs(a->performer, b->performer) ||
           a->performer_user_id != b->performer_user_id || str_differs(a->due_on, b->due_on) ||
           str_differs(a->status, b->status) || a->activity_id != b->activity_id;
}

wt_status plan_update_action(wt_ctx *ctx, int64_t action_id, const action_input *in, errors *e, int64_t *case_id)
{
    wt_case c;
    plan_action old;
    plan_view p;
    wt_status st = action_with_case(ctx, action_id, PERM_CASE_WRITE, &old, &c);
    if (st == WT_OK && case_id)
        *case_id = c.id;
    if (st == WT_OK)
        st = plan_for_write(ctx, &c, e, &p);
    if (st != WT_OK)
        return st;
    plan_action x = old;
    if (in->body)
        x.body = in->body;
    if (in->layer)
        x.layer = in->layer;
    if (in->performer)
        x.performer = in->performer;
    if (in->has_performer_user)
        x.performer_user_id = in->performer_user_id;
    if (in->has_due_on)
        x.due_on = in->due_on;
    if (in->status)
        x.status = in->status;
    if (in->has_activity)
        x.activity_id = in->activity_id;
    validate_action(ctx, &c, &x, old.due_on, e);
    st = validate_activity(ctx, &c, &x, old.activity_id, e);
    if (st != WT_OK)
        return st;
    if (e->count)
        return WT_INVALID;
    if (!action_differs(&x, &old))
        return WT_OK;
    st = plan_db_update_action(ctx->db, action_id, &x);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "action", action_id, subject_of(&c));
    if (st == WT_OK && x.performer_user_id != old.performer_user_id)
        st = casemember_ensure_performer(ctx, &c, x.performer_user_id);
    if (st == WT_OK)
        st = plan_changed(ctx, &c, &p);
    return st;
}

wt_status plan_actions_due_for(wt_ctx *ctx, int64_t user_id, worklist_action **out, int *n)
{
    *n = 0;
    if (!case_role_may_read(ctx) || user_id != ctx->who.user_id)
        return WT_FORBIDDEN;
    char until[11];
    date_format(date_add_days(date_today(), WORKLIST_DUE_DAYS), until);
    wt_status st = plan_db_due_for(ctx->db, ctx->a, user_id, ctx->who.team_id, until, WORKLIST_LIMIT, out, n);
    if (st != WT_OK)
        return st;
    wt_date today = date_today();
    for (int i = 0; i < *n; i++)
        (*out)[i].overdue = plan_due_state((*out)[i].due_on, (*out)[i].status, today) == DUE_OVERDUE;
    return WT_OK;
}

wt_status plan_open_actions(wt_ctx *ctx, int64_t case_id, int *n)
{
    *n = 0;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    return plan_db_open_actions(ctx->db, ctx->a, case_id, n);
}

wt_status plan_pointed_to_activity(wt_ctx *ctx, int64_t activity_id, int *count, plan_pointed **known, int *n_known)
{
    *count = 0;
    *n_known = 0;
    *known = NULL;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    plan_pointed *all;
    int n = 0;
    wt_status st = plan_db_pointed(ctx->db, ctx->a, activity_id, &all, &n);
    if (st != WT_OK)
        return st;
    *count = n;
    *known = all;
    for (int i = 0; i < n; i++) {
        wt_case c;
        st = case_access(ctx, all[i].case_id, PERM_CASE_READ, &c);
        if (st == WT_FORBIDDEN || st == WT_NOTFOUND) {
            ctx->need_to_know_case = 0; /* counted, not named: not a refusal of the request */
            continue;
        }
        if (st != WT_OK)
            return st;
        all[*n_known] = all[i];
        audit_log(ctx, AUDIT_READ, "plan", c.id, subject_of(&c));
        (*n_known)++;
    }
    return WT_OK;
}
