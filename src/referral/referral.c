/*
 * referral.c - the rules of referrals and consultations (see referral.h):
 * validation, the consent or legal ground that sharing needs, the steps of
 * the status with their dates, the work queue, access and the audit trail.
 */
#include "referral.h"
#include "../access/audit.h"
#include "../consent/consent.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../plan/plan.h"
#include "../socialmap/socialmap.h"
#include "referral_db.h"

#include <string.h>

const code_text referral_kinds[] = {
    {"referral", N_("verwijzing")},
    {"consultation", N_("consultatie van een specialist")},
    {NULL, NULL},
};

const code_text referral_urgencies[] = {
    {"normal", N_("normaal")},
    {"soon", N_("binnen een week")},
    {"urgent", N_("spoed")},
    {NULL, NULL},
};

const code_text referral_statuses[] = {
    {"sent", N_("verstuurd")},
    {"accepted", N_("geaccepteerd")},
    {"started", N_("gestart")},
    {"ended", N_("afgerond")},
    {"declined", N_("afgewezen")},
    {NULL, NULL},
};

const code_text referral_legal_grounds[] = {
    {"meldcode", N_("Meldcode huiselijk geweld en kindermishandeling")},
    {"vital_interest", N_("vitaal belang van de bewoner (AVG artikel 6, lid 1d)")},
    {"legal_task", N_("wettelijke taak (Wmo 2015, Jeugdwet)")},
    {"legal_obligation", N_("wettelijke plicht of rechterlijke uitspraak")},
    {NULL, NULL},
};

const char *referral_label(const code_text *list, const char *code)
{
    for (int i = 0; code && list[i].code; i++)
        if (strcmp(list[i].code, code) == 0)
            return _(list[i].label);
    return code ? code : "";
}

static bool code_valid(const code_text *list, const char *code)
{
    for (int i = 0; code && list[i].code; i++)
        if (strcmp(list[i].code, code) == 0)
            return true;
    return false;
}

static audit_subject subject_of(const wt_case *c)
{
    return (audit_subject){c->household_id, 0, c->id};
}

/* ---- pure rules ------------------------------------------------------------------------------------------------ */

bool referral_step_allowed(const char *kind, const char *from, const char *to)
{
    static const char *const referral_steps[][2] = {
        {"sent", "accepted"}, {"sent", "declined"}, {"accepted", "started"}, {"accepted", "declined"}, {"started", "ended"},
    };
    static const char *const consultation_steps[][2] = {{"sent", "ended"}, {"sent", "declined"}};
    if (!kind || !from || !to)
        return false;
    bool consultation = strcmp(kind, "consultation") == 0;
    const char *const(*steps)[2] = consultation ? consultation_steps : referral_steps;
    size_t n = consultation ? 2 : 5;
    for (size_t i = 0; i < n; i++)
        if (strcmp(steps[i][0], from) == 0 && strcmp(steps[i][1], to) == 0)
            return true;
    return false;
}

const char *referral_last_step_on(const referral *r)
{
    const char *days[] = {r->sent_on, r->accepted_on, r->started_on, r->ended_on, r->declined_on};
    const char *last = NULL;
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
        if (days[i] && (!last || strcmp(days[i], last) > 0))
            last = days[i];
    return last;
}

bool referral_needs_consent(const referral *r)
{
    return !r->anonymous && !r->legal_ground;
}

static const char *trimmed(arena *a, const char *s)
{
    char *t = text_trim(a, s);
    return t ? t : "";
}

static void check_sent_on(referral *out, const char *case_opened_on, wt_date today, errors *e)
{
    wt_date d;
    if (!date_parse(out->sent_on, &d))
        errors_add(e, "sent_on", _("Vul een geldige datum van versturen in, als JJJJ-MM-DD."));
    else if (date_compare(d, today) > 0)
        errors_add(e, "sent_on", _("De datum van versturen ligt in de toekomst."));
    else if (case_opened_on && strcmp(out->sent_on, case_opened_on) < 0)
        errors_add(e, "sent_on", _("De datum van versturen ligt voor de opening van de casus."));
}

