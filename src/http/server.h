/*
 * server.h - the HTTP server: libmicrohttpd with a thread pool, request size
 * limits, security headers on every answer, graceful shutdown.
 */
#ifndef WT_SERVER_H
#define WT_SERVER_H

typedef struct server_config {
    const char *listen; /* "127.0.0.1:8080" */
    int threads;        /* 0: one per core */
    const char *tls_cert;
    const char *tls_key;
} server_config;

/* Serves until SIGINT or SIGTERM; returns 0 on a clean stop. */
int server_run(const server_config *cfg);

#endif
