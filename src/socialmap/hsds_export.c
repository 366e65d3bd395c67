/* hsds_export.c - the social map out as HSDS: JSON objects and the tabular package (see hsds_io.h). */
#include "../access/policy.h"
#include "../core/buf.h"
#include "../core/i18n.h"
#include "hsds_io.h"
#include "socialmap_db.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_RES 32
#define PAGE 500

json_t *hsds_row_json(const hsds_row *row)
{
    json_t *o = json_object();
    for (int i = 0; i < row->res->nfields; i++) {
        const char *v = row->v[i];
        double d;
        if (!v)
            continue;
        if (row->res->fields[i].kind == HF_NUMBER && hsds_number_parse(v, &d))
            json_object_set_new(o, row->res->fields[i].name,
                                d == (double)(json_int_t)d && d < 1e15 && d > -1e15 ? json_integer((json_int_t)d)
                                                                                   : json_real(d));
        else
            json_object_set_new(o, row->res->fields[i].name, json_string(v));
    }
    return o;
}

typedef struct compiler {
    wt_ctx *ctx;
    signed char filled[MAX_RES]; /* -1 unknown, 0 the table is empty, 1 it has rows */
} compiler;

static bool table_filled(compiler *cc, const hsds_resource *r)
{
    int k = hsds_resource_index(r);
    if (cc->filled[k] < 0) {
        db_result res;
        char sql[96];
        snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", r->table);
        cc->filled[k] = db_query(cc->ctx->db, cc->ctx->a, &res, sql, DB_NOARGS) == WT_OK && res.nrows > 0;
    }
    return cc->filled[k] > 0;
}

static json_t *compile_rec(compiler *cc, const hsds_row *row, unsigned flags, int depth);

/* Flags for a nested object: what to leave out so that nothing repeats itself. */
static unsigned child_flags(const char *parent, const hsds_nest *ns)
{
    if (ns->single && (strcmp(ns->child, "organization") == 0 || strcmp(ns->child, "program") == 0 ||
                       strcmp(ns->child, "taxonomy") == 0))
        return HSDS_SHALLOW;
    if (strcmp(parent, "organization") == 0 && strcmp(ns->child, "service") == 0)
        return HSDS_SHALLOW;
    return 0;
}

static bool skip_nest(const hsds_nest *ns, unsigned flags)
{
    if (strcmp(ns->parent, "organization") == 0) {
        if (strcmp(ns->prop, "services") == 0 && !(flags & HSDS_ORG_SERVICES))
            return true;
        if (strcmp(ns->prop, "locations") == 0 && (flags & HSDS_NO_LOCATIONS))
            return true;
    }
    return false;
}

static void compile_nest(compiler *cc, const hsds_row *row, const hsds_nest *ns, unsigned flags, int depth, json_t *o)
{
    const hsds_resource *child = hsds_resource_by_name(ns->child);
    arena *a = cc->ctx->a;
    if (ns->single) {
        const char *ref = hsds_get(row, ns->fk);
        hsds_row c;
        if (ref && table_filled(cc, child) && smdb_get(cc->ctx->db, a, child, ref, &c) == WT_OK)
            json_object_set_new(o, ns->prop, compile_rec(cc, &c, child_flags(row->res->name, ns), depth + 1));
        return;
    }
    json_t *arr = json_array();
    hsds_row *rows = NULL;
    int n = 0;
    const char *id = hsds_get(row, "id");
    if (id && table_filled(cc, child) && smdb_where(cc->ctx->db, a, child, ns->fk, id, 1000, &rows, &n) == WT_OK)
        for (int i = 0; i < n; i++)
            json_array_append_new(arr, compile_rec(cc, &rows[i], child_flags(row->res->name, ns), depth + 1));
    (void)flags;
    json_object_set_new(o, ns->prop, arr);
}

