/* dispatch.c - the request pipeline (see dispatch.h). */
#include "dispatch.h"
#include "../access/audit.h"
#include "../core/i18n.h"
#include "../core/log.h"
#include "../db/pool.h"
#include "../user/session.h"
#include "api.h"
#include "page.h"
#include "router.h"
#include "static_files.h"

#include <sodium.h>
#include <string.h>

bool bench_bare_enabled;

void http_error(http_request *req, int status, const char *message)
{
    if (req->is_api) {
        const char *code = status == 401 ? "unauthorized" : status == 403 ? "forbidden"
                         : status == 404 ? "not_found" : status == 405 ? "method_not_allowed"
                         : status == 413 ? "too_large" : status == 503 ? "unavailable" : "error";
        api_error(req, status, code, message);
    } else {
        page_error(req, status, message);
    }
}

static bool serve_static(http_request *req)
{
    const char *data, *mime;
    size_t len;
    bool hashed;
    if (!static_find(req->path, &data, &len, &mime, &hashed))
        return false;
    req->status = 200;
    req->content_type = mime;
    buf_append(&req->out, data, len);
    resp_header(req, "Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
    return true;
}

static const char *bearer_token(http_request *req)
{
    const char *h = req_header(req, "Authorization");
    if (h && strncmp(h, "Bearer ", 7) == 0)
        return h + 7;
    return NULL;
}

/* Finds who sends the request; false (after a 503) when the database cannot say. */
static bool authenticate(http_request *req, db *c)
{
    const char *token = req->is_api ? bearer_token(req) : req_cookie(req, SESSION_COOKIE);
    if (!token)
        return true;
    wt_status st = session_lookup(c, req->a, token, req->is_api, &req->session, &req->ctx.who);
    if (st == WT_OK)
        return true;
    memset(&req->session, 0, sizeof(req->session));
    memset(&req->ctx.who, 0, sizeof(req->ctx.who));
    if (st == WT_UNAVAILABLE || st == WT_DBERROR) {
        /* Not "logged out": the session may well be valid once the database answers again. */
        http_error(req, 503, _("De database is tijdelijk niet bereikbaar."));
        return false;
    }
    return true;
}

static bool csrf_ok(http_request *req)
{
    const char *sent = kv_get(&req->form, "_csrf");
    const char *want = req->session.csrf;
    if (!sent || !want || strlen(sent) != strlen(want))
        return false;
    return sodium_memcmp(sent, want, strlen(want)) == 0;
}

static bool is_form(const http_request *req)
{
    const char *ct = req_header(req, "Content-Type");
    return ct && strncmp(ct, "application/x-www-form-urlencoded", 33) == 0;
}

static void require_login(http_request *req)
{
    if (req->is_api) {
        http_error(req, 401, _("Log in met POST /api/v1/session en stuur het token als Bearer."));
        resp_header(req, "WWW-Authenticate", "Bearer");
        return;
    }
    buf q = BUF_INIT;
    buf_puts(&q, "/login?next=");
    for (const char *p = req->path; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '/' || ch == '-' || ch == '_')
            buf_putc(&q, (char)ch);
    }
    resp_redirect(req, buf_str(&q));
    buf_free(&q);
}

/* Writes the queued audit entries in a transaction of their own. */
static wt_status flush_reads(http_request *req, db *c)
{
    if (!audit_pending(&req->ctx))
        return WT_OK;
    wt_status st = db_begin_write(c);
    if (st == WT_OK)
        st = audit_flush(&req->ctx, false);
    if (st == WT_OK)
        st = db_commit(c);
    else
        db_rollback(c);
    return st;
}

static void run_handler(http_request *req, const route *rt, db *c)
{
    bool write = strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0;
    if (!write) {
        rt->handler(req);
        if (flush_reads(req, c) != WT_OK) {
            log_error("msg=\"audit write failed; answer withheld\" route=\"%s\"", rt->pattern);
            http_error(req, 503, _("Het vastleggen van de inzage lukte niet; probeer het opnieuw."));
        }
        return;
    }
    if (db_begin_write(c) != WT_OK) {
        http_error(req, 503, _("De database is bezet; probeer het opnieuw."));
        return;
    }
    rt->handler(req);
    bool keep = req->status < 400 || req->force_commit;
    wt_status st = keep ? audit_flush(&req->ctx, true) : WT_OK;
    if (keep && st == WT_OK)
        st = db_commit(c);
    if (!keep || st != WT_OK) {
        db_rollback(c);
        if (keep) {
            log_error("msg=\"commit failed\" route=\"%s\" error=\"%s\"", rt->pattern, wt_status_name(st));
            http_error(req, 503, _("Opslaan lukte niet; er is niets gewijzigd. Probeer het opnieuw."));
        }
        if (flush_reads(req, c) != WT_OK)
            http_error(req, 503, _("Het vastleggen van de inzage lukte niet; probeer het opnieuw."));
    }
}

void dispatch(http_request *req)
{
    req->is_api = strncmp(req->path, "/api/", 5) == 0 || strncmp(req->path, "/hsds/", 6) == 0;
    if ((strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0) && serve_static(req))
        return;
    if (strcmp(req->path, "/healthz") == 0) {
        resp_text(req, 200, "text/plain; charset=utf-8", "ok\n");
        return;
    }
    if (bench_bare_enabled && strcmp(req->path, "/bench/bare") == 0) {
        /* The benchmarks' baseline: a fixed 2 KB page through the same server, no database. */
        req->status = 200;
        for (int i = 0; i < 32; i++)
            buf_puts(&req->out, "<p>wijkteam baseline page for benchmarks: a fixed paragraph of text.</p>\n");
        return;
    }
    int mismatch = 0;
    const route *rt = router_match(req->method, req->path, req, &mismatch);
    if (!rt) {
        http_error(req, mismatch ? 405 : 404, mismatch ? _("Deze methode is hier niet toegestaan.")
                                                       : _("Deze pagina bestaat niet."));
        return;
    }
    if (req->body_too_large) {
        http_error(req, 413, _("Het verzoek is te groot."));
        return;
    }
    db *c = db_pool_get();
    if (!c) {
        http_error(req, 503, _("De database is tijdelijk niet bereikbaar."));
        return;
    }
    req->ctx.db = c;
    req->ctx.a = req->a;
    if (is_form(req))
        parse_urlencoded(req->a, &req->form, req->body ? req->body : "", req->body_len);
    if (!authenticate(req, c))
        return;
    bool logged_in = req->ctx.who.user_id != 0;
    if (!(rt->flags & ROUTE_PUBLIC) && !logged_in) {
        require_login(req);
        return;
    }
    bool write = strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0;
    if (write && !req->is_api && logged_in && !csrf_ok(req)) {
        http_error(req, 403, _("Het formulier is verlopen of niet van deze site. Laad de pagina opnieuw."));
        return;
    }
    run_handler(req, rt, c);
}
