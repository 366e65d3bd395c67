/* request.c - request parsing helpers and response setters (see request.h). */
#include "request.h"
#include "../core/text.h"

#include <ctype.h>
#include <string.h>

void request_init(http_request *req)
{
    memset(req, 0, sizeof(*req));
    arena_init(&req->a_store);
    req->a = &req->a_store;
    buf_init(&req->out);
    req->status = 200;
    req->content_type = "text/html; charset=utf-8";
    req->ctx.a = req->a;
}

void request_free(http_request *req)
{
    buf_free(&req->out);
    arena_free(&req->a_store);
}

void kv_add(arena *a, kv_list *l, const char *key, const char *value)
{
    if (l->n == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 16;
        kv *items = arena_alloc(a, sizeof(kv) * (size_t)ncap);
        if (l->n)
            memcpy(items, l->items, sizeof(kv) * (size_t)l->n);
        l->items = items;
        l->cap = ncap;
    }
    l->items[l->n].key = key;
    l->items[l->n].value = value;
    l->n++;
}

const char *kv_get(const kv_list *l, const char *key)
{
    return kv_get_nth(l, key, 0);
}

const char *kv_get_nth(const kv_list *l, const char *key, int n)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->items[i].key, key) == 0 && n-- == 0)
            return l->items[i].value;
    return NULL;
}

int kv_count(const kv_list *l, const char *key)
{
    int c = 0;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->items[i].key, key) == 0)
            c++;
    return c;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static char *url_decode(arena *a, const char *s, size_t len)
{
    char *d = arena_alloc(a, len + 1);
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '+') {
            d[j++] = ' ';
        } else if (s[i] == '%' && i + 2 < len && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            int v = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
            /* A NUL byte would cut the value short silently: keep it visible. */
            d[j++] = v ? (char)v : '?';
            i += 2;
        } else {
            d[j++] = s[i];
        }
    }
    d[j] = '\0';
    return d;
}

void parse_urlencoded(arena *a, kv_list *l, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && s[i] != '&')
            i++;
        size_t end = i;
        if (end > start) {
            const char *eq = memchr(s + start, '=', end - start);
            size_t klen = eq ? (size_t)(eq - (s + start)) : end - start;
            const char *key = url_decode(a, s + start, klen);
            const char *val = eq ? url_decode(a, eq + 1, (size_t)(s + end - (eq + 1))) : "";
            kv_add(a, l, key, val);
        }
        i++;
    }
}

const char *req_header(const http_request *req, const char *name)
{
    for (int i = 0; i < req->headers.n; i++)
        if (text_ieq(req->headers.items[i].key, name))
            return req->headers.items[i].value;
    return NULL;
}

const char *req_query(const http_request *req, const char *key)
{
    return kv_get(&req->query, key);
}

const char *req_form(const http_request *req, const char *key)
{
    const char *v = kv_get(&req->form, key);
    return v ? text_trim(req->a, v) : NULL;
}

const char *req_cookie(const http_request *req, const char *name)
{
    const char *h = req_header(req, "Cookie");
    size_t nlen = strlen(name);
    while (h && *h) {
        while (*h == ' ' || *h == ';')
            h++;
        const char *end = strchr(h, ';');
        size_t len = end ? (size_t)(end - h) : strlen(h);
        if (len > nlen && strncmp(h, name, nlen) == 0 && h[nlen] == '=')
            return arena_strndup(req->a, h + nlen + 1, len - nlen - 1);
        h = end;
    }
    return NULL;
}

void resp_header(http_request *req, const char *name, const char *value)
{
    http_header *h = arena_alloc(req->a, sizeof(*h));
    h->name = arena_strdup(req->a, name);
    h->value = arena_strdup(req->a, value);
    h->next = req->resp_headers;
    req->resp_headers = h;
}

void resp_redirect(http_request *req, const char *location)
{
    req->status = 303;
    resp_header(req, "Location", location);
    buf_reset(&req->out);
}

void resp_text(http_request *req, int status, const char *content_type, const char *body)
{
    req->status = status;
    req->content_type = content_type;
    buf_reset(&req->out);
    buf_puts(&req->out, body);
}
