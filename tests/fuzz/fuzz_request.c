/*
 * fuzz_request.c - libFuzzer harness for everything a request body or URL
 * goes through before a handler: URL-encoded form parsing, cookie lookup,
 * route matching, the HTML escaper and the text helpers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/date.h"
#include "../../src/core/text.h"
#include "../../src/http/html.h"
#include "../../src/http/request.h"
#include "../../src/http/router.h"

static void noop(http_request *req) { (void)req; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int routes_ready;
    if (!routes_ready) {
        router_add("GET", "/cases/{id}", noop, 0);
        router_add("POST", "/cases/{id}/goals/{id}", noop, 0);
        router_add("GET", "/search", noop, 0);
        routes_ready = 1;
    }
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = '\0';

    http_request req;
    request_init(&req);
    parse_urlencoded(req.a, &req.form, (const char *)data, size);
    for (int i = 0; i < req.form.n; i++) {
        html_text(&req.out, req.form.items[i].key);
        html_printf(&req.out, "<td title=\"%s\">%s</td>", req.form.items[i].value, req.form.items[i].value);
        (void)text_fold(req.a, req.form.items[i].value);
        (void)text_utf8_len(req.form.items[i].value);
        (void)text_trim(req.a, req.form.items[i].value);
    }
    kv_add(req.a, &req.headers, "Cookie", s);
    (void)req_cookie(&req, "wt_session");
    int mismatch = 0;
    (void)router_match("GET", s, &req, &mismatch);
    (void)router_match("POST", s, &req, &mismatch);
    wt_date d;
    (void)date_parse(s, &d);
    int64_t v;
    (void)text_parse_int64(s, &v);
    html_url_component(&req.out, s);
    request_free(&req);
    free(s);
    return 0;
}
