/* retention.c - retention periods, the retention run and erasure (see retention.h). */
#include "retention.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/buf.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../db/db.h"
#include "retention_db.h"

#include <stdio.h>
#include <string.h>

#define BASIS_DOSSIER N_("VNG Selectielijst gemeenten 2020: dossier van ondersteuning zonder wettelijk " \
                         "voorgeschreven termijn, 5 jaar na afsluiten (Archiefwet)")
#define BASIS_SHORT N_("Geen wettelijke termijn: niet langer dan nodig (AVG art. 5 lid 1 e); " \
                       "voorlopige, onzekere gegevens")

/* The kinds in the order of a run; the kinds of a case first. */
static const retention_rule defaults[RETENTION_KINDS] = {
    {"household", 0, false, NULL, N_("Huishouden en bewoners"),
     N_("alle bewoners gewist, het hele dossier verwijderd, voordeurvragen verwijderd; het huishouden blijft "
        "naamloos bestaan"), BASIS_DOSSIER, 5, true},
    {"contact", 0, false, NULL, N_("Contacten"), N_("verwijderd"), BASIS_DOSSIER, 5, true},
    {"plan", 0, false, NULL, N_("Plan, doelen, acties en verwijzingen"), N_("verwijderd"), BASIS_DOSSIER, 5, true},
    {"intake", 0, false, NULL, N_("Intake"), N_("verwijderd"), BASIS_DOSSIER, 5, true},
    {"assessment", 0, false, NULL, N_("Zelfredzaamheid (ZRM)"), N_("verwijderd"), BASIS_DOSSIER, 5, true},
    {"case", 0, false, NULL, N_("Casus"),
     N_("geanonimiseerd: aanleiding, afsluitnotitie en redenen van overdracht gewist; data en team blijven voor de "
        "cijfers"), BASIS_DOSSIER, 5, true},
    {"signal", 0, false, NULL, N_("Signalen"), N_("gesloten signalen zonder casus met hun opvolging verwijderd (de andere horen bij het dossier)"), BASIS_SHORT, 2,
     false},
    {"question", 0, false, NULL, N_("Voordeurvragen zonder casus"), N_("afgehandelde vragen verwijderd"), BASIS_SHORT,
     2, false},
    {"network", 0, false, NULL, N_("Netwerk"),
     N_("beëindigde relaties en gesloten hulpvragen met hun koppelingen verwijderd"), BASIS_SHORT, 2, false},
};

const retention_rule *retention_default(const char *kind)
{
    for (int i = 0; i < RETENTION_KINDS; i++)
        if (kind && strcmp(defaults[i].kind, kind) == 0)
            return &defaults[i];
    return NULL;
}

void retention_tally_add(retention_tally *t, const char *table, int64_t n)
{
    for (int i = 0; i < t->used; i++)
        if (strcmp(t->table[i], table) == 0) {
            t->n[i] += n;
            return;
        }
    if (t->used < RETENTION_TABLES) {
        t->table[t->used] = table;
        t->n[t->used++] = n;
    }
}

int64_t retention_tally_get(const retention_tally *t, const char *table)
{
    for (int i = 0; i < t->used; i++)
        if (strcmp(t->table[i], table) == 0)
            return t->n[i];
    return 0;
}

int64_t retention_tally_total(const retention_tally *t)
{
    int64_t sum = 0;
    for (int i = 0; i < t->used; i++)
        sum += t->n[i];
    return sum;
}

const char *retention_tally_text(arena *a, const retention_tally *t)
{
    buf b = BUF_INIT;
    for (int i = 0; i < t->used; i++)
        if (t->n[i] > 0)
            buf_printf(&b, "%s%s=%lld", b.len ? " " : "", t->table[i], (long long)t->n[i]);
    const char *s = arena_strdup(a, b.len ? buf_str(&b) : _("niets"));
    buf_free(&b);
    return s;
}

