/* case.c - rules of the case: one open case per household, one coordinator, hand-over, closing (see case.h). */
#include "case.h"
#include "../access/audit.h"
#include "../casemember/casemember.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../plan/plan.h"
#include "../user/user.h"
#include "case_db.h"

#include <ctype.h>
#include <string.h>

const code_text case_close_reasons[] = {
    {"goals_achieved", N_("Doelen bereikt")},
    {"referred_second_line", N_("Doorverwezen naar de tweede lijn")},
    {"resident_withdrew", N_("Bewoner heeft zich teruggetrokken")},
    {"moved_away", N_("Verhuisd")},
    {"no_longer_needed", N_("Hulp niet meer nodig")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

const char *case_close_reason_label(const char *code)
{
    for (const code_text *r = case_close_reasons; code && r->code; r++)
        if (strcmp(r->code, code) == 0)
            return _(r->label);
    return code ? code : "";
}

bool case_is_open(const wt_case *c)
{
    return c->status && strcmp(c->status, "open") == 0;
}

bool case_check_text(errors *e, const char *field, const char *label, const char *value, long max, bool required)
{
    long len = value ? text_utf8_len(value) : 0;
    if (text_empty(value)) {
        if (!required)
            return true;
        char *lower = arena_strdup(e->a, label);
        lower[0] = (char)tolower((unsigned char)lower[0]);
        errors_add(e, field, arena_printf(e->a, _("Vul %s in."), lower));
        return false;
    }
    if (len < 0) {
        errors_add(e, field, arena_printf(e->a, _("%s bevat ongeldige tekens."), label));
        return false;
    }
    if (len > max) {
        errors_add(e, field, arena_printf(e->a, _("%s mag hoogstens %ld tekens lang zijn (nu %ld)."), label, max, len));
        return false;
    }
    return true;
}

bool case_role_may_read(const wt_ctx *ctx)
{
    return policy_allows(&ctx->who, PERM_CASE_READ, POLICY_NO_TARGET);
}

/* The policy's view of a case, with what the acting user is to it. */
static wt_status case_target(wt_ctx *ctx, const wt_case *c, policy_target *t, const char **emergency_reason)
{
    *t = (policy_target){c->team_id, c->coordinator_id, c->id, c->tie};
    *emergency_reason = c->emergency_reason;
    if (c->tie_loaded)
        return WT_OK;
    return casemember_tie(ctx, c->id, &t->tie, emergency_reason, NULL);
}

wt_status case_access_loaded(wt_ctx *ctx, const wt_case *c, permission perm)
{
    policy_target t;
    const char *emergency_reason = NULL;
    /* A case of another team is not even known to exist. */
    if (!policy_allows(&ctx->who, PERM_CASE_KNOWN, (policy_target){c->team_id, 0, 0, TIE_NONE}))
        return case_role_may_read(ctx) ? WT_NOTFOUND : WT_FORBIDDEN;
    wt_status st = case_target(ctx, c, &t, &emergency_reason);
    if (st != WT_OK)
        return st;
    if (!policy_allows(&ctx->who, perm, t)) {
        /* Refused on need-to-know grounds: the user may learn that the case exists and ask access. */
        if (!policy_allows(&ctx->who, PERM_CASE_READ, t))
            ctx->need_to_know_case = c->id;
        return WT_FORBIDDEN;
    }
    if (t.tie == TIE_EMERGENCY && t.coordinator_id != ctx->who.user_id && !ctx->reason)
        ctx->reason = emergency_reason; /* NEN 7513: the reason of an access outside the normal relation */
    return WT_OK;
}

wt_status case_access(wt_ctx *ctx, int64_t case_id, permission perm, wt_case *out)
{
    /* Roles without any case content (administrator, policy officer) learn nothing, not even existence. */
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = case_db_get(ctx->db, ctx->a, case_id, out);
    if (st != WT_OK)
        return st;
    if (policy_allows(&ctx->who, PERM_CASE_KNOWN, (policy_target){out->team_id, 0, 0, TIE_NONE})) {
        st = casemember_tie(ctx, case_id, &out->tie, &out->emergency_reason, &out->emergency_until);
        if (st != WT_OK)
            return st;
        out->tie_loaded = true;
    }
    return case_access_loaded(ctx, out, perm);
}

wt_status case_household_access(wt_ctx *ctx, int64_t household_id, permission perm)
{
    int64_t case_id = 0;
    wt_status st = case_db_governing_of_household(ctx->db, ctx->a, household_id, &case_id);
    if (st != WT_OK || case_id == 0)
        return st;
    wt_case c;
    return case_access(ctx, case_id, perm, &c);
}

wt_status case_known_get(wt_ctx *ctx, int64_t case_id, case_known *out)
{
    memset(out, 0, sizeof(*out));
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_case c;
    wt_status st = case_db_get(ctx->db, ctx->a, case_id, &c);
    if (st != WT_OK)
        return st;
    policy_target t = {c.team_id, c.coordinator_id, c.id, TIE_NONE};
    if (!policy_allows(&ctx->who, PERM_CASE_KNOWN, t))
        return WT_NOTFOUND;
    st = casemember_tie(ctx, case_id, &t.tie, NULL, NULL);
    if (st != WT_OK)
        return st;
    *out = (case_known){c.id, c.household_id, c.household_name, c.coordinator_name, c.coordinator_id, c.team_id,
                        c.status, policy_allows(&ctx->who, PERM_CASE_MEMBERS, t),
                        policy_allows(&ctx->who, PERM_CASE_EMERGENCY, t)};
    audit_log(ctx, AUDIT_READ, "case_known", case_id, (audit_subject){c.household_id, 0, case_id});
    return WT_OK;
}

bool case_may_coordinate(wt_role role, int64_t user_team_id, bool disabled, int64_t case_team_id)
{
    if (disabled || case_team_id == 0)
        return false;
    actor candidate = {.user_id = -1, .role = role, .team_id = user_team_id};
    return policy_allows(&candidate, PERM_CASE_COORDINATE, (policy_target){.team_id = case_team_id});
}

/* Checks that user_id may coordinate a case of team_id; names the problem in field. */
static void check_coordinator(wt_ctx *ctx, int64_t user_id, int64_t team_id, const char *field, errors *e)
{
    user u;
    if (user_id <= 0) {
        errors_add(e, field, _("Kies een regisseur."));
        return;
    }
    if (user_get(ctx, user_id, &u) != WT_OK || !case_may_coordinate(u.role, u.team_id, u.disabled, team_id))
        errors_add(e, field, _("De regisseur moet een actieve sociaal werker of teamleider van het team zijn."));
}

static void add_conflict_open_case(errors *e)
{
    errors_add(e, "household_id",
               _("Dit huishouden heeft al een open casus. Eén gezin, één plan: werk verder in de bestaande casus."));
}

wt_status case_open(wt_ctx *ctx, const case_open_input *in_raw, errors *e, int64_t *id)
{
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    case_open_input in = *in_raw;
    int64_t team_id = 0;
    if (in.household_id <= 0) {
        errors_add(e, "household_id", _("Kies het huishouden waarvoor u de casus opent."));
        return WT_INVALID;
    }
    wt_status st = case_db_household_team(ctx->db, ctx->a, in.household_id, &team_id);
    if (st != WT_OK)
        return st;
    if (!policy_allows(&ctx->who, PERM_CASE_READ, (policy_target){.team_id = team_id}))
        return WT_NOTFOUND;
    if (!policy_allows(&ctx->who, PERM_CASE_WRITE, (policy_target){.team_id = team_id}))
        return WT_FORBIDDEN;
    int64_t existing = 0;
    st = case_db_open_of_household(ctx->db, ctx->a, in.household_id, &existing);
    if (st != WT_OK)
        return st;
    if (existing) {
        add_conflict_open_case(e);
        return WT_CONFLICT;
    }
    if (in.coordinator_id == 0)
        in.coordinator_id = ctx->who.user_id;
    in.reason = text_trim(ctx->a, in.reason);
    case_check_text(e, "reason", _("De reden van aanmelding"), in.reason, CASE_TEXT_MAX, true);
    check_coordinator(ctx, in.coordinator_id, team_id, "coordinator_id", e);
    if (e->count)
        return WT_INVALID;
    st = case_db_insert(ctx->db, &in, team_id, date_today_iso(ctx->a), id);
    if (st == WT_CONFLICT) { /* another request opened one in the meantime */
        add_conflict_open_case(e);
        return WT_CONFLICT;
    }
    if (st == WT_OK)
        st = plan_create_for_case(ctx, *id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "case", *id, (audit_subject){in.household_id, 0, *id});
    if (st == WT_OK && in.coordinator_id != ctx->who.user_id)
        st = casemember_keep(ctx, *id, in.household_id, ctx->who.user_id,
                             _("Opende de casus voor de regisseur (na het eerste gesprek)."));
    return st;
}

wt_status case_get(wt_ctx *ctx, int64_t id, wt_case *out)
{
    wt_status st = case_access(ctx, id, PERM_CASE_READ, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "case", id, (audit_subject){out->household_id, 0, id});
    return st;
}

wt_status case_open_of_household(wt_ctx *ctx, int64_t household_id, int64_t *case_id)
{
    int64_t team_id = 0;
    *case_id = 0;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = case_db_household_team(ctx->db, ctx->a, household_id, &team_id);
    if (st != WT_OK)
        return st;
    if (!policy_allows(&ctx->who, PERM_CASE_READ, (policy_target){.team_id = team_id}))
        return WT_NOTFOUND;
    return case_db_open_of_household(ctx->db, ctx->a, household_id, case_id);
}

wt_status case_handovers(wt_ctx *ctx, const wt_case *c, case_handover_rec **out, int *n)
{
    wt_status st = case_access_loaded(ctx, c, PERM_CASE_READ);
    if (st != WT_OK)
        return st;
    return case_db_handovers(ctx->db, ctx->a, c->id, out, n);
}

wt_status case_handover(wt_ctx *ctx, int64_t case_id, int64_t to_user_id, const char *reason_raw, errors *e)
{
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_HANDOVER, &c);
    if (st != WT_OK)
        return st;
    if (!case_is_open(&c)) {
        errors_add(e, "case", _("De casus is gesloten; de regie kan niet meer worden overgedragen."));
        return WT_CONFLICT;
    }
    const char *reason = text_trim(ctx->a, reason_raw);
    if (to_user_id > 0 && to_user_id == c.coordinator_id)
        errors_add(e, "to_user_id", _("Deze persoon is al de regisseur; kies een ander."));
    else if (to_user_id <= 0)
        errors_add(e, "to_user_id", _("Kies aan wie u de regie overdraagt."));
    else
        check_coordinator(ctx, to_user_id, c.team_id, "to_user_id", e);
    case_check_text(e, "reason", _("De reden van de overdracht"), reason, CASE_TEXT_MAX, true);
    if (e->count)
        return WT_INVALID;
    st = case_db_set_coordinator(ctx->db, case_id, c.coordinator_id, to_user_id);
    if (st == WT_CONFLICT) {
        errors_add(e, "case", _("De casus is intussen gewijzigd; laad de pagina opnieuw."));
        return WT_CONFLICT;
    }
    if (st == WT_OK)
        st = case_db_insert_handover(ctx->db, case_id, c.coordinator_id, to_user_id, ctx->who.user_id,
                                     date_now_iso(ctx->a), reason);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "case_handover", case_id, (audit_subject){c.household_id, 0, case_id});
    if (st == WT_OK)
        st = casemember_keep(ctx, case_id, c.household_id, c.coordinator_id,
                             _("Vorige regisseur: warme overdracht aan de nieuwe regisseur."));
    return st;
}

