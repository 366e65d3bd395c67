/* audit_db.h - SQL of the audit trail (see audit.h). */
#ifndef WT_AUDIT_DB_H
#define WT_AUDIT_DB_H

#include "../db/db.h"
#include "audit.h"

wt_status audit_db_last_hash(db *c, arena *a, const char **hash);
wt_status audit_db_insert(db *c, const audit_row *r);
/* Rows with id > after_id, in order, at most limit. */
wt_status audit_db_page(db *c, arena *a, int64_t after_id, int limit, audit_row **rows, int *n);
/* The entries about one case and, since `since`, about its household; newest first. */
wt_status audit_db_for_case(db *c, arena *a, int64_t case_id, int64_t household_id, const char *since, int limit,
                            audit_row **rows, int *n, const char ***user_names);

/* Filter for queries; 0 / NULL means "any". */
typedef struct audit_filter {
    int64_t user_id;
    int64_t person_id;
    int64_t household_id;
    int64_t case_id;
    const char *since; /* timestamp prefix, e.g. "2026-11-01" */
    int limit;
} audit_filter;

/* Entries matching f, newest first. */
wt_status audit_db_query(db *c, arena *a, const audit_filter *f, audit_row **rows, int *n);

#endif
