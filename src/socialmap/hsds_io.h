/*
 * hsds_io.h - the social map in and out as HSDS 3.0: the tabular data
 * package (datapackage.json + one CSV per resource) and HSDS JSON (service
 * and organization objects as the standard's compiled schemas nest them).
 *
 * An import reads everything first, checks every row on its own (fields,
 * coordinates in the Netherlands, schedules) and then every reference (a
 * service to an unknown organisation), reporting each problem with file, row
 * and field. Without skip_bad_rows nothing is written when there is any
 * problem; with it, bad rows and the rows that lean on them are left out.
 * Rows are written by id (insert or update), so a re-import updates without
 * duplicates. The caller owns the transaction.
 */
#ifndef WT_HSDS_IO_H
#define WT_HSDS_IO_H

#include <jansson.h>
#include <stdbool.h>

#include "../core/ctx.h"
#include "../core/status.h"
#include "hsds_model.h"

typedef struct hsds_problem {
    const char *file;
    long row; /* CSV: the line the record starts on (header = 1); JSON: the object's position (1-based) */
    const char *field;
    const char *message;
    struct hsds_problem *next;
} hsds_problem;

typedef struct hsds_import_opts {
    bool skip_bad_rows;
    void (*progress)(void *u, const char *what, long done); /* NULL: quiet */
    void *progress_u;
} hsds_import_opts;

typedef struct hsds_import_result {
    long rows_read;
    long rows_written;
    long rows_skipped;
    hsds_problem *problems;
    hsds_problem *problems_tail;
    int n_problems;
} hsds_import_result;

/*
 * Imports a directory (a tabular package; or, without datapackage.json, its
 * *.json files), a datapackage.json, one CSV named after its resource
 * (services.csv), or an HSDS JSON file (an array of objects, one object, or
 * an HSDS API page {"contents": [...]}). WT_INVALID when there were problems
 * and nothing was written.
 */
wt_status hsds_import_path(wt_ctx *ctx, const char *path, const hsds_import_opts *o, hsds_import_result *res);

/* One HSDS JSON object of kind "service" or "organization" (the API); problems become field errors. */
wt_status hsds_import_object(wt_ctx *ctx, json_t *obj, const char *kind, errors *e, const char **id_out);

/* Writes DIR/datapackage.json with one CSV per resource, and DIR/json/{organizations,services}.json. */
wt_status hsds_export_dir(wt_ctx *ctx, const char *dir, long *rows, const char **err);

/* The fields of a row as a JSON object (empty fields left out, numbers as numbers). */
json_t *hsds_row_json(const hsds_row *row);

enum hsds_compile_flags {
    HSDS_SHALLOW = 1 << 0,       /* scalar fields only */
    HSDS_ORG_SERVICES = 1 << 1,  /* an organization with its services (their scalar fields) */
    HSDS_NO_LOCATIONS = 1 << 2,  /* an organization without its locations */
};

/* A fully nested object (service, organization, ...) as the compiled schemas describe it. */
json_t *hsds_compile(wt_ctx *ctx, const hsds_row *row, unsigned flags);

#endif
