/* socialmap_cli.c - import and export of the social map from the console (see socialmap_cli.h). */
#include "socialmap_cli.h"
#include "../access/audit.h"
#include "../db/db.h"
#include "hsds_io.h"

#include <stdio.h>
#include <string.h>

static void progress(void *u, const char *what, long done)
{
    (void)u;
    fprintf(stderr, "wijkteam: socialmap import: %ld rijen %s\n", done, what);
}

static int cmd_import(wt_ctx *ctx, const char *path, bool skip)
{
    if (db_begin_write(ctx->db) != WT_OK) {
        fprintf(stderr, "wijkteam: the database is busy\n");
        return 1;
    }
    hsds_import_opts o = {skip, progress, NULL};
    hsds_import_result res;
    wt_status st = hsds_import_path(ctx, path, &o, &res);
    for (const hsds_problem *p = res.problems; p; p = p->next)
        fprintf(stderr, "%s:%ld: %s%s%s\n", p->file ? p->file : path, p->row, p->field ? p->field : "",
                p->field ? ": " : "", p->message);
    if (st == WT_OK)
        st = audit_flush(ctx, true);
    if (st == WT_OK)
        st = db_commit(ctx->db);
    if (st != WT_OK) {
        db_rollback(ctx->db);
        if (st == WT_INVALID)
            fprintf(stderr, "wijkteam: %d problem(s): nothing imported (the map is unchanged); "
                            "use --skip-bad-rows to import the good rows\n", res.n_problems);
        else
            fprintf(stderr, "wijkteam: import failed (%s) %s\n", wt_status_name(st), db_last_error(ctx->db));
        return 1;
    }
    printf("imported %ld rows (%ld read, %ld skipped)\n", res.rows_written, res.rows_read, res.rows_skipped);
    return 0;
}

static int cmd_export(wt_ctx *ctx, const char *dir)
{
    long rows = 0;
    const char *err = NULL;
    wt_status st = hsds_export_dir(ctx, dir, &rows, &err);
    if (st != WT_OK) {
        fprintf(stderr, "wijkteam: %s\n", err ? err : wt_status_name(st));
        return 1;
    }
    printf("exported %ld rows to %s (datapackage.json, CSV files, json/)\n", rows, dir);
    return 0;
}

int socialmap_cli(wt_ctx *ctx, const options *o)
{
    const char *sub = opt_positional(o, 1);
    const char *path = opt_positional(o, 2);
    if (sub && path && strcmp(sub, "import") == 0)
        return cmd_import(ctx, path, opt_flag(o, "skip-bad-rows"));
    if (sub && path && strcmp(sub, "export") == 0)
        return cmd_export(ctx, path);
    fprintf(stderr, "wijkteam: socialmap import FILE|DIR [--skip-bad-rows] | socialmap export DIR\n");
    return 2;
}
