/* case_db.h - SQL of cases, hand-overs, the case list and caseloads. */
#ifndef WT_CASE_DB_H
#define WT_CASE_DB_H

#include "../db/db.h"
#include "case.h"

wt_status case_db_get(db *c, arena *a, int64_t id, wt_case *out);
/* The team of a household; WT_NOTFOUND when there is no such household. */
wt_status case_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id);
/* The open case of a household, 0 when none. */
wt_status case_db_open_of_household(db *c, arena *a, int64_t household_id, int64_t *case_id);
/* The case that governs access to a household: its open case, else its latest closed one; 0 when none. */
wt_status case_db_governing_of_household(db *c, arena *a, int64_t household_id, int64_t *case_id);
wt_status case_db_insert(db *c, const case_open_input *in, int64_t team_id, const char *opened_on, int64_t *id);
/* Changes the coordinator of an open case; WT_CONFLICT when the case is not open or changed meanwhile. */
wt_status case_db_set_coordinator(db *c, int64_t id, int64_t from_user_id, int64_t to_user_id);
wt_status case_db_insert_handover(db *c, int64_t case_id, int64_t from, int64_t to, int64_t by, const char *at,
                                  const char *reason);
wt_status case_db_handovers(db *c, arena *a, int64_t case_id, case_handover_rec **out, int *n);
/* Closes an open case; WT_CONFLICT when it was not open. */
wt_status case_db_close(db *c, int64_t id, const char *closed_on, const char *reason, const char *note);
wt_status case_db_list(db *c, arena *a, int64_t team_id, const case_filter *f, case_page *out);
wt_status case_db_caseload(db *c, arena *a, int64_t team_id, caseload_row **out, int *n);
wt_status case_db_handed_to(db *c, arena *a, int64_t user_id, int64_t team_id, const char *since, int limit,
                            worklist_handover **out, int *n);

#endif
