/*
 * user.h - users of wijkteam, their roles and disciplines, passwords and login.
 *
 * Passwords are hashed with Argon2id (libsodium, interactive limits). Login
 * failures are counted per account and per client address; after five for an
 * account (thirty for an address, which may be a whole office), each further
 * attempt must wait twice as long as the last (1 s, 2 s, 4 s, ... up to 15
 * minutes), whether or not the password is right.
 */
#ifndef WT_USER_H
#define WT_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

typedef struct user {
    int64_t id;
    const char *username;
    const char *display_name;
    wt_role role;
    const char *discipline; /* code, see user_disciplines */
    int64_t team_id;
    const char *team_name;
    bool disabled;
    bool totp_enabled; /* the second factor is on (see mfa.h) */
    const char *created_at;
} user;

typedef struct user_input {
    const char *username;
    const char *display_name;
    const char *role;
    const char *discipline;
    const char *password; /* only on create */
    int64_t team_id;
} user_input;

typedef struct code_label {
    const char *code;
    const char *label;
} code_label;

/* The disciplines of a team (sociaal werker, opbouwwerker, ...), NULL-terminated. */
extern const code_label user_disciplines[];
const char *discipline_label(const char *code);

#define PASSWORD_MIN 12
#define PASSWORD_MAX 128

/* Checks a new password; the message names what is wrong, NULL when fine. */
const char *password_problem(const char *password, const char *username);
/* Argon2id hash string (arena), NULL on failure. */
char *password_hash(arena *a, const char *password);
bool password_verify(const char *hash, const char *password);

/* Admin operations (policy: PERM_USER_ADMIN); ctx->who.user_id 0 is the CLI. */
wt_status user_create(wt_ctx *ctx, const user_input *in, errors *e, int64_t *id);
/* An administrator cannot take the administrator role away from himself (he would lock himself out). */
wt_status user_update(wt_ctx *ctx, int64_t id, const user_input *in, errors *e);
wt_status user_set_password(wt_ctx *ctx, int64_t id, const char *password, errors *e);
wt_status user_set_disabled(wt_ctx *ctx, int64_t id, bool disabled);
wt_status user_get(wt_ctx *ctx, int64_t id, user *out);
wt_status user_list(wt_ctx *ctx, int64_t team_id, user **out, int *n);
/* The active workers of a team who can coordinate a case (workers and team leaders). */
wt_status user_list_coordinators(wt_ctx *ctx, int64_t team_id, user **out, int *n);

typedef enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_THROTTLED } login_result;

/*
 * Checks username and password; on success fills *u. *wait_seconds tells a
 * throttled caller how long to wait. Records failures and clears them on success.
 */
wt_status user_login(wt_ctx *ctx, const char *username, const char *password, const char *client_ip,
                     login_result *result, int *wait_seconds, user *u);

/* The user changes his own password; the current one must be right. Ends his other sessions. */
wt_status user_change_own_password(wt_ctx *ctx, const char *current, const char *new_password, errors *e);

/* Fills an actor from a user. */
void user_to_actor(const user *u, actor *who);

/* ---- The administrator's pages and API (user_admin_web.c, user_admin_api.c). ---- */

#define USER_PAGE 50   /* users per page of the administrator's list */
#define USER_QUERY_MAX 100

/* What the administrator's list shows: a team (0: all) and words of a name or username. */
typedef struct user_filter {
    int64_t team_id;
    const char *q;
    int limit; /* 1..500, USER_PAGE otherwise */
    int offset;
} user_filter;

/* WT_OK when the actor is an administrator (or the console), WT_FORBIDDEN otherwise. */
wt_status user_check_admin(wt_ctx *ctx);
/*
 * A page of users for the administrator, ordered by team and name; *more when
 * a next page exists. q matches a part of the name or the username (any case).
 * WT_INVALID (with e) for a search text over USER_QUERY_MAX characters.
 */
wt_status user_list_page(wt_ctx *ctx, const user_filter *f, user **out, int *n, bool *more, errors *e);
/* One user, for the administrator only; logs the read. */
wt_status user_admin_get(wt_ctx *ctx, int64_t id, user *out);

#endif
