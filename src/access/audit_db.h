/* audit_db.h - SQL of the audit trail (see audit.h). */
#ifndef WT_AUDIT_DB_H
#define WT_AUDIT_DB_H

#include "../db/db.h"
#include "audit.h"

wt_status audit_db_last_hash(db *c, arena *a, const char **hash);
wt_status audit_db_insert(db *c, const audit_row *r);
/* Rows with id > after_id, in order, at most limit. */
wt_status audit_db_page(db *c, arena *a, int64_t after_id, int limit, audit_row **rows, int *n);
/* The entries about one case, newest first. */
wt_status audit_db_for_case(db *c, arena *a, int64_t case_id, int limit, audit_row **rows, int *n,
                            const char ***user_names);

#endif
