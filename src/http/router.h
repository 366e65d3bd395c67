/*
 * router.h - the table of routes: method, path pattern, handler, flags.
 *
 * Patterns are literal segments, `{id}` segments and `{key}` segments; an
 * {id} matches a positive decimal integer, which the handler finds in
 * req->ids[]; a {key} matches a UUID-shaped string id (36 characters of
 * hexadecimal digits and hyphens, as HSDS ids), found in req->keys[]. Each
 * domain registers its routes in one function (e.g. household_web_routes),
 * called from src/app/routes.c.
 */
#ifndef WT_ROUTER_H
#define WT_ROUTER_H

#include "request.h"

typedef void (*http_handler)(http_request *req);

enum route_flags {
    ROUTE_PUBLIC = 1 << 0, /* no login needed */
    ROUTE_API = 1 << 1,    /* JSON in and out, bearer token */
};

typedef struct route {
    const char *method;
    const char *pattern;
    http_handler handler;
    unsigned flags;
    const char *arg; /* what a handler that serves several routes is asked for (req->route_arg); NULL for most */
} route;

void router_add(const char *method, const char *pattern, http_handler handler, unsigned flags);
/* A route whose handler serves several of them and tells them apart by req->route_arg (e.g. the kind of entry). */
void router_add_arg(const char *method, const char *pattern, http_handler handler, unsigned flags, const char *arg);
void router_reset(void);
/*
 * Finds the route for method and path and fills req->ids, req->keys and req->route_arg. When the path is
 * known but not for this method, returns NULL and sets *method_mismatch.
 */
const route *router_match(const char *method, const char *path, http_request *req, int *method_mismatch);
/* All routes, for tests and documentation. */
const route *router_all(int *n);

#endif
