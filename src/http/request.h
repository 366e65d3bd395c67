/*
 * request.h - one HTTP exchange as the handlers see it.
 *
 * server.c fills a request from libmicrohttpd, the router matches it and
 * calls a handler, the handler writes status and body; nothing here knows
 * libmicrohttpd, so handlers can be driven from tests as well. Everything a
 * request allocates comes from req->a and is gone after the answer.
 */
#ifndef WT_REQUEST_H
#define WT_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/ctx.h"

typedef struct kv {
    const char *key;
    const char *value;
} kv;

typedef struct kv_list {
    kv *items;
    int n;
    int cap;
} kv_list;

typedef struct http_header {
    const char *name;
    const char *value;
    struct http_header *next;
} http_header;

typedef struct session_info {
    int64_t user_id;
    const char *token_hash;
    const char *csrf;
    bool api; /* bearer token rather than cookie */
} session_info;

#define ROUTE_MAX_IDS 4

typedef struct http_request {
    arena a_store;
    arena *a;
    /* request */
    const char *method;
    const char *path;
    const char *client_ip;
    bool tls; /* the server itself runs TLS (--tls-cert/--tls-key): the connection is HTTPS */
    kv_list query;
    kv_list headers;
    kv_list form; /* application/x-www-form-urlencoded body */
    char *body;
    size_t body_len;
    bool body_too_large;
    int64_t ids[ROUTE_MAX_IDS]; /* the {id} segments of the route, in order */
    int n_ids;
    const char *keys[ROUTE_MAX_IDS]; /* the {key} segments (string ids such as UUIDs), in order */
    int n_keys;
    const char *route_arg; /* the route's arg (router_add_arg), NULL for most routes */
    bool is_api;
    /* who */
    session_info session;
    wt_ctx ctx;
    /* response */
    int status;
    buf out;
    const char *content_type;
    http_header *resp_headers;
    bool no_store;     /* personal data: never cached */
    bool force_commit; /* keep the writes even though the answer is an error (login failure counts) */
} http_request;

void request_init(http_request *req);
void request_free(http_request *req);

void kv_add(arena *a, kv_list *l, const char *key, const char *value);
const char *kv_get(const kv_list *l, const char *key);
/* The n-th value of a repeated key (0-based), NULL past the end. */
const char *kv_get_nth(const kv_list *l, const char *key, int n);
int kv_count(const kv_list *l, const char *key);

/* Parses "a=1&b=%C3%A9" into l (values are URL-decoded, arena-owned). */
void parse_urlencoded(arena *a, kv_list *l, const char *s, size_t len);

const char *req_header(const http_request *req, const char *name);
const char *req_query(const http_request *req, const char *key);
/* Form value trimmed of surrounding white space; NULL when absent. */
const char *req_form(const http_request *req, const char *key);
/* Value of one cookie from the Cookie header. */
const char *req_cookie(const http_request *req, const char *name);

void resp_header(http_request *req, const char *name, const char *value);
void resp_redirect(http_request *req, const char *location);
void resp_text(http_request *req, int status, const char *content_type, const char *body);

#endif
