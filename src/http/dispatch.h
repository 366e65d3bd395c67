/*
 * dispatch.h - what happens to every request between the socket and the
 * handler, in one place:
 *
 *   static file?  -> served from memory
 *   route match   -> 404 / 405
 *   database      -> 503 when unreachable
 *   session       -> cookie (web) or bearer token (API); 401 or redirect to /login
 *   CSRF          -> every browser POST carries the session's token, else 403
 *   transaction   -> every POST runs in one write transaction: committed with
 *                    its audit entries when the handler succeeded, rolled back
 *                    otherwise (reads it made are still logged)
 *   audit         -> a GET's audit entries are committed before the answer
 *                    leaves; if that fails the answer is a 503, not the data
 */
#ifndef WT_DISPATCH_H
#define WT_DISPATCH_H

#include <stdbool.h>

#include "request.h"

#define BODY_LIMIT (1024 * 1024)

void dispatch(http_request *req);
/* Serves /bench/bare, the benchmarks' baseline (serve --bench only). */
extern bool bench_bare_enabled;
/* An error answer in the form the route speaks: HTML page or JSON. */
void http_error(http_request *req, int status, const char *message);

#endif
