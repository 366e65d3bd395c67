/*
 * xalloc.h - allocation that never returns NULL.
 *
 * On allocation failure the process logs and aborts: every caller can then use
 * the memory without a check, and no half-built state is ever committed (the
 * database transaction of the request is rolled back by the OS closing it).
 */
#ifndef WT_XALLOC_H
#define WT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
