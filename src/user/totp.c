/* totp.c - RFC 6238 one-time passwords with nettle's HMAC-SHA1, QR codes with libqrencode. */
#include "totp.h"
#include "../core/buf.h"
#include "../http/html.h"

#include <ctype.h>
#include <nettle/hmac.h>
#include <qrencode.h>
#include <sodium.h>
#include <string.h>

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

char *totp_base32_encode(arena *a, const unsigned char *data, size_t n)
{
    char *out = arena_alloc(a, (n * 8 + 4) / 5 + 1);
    size_t j = 0;
    unsigned buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 5) {
            out[j++] = b32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        out[j++] = b32[(buffer << (5 - bits)) & 31];
    out[j] = '\0';
    return out;
}

int totp_base32_decode(const char *s, unsigned char *out, size_t cap)
{
    unsigned buffer = 0;
    int bits = 0;
    size_t n = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '=' || *s == '-')
            continue;
        const char *p = strchr(b32, toupper((unsigned char)*s));
        if (!p || !*p)
            return -1;
        buffer = (buffer << 5) | (unsigned)(p - b32);
        bits += 5;
        if (bits >= 8) {
            if (n >= cap)
                return -1;
            out[n++] = (unsigned char)((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return (int)n;
}

uint32_t totp_code(const unsigned char *secret, size_t n, uint64_t step)
{
    unsigned char msg[8];
    for (int i = 7; i >= 0; i--) {
        msg[i] = (unsigned char)(step & 0xff);
        step >>= 8;
    }
    struct hmac_sha1_ctx ctx;
    unsigned char mac[SHA1_DIGEST_SIZE];
    hmac_sha1_set_key(&ctx, n, secret);
    hmac_sha1_update(&ctx, sizeof msg, msg);
    hmac_sha1_digest(&ctx, sizeof mac, mac);
    int off = mac[SHA1_DIGEST_SIZE - 1] & 0x0f;
    uint32_t bin = ((uint32_t)(mac[off] & 0x7f) << 24) | ((uint32_t)mac[off + 1] << 16) |
                   ((uint32_t)mac[off + 2] << 8) | (uint32_t)mac[off + 3];
    return bin % 1000000u;
}

static bool parse_code(const char *code, uint32_t *out)
{
    uint32_t v = 0;
    int digits = 0;
    for (const char *p = code ? code : ""; *p; p++) {
        if (*p == ' ')
            continue;
        if (*p < '0' || *p > '9' || ++digits > 6)
            return false;
        v = v * 10 + (uint32_t)(*p - '0');
    }
    *out = v;
    return digits == 6;
}

bool totp_verify(const char *secret_b32, const char *code, int64_t now, int64_t last_step, int64_t *step)
{
    unsigned char secret[64];
    uint32_t want;
    int n = secret_b32 ? totp_base32_decode(secret_b32, secret, sizeof secret) : -1;
    if (n <= 0 || !parse_code(code, &want))
        return false;
    int64_t cur = now / TOTP_STEP;
    bool ok = false;
    for (int64_t s = cur - 1; s <= cur + 1; s++) {
        /* Constant work: every window is computed, whatever matches. */
        uint32_t got = totp_code(secret, (size_t)n, (uint64_t)s);
        if (got == want && s > last_step && !ok) {
            ok = true;
            *step = s;
        }
    }
    sodium_memzero(secret, sizeof secret);
    return ok;
}

char *totp_new_secret(arena *a)
{
    unsigned char raw[TOTP_SECRET_BYTES];
    randombytes_buf(raw, sizeof raw);
    char *s = totp_base32_encode(a, raw, sizeof raw);
    sodium_memzero(raw, sizeof raw);
    return s;
}

char *totp_uri(arena *a, const char *username, const char *secret_b32)
{
    buf b = BUF_INIT;
    buf_puts(&b, "otpauth://totp/wijkteam:");
    for (const char *p = username; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || c == '.' || c == '-' || c == '_')
            buf_putc(&b, (char)c);
        else
            buf_printf(&b, "%%%02X", c);
    }
    buf_printf(&b, "?secret=%s&issuer=wijkteam&algorithm=SHA1&digits=6&period=%d", secret_b32, TOTP_STEP);
    char *s = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return s;
}

char *totp_qr_svg(arena *a, const char *text, const char *title)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return NULL;
    int w = q->width, quiet = 4, size = w + 2 * quiet;
    buf b = BUF_INIT;
    buf_printf(&b,
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"220\" height=\"220\""
               " role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\"><title id=\"qr-title\">",
               size, size);
    html_text(&b, title);
    buf_printf(&b, "</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", size, size);
    for (int y = 0; y < w; y++)
        for (int x = 0; x < w; x++)
            if (q->data[y * w + x] & 1)
                buf_printf(&b, "M%d %dh1v1h-1z", x + quiet, y + quiet);
    buf_puts(&b, "\"/></svg>");
    QRcode_free(q);
    char *s = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return s;
}