static bool valid_close_reason(const char *code)
{
    for (const code_text *r = case_close_reasons; code && r->code; r++)
        if (strcmp(r->code, code) == 0)
            return true;
    return false;
}

wt_status case_close(wt_ctx *ctx, int64_t case_id, const case_close_input *in, errors *e, int *open_actions)
{
    wt_case c;
    *open_actions = 0;
    wt_status st = case_access(ctx, case_id, PERM_CASE_WRITE, &c);
    if (st != WT_OK)
        return st;
    if (!case_is_open(&c)) {
        errors_add(e, "case", _("De casus is al gesloten."));
        return WT_CONFLICT;
    }
    const char *note = text_trim(ctx->a, in->note);
    if (text_empty(note))
        note = NULL;
    if (!valid_close_reason(in->close_reason))
        errors_add(e, "close_reason", _("Kies de reden om de casus te sluiten."));
    bool other = in->close_reason && strcmp(in->close_reason, "other") == 0;
    case_check_text(e, "note", _("De toelichting"), note, CASE_TEXT_MAX, other);
    st = plan_open_actions(ctx, case_id, open_actions);
    if (st != WT_OK)
        return st;
    if (*open_actions > 0 && !in->confirm)
        errors_add(e, "confirm",
                   arena_printf(ctx->a,
                                *open_actions == 1
                                    ? _("Er staat nog %d actie open in het plan. Bevestig dat u de casus toch wilt sluiten.")
                                    : _("Er staan nog %d acties open in het plan. Bevestig dat u de casus toch wilt sluiten."),
                                *open_actions));
    if (e->count)
        return WT_INVALID;
    st = case_db_close(ctx->db, case_id, date_today_iso(ctx->a), in->close_reason, note);
    if (st == WT_CONFLICT) {
        errors_add(e, "case", _("De casus is al gesloten."));
        return WT_CONFLICT;
    }
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "case_close", case_id, (audit_subject){c.household_id, 0, case_id});
    return st;
}

