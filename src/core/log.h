/*
 * log.h - the server's own log: one logfmt line per event on stderr.
 *
 * Never pass personal data here (names, addresses, BSN, free text, usernames
 * typed at login): log ids, routes, statuses and durations only. Access to
 * personal data is recorded in the audit trail (src/access/audit.h), not here.
 */
#ifndef WT_LOG_H
#define WT_LOG_H

typedef enum { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR } log_level;

void log_set_level(log_level lvl);
log_level log_get_level(void);
void log_msg(log_level lvl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
