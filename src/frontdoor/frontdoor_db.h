/* frontdoor_db.h - SQL of the front door's questions (see frontdoor.h). */
#ifndef WT_FRONTDOOR_DB_H
#define WT_FRONTDOOR_DB_H

#include "../db/db.h"
#include "frontdoor.h"

wt_status question_db_insert(db *c, int64_t team_id, const question_input *in, const char *now, int64_t created_by,
                             int64_t *id);
/* NOTFOUND when there is none. */
wt_status question_db_get(db *c, arena *a, int64_t id, question *out);
/* A page of a team's questions with this status, newest first. */
wt_status question_db_list(db *c, arena *a, int64_t team_id, const char *status, int limit, int offset, question **out,
                           int *n);
wt_status question_db_set_status(db *c, int64_t id, const char *status, const char *outcome);
wt_status question_db_set_household(db *c, int64_t id, int64_t household_id);
/* The questions linked to a household, newest first (at most limit). */
wt_status question_db_for_household(db *c, arena *a, int64_t household_id, int limit, question **out, int *n);

#endif
