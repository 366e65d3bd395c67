/*
 * arena.h - a region allocator for everything that lives as long as one request
 * or one command.
 *
 * Every allocation made from an arena is released at once by arena_free(); no
 * single allocation is ever freed on its own. Request handlers allocate only
 * from the request's arena, so an early return on an error path cannot leak.
 * Allocation failure aborts the process (see xalloc.h): a server that cannot
 * allocate a few kilobytes cannot serve anyone correctly.
 */
#ifndef WT_ARENA_H
#define WT_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;
} arena;

void arena_init(arena *a);
void arena_free(arena *a);

/* Zeroed memory of n bytes, aligned for any type; owned by the arena. */
void *arena_alloc(arena *a, size_t n);
/* Copy of s (NULL gives NULL); owned by the arena. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* printf into arena memory. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
