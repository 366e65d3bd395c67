/*
 * static_files.h - the CSS, images and scripts of the web interface.
 *
 * Loaded into memory from one directory at start. Each file is served under
 * a name that carries a hash of its content (app.3f9a1c2b.css) with a cache
 * lifetime of a year; pages link to it with static_url("app.css").
 */
#ifndef WT_STATIC_FILES_H
#define WT_STATIC_FILES_H

#include <stdbool.h>
#include <stddef.h>

int static_load(const char *dir);
void static_free(void);
/* "/static/app.3f9a1c2b.css" for "app.css"; the plain name when unknown. */
const char *static_url(const char *name);
/* Looks up a request path below /static/; false when there is no such file. */
bool static_find(const char *path, const char **data, size_t *len, const char **mime, bool *hashed);

#endif
