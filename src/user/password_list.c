/* password_list.c - the common passwords: an index over the embedded list (see password_list.h). */
#include "password_list.h"
#include "../core/arena.h"
#include "../core/text.h"
#include "../core/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const char wt_common_passwords[];
extern const size_t wt_common_passwords_size;

static const char **entries; /* sorted (the generator sorts), kept for the life of the process */
static size_t n_entries;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    size_t n = 0;
    for (size_t i = 0; i + 1 < wt_common_passwords_size; i++)
        if (wt_common_passwords[i] == '\0')
            n++;
    entries = xcalloc(n + 1, sizeof *entries);
    const char *p = wt_common_passwords;
    for (size_t k = 0; k < n; k++) {
        entries[k] = p;
        p += strlen(p) + 1;
    }
    n_entries = n;
}

void password_list_load(void)
{
    pthread_once(&once, build_index);
}

size_t password_list_count(void)
{
    password_list_load();
    return n_entries;
}

static int compare(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

bool password_list_has(const char *password)
{
    if (!password)
        return false;
    password_list_load();
    arena a;
    arena_init(&a);
    const char *folded = text_fold(&a, password);
    bool found = bsearch(folded, entries, n_entries, sizeof *entries, compare) != NULL;
    arena_free(&a);
    return found;
}
