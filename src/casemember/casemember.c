/* casemember.c - rules of case membership, emergency access and the access log (see casemember.h). */
#include "casemember.h"
#include "../access/audit.h"
#include "../access/audit_db.h"
#include "../case/case.h"
#include "../core/buf.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../user/user.h"
#include "casemember_db.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EMERGENCY_SECONDS (30L * 24 * 3600)

static long emergency_seconds = 24L * 3600;

void casemember_set_emergency_seconds(long seconds)
{
    if (seconds > 0 && seconds <= MAX_EMERGENCY_SECONDS)
        emergency_seconds = seconds;
}

long casemember_emergency_seconds(void)
{
    return emergency_seconds;
}

bool casemember_parse_duration(const char *s, long *seconds)
{
    if (!s || !isdigit((unsigned char)*s))
        return false;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    long unit = 1;
    if (*end == 'd')
        unit = 24L * 3600;
    else if (*end == 'h')
        unit = 3600;
    else if (*end == 'm')
        unit = 60;
    else if (*end != 's' && *end != '\0')
        return false;
    if (*end && end[1])
        return false;
    if (v <= 0 || v > MAX_EMERGENCY_SECONDS / unit)
        return false;
    *seconds = v * unit;
    return true;
}

wt_status casemember_tie(wt_ctx *ctx, int64_t case_id, case_tie *tie, const char **emergency_reason,
                         const char **emergency_until)
{
    bool member = false;
    const char *reason = NULL, *until = NULL;
    *tie = TIE_NONE;
    wt_status st = casemember_db_tie(ctx->db, ctx->a, case_id, ctx->who.user_id, date_now_iso(ctx->a), &member,
                                     &reason, &until);
    if (st != WT_OK)
        return st;
    if (member)
        *tie = TIE_MEMBER;
    else if (until)
        *tie = TIE_EMERGENCY;
    if (emergency_reason)
        *emergency_reason = member ? NULL : reason;
    if (emergency_until)
        *emergency_until = member ? NULL : until;
    return WT_OK;
}

wt_status casemember_ties(wt_ctx *ctx, const int64_t *case_ids, int n, case_tie *ties)
{
    return casemember_db_ties(ctx->db, ctx->a, case_ids, n, ctx->who.user_id, date_now_iso(ctx->a), ties);
}

/* ---- members ------------------------------------------------------------------------------------------------------- */

wt_status casemember_list(wt_ctx *ctx, int64_t case_id, case_member_rec **out, int *n)
{
    wt_case c;
    *n = 0;
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, &c);
    if (st == WT_FORBIDDEN && ctx->need_to_know_case == case_id) {
        /* The team leader manages members of cases he does not read (the case and its tie are loaded already). */
        st = case_access_loaded(ctx, &c, PERM_CASE_MEMBERS);
        if (st == WT_OK)
            ctx->need_to_know_case = 0;
    }
    if (st != WT_OK)
        return st;
    st = casemember_db_list(ctx->db, ctx->a, case_id, out, n);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "case_member", 0, (audit_subject){c.household_id, 0, case_id});
    return st;
}

/* Checks the user to add: an active worker or team leader of the case's team, not yet coordinator or member. */
static void check_new_member(wt_ctx *ctx, const wt_case *c, int64_t user_id, errors *e)
{
    user u;
    int64_t existing = 0;
    if (user_id <= 0) {
        errors_add(e, "user_id", _("Kies wie u toevoegt."));
        return;
    }
    if (user_get(ctx, user_id, &u) != WT_OK || !case_may_coordinate(u.role, u.team_id, u.disabled, c->team_id)) {
        errors_add(e, "user_id", _("Alleen actieve sociaal werkers en teamleiders van het team kunnen lid worden."));
        return;
    }
    if (user_id == c->coordinator_id) {
        errors_add(e, "user_id", _("Deze persoon is de regisseur en ziet de casus al."));
        return;
    }
    if (casemember_db_active(ctx->db, ctx->a, c->id, user_id, &existing) == WT_OK && existing)
        errors_add(e, "user_id", _("Deze persoon is al lid van de casus."));
}

wt_status casemember_add(wt_ctx *ctx, int64_t case_id, int64_t user_id, const char *reason_raw, errors *e, int64_t *id)
{
    wt_case c;
    *id = 0;
    wt_status st = case_access(ctx, case_id, PERM_CASE_MEMBERS, &c);
    if (st != WT_OK)
        return st;
    const char *reason = text_trim(ctx->a, reason_raw);
    check_new_member(ctx, &c, user_id, e);
    case_check_text(e, "reason", _("De reden"), reason, CASE_TEXT_MAX, true);
    if (e->count)
        return WT_INVALID;
    st = casemember_db_insert(ctx->db, case_id, user_id, reason, ctx->who.user_id, date_now_iso(ctx->a), id);
    if (st == WT_CONFLICT) { /* added by someone else in the meantime */
        errors_add(e, "user_id", _("Deze persoon is al lid van de casus."));
        return WT_INVALID;
    }
    if (st == WT_OK) {
        ctx->reason = reason;
        audit_log(ctx, AUDIT_CREATE, "case_member", *id, (audit_subject){c.household_id, 0, case_id});
    }
    return st;
}

