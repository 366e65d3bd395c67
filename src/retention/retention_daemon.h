/*
 * retention_daemon.h - the server's daily retention run: once when `serve`
 * starts and then every 24 hours, on a thread of its own with its own
 * connection, as the system (user 0 in the audit trail and the privacy log).
 */
#ifndef WT_RETENTION_DAEMON_H
#define WT_RETENTION_DAEMON_H

void retention_daemon_start(void);
/* Wakes the thread and waits for it; call before db_pool_shutdown(). */
void retention_daemon_stop(void);

#endif
