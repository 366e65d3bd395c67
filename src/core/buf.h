/*
 * buf.h - the one growable string builder (like git's strbuf).
 *
 * A buf owns its heap memory; buf_free() releases it, buf_detach() hands it to
 * the caller. The content is always NUL-terminated. All string assembly in
 * wijkteam goes through buf or arena_printf: no strcat, no fixed buffers for
 * user data.
 */
#ifndef WT_BUF_H
#define WT_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *data;
    size_t len;
    size_t cap;
} buf;

#define BUF_INIT {NULL, 0, 0}

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);
/* Returns the content (malloc'd, caller frees) and leaves b empty. */
char *buf_detach(buf *b, size_t *len);
void buf_grow(buf *b, size_t extra);
void buf_append(buf *b, const void *p, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
/* Content as a C string; never NULL. */
const char *buf_str(const buf *b);

#endif
