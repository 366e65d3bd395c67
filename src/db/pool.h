/*
 * pool.h - one database connection per thread.
 *
 * The HTTP server runs a fixed pool of threads; each gets its own connection
 * the first time it asks, kept until db_pool_shutdown(). For SQLite that is
 * what makes concurrent readers possible under WAL; for PostgreSQL the pool
 * is sized by the number of server threads.
 */
#ifndef WT_POOL_H
#define WT_POOL_H

#include "db.h"

wt_status db_pool_init(const char *url);
/* This thread's connection, opened on first use; NULL when the database cannot be reached. */
db *db_pool_get(void);
void db_pool_shutdown(void);

#endif
