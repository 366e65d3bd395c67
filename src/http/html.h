/*
 * html.h - the one way HTML is written: escaped by default.
 *
 * html_printf() works like printf, except that every %s argument is escaped
 * for HTML text and attribute values (& < > " ' become entities). Markup that
 * is already safe can only be added with html_raw(), whose name makes every
 * such place easy to find and review; its argument must be a string literal
 * or markup this module produced.
 *
 *   html_printf(b, "<td><a href=\"/households/%lld\">%s</a></td>", (long long)id, name);
 */
#ifndef WT_HTML_H
#define WT_HTML_H

#include <stdarg.h>

#include "../core/buf.h"

void html_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_vprintf(buf *b, const char *fmt, va_list ap);
/* Escaped text. */
void html_text(buf *b, const char *s);
/* Trusted markup, unescaped: literals and this module's own output only. */
void html_raw(buf *b, const char *markup);
/* Escapes a value for use inside a URL query component (%XX). */
void html_url_component(buf *b, const char *s);

#endif
