/* mfa_db.h - SQL of the second factor. */
#ifndef WT_MFA_DB_H
#define WT_MFA_DB_H

#include "../db/db.h"

wt_status mfa_db_get(db *c, arena *a, int64_t user_id, const char **secret, bool *enabled, int64_t *last_step);
wt_status mfa_db_set(db *c, int64_t user_id, const char *secret, bool enabled);
wt_status mfa_db_set_step(db *c, int64_t user_id, int64_t step);
wt_status mfa_db_pending_insert(db *c, const char *token_hash, int64_t user_id, int64_t now);
wt_status mfa_db_pending_get(db *c, arena *a, const char *token_hash, int64_t *user_id, int64_t *created_at, int *attempts);
wt_status mfa_db_pending_count_try(db *c, const char *token_hash);
wt_status mfa_db_pending_delete(db *c, const char *token_hash);
wt_status mfa_db_pending_expire(db *c, int64_t before);

#endif
