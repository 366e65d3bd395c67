/* text.c - text helpers (see text.h). */
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *text_trim(arena *a, const char *s)
{
    if (!s)
        return NULL;
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return arena_strndup(a, s, n);
}

bool text_empty(const char *s)
{
    if (!s)
        return true;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

long text_utf8_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    long n = 0;
    while (*p) {
        int len;
        if (*p < 0x80)
            len = 1;
        else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2)
            len = 2;
        else if ((*p & 0xF0) == 0xE0)
            len = 3;
        else if ((*p & 0xF8) == 0xF0 && *p <= 0xF4)
            len = 4;
        else
            return -1;
        for (int i = 1; i < len; i++)
            if ((p[i] & 0xC0) != 0x80)
                return -1;
        p += len;
        n++;
    }
    return n;
}

bool text_valid_utf8(const char *s)
{
    return text_utf8_len(s) >= 0;
}

bool text_parse_int64(const char *s, int64_t *out)
{
    if (!s || !*s)
        return false;
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end != '\0' || end == s || isspace((unsigned char)*s))
        return false;
    *out = (int64_t)v;
    return true;
}

/* Folds the two-byte UTF-8 Latin-1 letters to their base letter. */
static char fold_latin1(unsigned char c2)
{
    static const char *map = /* U+00C0 .. U+00FF */
        "aaaaaaaceeeeiiii"  /* C0-CF */
        "dnooooo*ouuuuyts"  /* D0-DF */
        "aaaaaaaceeeeiiii"  /* E0-EF */
        "dnooooo/ouuuuyty"; /* F0-FF */
    unsigned idx = (unsigned)(c2 - 0x80) + 0x00; /* second byte 0x80..0xBF */
    return idx < 64 ? map[idx] : '?';
}

/* Folds U+0100..U+017F (Latin Extended-A: Turkish, Polish, Czech... names). */
static char fold_latin_ext_a(unsigned idx)
{
    static const char *map = "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiijjjkkklllllll"
                             "lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
    return idx < 128 ? map[idx] : '?';
}

char *text_fold(arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = arena_alloc(a, n + 1);
    size_t j = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
            /* U+00C0..U+00FF: second byte 0x80..0xBF maps to offset 0..63 */
            d[j++] = fold_latin1(p[1]);
            p += 2;
        } else if ((*p == 0xC4 || *p == 0xC5) && p[1] >= 0x80 && p[1] <= 0xBF) {
            d[j++] = fold_latin_ext_a((unsigned)(*p - 0xC4) * 64u + (unsigned)(p[1] - 0x80));
            p += 2;
        } else {
            d[j++] = (char)tolower(*p);
            p++;
        }
    }
    d[j] = '\0';
    return d;
}

bool text_ieq(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    while (*a && *b) {
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++;
        b++;
    }
    return *a == *b;
}

bool text_in(const char *s, const char *const *list)
{
    if (!s)
        return false;
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return true;
    return false;
}
