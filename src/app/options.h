/*
 * options.h - flags with environment-variable equivalents.
 *
 * Each option is looked up as --name VALUE or --name=VALUE on the command
 * line, then as the environment variable, then its default.
 */
#ifndef WT_OPTIONS_H
#define WT_OPTIONS_H

#include <stdbool.h>

typedef struct options {
    int argc;
    char **argv;
} options;

/* Value of --name, else env, else def. */
const char *opt_get(const options *o, const char *name, const char *env, const char *def);
bool opt_flag(const options *o, const char *name);
/* The n-th argument that is not an option or an option's value (0-based). */
const char *opt_positional(const options *o, int n);

#endif