static void check_sharing(arena *a, const referral_input *in, errors *e, referral *out)
{
    out->anonymous = in->anonymous;
    if (out->anonymous && strcmp(out->kind, "consultation") != 0)
        errors_add(e, "anonymous", _("Alleen een consultatie kan anoniem; een verwijzing deelt altijd gegevens."));
    out->shared = in->n_shared > 0 ? consent_set_of(a, in->shared, in->n_shared) : "";
    if (!out->shared)
        errors_add(e, "shared", _("Kies de gegevens die u deelt uit de lijst."));
    else if (out->anonymous && in->n_shared > 0)
        errors_add(e, "shared", _("Een anonieme consultatie deelt geen gegevens van de bewoner."));
    else if (!out->anonymous && in->n_shared == 0)
        errors_add(e, "shared", _("Kies welke gegevens u deelt."));
    const char *ground = trimmed(a, in->legal_ground);
    out->legal_ground = *ground ? ground : NULL;
    out->legal_note = trimmed(a, in->legal_note);
    if (out->legal_ground && !code_valid(referral_legal_grounds, out->legal_ground))
        errors_add(e, "legal_ground", _("Kies de wettelijke grondslag uit de lijst."));
    else if (out->legal_ground)
        case_check_text(e, "legal_note", _("De toelichting op de grondslag"), out->legal_note, REFERRAL_TEXT_MAX, true);
    const char *cid = trimmed(a, in->consent_id);
    if (*cid && (!text_parse_int64(cid, &out->consent_id) || out->consent_id <= 0))
        errors_add(e, "consent_id", _("Kies een toestemming uit de lijst."));
    if (out->consent_id && !referral_needs_consent(out))
        errors_add(e, "consent_id", out->anonymous ? _("Een anonieme consultatie heeft geen toestemming nodig.")
                                                   : _("Kies een toestemming of een wettelijke grondslag, niet allebei."));
}

wt_status referral_validate(arena *a, const referral_input *in, const char *case_opened_on, wt_date today, errors *e,
                            referral *out)
{
    memset(out, 0, sizeof(*out));
    out->kind = *trimmed(a, in->kind) ? trimmed(a, in->kind) : "referral";
    if (!code_valid(referral_kinds, out->kind))
        errors_add(e, "kind", _("Kies een verwijzing of een consultatie."));
    out->service_id = trimmed(a, in->service_id);
    if (!*out->service_id)
        errors_add(e, "service_id", _("Kies de dienst uit de sociale kaart waarnaar u verwijst."));
    out->reason = trimmed(a, in->reason);
    case_check_text(e, "reason", _("De reden"), out->reason, REFERRAL_TEXT_MAX, true);
    out->urgency = *trimmed(a, in->urgency) ? trimmed(a, in->urgency) : "normal";
    if (!code_valid(referral_urgencies, out->urgency))
        errors_add(e, "urgency", _("Kies de urgentie: normaal, binnen een week of spoed."));
    char today_s[11];
    date_format(today, today_s);
    out->sent_on = *trimmed(a, in->sent_on) ? trimmed(a, in->sent_on) : arena_strdup(a, today_s);
    check_sent_on(out, case_opened_on, today, e);
    if (code_valid(referral_kinds, out->kind))
        check_sharing(a, in, e, out);
    out->status = "sent";
    return e->count ? WT_INVALID : WT_OK;
}

/* ---- operations ------------------------------------------------------------------------------------------------ */

/* The service must be on the map and active; its organisation becomes the receiving party. */
static wt_status check_service(wt_ctx *ctx, referral *row, errors *e)
{
    sm_service s;
    wt_status st = socialmap_service_get(ctx, row->service_id, &s);
    if (st == WT_NOTFOUND) {
        errors_add(e, "service_id", _("Deze dienst staat niet in de sociale kaart."));
        return WT_OK;
    }
    if (st != WT_OK)
        return st;
    if (strcmp(s.status, "active") != 0)
        errors_add(e, "service_id", _("Deze dienst is niet actief; kies een andere dienst."));
    row->organization_id = s.organization_id;
    row->organisation = s.organization_name;
    row->service_name = s.name;
    return WT_OK;
}

