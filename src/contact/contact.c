/* contact.c - rules of the case timeline (see contact.h). */
#include "contact.h"
#include "../access/audit.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "contact_db.h"

#include <string.h>

const code_text contact_kinds[] = {
    {"visit", N_("Huisbezoek")},
    {"phone", N_("Telefoongesprek")},
    {"meeting", N_("Gesprek of overleg")},
    {"other", N_("Ander contact")},
    {NULL, NULL},
};

const char *contact_kind_label(const char *code)
{
    for (const code_text *k = contact_kinds; code && k->code; k++)
        if (strcmp(k->code, code) == 0)
            return _(k->label);
    return code ? code : "";
}

static bool valid_kind(const char *code)
{
    for (const code_text *k = contact_kinds; code && k->code; k++)
        if (strcmp(k->code, code) == 0)
            return true;
    return false;
}

void contact_validate(arena *a, const contact_input *in, errors *e, int *minutes)
{
    (void)a;
    *minutes = 0;
    if (!valid_kind(in->kind))
        errors_add(e, "kind", _("Kies het soort contact: huisbezoek, telefoon, gesprek of ander contact."));
    wt_date d;
    if (text_empty(in->happened_on))
        errors_add(e, "happened_on", _("Vul de datum van het contact in."));
    else if (!date_parse(in->happened_on, &d))
        errors_add(e, "happened_on", _("De datum van het contact is geen geldige datum (JJJJ-MM-DD)."));
    else if (date_compare(d, date_today()) > 0)
        errors_add(e, "happened_on", _("De datum van het contact ligt in de toekomst."));
    int64_t m = 0;
    if (!text_empty(in->minutes) && (!text_parse_int64(in->minutes, &m) || m < 0 || m > CONTACT_MINUTES_MAX))
        errors_add(e, "minutes", _("De duur is een aantal minuten van 0 tot 1440."));
    else
        *minutes = (int)m;
    case_check_text(e, "summary", _("De samenvatting"), in->summary, CASE_TEXT_MAX, true);
}

wt_status contact_add(wt_ctx *ctx, int64_t case_id, const contact_input *in_raw, errors *e, int64_t *id)
{
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_WRITE, &c);
    if (st != WT_OK)
        return st;
    if (!case_is_open(&c)) {
        errors_add(e, "case", _("De casus is gesloten; er kunnen geen contacten meer bij."));
        return WT_CONFLICT;
    }
    contact_input in = *in_raw;
    in.summary = text_trim(ctx->a, in.summary);
    in.happened_on = text_trim(ctx->a, in.happened_on);
    in.minutes = text_trim(ctx->a, in.minutes);
    int minutes = 0;
    contact_validate(ctx->a, &in, e, &minutes);
    if (e->count)
        return WT_INVALID;
    st = contact_db_insert(ctx->db, case_id, ctx->who.user_id, &in, minutes, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "contact", *id, (audit_subject){c.household_id, 0, case_id});
    return st;
}

wt_status contact_get(wt_ctx *ctx, int64_t id, contact *out)
{
    wt_case c;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = contact_db_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        st = case_access(ctx, out->case_id, PERM_CASE_READ, &c);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "contact", id, (audit_subject){c.household_id, 0, c.id});
    return st;
}

wt_status contact_load(wt_ctx *ctx, const wt_case *c, int limit, int offset, contact **out, int *n, int *total)
{
    wt_status st = case_access_loaded(ctx, c, PERM_CASE_READ);
    if (st != WT_OK)
        return st;
    if (limit <= 0 || limit > 500)
        limit = 50;
    if (offset < 0)
        offset = 0;
    return contact_db_list(ctx->db, ctx->a, c->id, limit, offset, out, n, total);
}

wt_status contact_list(wt_ctx *ctx, int64_t case_id, int limit, int offset, contact **out, int *n, int *total)
{
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, &c);
    if (st == WT_OK)
        st = contact_load(ctx, &c, limit, offset, out, n, total);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "contact", 0, (audit_subject){c.household_id, 0, case_id});
    return st;
}
