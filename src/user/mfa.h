/*
 * mfa.h - the optional second factor: enrolment, confirmation, switching
 * off, and the second step of a login.
 *
 * A user switches it on himself on "Mijn account" (scan the QR code, type a
 * code to confirm); from then on a login asks for a code after the password.
 * The password step leaves a pending login (a random token, hashed in the
 * database) that lives 5 minutes and allows 5 codes. An administrator can
 * reset the factor of a user who lost his phone (`wijkteam user totp-reset`).
 */
#ifndef WT_MFA_H
#define WT_MFA_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

#define MFA_PENDING_SECONDS 300
#define MFA_PENDING_TRIES 5

typedef struct mfa_state {
    bool enabled;
    const char *pending_secret; /* base32, while enrolment is not confirmed */
} mfa_state;

wt_status mfa_state_of(wt_ctx *ctx, int64_t user_id, mfa_state *out);
/* Starts enrolment for the acting user: a new secret (base32, arena) not yet active. */
wt_status mfa_begin(wt_ctx *ctx, const char **secret);
/* Confirms enrolment with a code from the app. */
wt_status mfa_confirm(wt_ctx *ctx, const char *code, errors *e);
/* Switches the factor off; the password must be given again. */
wt_status mfa_disable(wt_ctx *ctx, const char *password, errors *e);
/* Administrator (or console): removes the factor of a user. */
wt_status mfa_reset(wt_ctx *ctx, int64_t user_id);

/* After a right password: a pending login token for the code step (arena). */
wt_status mfa_pending_create(wt_ctx *ctx, int64_t user_id, const char **token);
/*
 * Checks the code for a pending login. On success *user_id is set and the
 * pending login is gone; on a wrong code the try is counted (*expired true
 * when the pending login is over: start again).
 */
wt_status mfa_pending_verify(wt_ctx *ctx, const char *token, const char *code, int64_t *user_id, bool *expired);

#endif
