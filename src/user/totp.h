/*
 * totp.h - time-based one-time passwords (RFC 6238, HMAC-SHA1, 6 digits,
 * 30-second steps), the codes of every authenticator app.
 *
 * Secrets are 20 random bytes, shown to the user in base32 and as a QR code
 * of an otpauth:// URI. A code is accepted for the current step and one step
 * either side (clock drift), and never twice: the last accepted step is kept.
 */
#ifndef WT_TOTP_H
#define WT_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"

#define TOTP_STEP 30
#define TOTP_SECRET_BYTES 20

/* Base32 (RFC 4648, no padding) of n bytes (arena). */
char *totp_base32_encode(arena *a, const unsigned char *data, size_t n);
/* Decodes base32 (case-insensitive, spaces ignored); returns the length or -1. */
int totp_base32_decode(const char *s, unsigned char *out, size_t cap);
/* The 6-digit code of a secret at a step (time / 30). */
uint32_t totp_code(const unsigned char *secret, size_t n, uint64_t step);
/*
 * Checks a code typed by the user against the secret (base32) at time now.
 * Accepts steps now-1 .. now+1 that are later than last_step; *step gets the
 * accepted step.
 */
bool totp_verify(const char *secret_b32, const char *code, int64_t now, int64_t last_step, int64_t *step);
/* A new random secret in base32 (arena). */
char *totp_new_secret(arena *a);
/* otpauth://totp/wijkteam:USER?secret=...&issuer=wijkteam (arena). */
char *totp_uri(arena *a, const char *username, const char *secret_b32);
/* The URI as an SVG QR code with an accessible title (arena); NULL when it cannot be encoded. */
char *totp_qr_svg(arena *a, const char *text, const char *title);

#endif
