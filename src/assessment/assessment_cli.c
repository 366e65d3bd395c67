/* assessment_cli.c - loading and offering versions of the matrix from the console (see assessment_cli.h). */
#include "assessment_cli.h"
#include "../access/audit.h"
#include "../db/db.h"
#include "assessment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCALE_FILE_MAX (1024 * 1024)

/* The whole file in the arena; NULL (and a message) when it cannot be read or is too large. */
static char *read_file(arena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "wijkteam: cannot open %s\n", path);
        return NULL;
    }
    char *data = arena_alloc(a, SCALE_FILE_MAX + 1);
    *len = fread(data, 1, SCALE_FILE_MAX + 1, f);
    bool bad = ferror(f) || *len > SCALE_FILE_MAX;
    fclose(f);
    if (bad) {
        fprintf(stderr, "wijkteam: %s cannot be read or is larger than 1 MiB\n", path);
        return NULL;
    }
    data[*len] = '\0';
    return data;
}

/* Runs op in one transaction with its audit entries; prints the field errors of a refusal. */
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

static int cmd_load(wt_ctx *ctx, const char *path)
{
    size_t len = 0;
    char *json = read_file(ctx->a, path, &len);
    if (!json)
        return 1;
    if (db_begin_write(ctx->db) != WT_OK) {
        fprintf(stderr, "wijkteam: the database is busy\n");
        return 1;
    }
    errors e;
    errors_init(&e, ctx->a);
    int64_t id = 0;
    int rc = finish(ctx, assessment_scale_load(ctx, json, len, &e, &id), &e);
    if (rc == 0)
        printf("scale loaded with id %lld\n", (long long)id);
    return rc;
}

static int cmd_active(wt_ctx *ctx, const char *code, bool active)
{
    if (db_begin_write(ctx->db) != WT_OK) {
        fprintf(stderr, "wijkteam: the database is busy\n");
        return 1;
    }
    wt_status st = assessment_scale_set_active(ctx, code, active);
    if (st == WT_NOTFOUND)
        fprintf(stderr, "wijkteam: there is no scale with code %s\n", code);
    return finish(ctx, st, NULL);
}

static int cmd_list(wt_ctx *ctx)
{
    assessment_scale *scales = NULL;
    int n = 0;
    wt_status st = assessment_scales(ctx, false, &scales, &n);
    if (st != WT_OK) {
        fprintf(stderr, "wijkteam: failed (%s)\n", wt_status_name(st));
        return 1;
    }
    for (int i = 0; i < n; i++)
        printf("%s\t%s %s\t%d domains\t%s\n", scales[i].code, scales[i].name, scales[i].version, scales[i].n_domains,
               scales[i].active ? "active" : "inactive");
    return 0;
}

int assessment_cli(wt_ctx *ctx, const options *o)
{
    const char *sub = opt_positional(o, 1);
    const char *arg = opt_positional(o, 2);
    if (sub && strcmp(sub, "list") == 0)
        return cmd_list(ctx);
    if (sub && arg && strcmp(sub, "load") == 0)
        return cmd_load(ctx, arg);
    if (sub && arg && strcmp(sub, "activate") == 0)
        return cmd_active(ctx, arg, true);
    if (sub && arg && strcmp(sub, "deactivate") == 0)
        return cmd_active(ctx, arg, false);
    fprintf(stderr, "wijkteam: assessment load FILE | activate CODE | deactivate CODE | list\n");
    return 2;
}
