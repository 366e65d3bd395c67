/*
 * consent.c - the rules of consents (see consent.h): the lists, validation,
 * whether a consent covers a sharing, and recording, listing and withdrawing
 * them with the policy and the audit trail.
 */
#include "consent.h"
#include "../case/case.h"
#include "../access/audit.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../socialmap/socialmap.h"
#include "consent_db.h"

#include <string.h>

const code_text consent_data_kinds[] = {
    {"contact", N_("naam, adres en contactgegevens")},
    {"question", N_("hulpvraag en situatie")},
    {"plan", N_("plan van aanpak")},
    {"assessment", N_("zelfredzaamheid (ZRM)")},
    {"health", N_("gezondheid")},
    {"finances", N_("financiën")},
    {NULL, NULL},
};

const code_text consent_purposes[] = {
    {"referral", N_("doorverwijzing")},
    {"consultation", N_("advies van een specialist")},
    {"coordination", N_("afstemming van de hulp")},
    {"information", N_("informeren (brief of overdracht)")},
    {NULL, NULL},
};

const code_text consent_forms[] = {
    {"verbal", N_("mondeling")},
    {"written", N_("schriftelijk")},
    {"digital", N_("digitaal")},
    {NULL, NULL},
};

const char *consent_label(const code_text *list, const char *code)
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

/* ---- pure rules ------------------------------------------------------------------------------------------------ */

