/*
 * hsds_api.c - the read-only HSDS 3.0 API under /hsds/, as the standard's
 * openapi.json describes it: public (other directories read the team's map),
 * only the published services, never wijkteam's internal fields. Lists come
 * in the standard's Page shape: total_items, total_pages, page_number, size,
 * first_page, last_page, empty, contents.
 */
#include "hsds_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "hsds_io.h"
#include "socialmap.h"

#include <string.h>

#define HSDS_PER_PAGE 50
#define HSDS_PER_PAGE_MAX 200

typedef struct paging {
    int page, per_page;
} paging;

static paging read_paging(http_request *req)
{
    paging p = {1, HSDS_PER_PAGE};
    int64_t v;
    if (text_parse_int64(req_query(req, "page"), &v) && v >= 1 && v <= 100000)
        p.page = (int)v;
    if (text_parse_int64(req_query(req, "per_page"), &v) && v >= 1)
        p.per_page = v > HSDS_PER_PAGE_MAX ? HSDS_PER_PAGE_MAX : (int)v;
    return p;
}

/* Open data: cacheable for a while, readable by other sites' scripts. */
static void public_answer(http_request *req)
{
    req->no_store = false;
    resp_header(req, "Cache-Control", "public, max-age=300");
    resp_header(req, "Access-Control-Allow-Origin", "*");
}

static void reply_page(http_request *req, paging p, long total, json_t *contents)
{
    long pages = total == 0 ? 0 : (total + p.per_page - 1) / p.per_page;
    json_t *o = json_pack("{s:I, s:I, s:i, s:I, s:b, s:b, s:b, s:o}", "total_items", (json_int_t)total, "total_pages",
                          (json_int_t)pages, "page_number", p.page, "size", (json_int_t)json_array_size(contents),
                          "first_page", p.page == 1, "last_page", p.page >= pages, "empty", total == 0, "contents",
                          contents);
    api_reply(req, 200, o);
    public_answer(req);
}

static bool flag(http_request *req, const char *name)
{
    const char *v = req_query(req, name);
    return v && strcmp(v, "true") == 0;
}

/* ?postcode=&proximity= (metres, default 2000): the distance part of a query; false after answering 400. */
static bool proximity(http_request *req, sm_query *q)
{
    const char *pc = req_query(req, "postcode"), *m = req_query(req, "proximity");
    double metres = 2000;
    if (m && (!hsds_number_parse(m, &metres) || metres < 100 || metres > 100000)) {
        api_error(req, 400, "invalid", _("De parameter proximity is een afstand in meters van 100 tot 100000."));
        return false;
    }
    if (pc && *pc) {
        q->postcode = pc;
        q->km = metres / 1000.0;
    }
    return true;
}

static bool bad_id_param(http_request *req, const char *name)
{
    const char *v = req_query(req, name);
    if (v && !hsds_uuid_valid(v)) {
        api_error(req, 400, "invalid", arena_printf(req->a, _("De parameter %s is geen geldige id."), name));
        return true;
    }
    return false;
}

/*
 * ?format= of the lists: the standard's default "json" is what every list answers; its optional "ndjson"
 * (every result, unpaged) is not offered, so it and anything else is refused naming the parameter.
 */
static bool bad_format(http_request *req)
{
    const char *v = req_query(req, "format");
    if (!v || !*v || strcmp(v, "json") == 0)
        return false;
    errors e;
    errors_init(&e, req->a);
    errors_add(&e, "format", _("Alleen format=json wordt ondersteund; blader met page en per_page."));
    api_invalid(req, &e);
    return true;
}

static void get_meta(http_request *req)
{
    api_reply(req, 200,
              json_pack("{s:s, s:s, s:s}", "version", "3.0", "profile", "https://openreferral.org/hsds",
                        "openapi_url", "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"));
}