wt_status casemember_keep(wt_ctx *ctx, int64_t case_id, int64_t household_id, int64_t user_id, const char *reason)
{
    int64_t existing = 0, id = 0;
    wt_status st = casemember_db_active(ctx->db, ctx->a, case_id, user_id, &existing);
    if (st != WT_OK || existing)
        return st;
    st = casemember_db_insert(ctx->db, case_id, user_id, reason, ctx->who.user_id, date_now_iso(ctx->a), &id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "case_member", id, (audit_subject){household_id, 0, case_id});
    return st;
}

wt_status casemember_ensure_performer(wt_ctx *ctx, const wt_case *c, int64_t user_id)
{
    wt_status st = case_access_loaded(ctx, c, PERM_CASE_WRITE);
    if (st != WT_OK || user_id <= 0 || user_id == c->coordinator_id)
        return st;
    return casemember_keep(ctx, c->id, c->household_id, user_id, _("Voert een actie uit in het plan."));
}

wt_status casemember_end(wt_ctx *ctx, int64_t case_id, int64_t member_id)
{
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_MEMBERS, &c);
    if (st != WT_OK)
        return st;
    st = casemember_db_end(ctx->db, case_id, member_id, ctx->who.user_id, date_now_iso(ctx->a));
    if (st == WT_OK)
        audit_log(ctx, AUDIT_DELETE, "case_member", member_id, (audit_subject){c.household_id, 0, case_id});
    return st;
}

/* ---- break the glass ----------------------------------------------------------------------------------------------- */

wt_status casemember_break_glass(wt_ctx *ctx, int64_t case_id, const char *reason_raw, errors *e, int64_t *id,
                                 const char **until)
{
    wt_case c;
    *id = 0;
    *until = NULL;
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, &c);
    if (st == WT_OK) {
        errors_add(e, "reason", _("U hebt al toegang tot deze casus; noodtoegang is niet nodig."));
        return WT_CONFLICT;
    }
    if (st != WT_FORBIDDEN || ctx->need_to_know_case != case_id)
        return st;
    st = case_access_loaded(ctx, &c, PERM_CASE_EMERGENCY);
    if (st != WT_OK)
        return st;
    ctx->need_to_know_case = 0;
    const char *reason = text_trim(ctx->a, reason_raw);
    if (case_check_text(e, "reason", _("De reden"), reason, CASE_TEXT_MAX, true) &&
        text_utf8_len(reason) < CASEMEMBER_EMERGENCY_REASON_MIN)
        errors_add(e, "reason", arena_printf(ctx->a, _("Beschrijf de noodsituatie in ten minste %d tekens."),
                                             CASEMEMBER_EMERGENCY_REASON_MIN));
    if (e->count)
        return WT_INVALID;
    const char *now = date_now_iso(ctx->a);
    const char *expires = date_iso_in(ctx->a, emergency_seconds);
    st = casemember_db_insert_emergency(ctx->db, case_id, ctx->who.user_id, reason, now, expires, id);
    if (st != WT_OK)
        return st;
    ctx->reason = reason;
    audit_log(ctx, AUDIT_CREATE, "case_emergency", *id, (audit_subject){c.household_id, 0, case_id});
    *until = expires;
    return WT_OK;
}

wt_status casemember_emergencies(wt_ctx *ctx, int64_t case_id, case_emergency_rec **out, int *n)
{
    wt_case c;
    *n = 0;
    wt_status st = case_access(ctx, case_id, PERM_CASE_ACCESS_LOG, &c);
    if (st != WT_OK)
        return st;
    st = casemember_db_emergencies(ctx->db, ctx->a, case_id, 0, 0, NULL, date_now_iso(ctx->a), 100, out, n);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "case_emergency", 0, (audit_subject){c.household_id, 0, case_id});
    return st;
}

wt_status casemember_reports(wt_ctx *ctx, case_emergency_rec **out, int *n)
{
    *n = 0;
    policy_target team = {ctx->who.team_id, 0, 0, TIE_NONE};
    if (!policy_allows(&ctx->who, PERM_CASE_KNOWN, team))
        return WT_FORBIDDEN;
    bool whole_team = policy_allows(&ctx->who, PERM_TEAM_OVERVIEW, team);
    const char *since = date_iso_in(ctx->a, -CASEMEMBER_REPORT_DAYS * 24L * 3600);
    wt_status st = casemember_db_emergencies(ctx->db, ctx->a, 0, ctx->who.team_id, whole_team ? 0 : ctx->who.user_id,
                                             since, date_now_iso(ctx->a), 25, out, n);
    if (st == WT_OK && *n > 0)
        audit_log(ctx, AUDIT_SEARCH, "case_emergency", 0, (audit_subject){0});
    return st;
}

