/* figures.c - rules of the policy officer's figures: who, the scope, small-cell suppression (see figures.h). */
#include "figures.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../frontdoor/frontdoor.h"
#include "../plan/plan.h"
#include "../referral/referral.h"
#include "../signal/signal.h"
#include "../timeentry/timeentry.h"
#include "figures_db.h"

#include <string.h>

/* ---- pure rules ---------------------------------------------------------------------------------------------- */

bool figures_small(long n)
{
    return n > 0 && n < FIG_MIN;
}

fig_row *figures_add_row(fig_table *t, const char *code, const char *label)
{
    if (t->n >= FIG_MAX_ROWS)
        return NULL;
    fig_row *r = &t->rows[t->n++];
    *r = (fig_row){.code = code, .label = label};
    return r;
}

fig_row *figures_row(fig_table *t, const char *code)
{
    for (int i = 0; code && i < t->n; i++)
        if (strcmp(t->rows[i].code, code) == 0)
            return &t->rows[i];
    return NULL;
}

void figures_sum(fig_table *t)
{
    t->total.count = 0;
    for (int i = 0; i < t->n; i++)
        t->total.count += t->rows[i].count;
}

/* The smallest shown row with a count above zero, or NULL. */
static fig_row *smallest_shown(fig_table *t)
{
    fig_row *best = NULL;
    for (int i = 0; i < t->n; i++) {
        fig_row *r = &t->rows[i];
        if (!r->suppressed && r->count > 0 && (!best || r->count < best->count))
            best = r;
    }
    return best;
}

void figures_suppress_counts(fig_table *t)
{
    int n_hidden = 0;
    long hidden = 0;
    for (int i = 0; i < t->n; i++) {
        fig_row *r = &t->rows[i];
        r->suppressed = r->suppressed || figures_small(r->count);
        if (r->suppressed) {
            n_hidden++;
            hidden += r->count;
        }
    }
    if (!t->has_total)
        return;
    t->total.suppressed = t->total.suppressed || figures_small(t->total.count);
    if (t->total.suppressed)
        return;
    /* the total is shown: the hidden cells must not be recoverable by subtraction */
    while (n_hidden > 0 && (n_hidden == 1 || hidden < FIG_MIN)) {
        fig_row *r = smallest_shown(t);
        if (!r) {
            t->total.suppressed = true;
            return;
        }
        r->suppressed = true;
        n_hidden++;
        hidden += r->count;
    }
}

void figures_suppress_derived(fig_table *t)
{
    for (int i = 0; i < t->n; i++)
        t->rows[i].suppressed = t->rows[i].suppressed || figures_small(t->rows[i].count);
}

void figures_share(fig_row *r, const fig_row *num, const fig_row *base)
{
    r->count = base->count;
    r->value = base->count > 0 ? 100.0 * (double)num->count / (double)base->count : 0;
    r->suppressed = base->suppressed || num->suppressed || figures_small(base->count) || figures_small(num->count);
}

/* ---- the tables ---------------------------------------------------------------------------------------------- */

#define ADD_CODES(t, table)                                                                                           \
    for (int k_ = 0; (table)[k_].code; k_++)                                                                          \
    figures_add_row((t), (table)[k_].code, _((table)[k_].label))

static const char *const month_names[] = {N_("jan"), N_("feb"), N_("mrt"), N_("apr"), N_("mei"), N_("jun"),
                                          N_("jul"), N_("aug"), N_("sep"), N_("okt"), N_("nov"), N_("dec")};

static fig_table *table(figures *f, int which, const char *key, const char *title, const char *head, fig_kind kind,
                        bool total)
{
    fig_table *t = &f->tables[which];
    memset(t, 0, sizeof *t);
    t->key = key;
    t->title = title;
    t->head = head;
    t->kind = kind;
    t->has_total = total;
    t->total = (fig_row){.code = "total", .label = _("Totaal")};
    return t;
}

