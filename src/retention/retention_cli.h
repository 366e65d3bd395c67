/*
 * retention_cli.h - retention from the console:
 *   wijkteam retention run [--dry-run] [--on YYYY-MM-DD]   remove what is past its period (counts printed)
 *   wijkteam retention rules                                the period of each kind of data
 *   wijkteam retention set KIND --years N [--legal yes|no]  change one period
 *   wijkteam retention log [--limit N]                      what runs and erasures did (counts only)
 */
#ifndef WT_RETENTION_CLI_H
#define WT_RETENTION_CLI_H

#include "../app/options.h"
#include "../core/ctx.h"

/* Runs the subcommand in o (positional 1..2); returns the exit code. */
int retention_cli(wt_ctx *ctx, const options *o);

#endif