static json_t *compile_rec(compiler *cc, const hsds_row *row, unsigned flags, int depth)
{
    json_t *o = hsds_row_json(row);
    if ((flags & HSDS_SHALLOW) || depth > 6)
        return o;
    for (int i = 0; i < hsds_nnests; i++) {
        const hsds_nest *ns = &hsds_nests[i];
        if (strcmp(ns->parent, row->res->name) == 0 && !skip_nest(ns, flags))
            compile_nest(cc, row, ns, flags, depth, o);
    }
    return o;
}

static void compiler_init(compiler *cc, wt_ctx *ctx)
{
    cc->ctx = ctx;
    memset(cc->filled, -1, sizeof cc->filled);
}

json_t *hsds_compile(wt_ctx *ctx, const hsds_row *row, unsigned flags)
{
    compiler cc;
    compiler_init(&cc, ctx);
    return compile_rec(&cc, row, flags, 0);
}

/* ---------------------------------------------------------------- files */

static void csv_cell(FILE *f, const char *v)
{
    if (!v)
        return;
    bool quote = strpbrk(v, ",\"\r\n") != NULL || v[0] == ' ' || (v[0] && v[strlen(v) - 1] == ' ');
    if (!quote) {
        fputs(v, f);
        return;
    }
    fputc('"', f);
    for (const char *p = v; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

static const char *table_type(const hsds_field *fd, const char **format)
{
    *format = NULL;
    switch (fd->kind) {
    case HF_NUMBER: return "number";
    case HF_DATE: return "date";
    case HF_DATETIME: return "datetime";
    case HF_TIME: return "time";
    case HF_UUID: *format = "uuid"; return "string";
    case HF_EMAIL: *format = "email"; return "string";
    case HF_URI: *format = "uri"; return "string";
    default: return "string";
    }
}

static json_t *package_json(void)
{
    json_t *resources = json_array();
    for (int k = 0; k < hsds_nresources; k++) {
        const hsds_resource *r = &hsds_resources[k];
        json_t *fields = json_array(), *fks = json_array();
        for (int i = 0; i < r->nfields; i++) {
            const hsds_field *fd = &r->fields[i];
            const char *format;
            json_t *f = json_pack("{s:s, s:s}", "name", fd->name, "type", table_type(fd, &format));
            if (format)
                json_object_set_new(f, "format", json_string(format));
            json_t *cons = json_pack("{s:b}", "required", fd->required);
            if (strcmp(fd->name, "id") == 0)
                json_object_set_new(cons, "unique", json_true());
            if (fd->enums) {
                json_t *en = json_array();
                for (const char *const *e = fd->enums; *e; e++)
                    json_array_append_new(en, json_string(*e));
                json_object_set_new(cons, "enum", en);
            }
            json_object_set_new(f, "constraints", cons);
            json_array_append_new(fields, f);
            if (fd->ref && strcmp(fd->ref, r->name) != 0)
                json_array_append_new(fks, json_pack("{s:s, s:{s:s, s:s}}", "fields", fd->name, "reference", "resource",
                                                     fd->ref, "fields", "id"));
        }
        json_array_append_new(resources,
                              json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:{s:s, s:o, s:o}}", "name", r->name, "path",
                                        r->file, "profile", "tabular-data-resource", "format", "csv", "mediatype",
                                        "text/csv", "encoding", "utf-8", "schema", "primaryKey", "id", "fields", fields,
                                        "foreignKeys", fks));
    }
    return json_pack("{s:s, s:s, s:s, s:s, s:o}", "name", "human_services_data", "title",
                     "Sociale kaart (HSDS 3.0)", "profile", "tabular-data-package", "version", "3.0.0", "resources",
                     resources);
}

static bool ensure_dir(const char *dir)
{
    return mkdir(dir, 0755) == 0 || errno == EEXIST;
}

