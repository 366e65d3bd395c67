/*
 * password_list.h - the list of common passwords that are refused (NIST SP
 * 800-63B: "passwords obtained from previous breach corpuses" and commonly
 * used ones). The list is share/common-passwords.txt (source and licence in
 * its header), built into the program by scripts/embed-passwords.sh: lower
 * case, sorted, NUL-separated. It is indexed once, at start (or at first use
 * by a command-line tool); a check is a binary search.
 */
#ifndef WT_PASSWORD_LIST_H
#define WT_PASSWORD_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* Indexes the list; safe to call more than once and from several threads. */
void password_list_load(void);
/* How many passwords the list holds. */
size_t password_list_count(void);
/* True when the password is on the list, compared case-insensitively (ASCII letters; diacritics folded). */
bool password_list_has(const char *password);

#endif