static void get_services(http_request *req)
{
    if (bad_format(req) || bad_id_param(req, "organization_id") || bad_id_param(req, "taxonomy_term_id") || bad_id_param(req, "taxonomy_id"))
        return;
    paging p = read_paging(req);
    sm_query q;
    sm_query_init(&q);
    q.q = req_query(req, "search");
    q.organization_id = req_query(req, "organization_id");
    q.taxonomy_term_id = req_query(req, "taxonomy_term_id");
    q.taxonomy_id = req_query(req, "taxonomy_id");
    q.modified_after = req_query(req, "modified_after");
    if (!proximity(req, &q))
        return;
    q.published_only = true;
    q.include_ended = true;
    q.sort = "name";
    q.limit = p.per_page;
    q.offset = (p.page - 1) * p.per_page;
    errors e;
    errors_init(&e, req->a);
    sm_hit *hits;
    int n = 0;
    bool more;
    const char *origin;
    long total = 0;
    wt_status st = socialmap_search(&req->ctx, &q, &e, &hits, &n, &more, &origin, &total);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    bool minimal = flag(req, "minimal"), full = flag(req, "full");
    json_t *contents = json_array();
    for (int i = 0; i < n; i++) {
        hsds_row row;
        if (socialmap_published_get(&req->ctx, "service", hits[i].s.id, &row) != WT_OK)
            continue;
        json_t *o = full && !minimal ? hsds_compile(&req->ctx, &row, 0) : hsds_row_json(&row);
        if (minimal) {
            json_t *m = json_pack("{s:O}", "id", json_object_get(o, "id"));
            if (json_object_get(o, "last_modified"))
                json_object_set(m, "last_modified", json_object_get(o, "last_modified"));
            json_decref(o);
            o = m;
        }
        json_array_append_new(contents, o);
    }
    reply_page(req, p, total, contents);
}

static void get_service(http_request *req)
{
    hsds_row row;
    wt_status st = socialmap_published_get(&req->ctx, "service", req->keys[0], &row);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, hsds_compile(&req->ctx, &row, 0));
    public_answer(req);
}

static json_t *published_services(http_request *req, const char *org_id, bool full);

static void get_organizations(http_request *req)
{
    if (bad_format(req))
        return;
    paging p = read_paging(req);
    hsds_row *rows;
    int n = 0;
    long total = 0;
    sm_list_query lq = {"organization", NULL, NULL, req_query(req, "search"), false, p.per_page, (p.page - 1) * p.per_page};
    wt_status st = socialmap_list(&req->ctx, &lq, &rows, &n, &total);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    bool full = flag(req, "full"), full_service = flag(req, "full_service");
    json_t *contents = json_array();
    for (int i = 0; i < n; i++) {
        json_t *o = full || full_service ? hsds_compile(&req->ctx, &rows[i], 0) : hsds_row_json(&rows[i]);
        if (full_service)
            json_object_set_new(o, "services", published_services(req, hsds_get(&rows[i], "id"), true));
        json_array_append_new(contents, o);
    }
    reply_page(req, p, total, contents);
}

/* The organisation's published services (their own fields), as the API's organization object lists them. */
static json_t *published_services(http_request *req, const char *org_id, bool full)
{
    json_t *arr = json_array();
    sm_query q;
    sm_query_init(&q);
    q.organization_id = org_id;
    q.published_only = true;
    q.include_ended = true;
    q.limit = 100;
    errors e;
    errors_init(&e, req->a);
    sm_hit *hits;
    int n = 0;
    bool more;
    const char *origin;
    if (socialmap_search(&req->ctx, &q, &e, &hits, &n, &more, &origin, NULL) != WT_OK)
        return arr;
    for (int i = 0; i < n; i++) {
        hsds_row row;
        if (socialmap_published_get(&req->ctx, "service", hits[i].s.id, &row) == WT_OK)
            json_array_append_new(arr, full ? hsds_compile(&req->ctx, &row, 0) : hsds_row_json(&row));
    }
    return arr;
}

static void get_organization(http_request *req)
{
    hsds_row row;
    wt_status st = socialmap_published_get(&req->ctx, "organization", req->keys[0], &row);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *o = hsds_compile(&req->ctx, &row, 0);
    json_object_set_new(o, "services", published_services(req, req->keys[0], flag(req, "full_service")));
    api_reply(req, 200, o);
    public_answer(req);
}

static void list_of(http_request *req, const char *resource, const char *field, const char *value)
{
    if (bad_format(req))
        return;
    paging p = read_paging(req);
    hsds_row *rows;
    int n = 0;
    long total = 0;
    sm_list_query lq = {resource, field, value, req_query(req, "search"), flag(req, "top_only"), p.per_page,
                        (p.page - 1) * p.per_page};
    wt_status st = socialmap_list(&req->ctx, &lq, &rows, &n, &total);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *contents = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(contents, hsds_row_json(&rows[i]));
    reply_page(req, p, total, contents);
}