/* ---- who looked ---------------------------------------------------------------------------------------------------- */

static const struct {
    const char *code;
    const char *label;
} entity_labels[] = {
    {"case", N_("casus")},
    {"case_close", N_("sluiting")},
    {"case_handover", N_("overdracht")},
    {"case_known", N_("bekend bij het team")},
    {"case_member", N_("leden")},
    {"case_emergency", N_("noodtoegang")},
    {"case_access_log", N_("wie keek er")},
    {"plan", N_("plan")},
    {"plan_agreement", N_("akkoord op het plan")},
    {"goal", N_("doel")},
    {"action", N_("actie")},
    {"contact", N_("contactmoment")},
    {"intake", N_("intake")},
    {"intake_finding", N_("bevinding")},
    {"household", N_("huishouden")},
    {"person", N_("persoon")},
    {"address", N_("adres")},
    {"assessment", N_("zelfredzaamheid")},
    {"network", N_("netwerk")},
    {"relation", N_("relatie")},
    {"need", N_("hulpvraag")},
    {"offer", N_("aanbod")},
    {"question", N_("vraag aan de voordeur")},
    {NULL, NULL},
};

static const char *entity_label(const char *code)
{
    for (int i = 0; entity_labels[i].code; i++)
        if (strcmp(entity_labels[i].code, code) == 0)
            return _(entity_labels[i].label);
    return code;
}

static const char *action_label(const char *code)
{
    if (strcmp(code, "read") == 0)
        return _("bekeken");
    if (strcmp(code, "search") == 0)
        return _("gezocht");
    if (strcmp(code, "create") == 0)
        return _("vastgelegd");
    if (strcmp(code, "update") == 0)
        return _("gewijzigd");
    if (strcmp(code, "delete") == 0)
        return _("verwijderd");
    return _("geëxporteerd");
}

static bool same_group(const audit_row *a, const audit_row *b)
{
    return a->user_id == b->user_id && strncmp(a->at, b->at, 16) == 0 &&
           strcmp(a->reason ? a->reason : "", b->reason ? b->reason : "") == 0;
}

/* Whether rows[from..i) hold the action of rows[i] already (with same_entity: that action on that entity). */
static bool seen_before(const audit_row *rows, int from, int i, bool same_entity)
{
    for (int k = from; k < i; k++)
        if (strcmp(rows[k].action, rows[i].action) == 0 &&
            (!same_entity || strcmp(rows[k].entity, rows[i].entity) == 0))
            return true;
    return false;
}

/* "bekeken: casus, plan; gewijzigd: actie" for rows[from..to), each action and entity once. */
static const char *group_what(arena *a, const audit_row *rows, int from, int to)
{
    buf b = BUF_INIT;
    for (int i = from; i < to; i++) {
        if (seen_before(rows, from, i, false))
            continue;
        buf_printf(&b, "%s%s: ", b.len ? "; " : "", action_label(rows[i].action));
        const char *sep = "";
        for (int j = i; j < to; j++) {
            if (strcmp(rows[j].action, rows[i].action) != 0 || seen_before(rows, i, j, true))
                continue;
            buf_printf(&b, "%s%s", sep, entity_label(rows[j].entity));
            sep = ", ";
        }
    }
    const char *s = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return s;
}

wt_status casemember_access_log(wt_ctx *ctx, int64_t case_id, int limit, case_access_line **out, int *n)
{
    wt_case c;
    *n = 0;
    wt_status st = case_access(ctx, case_id, PERM_CASE_ACCESS_LOG, &c);
    if (st != WT_OK)
        return st;
    audit_row *rows = NULL;
    const char **names = NULL;
    int nr = 0;
    st = audit_db_for_case(ctx->db, ctx->a, case_id, c.household_id, c.opened_on, limit > 0 ? limit * 8 : 400, &rows,
                           &nr, &names);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(ctx->a, sizeof(case_access_line) * (size_t)(nr ? nr : 1));
    for (int i = 0; i < nr && (limit <= 0 || *n < limit);) {
        int j = i + 1;
        while (j < nr && same_group(&rows[i], &rows[j]))
            j++;
        (*out)[(*n)++] = (case_access_line){rows[j - 1].at, rows[i].user_id, *names[i] ? names[i] : _("het systeem"),
                                            rows[i].role, group_what(ctx->a, rows, i, j), rows[i].reason};
        i = j;
    }
    audit_log(ctx, AUDIT_READ, "case_access_log", case_id, (audit_subject){c.household_id, 0, case_id});
    return WT_OK;
}
