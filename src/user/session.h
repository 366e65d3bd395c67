/*
 * session.h - login sessions for the browser (cookie) and API clients (bearer).
 *
 * A token is 32 random bytes from libsodium's CSPRNG, given to the client in
 * base64url; only its BLAKE2b hash is stored, so a copy of the database
 * holds no usable token. Sessions end after 30 minutes without use or
 * 12 hours after login, on logout, and when the password changes or the
 * account is disabled. Each browser session has its own CSRF token.
 */
#ifndef WT_SESSION_H
#define WT_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"
#include "../http/request.h"

#define SESSION_IDLE_SECONDS (30 * 60)
#define SESSION_ABSOLUTE_SECONDS (12 * 60 * 60)
#define SESSION_COOKIE "wt_session"

/* Creates a session; *token is what the client keeps (arena). */
wt_status session_create(struct db *c, arena *a, int64_t user_id, bool api, const char **token, session_info *out);
/* Finds a live session and its user; WT_NOTFOUND when none (or expired, or user disabled). */
wt_status session_lookup(struct db *c, arena *a, const char *token, bool api, session_info *out, actor *who);
wt_status session_end(struct db *c, const char *token_hash);
/* Ends all sessions of a user ("log out everywhere"). */
wt_status session_end_all(struct db *c, int64_t user_id);
/* Hex hash of a token (arena). */
const char *session_token_hash(arena *a, const char *token);

#endif
