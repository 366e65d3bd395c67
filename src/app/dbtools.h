/*
 * dbtools.h - the subcommands that move whole databases:
 *   wijkteam migrate --from URL --to URL   copy every table to another backend
 *   wijkteam restore --from FILE [--db URL] load a backup into an empty database
 *   wijkteam check [--db URL]              the backend's integrity check and the audit chain
 * Both check what they produced before they report success.
 */
#ifndef WT_DBTOOLS_H
#define WT_DBTOOLS_H

#include "../core/arena.h"
#include "options.h"

int dbtools_migrate(const options *o, arena *a);
int dbtools_restore(const options *o, arena *a);
int dbtools_check(const options *o, arena *a);

#endif
