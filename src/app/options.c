/* options.c - command-line and environment options (see options.h). */
#include "options.h"

#include <stdlib.h>
#include <string.h>

/* Options that never take a value. */
static const char *const bare_flags[] = {"--help", "--version", "--force", "--disable", "--enable", "--skip-bad-rows", "--bench", "--dry-run", NULL};

static bool is_bare(const char *arg)
{
    for (int i = 0; bare_flags[i]; i++)
        if (strcmp(arg, bare_flags[i]) == 0)
            return true;
    return false;
}

const char *opt_get(const options *o, const char *name, const char *env, const char *def)
{
    size_t n = strlen(name);
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        if (strncmp(a, "--", 2) == 0 && strncmp(a + 2, name, n) == 0) {
            if (a[2 + n] == '=')
                return a + 3 + n;
            if (a[2 + n] == '\0' && i + 1 < o->argc)
                return o->argv[i + 1];
        }
    }
    const char *e = env ? getenv(env) : NULL;
    return e && *e ? e : def;
}

bool opt_flag(const options *o, const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; i < o->argc; i++)
        if (strncmp(o->argv[i], "--", 2) == 0 && strncmp(o->argv[i] + 2, name, n) == 0 && o->argv[i][2 + n] == '\0')
            return true;
    return false;
}

const char *opt_positional(const options *o, int n)
{
    for (int i = 0; i < o->argc; i++) {
        const char *a = o->argv[i];
        if (strncmp(a, "--", 2) == 0) {
            if (!strchr(a, '=') && !is_bare(a))
                i++; /* skip its value */
            continue;
        }
        if (n-- == 0)
            return a;
    }
    return NULL;
}
