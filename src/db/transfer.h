/*
 * transfer.h - moves a whole wijkteam database to another backend:
 * `wijkteam migrate --from sqlite:FILE --to postgresql://...` (or back).
 *
 * - The source is read in one snapshot (a read transaction) and never
 *   written; it must carry exactly the migrations of this program.
 * - The target must be empty: no schema yet (it is created), or the schema of
 *   this program holding nothing but what the migrations themselves put there
 *   (reference data such as the assessment scales).
 * - Every table is copied, parents before children, in ONE transaction on the
 *   target; at the end the rows of every table are counted on both sides, and
 *   only when all counts agree is the transaction committed. Any failure rolls
 *   it back: the target is left as empty as it was.
 * - PostgreSQL's identity sequences are moved past the copied ids.
 */
#ifndef WT_TRANSFER_H
#define WT_TRANSFER_H

#include "../core/progress.h"
#include "db.h"

typedef struct transfer_count {
    const char *table;
    int64_t source;
    int64_t target;
} transfer_count;

typedef struct transfer_report {
    int ntables;
    transfer_count *tables; /* in copy order */
    int64_t rows;
    double seconds;
} transfer_report;

/* Copies from_url into to_url; progress (may be NULL) is advanced row by row. */
wt_status transfer_run(const char *from_url, const char *to_url, arena *a, progress *pr, transfer_report *rep,
                       const char **err);

#endif