/* The list shows what the team may know; the content (the reason, the close note) only to who needs it. */
static wt_status case_list_hide_content(wt_ctx *ctx, case_page *out)
{
    size_t n = (size_t)(out->n > 0 ? out->n : 1);
    int64_t *ids = arena_alloc(ctx->a, sizeof(int64_t) * n);
    case_tie *ties = arena_alloc(ctx->a, sizeof(case_tie) * n);
    for (int i = 0; i < out->n; i++)
        ids[i] = out->items[i].id;
    wt_status st = casemember_ties(ctx, ids, out->n, ties);
    for (int i = 0; st == WT_OK && i < out->n; i++) {
        wt_case *c = &out->items[i];
        if (!policy_allows(&ctx->who, PERM_CASE_READ, (policy_target){c->team_id, c->coordinator_id, c->id, ties[i]}))
            c->reason = c->close_note = NULL;
    }
    return st;
}

wt_status case_list(wt_ctx *ctx, const case_filter *f_raw, case_page *out)
{
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    case_filter f = *f_raw;
    if (f.limit <= 0 || f.limit > 200)
        f.limit = 25;
    if (f.offset < 0)
        f.offset = 0;
    memset(out, 0, sizeof(*out));
    wt_status st = case_db_list(ctx->db, ctx->a, ctx->who.team_id, &f, out);
    if (st == WT_OK)
        st = case_list_hide_content(ctx, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_SEARCH, "case", 0, (audit_subject){0});
    return st;
}