static void get_taxonomies(http_request *req)
{
    list_of(req, "taxonomy", NULL, NULL);
}

static void get_taxonomy_terms(http_request *req)
{
    if (bad_id_param(req, "taxonomy_id") || bad_id_param(req, "parent_id"))
        return;
    if (req_query(req, "parent_id"))
        list_of(req, "taxonomy_term", "parent_id", req_query(req, "parent_id"));
    else if (req_query(req, "taxonomy_id"))
        list_of(req, "taxonomy_term", "taxonomy_id", req_query(req, "taxonomy_id"));
    else
        list_of(req, "taxonomy_term", NULL, NULL);
}

static void get_one(http_request *req, const char *resource)
{
    hsds_row row;
    wt_status st = socialmap_published_get(&req->ctx, resource, req->keys[0], &row);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, hsds_compile(&req->ctx, &row, 0));
    public_answer(req);
}

/* A service_at_location, fully nested, with its (published) service as the standard's object has it. */
static json_t *sal_json(http_request *req, const hsds_row *row)
{
    json_t *o = hsds_compile(&req->ctx, row, 0);
    hsds_row svc;
    if (socialmap_published_get(&req->ctx, "service", hsds_get(row, "service_id"), &svc) == WT_OK)
        json_object_set_new(o, "service", hsds_compile(&req->ctx, &svc, HSDS_SHALLOW));
    return o;
}

static void get_service_at_locations(http_request *req)
{
    if (bad_format(req) || bad_id_param(req, "organization_id") || bad_id_param(req, "taxonomy_term_id") || bad_id_param(req, "taxonomy_id"))
        return;
    paging p = read_paging(req);
    sm_query q;
    sm_query_init(&q);
    q.q = req_query(req, "search");
    q.organization_id = req_query(req, "organization_id");
    q.taxonomy_term_id = req_query(req, "taxonomy_term_id");
    q.taxonomy_id = req_query(req, "taxonomy_id");
    q.modified_after = req_query(req, "modified_after");
    q.include_ended = true;
    q.limit = p.per_page;
    q.offset = (p.page - 1) * p.per_page;
    if (!proximity(req, &q))
        return;
    errors e;
    errors_init(&e, req->a);
    hsds_row *rows;
    int n = 0;
    long total = 0;
    wt_status st = socialmap_published_sals(&req->ctx, &q, &e, &rows, &n, &total);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    bool full = flag(req, "full");
    json_t *contents = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(contents, full ? sal_json(req, &rows[i]) : hsds_row_json(&rows[i]));
    reply_page(req, p, total, contents);
}

static void get_service_at_location(http_request *req)
{
    hsds_row row;
    wt_status st = socialmap_published_get(&req->ctx, "service_at_location", req->keys[0], &row);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, sal_json(req, &row));
    public_answer(req);
}

static void get_taxonomy(http_request *req)
{
    get_one(req, "taxonomy");
}

static void get_taxonomy_term(http_request *req)
{
    get_one(req, "taxonomy_term");
}

void hsds_api_routes(void)
{
    unsigned f = ROUTE_PUBLIC | ROUTE_API;
    router_add("GET", "/hsds", get_meta, f);
    router_add("GET", "/hsds/services", get_services, f);
    router_add("GET", "/hsds/services/{key}", get_service, f);
    router_add("GET", "/hsds/organizations", get_organizations, f);
    router_add("GET", "/hsds/organizations/{key}", get_organization, f);
    router_add("GET", "/hsds/service_at_locations", get_service_at_locations, f);
    router_add("GET", "/hsds/service_at_locations/{key}", get_service_at_location, f);
    router_add("GET", "/hsds/taxonomies", get_taxonomies, f);
    router_add("GET", "/hsds/taxonomies/{key}", get_taxonomy, f);
    router_add("GET", "/hsds/taxonomy_terms", get_taxonomy_terms, f);
    router_add("GET", "/hsds/taxonomy_terms/{key}", get_taxonomy_term, f);
}
