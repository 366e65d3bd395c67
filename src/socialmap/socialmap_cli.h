/*
 * socialmap_cli.h - `wijkteam socialmap import FILE|DIR [--skip-bad-rows]` and
 * `wijkteam socialmap export DIR`.
 */
#ifndef WT_SOCIALMAP_CLI_H
#define WT_SOCIALMAP_CLI_H

#include "../app/options.h"
#include "../core/ctx.h"

/* Runs the subcommand (positional 1: import|export, 2: the path); returns the exit code. */
int socialmap_cli(wt_ctx *ctx, const options *o);

#endif