/* Writes one resource as CSV into dir; rows counted. */
static wt_status export_csv(wt_ctx *ctx, const hsds_resource *r, const char *dir, long *rows)
{
    const char *path = arena_printf(ctx->a, "%s/%s", dir, r->file);
    const char *tmp = arena_printf(ctx->a, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return WT_DBERROR;
    for (int i = 0; i < r->nfields; i++)
        fprintf(f, "%s%s", i ? "," : "", r->fields[i].name);
    fputs("\r\n", f);
    const char *after = NULL;
    wt_status st = WT_OK;
    for (;;) {
        hsds_row *page;
        int n = 0;
        arena a;
        arena_init(&a);
        st = smdb_page(ctx->db, &a, r, after, PAGE, &page, &n);
        for (int i = 0; st == WT_OK && i < n; i++) {
            for (int c = 0; c < r->nfields; c++) {
                if (c)
                    fputc(',', f);
                csv_cell(f, page[i].v[c]);
            }
            fputs("\r\n", f);
            (*rows)++;
        }
        if (n)
            after = arena_strdup(ctx->a, hsds_get(&page[n - 1], "id"));
        arena_free(&a);
        if (st != WT_OK || n < PAGE)
            break;
    }
    if (fclose(f) != 0 || st != WT_OK || rename(tmp, path) != 0) {
        remove(tmp);
        return st != WT_OK ? st : WT_DBERROR;
    }
    return WT_OK;
}

/* Writes every object of a resource, compiled, as one JSON array. */
static wt_status export_json(wt_ctx *ctx, const char *resource, unsigned flags, const char *path)
{
    const hsds_resource *r = hsds_resource_by_name(resource);
    const char *tmp = arena_printf(ctx->a, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return WT_DBERROR;
    compiler cc;
    compiler_init(&cc, ctx);
    fputs("[", f);
    const char *after = NULL;
    wt_status st = WT_OK;
    bool first = true;
    for (;;) {
        hsds_row *page;
        int n = 0;
        arena a;
        arena_init(&a);
        arena *saved = ctx->a;
        ctx->a = &a; /* the compiled objects of one page live as long as the page */
        st = smdb_page(ctx->db, &a, r, after, PAGE, &page, &n);
        for (int i = 0; st == WT_OK && i < n; i++) {
            json_t *o = compile_rec(&cc, &page[i], flags, 0);
            fputs(first ? "\n" : ",\n", f);
            first = false;
            if (json_dumpf(o, f, JSON_COMPACT | JSON_ENSURE_ASCII) != 0)
                st = WT_DBERROR;
            json_decref(o);
        }
        ctx->a = saved;
        if (n)
            after = arena_strdup(ctx->a, hsds_get(&page[n - 1], "id"));
        arena_free(&a);
        if (st != WT_OK || n < PAGE)
            break;
    }
    fputs("\n]\n", f);
    if (fclose(f) != 0 || st != WT_OK || rename(tmp, path) != 0) {
        remove(tmp);
        return st != WT_OK ? st : WT_DBERROR;
    }
    return WT_OK;
}

wt_status hsds_export_dir(wt_ctx *ctx, const char *dir, long *rows, const char **err)
{
    *rows = 0;
    *err = NULL;
    if (!policy_allows(&ctx->who, PERM_SOCIALMAP_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    const char *jdir = arena_printf(ctx->a, "%s/json", dir);
    if (!ensure_dir(dir) || !ensure_dir(jdir)) {
        *err = arena_printf(ctx->a, "cannot create %s: %s", dir, strerror(errno));
        return WT_DBERROR;
    }
    wt_status st = WT_OK;
    for (int k = 0; st == WT_OK && k < hsds_nresources; k++)
        st = export_csv(ctx, &hsds_resources[k], dir, rows);
    if (st == WT_OK) {
        json_t *pkg = package_json();
        const char *path = arena_printf(ctx->a, "%s/datapackage.json", dir);
        if (json_dump_file(pkg, path, JSON_INDENT(2)) != 0)
            st = WT_DBERROR;
        json_decref(pkg);
    }
    if (st == WT_OK)
        st = export_json(ctx, "organization", 0, arena_printf(ctx->a, "%s/organizations.json", jdir));
    if (st == WT_OK)
        st = export_json(ctx, "service", 0, arena_printf(ctx->a, "%s/services.json", jdir));
    if (st != WT_OK && !*err)
        *err = arena_printf(ctx->a, "cannot write the export into %s: %s", dir, strerror(errno));
    return st;
}