static consent_request request_of(const referral *row, const wt_case *c)
{
    return (consent_request){c->household_id, row->shared, row->organization_id, row->organisation,
                             strcmp(row->kind, "consultation") == 0 ? "consultation" : "referral", row->sent_on};
}

/* The consent chosen must cover the sharing; without a choice one is looked up. */
static wt_status check_consent(wt_ctx *ctx, referral *row, const wt_case *c, errors *e)
{
    consent_request r = request_of(row, c);
    if (row->consent_id) {
        consent k;
        const char *why = NULL;
        wt_status st = consent_get(ctx, row->consent_id, &k);
        if (st == WT_NOTFOUND || (st == WT_OK && k.household_id != c->household_id))
            errors_add(e, "consent_id", _("Kies een toestemming van dit huishouden."));
        else if (st != WT_OK)
            return st;
        else if (!consent_covers(ctx->a, &k, &r, &why))
            errors_add(e, "consent_id", arena_printf(ctx->a, _("Deze toestemming dekt de verwijzing niet: %s."), why));
        return WT_OK;
    }
    bool allowed = false;
    wt_status st = consent_allows(ctx, &r, &allowed, &row->consent_id);
    if (st == WT_OK && !allowed)
        errors_add(e, "consent_id",
                   arena_printf(ctx->a,
                                _("Er is geen toestemming van het huishouden om deze gegevens met %s te delen voor %s. "
                                  "Leg eerst de toestemming vast, of een wettelijke grondslag met toelichting."),
                                row->organisation, consent_label(consent_purposes, r.purpose)));
    return st;
}

wt_status referral_create(wt_ctx *ctx, int64_t action_id, const referral_input *in, errors *e, int64_t *id,
                          int64_t *case_id)
{
    *id = 0;
    plan_action act;
    wt_case c;
    wt_status st = plan_action_get(ctx, action_id, &act, &c);
    if (st == WT_OK)
        st = case_access_loaded(ctx, &c, PERM_CASE_WRITE);
    if (st != WT_OK)
        return st;
    *case_id = c.id;
    if (!case_is_open(&c)) {
        errors_add(e, "case", _("De casus is gesloten; er kan niet meer worden verwezen."));
        return WT_CONFLICT;
    }
    referral row;
    referral_validate(ctx->a, in, c.opened_on, date_today(), e, &row);
    if (*row.service_id && !errors_get(e, "service_id"))
        st = check_service(ctx, &row, e);
    if (st == WT_OK && row.organization_id && referral_needs_consent(&row) && !e->count)
        st = check_consent(ctx, &row, &c, e);
    if (st != WT_OK)
        return st;
    if (e->count)
        return WT_INVALID;
    row.action_id = action_id;
    row.case_id = c.id;
    const char *now = date_now_iso(ctx->a);
    st = referral_db_insert(ctx->db, &row, ctx->who.user_id, now, id);
    if (st == WT_OK)
        st = referral_db_add_event(ctx->db, *id, "sent", row.sent_on, row.reason, ctx->who.user_id, now);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "referral", *id, subject_of(&c));
    return st;
}

static wt_status load_checked(wt_ctx *ctx, int64_t id, permission perm, referral *out, wt_case *c)
{
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = referral_db_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        st = case_access(ctx, out->case_id, perm, c);
    return st;
}

wt_status referral_get(wt_ctx *ctx, int64_t id, referral *out, wt_case *c)
{
    wt_status st = load_checked(ctx, id, PERM_CASE_READ, out, c);
    if (st == WT_OK)
        st = referral_db_events(ctx->db, ctx->a, id, REFERRAL_EVENTS_MAX, &out->events, &out->n_events);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "referral", id, subject_of(c));
    return st;
}

