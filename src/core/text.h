/*
 * text.h - small, pure text and number helpers used by validation everywhere.
 */
#ifndef WT_TEXT_H
#define WT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Copy of s without leading/trailing white space; NULL stays NULL. */
char *text_trim(arena *a, const char *s);
bool text_empty(const char *s);
/* Number of Unicode code points; -1 when s is not valid UTF-8. */
long text_utf8_len(const char *s);
bool text_valid_utf8(const char *s);
/* Parses a whole decimal integer (optional sign); false on anything else. */
bool text_parse_int64(const char *s, int64_t *out);
/* Lower-cased ASCII copy with Dutch/Latin diacritics folded (é -> e). */
char *text_fold(arena *a, const char *s);
/* Case-insensitive ASCII equality. */
bool text_ieq(const char *a, const char *b);
/* True when s is one of the NULL-terminated list. */
bool text_in(const char *s, const char *const *list);

#endif
