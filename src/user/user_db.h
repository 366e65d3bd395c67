/* user_db.h - SQL of users and login failures. */
#ifndef WT_USER_DB_H
#define WT_USER_DB_H

#include "../db/db.h"
#include "user.h"

wt_status user_db_insert(db *c, const user_input *in, const char *hash, const char *now, int64_t *id);
wt_status user_db_update(db *c, int64_t id, const user_input *in);
wt_status user_db_set_password(db *c, int64_t id, const char *hash);
wt_status user_db_set_disabled(db *c, int64_t id, bool disabled);
wt_status user_db_get(db *c, arena *a, int64_t id, user *out);
/* Also gives the password hash; NOTFOUND when unknown. */
wt_status user_db_by_username(db *c, arena *a, const char *username, user *out, const char **hash);
wt_status user_db_list(db *c, arena *a, int64_t team_id, bool coordinators_only, user **out, int *n);
wt_status user_db_username_taken(db *c, arena *a, const char *username, int64_t except_id, bool *taken);
wt_status user_db_team_exists(db *c, arena *a, int64_t team_id, bool *exists);

/* For the console: any user by name, disabled or not. */
wt_status user_db_lookup_for_cli(db *c, arena *a, const char *username, user *out, const char **hash);

wt_status login_db_failures(db *c, arena *a, const char *key, int *failures, int64_t *last_at);
wt_status login_db_record_failure(db *c, const char *key, int64_t now);
wt_status login_db_clear(db *c, const char *key);

/* At most limit users from offset, ordered by team and name (team_id 0: all; q NULL: any name). */
wt_status user_db_list_page(db *c, arena *a, int64_t team_id, const char *q, int limit, int offset, user **out, int *n);

#endif