bool consent_set_has(const char *set, const char *code)
{
    if (!set || !code || !*code)
        return false;
    size_t n = strlen(code);
    for (const char *p = strstr(set, code); p; p = strstr(p + 1, code))
        if ((p == set || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

const char *consent_set_of(arena *a, const char *const *codes, int n)
{
    for (int i = 0; i < n; i++)
        if (!code_valid(consent_data_kinds, codes[i]))
            return NULL;
    const char *set = " ";
    for (int k = 0; consent_data_kinds[k].code; k++)
        for (int i = 0; i < n; i++)
            if (strcmp(codes[i], consent_data_kinds[k].code) == 0) {
                set = arena_printf(a, "%s%s ", set, consent_data_kinds[k].code);
                break;
            }
    return set;
}

bool consent_in_force(const consent *c, wt_date day)
{
    wt_date given, gone;
    if (!date_parse(c->given_on, &given) || date_compare(given, day) > 0)
        return false;
    return !(c->withdrawn_on && date_parse(c->withdrawn_on, &gone) && date_compare(gone, day) <= 0);
}

static bool same_party(arena *a, const consent *c, const consent_request *r)
{
    if (c->organization_id && *c->organization_id)
        return r->organization_id && strcmp(c->organization_id, r->organization_id) == 0;
    if (text_empty(c->with_whom) || text_empty(r->party))
        return false;
    return strcmp(text_fold(a, text_trim(a, c->with_whom)), text_fold(a, text_trim(a, r->party))) == 0;
}

/* The first kind in want that have does not hold, NULL when all are held. */
static const char *missing_kind(const char *have, const char *want)
{
    for (int k = 0; consent_data_kinds[k].code; k++)
        if (consent_set_has(want, consent_data_kinds[k].code) && !consent_set_has(have, consent_data_kinds[k].code))
            return consent_data_kinds[k].code;
    return NULL;
}

bool consent_covers(arena *a, const consent *c, const consent_request *r, const char **why)
{
    const char *reason = NULL;
    wt_date on;
    const char *missing = missing_kind(c->what, r->what);
    if (!r->on || !date_parse(r->on, &on))
        reason = _("de datum van het delen is onbekend");
    else if (c->household_id != r->household_id)
        reason = _("de toestemming is van een ander huishouden");
    else if (!same_party(a, c, r))
        reason = arena_printf(a, _("de toestemming geldt voor %s, niet voor deze partij"), c->with_whom);
    else if (!r->purpose || strcmp(c->purpose, r->purpose) != 0)
        reason = arena_printf(a, _("de toestemming is voor %s"), consent_label(consent_purposes, c->purpose));
    else if (missing)
        reason = arena_printf(a, _("de toestemming omvat geen %s"), consent_label(consent_data_kinds, missing));
    else if (!consent_in_force(c, on))
        reason = strcmp(c->given_on, r->on) > 0
                     ? arena_printf(a, _("de toestemming is pas gegeven op %s"), date_display(a, c->given_on))
                     : arena_printf(a, _("de toestemming is ingetrokken op %s"), date_display(a, c->withdrawn_on));
    if (why)
        *why = reason;
    return reason == NULL;
}

static void check_party(arena *a, const consent_input *in, errors *e, consent *out)
{
    const char *org = text_trim(a, in->organization_id);
    out->organization_id = text_empty(org) ? NULL : org;
    out->with_whom = text_trim(a, in->with_whom);
    if (!out->with_whom)
        out->with_whom = "";
    if (out->organization_id && !hsds_uuid_valid(out->organization_id))
        errors_add(e, "organization_id", _("Kies een organisatie uit de sociale kaart."));
    else if (!out->organization_id)
        case_check_text(e, "with_whom", _("Met wie gedeeld mag worden"), out->with_whom, CONSENT_PARTY_MAX, true);
}

static void check_given_on(const char *v, wt_date today, errors *e)
{
    wt_date d;
    if (text_empty(v))
        errors_add(e, "given_on", _("Vul de datum in waarop de toestemming is gegeven."));
    else if (!date_parse(v, &d))
        errors_add(e, "given_on", _("Vul een geldige datum in, als JJJJ-MM-DD (bijvoorbeeld 2026-03-31)."));
    else if (date_compare(d, today) > 0)
        errors_add(e, "given_on", _("De datum van de toestemming ligt in de toekomst."));
}

wt_status consent_validate(arena *a, const consent_input *in, wt_date today, errors *e, consent *out)
{
    memset(out, 0, sizeof(*out));
    if (!text_parse_int64(in->person_id, &out->person_id) || out->person_id <= 0)
        errors_add(e, "person_id", _("Kies wie van het huishouden de toestemming gaf."));
    out->what = in->n_what > 0 ? consent_set_of(a, in->what, in->n_what) : NULL;
    if (in->n_what == 0)
        errors_add(e, "what", _("Kies welke gegevens gedeeld mogen worden."));
    else if (!out->what)
        errors_add(e, "what", _("Kies de gegevens uit de lijst."));
    check_party(a, in, e, out);
    out->purpose = text_trim(a, in->purpose);
    if (!code_valid(consent_purposes, out->purpose))
        errors_add(e, "purpose", _("Kies het doel van het delen uit de lijst."));
    out->given_on = text_trim(a, in->given_on);
    check_given_on(out->given_on, today, e);
    out->form = text_trim(a, in->form);
    if (!code_valid(consent_forms, out->form))
        errors_add(e, "form", _("Kies hoe de toestemming is gegeven: mondeling, schriftelijk of digitaal."));
    return e->count ? WT_INVALID : WT_OK;
}

/* ---- operations ------------------------------------------------------------------------------------------------ */

wt_status consent_household_access(wt_ctx *ctx, int64_t household_id, bool write)
{
    permission perm = write ? PERM_HOUSEHOLD_WRITE : PERM_HOUSEHOLD_READ;
    if (!policy_allows(&ctx->who, perm, POLICY_NO_TARGET) || !ctx->who.team_id)
        return WT_FORBIDDEN;
    int64_t team_id = 0;
    wt_status st = consent_db_household_team(ctx->db, ctx->a, household_id, &team_id);
    if (st != WT_OK)
        return st;
    if (!policy_allows(&ctx->who, perm, (policy_target){.team_id = team_id}))
        return WT_NOTFOUND;
    return case_household_access(ctx, household_id, perm); /* need-to-know when the household has a case */
}

static audit_subject subject_of(const consent *c)
{
    return (audit_subject){c->household_id, c->person_id, 0};
}

wt_status consent_list(wt_ctx *ctx, int64_t household_id, consent **out, int *n)
{
    *out = NULL;
    *n = 0;
    wt_status st = consent_household_access(ctx, household_id, false);
    if (st == WT_OK)
        st = consent_db_list(ctx->db, ctx->a, household_id, CONSENT_LIST_MAX, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        audit_log(ctx, AUDIT_READ, "consent", (*out)[i].id, subject_of(&(*out)[i]));
    return st;
}

wt_status consent_get(wt_ctx *ctx, int64_t id, consent *out)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = consent_db_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        st = consent_household_access(ctx, out->household_id, false);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "consent", id, subject_of(out));
    return st;
}

/* The person belongs to the household; the organisation exists (its name is the party). */
static void check_references(wt_ctx *ctx, int64_t household_id, consent *row, errors *e, wt_status *st)
{
    int64_t person_household = 0;
    if (row->person_id) {
        *st = consent_db_person_household(ctx->db, ctx->a, row->person_id, &person_household);
        if (*st == WT_NOTFOUND || (*st == WT_OK && person_household != household_id)) {
            errors_add(e, "person_id", _("Kies iemand van dit huishouden."));
            *st = WT_OK;
        }
    }
    if (*st == WT_OK && row->organization_id) {
        const char *name = NULL;
        *st = consent_db_organization_name(ctx->db, ctx->a, row->organization_id, &name);
        if (*st == WT_NOTFOUND) {
            errors_add(e, "organization_id", _("Deze organisatie staat niet in de sociale kaart."));
            *st = WT_OK;
        } else if (*st == WT_OK) {
            row->with_whom = name;
        }
    }
}

wt_status consent_record(wt_ctx *ctx, int64_t household_id, const consent_input *in, errors *e, int64_t *id)
{
    *id = 0;
    wt_status st = consent_household_access(ctx, household_id, true);
    if (st != WT_OK)
        return st;
    consent row;
    if (consent_validate(ctx->a, in, date_today(), e, &row) == WT_OK || row.person_id || row.organization_id)
        check_references(ctx, household_id, &row, e, &st);
    if (st != WT_OK)
        return st;
    if (e->count)
        return WT_INVALID;
    row.household_id = household_id;
    st = consent_db_insert(ctx->db, &row, ctx->who.user_id, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "consent", *id, subject_of(&row));
    return st;
}

wt_status consent_withdraw(wt_ctx *ctx, int64_t id, const char *on, const char *note, errors *e,
                           int64_t *household_id)
{
    consent c;
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = consent_db_get(ctx->db, ctx->a, id, &c);
    if (st == WT_OK)
        st = consent_household_access(ctx, c.household_id, true);
    if (st != WT_OK)
        return st;
    *household_id = c.household_id;
    if (c.withdrawn_on) {
        errors_add(e, "withdrawn_on", _("Deze toestemming is al ingetrokken."));
        return WT_CONFLICT;
    }
    wt_date d, given;
    const char *day = text_trim(ctx->a, on);
    const char *why = text_trim(ctx->a, note);
    if (text_empty(day) || !date_parse(day, &d))
        errors_add(e, "withdrawn_on", _("Vul een geldige datum van intrekken in, als JJJJ-MM-DD."));
    else if (date_compare(d, date_today()) > 0)
        errors_add(e, "withdrawn_on", _("De datum van intrekken ligt in de toekomst."));
    else if (date_parse(c.given_on, &given) && date_compare(d, given) < 0)
        errors_add(e, "withdrawn_on", _("De datum van intrekken ligt voor de datum waarop de toestemming is gegeven."));
    case_check_text(e, "note", _("De toelichting"), why ? why : "", CONSENT_NOTE_MAX, false);
    if (e->count)
        return WT_INVALID;
    st = consent_db_withdraw(ctx->db, id, day, why ? why : "", ctx->who.user_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "consent", id, subject_of(&c));
    return st;
}

wt_status consent_allows(wt_ctx *ctx, const consent_request *r, bool *allowed, int64_t *consent_id)
{
    *allowed = false;
    *consent_id = 0;
    wt_status st = consent_household_access(ctx, r->household_id, false);
    consent *list = NULL;
    int n = 0;
    if (st == WT_OK)
        st = consent_db_list(ctx->db, ctx->a, r->household_id, CONSENT_LIST_MAX, &list, &n);
    for (int i = 0; st == WT_OK && i < n && !*allowed; i++)
        if (consent_covers(ctx->a, &list[i], r, NULL)) {
            *allowed = true;
            *consent_id = list[i].id;
            audit_log(ctx, AUDIT_READ, "consent", list[i].id, subject_of(&list[i]));
        }
    return st;
}
