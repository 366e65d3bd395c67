/*
 * assessment_cli.h - the matrix versions from the console:
 *   wijkteam assessment load FILE          a new version from JSON (format: assessment.h), all or nothing
 *   wijkteam assessment activate CODE      offer it for new assessments
 *   wijkteam assessment deactivate CODE    stop offering it (existing assessments keep it)
 *   wijkteam assessment list               the versions with their number of domains
 */
#ifndef WT_ASSESSMENT_CLI_H
#define WT_ASSESSMENT_CLI_H

#include "../app/options.h"
#include "../core/ctx.h"

/* Runs the subcommand in o (positional 1..2); returns the exit code. */
int assessment_cli(wt_ctx *ctx, const options *o);

#endif