wt_status retention_rules(wt_ctx *ctx, retention_rule **out, int *n)
{
    if (!policy_allows(&ctx->who, PERM_RETENTION, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    db_result r;
    wt_status st = retention_db_rules(ctx->db, ctx->a, &r);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(ctx->a, sizeof(retention_rule) * RETENTION_KINDS);
    *n = 0;
    for (int i = 0; i < RETENTION_KINDS; i++) {
        retention_rule *rr = &(*out)[(*n)++];
        *rr = defaults[i];
        rr->years = rr->default_years;
        rr->legal = rr->default_legal;
        for (int j = 0; j < r.nrows; j++)
            if (strcmp(db_get(&r, j, 0), rr->kind) == 0) {
                rr->years = (int)db_get_int(&r, j, 1);
                rr->legal = db_get_int(&r, j, 2) != 0;
                rr->updated_at = db_get(&r, j, 3);
            }
    }
    return WT_OK;
}

wt_status retention_rule_set(wt_ctx *ctx, const char *kind, const char *years, int legal, errors *e)
{
    if (!policy_allows(&ctx->who, PERM_RETENTION, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    retention_rule *rules;
    int n;
    wt_status st = retention_rules(ctx, &rules, &n);
    if (st != WT_OK)
        return st;
    const retention_rule *cur = NULL;
    for (int i = 0; i < n; i++)
        if (kind && strcmp(rules[i].kind, kind) == 0)
            cur = &rules[i];
    int64_t y = 0;
    if (!cur)
        errors_add(e, "kind", _("Kies een soort gegevens uit de lijst."));
    if (!years || !text_parse_int64(years, &y) || y < 0 || y > 100)
        errors_add(e, "years", _("Vul een bewaartermijn in hele jaren in, van 0 tot 100."));
    if (e->count)
        return WT_INVALID;
    st = retention_db_rule_set(ctx->db, cur->kind, (int)y, legal < 0 ? cur->legal : legal != 0, date_now_iso(ctx->a),
                               ctx->who.user_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "retention_rule", 0, (audit_subject){0, 0, 0});
    return st;
}

/* The day after `on` minus `years` years: data closed before it is past its period. */
static void cutoff(wt_date on, int years, char out[11])
{
    wt_date d = {on.y - years, on.m, on.d};
    if (d.m == 2 && d.d == 29)
        d.d = 28;
    date_format(date_add_days(d, 1), out);
}

static const char *anon_placeholder(void)
{
    return _("(gewist)");
}

/* Erases one person's rows and, when he was the last, anonymises the household's dossier. */
static wt_status erase_person(wt_ctx *ctx, int64_t person_id, int64_t household_id, retention_tally *t)
{
    wt_status st = retention_db_erase_person(ctx->db, person_id, anon_placeholder(), t);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_DELETE, "person", person_id, (audit_subject){household_id, person_id, 0});
    int64_t *left;
    int n;
    st = retention_db_household_persons(ctx->db, ctx->a, household_id, &left, &n);
    if (st != WT_OK || n > 0)
        return st;
    st = retention_db_purge_household_cases(ctx->db, household_id, t);
    if (st == WT_OK)
        st = retention_db_household_anonymise(ctx->db, household_id, date_now_iso(ctx->a), t);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_DELETE, "household", household_id, (audit_subject){household_id, 0, 0});
    return st;
}

wt_status retention_erase_person(wt_ctx *ctx, int64_t person_id, retention_tally *t)
{
    int64_t hh = 0;
    wt_status st = retention_db_person_household(ctx->db, ctx->a, person_id, &hh);
    return st == WT_OK ? erase_person(ctx, person_id, hh, t) : st;
}

/* Every member of a household erased, or the empty household anonymised. */
static wt_status erase_household(wt_ctx *ctx, int64_t household_id, retention_tally *t)
{
    int64_t *persons;
    int n;
    wt_status st = retention_db_household_persons(ctx->db, ctx->a, household_id, &persons, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        st = erase_person(ctx, persons[i], household_id, t);
    if (st == WT_OK && n == 0) {
        st = retention_db_purge_household_cases(ctx->db, household_id, t);
        if (st == WT_OK)
            st = retention_db_household_anonymise(ctx->db, household_id, date_now_iso(ctx->a), t);
    }
    return st;
}

static wt_status run_kind(wt_ctx *ctx, const retention_rule *r, wt_date on, retention_tally *t)
{
    char before[11];
    cutoff(on, r->years, before);
    if (strcmp(r->kind, "household") == 0) {
        int64_t *ids;
        int n;
        wt_status st = retention_db_households_past(ctx->db, ctx->a, before, &ids, &n);
        for (int i = 0; st == WT_OK && i < n; i++)
            st = erase_household(ctx, ids[i], t);
        return st;
    }
    if (strcmp(r->kind, "signal") == 0)
        return retention_db_purge_signals(ctx->db, before, t);
    if (strcmp(r->kind, "question") == 0)
        return retention_db_purge_questions(ctx->db, before, t);
    if (strcmp(r->kind, "network") == 0)
        return retention_db_purge_network(ctx->db, before, t);
    return retention_db_purge_closed(ctx->db, r->kind, before, t);
}

wt_status retention_run(wt_ctx *ctx, bool dry_run, const char *on, retention_tally *out)
{
    memset(out, 0, sizeof(*out));
    wt_date day = date_today();
    if (on && !date_parse(on, &day))
        return WT_INVALID;
    retention_rule *rules;
    int n;
    wt_status st = retention_rules(ctx, &rules, &n);
    for (int i = 0; st == WT_OK && i < n; i++)
        st = run_kind(ctx, &rules[i], day, out);
    if (st != WT_OK)
        return st;
    st = retention_log_add(ctx, "retention", dry_run, 0, retention_tally_text(ctx->a, out));
    if (st == WT_OK)
        audit_log(ctx, AUDIT_DELETE, "retention", 0, (audit_subject){0, 0, 0});
    return st;
}

wt_status retention_log_add(wt_ctx *ctx, const char *kind, bool dry_run, int64_t person_ref, const char *summary)
{
    return retention_db_log_add(ctx->db, date_now_iso(ctx->a), kind, dry_run, ctx->who.user_id, person_ref, summary);
}

wt_status retention_log(wt_ctx *ctx, int limit, retention_log_entry **out, int *n)
{
    if (!policy_allows(&ctx->who, PERM_RETENTION, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    db_result r;
    wt_status st = retention_db_log(ctx->db, ctx->a, limit, &r);
    if (st != WT_OK)
        return st;
    *n = r.nrows;
    *out = arena_alloc(ctx->a, sizeof(retention_log_entry) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++)
        (*out)[i] = (retention_log_entry){db_get_int(&r, i, 0), db_get(&r, i, 1), db_get(&r, i, 2),
                                          db_get_int(&r, i, 3) != 0, db_get(&r, i, 4), db_get_int(&r, i, 5),
                                          db_get(&r, i, 6)};
    return WT_OK;
}

wt_status retention_legal_hold(wt_ctx *ctx, int64_t household_id, bool *open_case, char until[11], const char **kind)
{
    until[0] = '\0';
    *kind = NULL;
    const char *last = NULL;
    wt_status st = retention_db_household_cases(ctx->db, ctx->a, household_id, open_case, &last);
    wt_date closed;
    if (st != WT_OK || *open_case || !last || !date_parse(last, &closed))
        return st;
    db_result r;
    st = retention_db_rules(ctx->db, ctx->a, &r);
    if (st != WT_OK)
        return st;
    wt_date today = date_today();
    for (int i = 0; i < r.nrows; i++) {
        const char *k = db_get(&r, i, 0);
        bool of_case = strcmp(k, "signal") != 0 && strcmp(k, "question") != 0 && strcmp(k, "network") != 0;
        if (!of_case || db_get_int(&r, i, 2) == 0)
            continue;
        wt_date end = {closed.y + (int)db_get_int(&r, i, 1), closed.m, closed.d};
        if (end.m == 2 && end.d == 29)
            end.d = 28;
        char s[11];
        date_format(end, s);
        if (date_compare(end, today) > 0 && strcmp(s, until) > 0) {
            memcpy(until, s, 11);
            *kind = retention_default(k) ? retention_default(k)->kind : k;
        }
    }
    return WT_OK;
}