wt_status case_caseload(wt_ctx *ctx, int64_t team_id, caseload_row **out, int *n)
{
    if (!policy_allows(&ctx->who, PERM_TEAM_OVERVIEW, (policy_target){.team_id = team_id}) || team_id == 0)
        return WT_FORBIDDEN;
    return case_db_caseload(ctx->db, ctx->a, team_id, out, n);
}

wt_status case_worklist(wt_ctx *ctx, worklist *out)
{
    memset(out, 0, sizeof(*out));
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    case_page mine;
    case_filter f = {CASE_FILTER_OPEN, ctx->who.user_id, WORKLIST_LIMIT, 0, false};
    wt_status st = case_db_list(ctx->db, ctx->a, ctx->who.team_id, &f, &mine);
    if (st != WT_OK)
        return st;
    out->cases = mine.items;
    out->n_cases = mine.n;
    out->total_cases = mine.total;
    st = plan_actions_due_for(ctx, ctx->who.user_id, &out->actions, &out->n_actions);
    if (st != WT_OK)
        return st;
    char since[11];
    date_format(date_add_days(date_today(), -WORKLIST_HANDOVER_DAYS), since);
    st = case_db_handed_to(ctx->db, ctx->a, ctx->who.user_id, ctx->who.team_id, since, WORKLIST_LIMIT,
                           &out->handovers, &out->n_handovers);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_SEARCH, "worklist", ctx->who.user_id, (audit_subject){0});
    return st;
}
