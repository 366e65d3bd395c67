/* session_db.h - SQL of sessions. */
#ifndef WT_SESSION_DB_H
#define WT_SESSION_DB_H

#include "../db/db.h"

wt_status session_db_insert(db *c, const char *token_hash, int64_t user_id, const char *kind, const char *csrf,
                            int64_t now);
/* The session row with its user's id and disabled flag. */
wt_status session_db_get(db *c, arena *a, const char *token_hash, const char *kind, int64_t *user_id,
                         const char **csrf, int64_t *created_at, int64_t *last_seen);
wt_status session_db_touch(db *c, const char *token_hash, int64_t now);
wt_status session_db_delete(db *c, const char *token_hash);
wt_status session_db_delete_user(db *c, int64_t user_id);
wt_status session_db_delete_expired(db *c, int64_t idle_before, int64_t created_before);

#endif