wt_status referral_list(wt_ctx *ctx, int64_t case_id, referral **out, int *n)
{
    *out = NULL;
    *n = 0;
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, &c);
    if (st == WT_OK)
        st = referral_db_list(ctx->db, ctx->a, case_id, REFERRAL_LIST_MAX, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        audit_log(ctx, AUDIT_READ, "referral", (*out)[i].id, subject_of(&c));
    return st;
}

static void check_step(wt_ctx *ctx, const referral *r, const referral_step_input *in, errors *e, referral_step_input *out)
{
    out->status = trimmed(ctx->a, in->status);
    out->note = trimmed(ctx->a, in->note);
    char today_s[11];
    date_format(date_today(), today_s);
    out->on = *trimmed(ctx->a, in->on) ? trimmed(ctx->a, in->on) : arena_strdup(ctx->a, today_s);
    wt_date d;
    const char *last = referral_last_step_on(r);
    if (!code_valid(referral_statuses, out->status) || strcmp(out->status, "sent") == 0)
        errors_add(e, "status", _("Kies de nieuwe status uit de lijst."));
    if (!date_parse(out->on, &d))
        errors_add(e, "on", _("Vul een geldige datum in, als JJJJ-MM-DD."));
    else if (date_compare(d, date_today()) > 0)
        errors_add(e, "on", _("De datum ligt in de toekomst."));
    else if (last && strcmp(out->on, last) < 0)
        errors_add(e, "on", arena_printf(ctx->a, _("De datum ligt voor de vorige stap (%s)."), date_display(ctx->a, last)));
    bool advice = strcmp(r->kind, "consultation") == 0 && strcmp(out->status, "ended") == 0;
    case_check_text(e, "note", advice ? _("Het advies") : _("De toelichting"), out->note, REFERRAL_TEXT_MAX, advice);
}

wt_status referral_step(wt_ctx *ctx, int64_t id, const referral_step_input *in, errors *e, int64_t *case_id)
{
    referral r;
    wt_case c;
    wt_status st = load_checked(ctx, id, PERM_CASE_WRITE, &r, &c);
    if (st != WT_OK)
        return st;
    *case_id = c.id;
    if (!case_is_open(&c)) {
        errors_add(e, "status", _("De casus is gesloten; de verwijzing kan niet meer worden bijgewerkt."));
        return WT_CONFLICT;
    }
    referral_step_input step;
    check_step(ctx, &r, in, e, &step);
    if (e->count)
        return WT_INVALID;
    if (!referral_step_allowed(r.kind, r.status, step.status)) {
        errors_add(e, "status",
                   arena_printf(ctx->a, _("Van %s kan de status niet naar %s."), referral_label(referral_statuses, r.status),
                                referral_label(referral_statuses, step.status)));
        return WT_CONFLICT;
    }
    const char *now = date_now_iso(ctx->a);
    st = referral_db_set_status(ctx->db, id, step.status, step.on, step.note, now);
    if (st == WT_OK)
        st = referral_db_add_event(ctx->db, id, step.status, step.on, step.note, ctx->who.user_id, now);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "referral", id, subject_of(&c));
    return st;
}

wt_status referral_waiting_list(wt_ctx *ctx, int limit, referral_waiting **out, int *n)
{
    *out = NULL;
    *n = 0;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = referral_db_waiting(ctx->db, ctx->a, ctx->who.user_id, ctx->who.team_id, limit, out, n);
    long today = date_to_days(date_today());
    for (int i = 0; st == WT_OK && i < *n; i++) {
        referral_waiting *w = &(*out)[i];
        wt_date d;
        w->days = date_parse(w->sent_on, &d) ? (int)(today - date_to_days(d)) : 0;
        w->long_wait = w->days > REFERRAL_WAITING_DAYS;
        audit_log(ctx, AUDIT_READ, "referral", w->id, (audit_subject){w->household_id, 0, w->case_id});
    }
    return st;
}
