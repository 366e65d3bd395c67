/* router.c - route table and matching (see router.h). */
#include "router.h"
#include "../core/text.h"

#include <string.h>

#define MAX_ROUTES 512

static route routes[MAX_ROUTES];
static int n_routes;

void router_add_arg(const char *method, const char *pattern, http_handler handler, unsigned flags, const char *arg)
{
    if (n_routes < MAX_ROUTES)
        routes[n_routes++] = (route){method, pattern, handler, flags, arg};
}

void router_add(const char *method, const char *pattern, http_handler handler, unsigned flags)
{
    router_add_arg(method, pattern, handler, flags, NULL);
}

void router_reset(void)
{
    n_routes = 0;
}

const route *router_all(int *n)
{
    *n = n_routes;
    return routes;
}

/* A {key} segment: 36 hexadecimal digits and hyphens (a UUID as HSDS writes it). */
static bool key_segment(const char *s, size_t len)
{
    if (len != 36)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F') || s[i] == '-'))
            return false;
    return true;
}

/* Matches one pattern against a path; fills ids and keys (offsets into path) on success. */
static int pattern_match(const char *pat, const char *path, int64_t *ids, int *n_ids, const char **keys, int *n_keys)
{
    *n_ids = 0;
    *n_keys = 0;
    while (*pat && *path) {
        if (*pat != '/' || *path != '/')
            return 0;
        pat++;
        path++;
        const char *pe = strchr(pat, '/');
        size_t plen = pe ? (size_t)(pe - pat) : strlen(pat);
        const char *se = strchr(path, '/');
        size_t slen = se ? (size_t)(se - path) : strlen(path);
        if (plen == 4 && strncmp(pat, "{id}", 4) == 0) {
            if (slen == 0 || slen > 18 || *n_ids >= ROUTE_MAX_IDS)
                return 0;
            int64_t v = 0;
            for (size_t i = 0; i < slen; i++) {
                if (path[i] < '0' || path[i] > '9')
                    return 0;
                v = v * 10 + (path[i] - '0');
            }
            if (v <= 0)
                return 0;
            ids[(*n_ids)++] = v;
        } else if (plen == 5 && strncmp(pat, "{key}", 5) == 0) {
            if (!key_segment(path, slen) || *n_keys >= ROUTE_MAX_IDS)
                return 0;
            keys[(*n_keys)++] = path;
        } else if (plen != slen || strncmp(pat, path, plen) != 0) {
            return 0;
        }
        pat += plen;
        path += slen;
    }
    /* A trailing slash is tolerated on the path. */
    if (*path == '/' && path[1] == '\0' && *pat == '\0')
        return 1;
    return *pat == '\0' && *path == '\0';
}

const route *router_match(const char *method, const char *path, http_request *req, int *method_mismatch)
{
    *method_mismatch = 0;
    int64_t ids[ROUTE_MAX_IDS];
    const char *keys[ROUTE_MAX_IDS];
    int n_ids, n_keys;
    for (int i = 0; i < n_routes; i++) {
        if (!pattern_match(routes[i].pattern, path, ids, &n_ids, keys, &n_keys))
            continue;
        bool same = strcmp(routes[i].method, method) == 0 ||
                    (strcmp(method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0);
        if (!same) {
            *method_mismatch = 1;
            continue;
        }
        memcpy(req->ids, ids, sizeof(int64_t) * (size_t)n_ids);
        req->n_ids = n_ids;
        for (int k = 0; k < n_keys; k++)
            req->keys[k] = arena_strndup(req->a, keys[k], 36);
        req->n_keys = n_keys;
        req->route_arg = routes[i].arg;
        return &routes[i];
    }
    return NULL;
}
