/* frontdoor.c - the rules of the front door (see frontdoor.h). */
#include "frontdoor.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../household/household.h"
#include "frontdoor_db.h"

#include <string.h>

#define NAME_MAX_LEN 100
#define CONTACT_MAX_LEN 200
#define BODY_MAX_LEN 4000

const frontdoor_code question_kinds[] = {
    {"question", N_("Vraag")},
    {"idea", N_("Idee voor de buurt")},
    {"offer", N_("Aanbod om te helpen")},
    {NULL, NULL},
};

const frontdoor_code question_channels[] = {
    {"walk_in", N_("Binnenloop")},
    {"phone", N_("Telefoon")},
    {"outreach", N_("Outreach / wijkronde")},
    {"web", N_("Website")},
    {"email", N_("E-mail")},
    {NULL, NULL},
};

const frontdoor_code question_statuses[] = {
    {"open", N_("Open")},
    {"handled", N_("Afgehandeld")},
    {"case", N_("Casus geopend")},
    {NULL, NULL},
};

const char *frontdoor_label(const frontdoor_code *table, const char *code)
{
    for (; code && table->code; table++)
        if (strcmp(table->code, code) == 0)
            return _(table->label);
    return code ? code : "";
}

bool frontdoor_code_valid(const frontdoor_code *table, const char *code)
{
    for (; code && table->code; table++)
        if (strcmp(table->code, code) == 0)
            return true;
    return false;
}

/* ---- validation ------------------------------------------------------------------------------------------------ */

/* Trimmed text of at most max characters; control characters only as line breaks and tabs when multiline. */
static const char *check_text(arena *a, errors *e, const char *field, const char *value, long max, bool multiline,
                              const char *missing, const char *too_long)
{
    char *v = text_trim(a, value);
    if (!v || !*v) {
        if (missing)
            errors_add(e, field, missing);
        return NULL;
    }
    long len = text_utf8_len(v);
    bool bad = len < 0;
    for (const char *p = v; *p && !bad; p++) {
        unsigned char ch = (unsigned char)*p;
        if ((ch < 0x20 || ch == 0x7f) && !(multiline && (ch == '\n' || ch == '\r' || ch == '\t')))
            bad = true;
    }
    if (bad) {
        errors_add(e, field, _("Dit veld bevat ongeldige tekens."));
        return NULL;
    }
    if (len > max) {
        errors_add(e, field, too_long);
        return NULL;
    }
    return v;
}

/* The household must exist and belong to the actor's team. */
static void check_household(wt_ctx *ctx, int64_t household_id, errors *e)
{
    if (household_id < 0 || (household_id > 0 && household_check_visible(ctx, household_id) != WT_OK))
        errors_add(e, "household_id", _("Er is geen huishouden met dit nummer in uw team."));
}

static void validate_question(wt_ctx *ctx, const question_input *in, errors *e, question_input *out)
{
    arena *a = ctx->a;
    memset(out, 0, sizeof(*out));
    if (!frontdoor_code_valid(question_kinds, in->kind))
        errors_add(e, "kind", _("Kies wat de bewoner komt brengen: een vraag, een idee of een aanbod."));
    else
        out->kind = in->kind;
    if (!frontdoor_code_valid(question_channels, in->channel))
        errors_add(e, "channel", _("Kies hoe de bewoner bij het team kwam."));
    else
        out->channel = in->channel;
    out->name = check_text(a, e, "name", in->name, NAME_MAX_LEN, false, _("Vul de naam van de bewoner in."),
                           _("De naam mag hoogstens 100 tekens lang zijn."));
    out->contact = check_text(a, e, "contact", in->contact, CONTACT_MAX_LEN, false, NULL,
                              _("De contactgegevens mogen hoogstens 200 tekens lang zijn."));
    out->body = check_text(a, e, "body", in->body, BODY_MAX_LEN, true,
                           _("Schrijf de vraag, het idee of het aanbod op in de woorden van de bewoner."),
                           _("De tekst mag hoogstens 4000 tekens lang zijn."));
    check_household(ctx, in->household_id, e);
    out->household_id = in->household_id;
}

/* ---- access ---------------------------------------------------------------------------------------------------- */

