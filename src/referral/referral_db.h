/* referral_db.h - SQL of referrals and their history (see referral.h). */
#ifndef WT_REFERRAL_DB_H
#define WT_REFERRAL_DB_H

#include "../db/db.h"
#include "referral.h"

wt_status referral_db_insert(db *c, const referral *in, int64_t user_id, const char *now, int64_t *id);
wt_status referral_db_add_event(db *c, int64_t referral_id, const char *status, const char *on, const char *note,
                                int64_t user_id, const char *now);
/* Sets the status, the day of that step and (when note is not empty) the outcome. */
wt_status referral_db_set_status(db *c, int64_t id, const char *status, const char *on, const char *note,
                                 const char *now);
wt_status referral_db_get(db *c, arena *a, int64_t id, referral *out);
wt_status referral_db_list(db *c, arena *a, int64_t case_id, int limit, referral **out, int *n);
wt_status referral_db_events(db *c, arena *a, int64_t id, int limit, referral_event **out, int *n);
/* Referrals with status sent in the open cases of team_id coordinated by user_id, longest waiting first. */
wt_status referral_db_waiting(db *c, arena *a, int64_t user_id, int64_t team_id, int limit, referral_waiting **out,
                              int *n);

#endif
