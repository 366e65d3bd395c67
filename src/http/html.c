/* html.c - escaping renderer (see html.h). */
#include "html.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void html_text(buf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (; *s; s++) {
        const char *ent = NULL;
        switch (*s) {
        case '&': ent = "&amp;"; break;
        case '<': ent = "&lt;"; break;
        case '>': ent = "&gt;"; break;
        case '"': ent = "&quot;"; break;
        case '\'': ent = "&#39;"; break;
        default: break;
        }
        if (ent) {
            buf_append(b, run, (size_t)(s - run));
            buf_puts(b, ent);
            run = s + 1;
        }
    }
    buf_append(b, run, (size_t)(s - run));
}

void html_raw(buf *b, const char *markup)
{
    buf_puts(b, markup);
}

void html_url_component(buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            buf_putc(b, (char)c);
        } else {
            buf_putc(b, '%');
            buf_putc(b, hex[c >> 4]);
            buf_putc(b, hex[c & 15]);
        }
    }
}

/* Formats one non-string conversion spec (e.g. "%05lld") with its argument. */
static void format_one(buf *b, const char *spec, size_t speclen, char conv, const char *len, va_list *ap)
{
    char f[32];
    if (speclen >= sizeof f)
        return;
    memcpy(f, spec, speclen);
    f[speclen] = '\0';
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        if (strcmp(len, "ll") == 0)
            buf_printf(b, f, va_arg(*ap, long long));
        else if (strcmp(len, "l") == 0)
            buf_printf(b, f, va_arg(*ap, long));
        else if (strcmp(len, "z") == 0)
            buf_printf(b, f, va_arg(*ap, size_t));
        else if (strcmp(len, "j") == 0)
            buf_printf(b, f, va_arg(*ap, intmax_t));
        else
            buf_printf(b, f, va_arg(*ap, int));
        break;
    case 'f': case 'g': case 'e':
        buf_printf(b, f, va_arg(*ap, double));
        break;
    case 'c': {
        char s[2] = {(char)va_arg(*ap, int), '\0'};
        html_text(b, s);
        break;
    }
    default:
        break;
    }
}

void html_vprintf(buf *b, const char *fmt, va_list ap_in)
{
    va_list ap;
    va_copy(ap, ap_in);
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            buf_puts(b, p);
            break;
        }
        buf_append(b, p, (size_t)(pct - p));
        const char *q = pct + 1;
        if (*q == '%') {
            buf_putc(b, '%');
            p = q + 1;
            continue;
        }
        while (*q && strchr("-+ #0", *q))
            q++;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q == '.') {
            q++;
            while (*q >= '0' && *q <= '9')
                q++;
        }
        char len[3] = {0};
        int li = 0;
        while (*q && strchr("hlzjt", *q) && li < 2)
            len[li++] = *q++;
        char conv = *q;
        if (!conv)
            break;
        if (conv == 's') {
            html_text(b, va_arg(ap, const char *));
        } else {
            format_one(b, pct, (size_t)(q - pct + 1), conv, len, &ap);
        }
        p = q + 1;
    }
    va_end(ap);
}

void html_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    html_vprintf(b, fmt, ap);
    va_end(ap);
}