/* Loads a question of the actor's team: FORBIDDEN for roles without access, NOTFOUND for other teams. */
static wt_status question_load(wt_ctx *ctx, permission perm, int64_t id, question *out)
{
    if (!policy_allows(&ctx->who, perm, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = question_db_get(ctx->db, ctx->a, id, out);
    if (st != WT_OK)
        return st;
    if (!policy_allows(&ctx->who, perm, (policy_target){.team_id = out->team_id}))
        return WT_NOTFOUND;
    return WT_OK;
}

static audit_subject subject_of(const question *q)
{
    return (audit_subject){q->household_id, 0, 0};
}

/* ---- operations ------------------------------------------------------------------------------------------------ */

wt_status question_may_write(const wt_ctx *ctx)
{
    return policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET) && ctx->who.team_id != 0 ? WT_OK
                                                                                                   : WT_FORBIDDEN;
}

wt_status question_create(wt_ctx *ctx, const question_input *in, errors *e, int64_t *id)
{
    *id = 0;
    if (question_may_write(ctx) != WT_OK)
        return WT_FORBIDDEN;
    question_input v;
    validate_question(ctx, in, e, &v);
    if (e->count)
        return WT_INVALID;
    wt_status st = question_db_insert(ctx->db, ctx->who.team_id, &v, date_now_iso(ctx->a), ctx->who.user_id, id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "question", *id, (audit_subject){v.household_id, 0, 0});
    return st;
}

wt_status question_get(wt_ctx *ctx, int64_t id, question *out)
{
    wt_status st = question_load(ctx, PERM_HOUSEHOLD_READ, id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "question", id, subject_of(out));
    return st;
}

wt_status question_list(wt_ctx *ctx, const char *status, int limit, int offset, question **out, int *n, bool *more)
{
    *out = NULL;
    *n = 0;
    *more = false;
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_READ, POLICY_NO_TARGET) || ctx->who.team_id == 0)
        return WT_FORBIDDEN;
    if (!status || !*status)
        status = "open";
    if (!frontdoor_code_valid(question_statuses, status))
        return WT_NOTFOUND;
    if (limit <= 0 || limit > 100)
        limit = QUESTION_PAGE;
    if (offset < 0 || offset > 1000000000)
        offset = 0;
    wt_status st = question_db_list(ctx->db, ctx->a, ctx->who.team_id, status, limit + 1, offset, out, n);
    if (st != WT_OK)
        return st;
    if (*n > limit) {
        *more = true;
        *n = limit;
    }
    for (int i = 0; i < *n; i++)
        audit_log(ctx, AUDIT_READ, "question", (*out)[i].id, subject_of(&(*out)[i]));
    return WT_OK;
}

wt_status question_update(wt_ctx *ctx, int64_t id, const question_change *ch, errors *e)
{
    question q;
    wt_status st = question_load(ctx, PERM_HOUSEHOLD_WRITE, id, &q);
    if (st != WT_OK)
        return st;
    const char *status = q.status;
    if (ch->status) {
        if (!frontdoor_code_valid(question_statuses, ch->status))
            errors_add(e, "status", _("Kies een status: open, afgehandeld of casus geopend."));
        else
            status = ch->status;
    }
    const char *outcome = q.outcome;
    if (ch->outcome)
        outcome = check_text(ctx->a, e, "outcome", ch->outcome, BODY_MAX_LEN, true, NULL,
                             _("De uitkomst mag hoogstens 4000 tekens lang zijn."));
    int64_t household_id = q.household_id;
    if (ch->set_household) {
        check_household(ctx, ch->household_id, e);
        household_id = ch->household_id;
    }
    if (e->count)
        return WT_INVALID;
    if (strcmp(status, "open") != 0 && text_empty(outcome))
        errors_add(e, "outcome", _("Beschrijf de uitkomst: wat is er met de vraag gedaan?"));
    if (strcmp(status, "case") == 0 && household_id == 0)
        errors_add(e, "household_id", _("Koppel eerst een huishouden: een casus hoort bij een huishouden."));
    if (e->count)
        return WT_INVALID;
    if (ch->status || ch->outcome)
        st = question_db_set_status(ctx->db, id, status, text_empty(outcome) ? NULL : outcome);
    if (st == WT_OK && ch->set_household)
        st = question_db_set_household(ctx->db, id, household_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "question", id, (audit_subject){household_id ? household_id : q.household_id, 0, 0});
    return st;
}

wt_status question_link_household(wt_ctx *ctx, int64_t id, int64_t household_id, errors *e)
{
    question_change ch = {.set_household = true, .household_id = household_id};
    return question_update(ctx, id, &ch, e);
}

wt_status question_list_for_household(wt_ctx *ctx, int64_t household_id, int limit, question **out, int *n)
{
    *out = NULL;
    *n = 0;
    wt_status st = household_check_visible(ctx, household_id);
    if (st != WT_OK)
        return st;
    st = question_db_for_household(ctx->db, ctx->a, household_id, limit > 0 && limit <= 100 ? limit : 20, out, n);
    if (st != WT_OK)
        return st;
    for (int i = 0; i < *n; i++)
        audit_log(ctx, AUDIT_READ, "question", (*out)[i].id, subject_of(&(*out)[i]));
    return WT_OK;
}
