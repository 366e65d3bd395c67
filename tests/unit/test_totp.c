/* Unit tests of one-time passwords: RFC 6238 / RFC 4226 test vectors, base32, replay. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../src/user/totp.h"

static const unsigned char rfc_secret[] = "12345678901234567890";

Test(totp, rfc6238_sha1_vectors)
{
    /* RFC 6238 appendix B (8 digits there; the last 6 are the 6-digit code). */
    cr_assert_eq(totp_code(rfc_secret, 20, 59 / 30), 287082u);
    cr_assert_eq(totp_code(rfc_secret, 20, 1111111109 / 30), 81804u);
    cr_assert_eq(totp_code(rfc_secret, 20, 1234567890 / 30), 5924u);
    cr_assert_eq(totp_code(rfc_secret, 20, 2000000000 / 30), 279037u);
}

Test(totp, base32_round_trip)
{
    arena a;
    arena_init(&a);
    char *s = totp_base32_encode(&a, rfc_secret, 20);
    cr_assert_str_eq(s, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    unsigned char back[32];
    cr_assert_eq(totp_base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", back, sizeof back), 20);
    cr_assert_eq(memcmp(back, rfc_secret, 20), 0);
    cr_assert_eq(totp_base32_decode("GEZ1", back, sizeof back), -1);
    arena_free(&a);
}

Test(totp, verify_window_and_replay)
{
    const char *b32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    int64_t step = 0;
    /* At t = 1111111109 the current code and the neighbours' codes are accepted. */
    cr_assert(totp_verify(b32, "081804", 1111111109, 0, &step));
    cr_assert_eq(step, 1111111109 / 30);
    /* The same code again (step not later than the last accepted one) is refused. */
    cr_assert_not(totp_verify(b32, "081804", 1111111109, step, &step));
    cr_assert_not(totp_verify(b32, "081805", 1111111109, 0, &step));
    cr_assert_not(totp_verify(b32, "08180", 1111111109, 0, &step));
    cr_assert_not(totp_verify(b32, "0818041", 1111111109, 0, &step));
    cr_assert_not(totp_verify(b32, "08a804", 1111111109, 0, &step));
    cr_assert_not(totp_verify(NULL, "081804", 1111111109, 0, &step));
    /* Ten minutes later the old code is no longer valid. */
    cr_assert_not(totp_verify(b32, "081804", 1111111109 + 600, 0, &step));
}

Test(totp, qr_svg_has_an_accessible_title)
{
    arena a;
    arena_init(&a);
    char *svg = totp_qr_svg(&a, "otpauth://totp/wijkteam:sanne?secret=GEZD", "QR <code>");
    cr_assert_not_null(svg);
    cr_assert_not_null(strstr(svg, "<title id=\"qr-title\">QR &lt;code&gt;</title>"));
    cr_assert_not_null(strstr(svg, "<path fill=\"#000\" d=\"M"));
    arena_free(&a);
}
