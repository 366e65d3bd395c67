/*
 * intake.c - the rules of the intake (see intake.h): validation, one intake
 * per case with its findings per life domain, a goal from a finding, access
 * through case_access() and the audit trail.
 */
#include "intake.h"
#include "../access/audit.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../plan/plan.h"
#include "intake_db.h"

#include <string.h>

static audit_subject subject_of(const wt_case *c)
{
    return (audit_subject){c->household_id, 0, c->id};
}

/* Trimmed copy ("" for NULL). */
static const char *trimmed(arena *a, const char *s)
{
    char *t = text_trim(a, s);
    return t ? t : "";
}

static void validate_held_on(const char *v, wt_date today, errors *e)
{
    wt_date d;
    if (text_empty(v))
        errors_add(e, "held_on", _("Vul de datum van de intake in."));
    else if (!date_parse(v, &d))
        errors_add(e, "held_on", _("Vul een geldige datum van de intake in, als JJJJ-MM-DD (bijvoorbeeld 2026-03-31)."));
    else if (date_compare(d, today) > 0)
        errors_add(e, "held_on", _("De datum van de intake ligt in de toekomst."));
}

static int domain_index(const char *code)
{
    for (int i = 0; code && plan_domains[i].code && i < INTAKE_DOMAINS; i++)
        if (strcmp(plan_domains[i].code, code) == 0)
            return i;
    return -1;
}

/* One finding into slot k of found[]; its fields are named findings.<domain>.<field>. */
static void validate_finding(arena *a, const intake_finding_input *f, int k, errors *e, intake_finding *found)
{
    const char *label = plan_label(plan_domains, plan_domains[k].code);
    const char *base = arena_printf(a, "findings.%s", plan_domains[k].code);
    intake_finding *out = &found[k];
    out->domain = plan_domains[k].code;
    out->situation = trimmed(a, f->situation);
    out->strength = trimmed(a, f->strength);
    out->wish = trimmed(a, f->wish);
    case_check_text(e, arena_printf(a, "%s.situation", base), arena_printf(a, _("De situatie bij %s"), label),
                    out->situation, INTAKE_TEXT_MAX, *out->strength || *out->wish);
    case_check_text(e, arena_printf(a, "%s.strength", base), arena_printf(a, _("De kracht bij %s"), label),
                    out->strength, INTAKE_TEXT_MAX, false);
    case_check_text(e, arena_printf(a, "%s.wish", base), arena_printf(a, _("De wens bij %s"), label), out->wish,
                    INTAKE_TEXT_MAX, false);
}

wt_status intake_validate(arena *a, const intake_input *in, wt_date today, errors *e, intake *out)
{
    memset(out, 0, sizeof(*out));
    out->held_on = trimmed(a, in->held_on);
    validate_held_on(out->held_on, today, e);
    static const struct { const char *field, *label; bool required; } texts[] = {
        {"question", N_("De vraag in eigen woorden"), true},
        {"strengths", N_("De krachten"), false},
        {"opportunities", N_("De kansen"), false},
        {"self_does", N_("Wat de bewoner zelf al doet"), false},
        {"network_does", N_("Wat het netwerk al doet"), false},
        {"own_goals", N_("De eigen doelen"), false},
    };
    const char *values[] = {in->question, in->strengths, in->opportunities, in->self_does, in->network_does,
                            in->own_goals};
    const char **slots[] = {&out->question, &out->strengths, &out->opportunities, &out->self_does, &out->network_does,
                            &out->own_goals};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        *slots[i] = trimmed(a, values[i]);
        case_check_text(e, texts[i].field, _(texts[i].label), *slots[i], INTAKE_TEXT_MAX, texts[i].required);
    }
    intake_finding found[INTAKE_DOMAINS];
    memset(found, 0, sizeof found);
    bool seen[INTAKE_DOMAINS] = {false};
    for (int i = 0; i < in->n_findings; i++) {
        int k = domain_index(in->findings[i].domain);
        if (k < 0 || seen[k]) {
            errors_add(e, arena_printf(a, "findings.%d.domain", i),
                       k < 0 ? _("Kies een levensgebied uit de lijst.") : _("Dit levensgebied staat er twee keer in."));
            continue;
        }
        seen[k] = true;
        validate_finding(a, &in->findings[i], k, e, found);
    }
    for (int k = 0; k < INTAKE_DOMAINS; k++)
        if (seen[k] && *found[k].situation)
            out->findings[out->n_findings++] = found[k];
    return e->count ? WT_INVALID : WT_OK;
}

