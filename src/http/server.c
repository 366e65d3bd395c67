/* server.c - libmicrohttpd glue (see server.h). */
#include "server.h"
#include "../core/buf.h"
#include "../core/log.h"
#include "../core/xalloc.h"
#include "dispatch.h"
#include "request.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HEADER_LIMIT 100

typedef struct conn_state {
    http_request req;
    buf body;
    int header_count;
    struct timespec start;
} conn_state;

static volatile sig_atomic_t stop_requested;
static bool serving_tls; /* set once before the daemon starts */

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    conn_state *cs = cls;
    http_request *req = &cs->req;
    kv_list *l = kind == MHD_HEADER_KIND ? &req->headers : &req->query;
    if (kind == MHD_HEADER_KIND && ++cs->header_count > HEADER_LIMIT)
        return MHD_NO;
    kv_add(req->a, l, arena_strdup(req->a, key), arena_strdup(req->a, value ? value : ""));
    return MHD_YES;
}

static const char *client_ip(struct MHD_Connection *conn, arena *a)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr)
        return "";
    char s[INET6_ADDRSTRLEN] = "";
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, s, sizeof s);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, s, sizeof s);
    return arena_strdup(a, s);
}

static void add_security_headers(struct MHD_Response *resp, const http_request *req)
{
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(resp, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (req->no_store)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
}

static enum MHD_Result send_response(struct MHD_Connection *conn, http_request *req)
{
    size_t len = 0;
    char *body = buf_detach(&req->out, &len);
    bool head = strcmp(req->method ? req->method : "", "HEAD") == 0;
    struct MHD_Response *resp = MHD_create_response_from_buffer_with_free_callback(head ? 0 : len, body, free);
    if (!resp) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(resp, "Content-Type", req->content_type);
    for (http_header *h = req->resp_headers; h; h = h->next)
        MHD_add_response_header(resp, h->name, h->value);
    add_security_headers(resp, req);
    enum MHD_Result r = MHD_queue_response(conn, (unsigned)req->status, resp);
    MHD_destroy_response(resp);
    return r;
}

static enum MHD_Result simple_error(struct MHD_Connection *conn, conn_state *cs, int status, const char *msg)
{
    cs->req.status = status;
    cs->req.content_type = "text/plain; charset=utf-8";
    buf_reset(&cs->req.out);
    buf_puts(&cs->req.out, msg);
    return send_response(conn, &cs->req);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)cls;
    (void)version;
    conn_state *cs = *con_cls;
    if (!cs) {
        cs = xcalloc(1, sizeof(*cs));
        request_init(&cs->req);
        buf_init(&cs->body);
        clock_gettime(CLOCK_MONOTONIC, &cs->start);
        *con_cls = cs;
        http_request *req = &cs->req;
        req->method = arena_strdup(req->a, method);
        req->path = arena_strdup(req->a, url);
        req->client_ip = client_ip(conn, req->a);
        req->tls = serving_tls;
        MHD_get_connection_values(conn, MHD_HEADER_KIND, collect_kv, cs);
        if (cs->header_count > HEADER_LIMIT)
            return simple_error(conn, cs, 431, "Too many request headers\n");
        MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_kv, cs);
        const char *cl = req_header(req, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > BODY_LIMIT)
            req->body_too_large = true;
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (cs->body.len + *upload_data_size > BODY_LIMIT)
            cs->req.body_too_large = true;
        else
            buf_append(&cs->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    http_request *req = &cs->req;
    req->body = arena_strndup(req->a, buf_str(&cs->body), cs->body.len);
    req->body_len = cs->body.len;
    dispatch(req);
    return send_response(conn, req);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    conn_state *cs = *con_cls;
    if (!cs)
        return;
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (double)(end.tv_sec - cs->start.tv_sec) * 1000.0 + (double)(end.tv_nsec - cs->start.tv_nsec) / 1e6;
    /* Only method, route-level path shape and status: ids in paths are not personal data. */
    if (cs->req.status >= 500)
        log_warn("msg=request method=%s status=%d ms=%.1f", cs->req.method ? cs->req.method : "-", cs->req.status, ms);
    else
        log_debug("msg=request method=%s status=%d ms=%.1f", cs->req.method ? cs->req.method : "-", cs->req.status, ms);
    buf_free(&cs->body);
    request_free(&cs->req);
    free(cs);
    *con_cls = NULL;
}

static void mhd_logger(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    buf b = BUF_INIT;
    buf_vprintf(&b, fmt, ap);
    while (b.len && (b.data[b.len - 1] == '\n'))
        b.data[--b.len] = '\0';
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '"')
            b.data[i] = '\'';
    log_warn("msg=\"http: %s\"", buf_str(&b));
    buf_free(&b);
}

static int parse_listen(const char *listen, struct sockaddr_in *sa)
{
    memset(sa, 0, sizeof(*sa));
    sa->sin_family = AF_INET;
    const char *colon = strrchr(listen, ':');
    if (!colon)
        return -1;
    char host[64];
    size_t hl = (size_t)(colon - listen);
    if (hl >= sizeof host)
        return -1;
    memcpy(host, listen, hl);
    host[hl] = '\0';
    long port = strtol(colon + 1, NULL, 10);
    if (port <= 0 || port > 65535)
        return -1;
    sa->sin_port = htons((uint16_t)port);
    if (hl == 0 || strcmp(host, "0.0.0.0") == 0)
        sa->sin_addr.s_addr = htonl(INADDR_ANY);
    else if (strcmp(host, "localhost") == 0)
        sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
        return -1;
    return 0;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    return buf_detach(&b, NULL);
}

int server_run(const server_config *cfg)
{
    struct sockaddr_in sa;
    if (parse_listen(cfg->listen, &sa) != 0) {
        log_error("msg=\"invalid listen address, expected HOST:PORT\" listen=\"%s\"", cfg->listen);
        return 2;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned threads = cfg->threads > 0 ? (unsigned)cfg->threads : (unsigned)(cores > 0 ? cores : 2);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    char *cert = NULL, *key = NULL;
    if (cfg->tls_cert && cfg->tls_key) {
        cert = read_all(cfg->tls_cert);
        key = read_all(cfg->tls_key);
        if (!cert || !key) {
            log_error("msg=\"cannot read TLS certificate or key\"");
            free(cert);
            free(key);
            return 2;
        }
        flags |= MHD_USE_TLS;
        serving_tls = true;
    }
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = on_signal;
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct MHD_Daemon *d;
    if (cert)
        d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL, MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, NULL,
                             MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
                             MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                             (size_t)(64 * 1024), MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_NOTIFY_COMPLETED,
                             on_completed, NULL, MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_END);
    else
        d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL, MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, NULL,
                             MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
                             MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                             (size_t)(64 * 1024), MHD_OPTION_CONNECTION_TIMEOUT, 30u, MHD_OPTION_NOTIFY_COMPLETED,
                             on_completed, NULL, MHD_OPTION_END);
    if (!d) {
        log_error("msg=\"cannot listen\" listen=\"%s\"", cfg->listen);
        free(cert);
        free(key);
        return 1;
    }
    log_info("msg=\"serving\" listen=\"%s\" threads=%u tls=%s", cfg->listen, threads, cert ? "on" : "off");
    while (!stop_requested)
        usleep(200 * 1000);
    log_info("msg=\"stopping\"");
    MHD_stop_daemon(d);
    free(cert);
    free(key);
    return 0;
}
