/* timeentry.c - rules of time recording and the team's balance (see timeentry.h). */
#include "timeentry.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../team/team.h"
#include "timeentry_db.h"

#include <string.h>

const presence_code time_blocks[] = {
    {"casework", N_("Individuele casus")},
    {"outreach", N_("Outreach en presentie")},
    {"collective", N_("Collectief werk")},
    {"consultation", N_("Overleg")},
    {"other", N_("Overig")},
    {NULL, NULL},
};

int time_block_index(const char *code)
{
    for (int i = 0; code && i < TIME_BLOCKS; i++)
        if (strcmp(time_blocks[i].code, code) == 0)
            return i;
    return -1;
}

/* ---- pure rules ---------------------------------------------------------------------------------------------- */

bool timeentry_check_day(const char *day, wt_date today, const int minutes[TIME_BLOCKS], errors *e)
{
    int before = e->count;
    wt_date d;
    if (text_empty(day))
        errors_add(e, "day", _("Kies de dag."));
    else if (!date_parse(day, &d))
        errors_add(e, "day", _("De dag is geen geldige datum (JJJJ-MM-DD)."));
    else if (date_compare(d, today) > 0)
        errors_add(e, "day", _("U kunt geen tijd schrijven op een dag in de toekomst."));
    int total = 0;
    bool blocks_ok = true;
    for (int i = 0; i < TIME_BLOCKS; i++) {
        if (minutes[i] < 0 || minutes[i] > TIME_DAY_MAX) {
            errors_add(e, time_blocks[i].code, _("Vul 0 tot en met 1440 minuten in."));
            blocks_ok = false;
        } else {
            total += minutes[i];
        }
    }
    if (blocks_ok && total > TIME_DAY_MAX)
        errors_add(e, "minutes", arena_printf(e->a, _("Op één dag kunt u hoogstens 24 uur schrijven; dit is %d uur en %d minuten."),
                                              total / 60, total % 60));
    return e->count == before;
}

void timeentry_balance_init(time_balance *b, wt_date today, int n_weeks)
{
    if (n_weeks < 1)
        n_weeks = 1;
    if (n_weeks > BALANCE_MAX_WEEKS)
        n_weeks = BALANCE_MAX_WEEKS;
    memset(b->team_weeks, 0, sizeof b->team_weeks);
    memset(&b->team_total, 0, sizeof b->team_total);
    b->n_weeks = n_weeks;
    long this_week = presence_week_start(date_to_days(today));
    for (int i = 0; i < n_weeks; i++)
        b->week_start[i] = this_week - 7L * (n_weeks - 1 - i);
}

static void cell_add(balance_cell *c, int block, int minutes)
{
    c->minutes[block] += minutes;
    c->total += minutes;
}

void timeentry_balance_add(time_balance *b, int w, long day, int block, int minutes)
{
    if (block < 0 || block >= TIME_BLOCKS || b->n_weeks < 1)
        return;
    long first = b->week_start[0];
    if (day < first || day >= b->week_start[b->n_weeks - 1] + 7)
        return;
    int week = (int)((day - first) / 7);
    cell_add(&b->team_weeks[week], block, minutes);
    cell_add(&b->team_total, block, minutes);
    if (w >= 0 && w < b->n_workers) {
        cell_add(&b->workers[w].weeks[week], block, minutes);
        cell_add(&b->workers[w].total, block, minutes);
    }
}

int timeentry_share(const balance_cell *c)
{
    if (c->total <= 0)
        return -1;
    int prevention = c->minutes[TB_OUTREACH] + c->minutes[TB_COLLECTIVE];
    return (int)((prevention * 200L + c->total) / (2L * c->total));
}

/* ---- operations ---------------------------------------------------------------------------------------------- */

wt_status timeentry_own_day(wt_ctx *ctx, const char *day, time_day *out)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    time_day *days;
    int n = 0;
    memset(out, 0, sizeof *out);
    out->day = day;
    wt_status st = timeentry_db_days(ctx->db, ctx->a, ctx->who.user_id, day, day, 1, &days, &n);
    if (st == WT_OK && n == 1)
        *out = days[0];
    return st;
}

wt_status timeentry_save_day(wt_ctx *ctx, const time_input *in, errors *e)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    int minutes[TIME_BLOCKS];
    time_day existing = {0};
    wt_date d;
    if (in->day && date_parse(in->day, &d)) {
        wt_status st = timeentry_own_day(ctx, in->day, &existing);
        if (st != WT_OK)
            return st;
    }
    for (int i = 0; i < TIME_BLOCKS; i++)
        minutes[i] = in->minutes[i] == -1 ? existing.minutes[i] : in->minutes[i];
    if (!timeentry_check_day(in->day, date_today(), minutes, e))
        return WT_INVALID;
    const char *now = date_now_iso(ctx->a);
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < TIME_BLOCKS; i++)
        st = timeentry_db_set(ctx->db, ctx->who.user_id, in->day, time_blocks[i].code, minutes[i], now);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "time_entry", ctx->who.user_id, (audit_subject){0});
    return st;
}

wt_status timeentry_own_days(wt_ctx *ctx, const char *from, const char *to, time_day **out, int *n)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    return timeentry_db_days(ctx->db, ctx->a, ctx->who.user_id, from, to, 62, out, n);
}

wt_status timeentry_balance(wt_ctx *ctx, int64_t team_id, int n_weeks, time_balance *out)
{
    if (!policy_allows(&ctx->who, PERM_TEAM_OVERVIEW, (policy_target){.team_id = team_id}))
        return ctx->who.role == ROLE_TEAMLEADER ? WT_NOTFOUND : WT_FORBIDDEN;
    team t;
    wt_status st = team_get(ctx, team_id, &t);
    if (st != WT_OK)
        return st;
    out->team_id = team_id;
    out->team_name = t.name;
    out->prevention_share = t.prevention_share;
    timeentry_balance_init(out, date_today(), n_weeks);
    st = timeentry_db_workers(ctx->db, ctx->a, team_id, BALANCE_MAX_WORKERS, &out->workers, &out->n_workers);
    if (st != WT_OK)
        return st;
    char from[11], to[11];
    date_format(date_from_days(out->week_start[0]), from);
    date_format(date_from_days(out->week_start[out->n_weeks - 1] + 6), to);
    st = timeentry_db_team_rows(ctx->db, ctx->a, team_id, from, to, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "time_balance", team_id, (audit_subject){0});
    return st;
}
