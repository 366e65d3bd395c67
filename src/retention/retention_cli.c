/* retention_cli.c - retention from the console (see retention_cli.h). */
#include "retention_cli.h"
#include "../access/audit.h"
#include "../core/text.h"
#include "../db/db.h"
#include "retention.h"

#include <stdio.h>
#include <string.h>

/* Commits the operation with its audit entries (or rolls back); prints the field errors of a refusal. */
static int finish(wt_ctx *ctx, wt_status st, const errors *e)
{
    if (st == WT_OK)
        st = audit_flush(ctx, true);
    if (st == WT_OK)
        st = db_commit(ctx->db);
    if (st == WT_OK)
        return 0;
    db_rollback(ctx->db);
    for (const field_error *fe = e ? e->head : NULL; fe; fe = fe->next)
        fprintf(stderr, "wijkteam: %s: %s\n", fe->field, fe->message);
    fprintf(stderr, "wijkteam: failed (%s); nothing was changed\n", wt_status_name(st));
    return 1;
}

static void print_tally(const retention_tally *t)
{
    int shown = 0;
    for (int i = 0; i < t->used; i++)
        if (t->n[i] > 0) {
            printf("  %-18s %lld\n", t->table[i], (long long)t->n[i]);
            shown++;
        }
    if (!shown)
        printf("  nothing is past its retention period\n");
}

static int cmd_run(wt_ctx *ctx, const options *o)
{
    bool dry = opt_flag(o, "dry-run");
    const char *on = opt_get(o, "on", NULL, NULL);
    if (db_begin_write(ctx->db) != WT_OK) {
        fprintf(stderr, "wijkteam: the database is busy\n");
        return 1;
    }
    retention_tally t;
    wt_status st = retention_run(ctx, dry, on, &t);
    if (st == WT_INVALID) {
        db_rollback(ctx->db);
        fprintf(stderr, "wijkteam: --on takes a date YYYY-MM-DD\n");
        return 2;
    }
    if (st == WT_OK && dry) {
        /* Nothing removed; the log keeps that someone looked, with the counts. */
        db_rollback(ctx->db);
        printf("dry run: would remove or anonymise (rows per table)\n");
        print_tally(&t);
        if (db_begin_write(ctx->db) != WT_OK)
            return 1;
        return finish(ctx, retention_log_add(ctx, "retention", true, 0, retention_tally_text(ctx->a, &t)), NULL);
    }
    int rc = finish(ctx, st, NULL);
    if (rc == 0) {
        printf("retention run: removed or anonymised (rows per table)\n");
        print_tally(&t);
    }
    return rc;
}

static int cmd_rules(wt_ctx *ctx)
{
    retention_rule *r;
    int n;
    if (retention_rules(ctx, &r, &n) != WT_OK) {
        fprintf(stderr, "wijkteam: cannot read the retention rules\n");
        return 1;
    }
    printf("kind\tyears\tlegal\tdefault\twhat\n");
    for (int i = 0; i < n; i++)
        printf("%s\t%d\t%s\t%d\t%s: %s\n", r[i].kind, r[i].years, r[i].legal ? "yes" : "no", r[i].default_years,
               r[i].label, r[i].what);
    return 0;
}

static int cmd_set(wt_ctx *ctx, const options *o, const char *kind)
{
    const char *legal = opt_get(o, "legal", NULL, NULL);
    int lg = -1;
    if (legal && strcmp(legal, "yes") == 0)
        lg = 1;
    else if (legal && strcmp(legal, "no") == 0)
        lg = 0;
    else if (legal) {
        fprintf(stderr, "wijkteam: --legal takes yes or no\n");
        return 2;
    }
    if (db_begin_write(ctx->db) != WT_OK) {
        fprintf(stderr, "wijkteam: the database is busy\n");
        return 1;
    }
    errors e;
    errors_init(&e, ctx->a);
    int rc = finish(ctx, retention_rule_set(ctx, kind, opt_get(o, "years", NULL, NULL), lg, &e), &e);
    if (rc == 0)
        printf("retention of %s set\n", kind);
    return rc;
}

static int cmd_log(wt_ctx *ctx, const options *o)
{
    int64_t limit = 50;
    if (!text_parse_int64(opt_get(o, "limit", NULL, "50"), &limit) || limit < 1 || limit > 10000) {
        fprintf(stderr, "wijkteam: --limit takes a number from 1 to 10000\n");
        return 2;
    }
    retention_log_entry *l;
    int n;
    if (retention_log(ctx, (int)limit, &l, &n) != WT_OK) {
        fprintf(stderr, "wijkteam: cannot read the privacy log\n");
        return 1;
    }
    printf("id\tat\tkind\tby\tperson\tsummary\n");
    for (int i = 0; i < n; i++)
        printf("%lld\t%s\t%s%s\t%s\t%lld\t%s\n", (long long)l[i].id, l[i].at, l[i].kind, l[i].dry_run ? " (dry run)" : "",
               l[i].user_name ? l[i].user_name : "system", (long long)l[i].person_ref, l[i].summary);
    return 0;
}

int retention_cli(wt_ctx *ctx, const options *o)
{
    const char *sub = opt_positional(o, 1);
    const char *arg = opt_positional(o, 2);
    if (sub && strcmp(sub, "run") == 0)
        return cmd_run(ctx, o);
    if (sub && strcmp(sub, "rules") == 0)
        return cmd_rules(ctx);
    if (sub && arg && strcmp(sub, "set") == 0)
        return cmd_set(ctx, o, arg);
    if (sub && strcmp(sub, "log") == 0)
        return cmd_log(ctx, o);
    fprintf(stderr, "wijkteam: retention run [--dry-run] [--on DATE] | rules | set KIND --years N [--legal yes|no] | log\n");
    return 2;
}
