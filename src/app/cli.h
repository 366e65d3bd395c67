/*
 * cli.h - the subcommands of the wijkteam program:
 *   serve, init, demo, user, team, backup, restore, migrate, audit, --help, --version.
 * Every subcommand takes --db (or WIJKTEAM_DB).
 */
#ifndef WT_CLI_H
#define WT_CLI_H

int cli_main(int argc, char **argv);

#endif