wt_status intake_get(wt_ctx *ctx, int64_t case_id, intake *out, wt_case *c)
{
    memset(out, 0, sizeof(*out));
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, c);
    if (st == WT_OK)
        st = intake_db_get(ctx->db, ctx->a, case_id, out);
    if (st == WT_OK && out->id)
        audit_log(ctx, AUDIT_READ, "intake", out->id, subject_of(c));
    return st;
}

static const intake_finding *finding_of(const intake *it, const char *domain)
{
    for (int i = 0; i < it->n_findings; i++)
        if (strcmp(it->findings[i].domain, domain) == 0)
            return &it->findings[i];
    return NULL;
}

/* A finding that became a goal stays: refuse to drop it. */
static void keep_linked_findings(wt_ctx *ctx, const intake *old, const intake *row, errors *e)
{
    for (int i = 0; i < old->n_findings; i++) {
        const intake_finding *f = &old->findings[i];
        if (f->goal_id && !finding_of(row, f->domain))
            errors_add(e, arena_printf(ctx->a, "findings.%s.situation", f->domain),
                       arena_printf(ctx->a, _("De bevinding bij %s is al een doel in het plan; laat de situatie staan."),
                                    plan_label(plan_domains, f->domain)));
    }
}

static wt_status save_findings(wt_ctx *ctx, const intake *old, const intake *row, int64_t intake_id, const char *now)
{
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < old->n_findings; i++)
        if (!finding_of(row, old->findings[i].domain))
            st = intake_db_delete_finding(ctx->db, old->findings[i].id);
    for (int i = 0; st == WT_OK && i < row->n_findings; i++)
        st = intake_db_upsert_finding(ctx->db, intake_id, &row->findings[i], now);
    return st;
}

wt_status intake_save(wt_ctx *ctx, int64_t case_id, const intake_input *in, errors *e, int64_t *id)
{
    *id = 0;
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_WRITE, &c);
    if (st != WT_OK)
        return st;
    if (!case_is_open(&c)) {
        errors_add(e, "case", _("De casus is gesloten; de intake kan niet meer worden gewijzigd."));
        return WT_CONFLICT;
    }
    intake old, row;
    st = intake_db_get(ctx->db, ctx->a, case_id, &old);
    if (st != WT_OK)
        return st;
    if (intake_validate(ctx->a, in, date_today(), e, &row) == WT_OK)
        keep_linked_findings(ctx, &old, &row, e);
    if (e->count)
        return WT_INVALID;
    const char *now = date_now_iso(ctx->a);
    row.case_id = case_id;
    row.household_id = c.household_id;
    bool existed = old.id != 0;
    if (existed)
        st = intake_db_update(ctx->db, old.id, &row, ctx->who.user_id, now);
    else
        st = intake_db_insert(ctx->db, &row, ctx->who.user_id, now, &old.id);
    if (st == WT_OK)
        st = save_findings(ctx, &old, &row, old.id, now);
    if (st != WT_OK)
        return st;
    *id = old.id;
    audit_log(ctx, existed ? AUDIT_UPDATE : AUDIT_CREATE, "intake", old.id, subject_of(&c));
    return WT_OK;
}

wt_status intake_finding_get(wt_ctx *ctx, int64_t finding_id, permission perm, intake_finding *out, wt_case *c)
{
    int64_t case_id = 0;
    if (!case_role_may_read(ctx))
        return WT_FORBIDDEN;
    wt_status st = intake_db_finding(ctx->db, ctx->a, finding_id, out, &case_id);
    if (st == WT_OK)
        st = case_access(ctx, case_id, perm, c);
    return st;
}

wt_status intake_goal_from_finding(wt_ctx *ctx, int64_t finding_id, const char *body, errors *e, int64_t *goal_id,
                                   int64_t *case_id)
{
    *goal_id = 0;
    intake_finding f;
    wt_case c;
    wt_status st = intake_finding_get(ctx, finding_id, PERM_CASE_WRITE, &f, &c);
    if (st != WT_OK)
        return st;
    *case_id = c.id;
    if (f.goal_id) {
        errors_add(e, "body", _("Deze bevinding is al een doel in het plan."));
        return WT_CONFLICT;
    }
    const char *text = text_empty(body) ? f.wish : body;
    if (text_empty(text)) {
        errors_add(e, "body", _("Vul het doel in: wat wil de bewoner op dit gebied bereiken?"));
        return WT_INVALID;
    }
    goal_input g = {f.domain, f.situation, f.strength, text, NULL};
    st = plan_add_goal(ctx, c.id, &g, e, goal_id);
    if (st == WT_OK)
        st = intake_db_link_goal(ctx->db, finding_id, *goal_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "intake_finding", finding_id, subject_of(&c));
    return st;
}