static void month_rows(wt_ctx *ctx, figures *f, fig_table *t)
{
    wt_date today = date_today();
    int y = today.y, m = today.m - (FIG_MONTHS - 1);
    while (m < 1) {
        m += 12;
        y--;
    }
    f->from_month = arena_printf(ctx->a, "%04d-%02d", y, m);
    for (int i = 0; i < FIG_MONTHS; i++) {
        figures_add_row(t, arena_printf(ctx->a, "%04d-%02d", y, m), arena_printf(ctx->a, "%s %d", _(month_names[m - 1]), y));
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
}

static void define_tables(wt_ctx *ctx, figures *f)
{
    fig_table *t = table(f, FIG_T_CASES, "cases", _("Casussen"), _("Stand"), FIG_COUNT, true);
    figures_add_row(t, "open", _("Open"));
    figures_add_row(t, "closed", _("Afgesloten"));
    t = table(f, FIG_T_AREAS, "open_per_neighbourhood", _("Open casussen per buurt"), _("Buurt"), FIG_COUNT, true);
    for (int i = 0; i < f->n_areas; i++)
        if (!f->neighbourhood || strcmp(f->neighbourhood, f->areas[i].code) == 0)
            figures_add_row(t, f->areas[i].code, f->areas[i].name);
    if (!f->neighbourhood)
        figures_add_row(t, "", _("Adres buiten een buurt van het team"));
    t = table(f, FIG_T_TEAMS, "open_per_team", _("Open casussen per team"), _("Team"), FIG_COUNT, true);
    for (int i = 0; i < f->n_teams; i++)
        if (!f->team_id || f->teams[i].team_id == f->team_id)
            figures_add_row(t, f->teams[i].code, f->teams[i].name);
    t = table(f, FIG_T_MONTHS, "new_per_month", _("Nieuwe casussen per maand"), _("Maand"), FIG_COUNT, true);
    month_rows(ctx, f, t);
    t = table(f, FIG_T_DOMAINS, "cases_per_life_domain", _("Casussen per leefgebied van hun doelen"), _("Leefgebied"),
              FIG_COUNT, false);
    ADD_CODES(t, plan_domains);
    t = table(f, FIG_T_LAYERS, "actions_per_layer", _("Acties per ondersteuningslaag"), _("Laag"), FIG_COUNT, true);
    ADD_CODES(t, plan_layers);
    t = table(f, FIG_T_SECOND_LINE, "second_line_share", _("Aandeel tweede lijn in de acties"), _("Aandeel"),
              FIG_PERCENT, false);
    figures_add_row(t, "second_line", _("Acties door de tweede lijn"));
    t = table(f, FIG_T_REFERRALS, "referrals_per_status", _("Verwijzingen per stand"), _("Stand"), FIG_COUNT, true);
    ADD_CODES(t, referral_statuses);
    t = table(f, FIG_T_ZRM, "zrm_change", _("Zelfredzaamheid: gemiddelde verandering tussen eerste en laatste meting"),
              _("Domein"), FIG_AVERAGE, false);
    t = table(f, FIG_T_CHANNELS, "questions_per_channel", _("Vragen aan de voordeur per kanaal"), _("Kanaal"),
              FIG_COUNT, true);
    ADD_CODES(t, question_channels);
    t = table(f, FIG_T_SIGNALS, "signals_per_status", _("Signalen per stand"), _("Stand"), FIG_COUNT, true);
    ADD_CODES(t, signal_statuses);
    t = table(f, FIG_T_HOURS, "presence_hours", _("Uren presentie en collectief werk"), _("Blok"), FIG_HOURS, true);
    figures_add_row(t, time_blocks[TB_OUTREACH].code, _(time_blocks[TB_OUTREACH].label));
    figures_add_row(t, time_blocks[TB_COLLECTIVE].code, _(time_blocks[TB_COLLECTIVE].label));
}


/* Each table with the aggregate that fills it (the ZRM table gets its rows from the database first). */
static const struct {
    int table;
    wt_status (*query)(db *c, arena *a, const fig_scope *s, fig_table *t);
} queries[] = {
    {FIG_T_CASES, figures_db_case_status},
    {FIG_T_AREAS, figures_db_open_per_area},
    {FIG_T_TEAMS, figures_db_open_per_team},
    {FIG_T_MONTHS, figures_db_new_per_month},
    {FIG_T_DOMAINS, figures_db_goal_domains},
    {FIG_T_LAYERS, figures_db_action_layers},
    {FIG_T_REFERRALS, figures_db_referral_statuses},
    {FIG_T_ZRM, figures_db_zrm_change},
    {FIG_T_CHANNELS, figures_db_question_channels},
    {FIG_T_SIGNALS, figures_db_signal_statuses},
    {FIG_T_HOURS, figures_db_presence_hours},
};

static wt_status fill(wt_ctx *ctx, figures *f)
{
    fig_scope s = {f->team_id, f->neighbourhood ? f->neighbourhood : "", arena_printf(ctx->a, "%s-01", f->from_month)};
    wt_status st = figures_db_zrm_domains(ctx->db, ctx->a, &f->tables[FIG_T_ZRM]);
    for (size_t i = 0; st == WT_OK && i < sizeof queries / sizeof queries[0]; i++)
        st = queries[i].query(ctx->db, ctx->a, &s, &f->tables[queries[i].table]);
    return st;
}

/* Suppression over all tables, and the cross-table rule: the totals of open cases per area and per team are the
 * open cases of the first table, so they are hidden when that cell is. */
void figures_suppress_all(figures *f)
{
    fig_table *t = f->tables;
    for (int i = 0; i < FIG_TABLES; i++)
        if (t[i].kind == FIG_COUNT && t[i].has_total)
            figures_sum(&t[i]);
    figures_suppress_counts(&t[FIG_T_CASES]);
    const fig_row *open = figures_row(&t[FIG_T_CASES], "open");
    t[FIG_T_AREAS].total.suppressed = open->suppressed;
    t[FIG_T_TEAMS].total.suppressed = open->suppressed;
    figures_suppress_counts(&t[FIG_T_AREAS]);
    figures_suppress_counts(&t[FIG_T_TEAMS]);
    figures_suppress_counts(&t[FIG_T_MONTHS]);
    figures_suppress_counts(&t[FIG_T_DOMAINS]);
    figures_suppress_counts(&t[FIG_T_LAYERS]);
    figures_share(&t[FIG_T_SECOND_LINE].rows[0], figures_row(&t[FIG_T_LAYERS], "second_line"), &t[FIG_T_LAYERS].total);
    figures_suppress_counts(&t[FIG_T_REFERRALS]);
    fig_table *z = &t[FIG_T_ZRM];
    for (int i = 0; i < z->n; i++)
        z->rows[i].value = z->rows[i].count > 0 ? z->rows[i].value / (double)z->rows[i].count : 0;
    figures_suppress_derived(z);
    figures_suppress_counts(&t[FIG_T_CHANNELS]);
    figures_suppress_counts(&t[FIG_T_SIGNALS]);
    fig_table *h = &t[FIG_T_HOURS];
    h->total.value = 0;
    for (int i = 0; i < h->n; i++)
        h->total.value += h->rows[i].value;
}

/* ---- the scope and the read ---------------------------------------------------------------------------------- */

static const fig_choice *choice(const fig_choice *list, int n, const char *code)
{
    for (int i = 0; code && i < n; i++)
        if (strcmp(list[i].code, code) == 0)
            return &list[i];
    return NULL;
}

static wt_status scope(wt_ctx *ctx, int64_t team_id, const char *area, errors *e, figures *f)
{
    /* The policy let a team leader ask for his own team only (figures_get); he gets it without asking. */
    int64_t mine = ctx->who.role == ROLE_POLICY ? 0 : ctx->who.team_id;
    f->team_id = mine ? mine : team_id;
    wt_status st = figures_db_teams(ctx->db, ctx->a, mine, &f->teams, &f->n_teams);
    if (st == WT_OK)
        st = figures_db_areas(ctx->db, ctx->a, f->team_id, &f->areas, &f->n_areas);
    if (st != WT_OK)
        return st;
    if (f->team_id) {
        const fig_choice *t = choice(f->teams, f->n_teams, arena_printf(ctx->a, "%lld", (long long)f->team_id));
        if (!t)
            errors_add(e, "team", _("Kies een bestaand team."));
        else
            f->team_name = t->name;
    }
    if (area && *area) {
        const fig_choice *n = choice(f->areas, f->n_areas, area);
        if (!n)
            errors_add(e, "neighbourhood", _("Kies een buurt van het gekozen team."));
        else {
            f->neighbourhood = n->code;
            f->neighbourhood_name = n->name;
        }
    }
    return e->count ? WT_INVALID : WT_OK;
}

wt_status figures_get(wt_ctx *ctx, int64_t team_id, const char *neighbourhood, errors *e, figures *out)
{
    memset(out, 0, sizeof *out);
    if (!policy_allows(&ctx->who, PERM_AGGREGATES, (policy_target){.team_id = team_id}))
        return WT_FORBIDDEN;
    wt_status st = scope(ctx, team_id, neighbourhood, e, out);
    if (st != WT_OK)
        return st;
    define_tables(ctx, out);
    st = fill(ctx, out);
    if (st != WT_OK)
        return st;
    figures_suppress_all(out);
    /* an aggregate read: no person, household or case; the entity id is the team (0: every team) */
    audit_log(ctx, AUDIT_READ, "figures", out->team_id, (audit_subject){0});
    return WT_OK;
}
