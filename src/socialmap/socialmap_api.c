/*
 * socialmap_api.c - the social map in the JSON API (bearer token):
 *   GET  /api/v1/services?q=&domain=&target=&line=&language=&free=&cost=&age=&household=&km=&lat=&lon=&sort=&limit=&offset=
 *   GET  /api/v1/services/{key}          HSDS service object plus "wijkteam" (the team's own fields, with the
 *                                        check dates of the service's contacts and schedules)
 *   POST /api/v1/services                an HSDS service object (nested objects allowed), optional "wijkteam"
 *   PUT  /api/v1/services/{key}
 *   GET  /api/v1/organizations?q=  GET/PUT /api/v1/organizations/{key}  POST /api/v1/organizations
 *   GET  /api/v1/taxonomy_terms?taxonomy_id=   POST /api/v1/taxonomy_terms   PUT /api/v1/taxonomy_terms/{key}
 *   GET  /api/v1/socialmap/check          what has not been checked for a year (as the page /socialmap/check)
 *   POST /api/v1/{services,organizations,locations,contacts,schedules,taxonomy_terms}/{key}/checked
 *                                         marks an entry as checked today
 * Writes go through the same importer as `wijkteam socialmap import`, so the
 * API accepts exactly what the standard describes; problems come back per
 * field ("service_at_locations[0].location.latitude").
 */
#include "socialmap_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "hsds_io.h"

#include <stdlib.h>
#include <string.h>

static json_t *set_json(const char *set)
{
    json_t *arr = json_array();
    const char *p = set ? set : "";
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n)
            json_array_append_new(arr, json_stringn(p, n));
        p += n;
    }
    return arr;
}

static json_t *age_json(int age)
{
    return age < 0 ? json_null() : json_integer(age);
}

json_t *socialmap_service_json(const sm_service *s)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:b, s:o, s:o, s:b}",
                          "id", s->id, "organization_id", s->organization_id, "organization_name", s->organization_name,
                          "name", s->name, "status", json_str_or_null(s->status), "description",
                          json_str_or_null(s->description), "application_process", json_str_or_null(s->application_process),
                          "eligibility_description", json_str_or_null(s->eligibility_description), "minimum_age",
                          age_json(s->minimum_age), "maximum_age", age_json(s->maximum_age), "life_domains",
                          set_json(s->life_domains), "target_groups", set_json(s->target_groups), "line",
                          json_str_or_null(s->line), "free_of_charge", s->free_of_charge, "published", s->published,
                          "internal_note", json_str_or_null(s->internal_note), "last_checked",
                          json_str_or_null(s->assured_date), "needs_check", s->needs_check);
    json_object_set_new(o, "cost", set_json(s->cost));
    return o;
}

static bool query_int(http_request *req, const char *name, int64_t lo, int64_t hi, int64_t *out, errors *e)
{
    const char *v = req_query(req, name);
    if (!v || !*v)
        return false;
    if (!text_parse_int64(v, out) || *out < lo || *out > hi) {
        errors_add(e, name, _("Moet een geheel getal binnen de grenzen zijn."));
        return false;
    }
    return true;
}

static double query_real(http_request *req, const char *name, double def, errors *e, bool *present)
{
    const char *v = req_query(req, name);
    double d = def;
    *present = false;
    if (!v || !*v)
        return def;
    if (!hsds_number_parse(v, &d)) {
        errors_add(e, name, _("Moet een getal zijn."));
        return def;
    }
    *present = true;
    return d;
}

static const char *query_text(http_request *req, const char *name)
{
    const char *v = req_query(req, name);
    return v && *v ? v : NULL;
}

static void get_services(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    sm_query q;
    sm_query_init(&q);
    q.q = query_text(req, "q");
    q.domain = query_text(req, "domain");
    q.target = query_text(req, "target");
    q.line = query_text(req, "line");
    q.language = query_text(req, "language");
    q.sort = query_text(req, "sort");
    q.postcode = query_text(req, "postcode");
    q.cost = query_text(req, "cost");
    q.free_only = query_text(req, "free") && strcmp(req_query(req, "free"), "true") == 0;
    q.include_ended = query_text(req, "ended") && strcmp(req_query(req, "ended"), "true") == 0;
    int64_t v;
    if (query_int(req, "age", 0, 120, &v, &e))
        q.age = (int)v;
    if (query_int(req, "household", 1, INT64_MAX, &v, &e))
        q.household_id = v;
    bool has_lat, has_lon, has_km;
    q.lat = query_real(req, "lat", 0, &e, &has_lat);
    q.lon = query_real(req, "lon", 0, &e, &has_lon);
    q.km = query_real(req, "km", 2, &e, &has_km);
    q.has_point = has_lat && has_lon && !q.household_id;
    if (has_lat != has_lon)
        errors_add(&e, has_lat ? "lon" : "lat", _("Geef zowel lat als lon."));
    api_paging(req, &q.limit, &q.offset);
    if (q.limit > 100)
        q.limit = 100;
    sm_hit *hits;
    int n = 0;
    bool more = false;
    const char *origin = NULL;
    wt_status st = e.count ? WT_INVALID : socialmap_search(&req->ctx, &q, &e, &hits, &n, &more, &origin, NULL);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++) {
        json_t *o = socialmap_service_json(&hits[i].s);
        json_object_set_new(o, "distance_km", hits[i].distance_km >= 0 ? json_real(hits[i].distance_km) : json_null());
        json_object_set_new(o, "relevance", json_integer(hits[i].relevance));
        json_object_set_new(o, "location_name", json_str_or_null(hits[i].location_name));
        json_object_set_new(o, "address", json_str_or_null(hits[i].address));
        json_array_append_new(items, o);
    }
    api_reply(req, 200, json_pack("{s:o, s:b, s:i, s:i, s:o}", "items", items, "more", more, "limit", q.limit,
                                  "offset", q.offset, "origin", json_str_or_null(origin)));
}

/* The date of the last check of a service's own rows of resource: [{id, last_checked, needs_check}]. */
static wt_status checked_json(http_request *req, const char *resource, const char *service_id, json_t **out)
{
    hsds_row *rows;
    int n = 0;
    const char **dates = NULL;
    *out = json_array();
    wt_status st = socialmap_children(&req->ctx, resource, "service_id", service_id, &rows, &n);
    if (st == WT_OK)
        st = socialmap_checked_dates(&req->ctx, resource, rows, n, &dates);
    for (int i = 0; st == WT_OK && i < n; i++)
        json_array_append_new(*out, json_pack("{s:s, s:o, s:b}", "id", hsds_get(&rows[i], "id"), "last_checked",
                                              json_str_or_null(dates[i]), "needs_check",
                                              sm_needs_check(dates[i], date_today())));
    return st;
}

static void get_service(http_request *req)
{
    sm_service s;
    hsds_row row;
    long received = 0, accepted = 0;
    wt_status st = socialmap_service_get(&req->ctx, req->keys[0], &s);
    if (st == WT_OK)
        st = socialmap_get(&req->ctx, "service", req->keys[0], &row);
    if (st == WT_OK)
        st = socialmap_referral_counts(&req->ctx, req->keys[0], &received, &accepted);
    json_t *contacts = NULL, *schedules = NULL;
    if (st == WT_OK)
        st = checked_json(req, "contact", req->keys[0], &contacts);
    if (st == WT_OK)
        st = checked_json(req, "schedule", req->keys[0], &schedules);
    if (st != WT_OK) {
        json_decref(contacts);
        json_decref(schedules);
        api_status(req, st, NULL);
        return;
    }
    json_t *o = hsds_compile(&req->ctx, &row, 0);
    json_t *w = socialmap_service_json(&s);
    json_object_set_new(w, "contacts", contacts);
    json_object_set_new(w, "schedules", schedules);
    json_object_set_new(w, "referrals", json_pack("{s:I,s:I}", "received", (json_int_t)received, "accepted",
                                                  (json_int_t)accepted));
    json_object_set_new(o, "wijkteam", w);
    api_reply(req, 200, o);
}

/* Takes the "wijkteam" member off an object; false (after answering 400) when it is malformed. */
static bool take_wijkteam(http_request *req, json_t *body, bool *has, bool *published, const char **note)
{
    json_t *w = json_object_get(body, "wijkteam");
    *has = false;
    if (!w)
        return true;
    errors e;
    errors_init(&e, req->a);
    if (!json_is_object(w)) {
        errors_add(&e, "wijkteam", _("Verwacht een object."));
    } else {
        json_t *p = json_object_get(w, "published");
        *published = !p || json_is_true(p);
        if (p && !json_is_boolean(p))
            errors_add(&e, "wijkteam.published", _("Moet true of false zijn."));
        const char *n = api_str(w, "internal_note", &e);
        *note = n ? arena_strdup(req->a, n) : NULL;
        *has = true;
    }
    if (e.count) {
        api_invalid(req, &e);
        return false;
    }
    json_object_del(body, "wijkteam");
    return true;
}

/* POST (key NULL) or PUT of an HSDS object of kind. */
static void save_object(http_request *req, const char *kind, const char *key)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    bool has_w = false, published = true;
    const char *note = NULL;
    errors e;
    errors_init(&e, req->a);
    if (strcmp(kind, "service") == 0 && !take_wijkteam(req, body, &has_w, &published, &note)) {
        json_decref(body);
        return;
    }
    json_t *id = json_object_get(body, "id");
    if (key && id && (!json_is_string(id) || strcasecmp(json_string_value(id), key) != 0))
        errors_add(&e, "id", _("De id in het object verschilt van de id in het adres."));
    hsds_row existing;
    wt_status st = e.count ? WT_INVALID : WT_OK;
    if (st == WT_OK && key)
        st = socialmap_get(&req->ctx, kind, key, &existing);
    if (st == WT_OK && !id)
        json_object_set_new(body, "id", json_string(key ? key : sm_uuid_new(req->a)));
    const char *new_id = NULL;
    if (st == WT_OK)
        st = hsds_import_object(&req->ctx, body, kind, &e, &new_id);
    json_decref(body);
    if (st == WT_OK && has_w)
        st = socialmap_set_service_internal(&req->ctx, new_id, published, note);
    sm_service s;
    if (st == WT_OK && strcmp(kind, "service") == 0)
        st = socialmap_service_get(&req->ctx, new_id, &s);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    if (strcmp(kind, "service") == 0)
        api_reply(req, key ? 200 : 201, socialmap_service_json(&s));
    else
        api_reply(req, key ? 200 : 201, json_pack("{s:s}", "id", new_id));
    if (!key)
        resp_header(req, "Location", arena_printf(req->a, "/api/v1/%ss/%s", kind, new_id));
}

static void post_service(http_request *req)
{
    save_object(req, "service", NULL);
}

static void put_service(http_request *req)
{
    save_object(req, "service", req->keys[0]);
}

static void post_organization(http_request *req)
{
    save_object(req, "organization", NULL);
}

static void put_organization(http_request *req)
{
    save_object(req, "organization", req->keys[0]);
}

static void get_organizations(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    hsds_row *rows;
    int n = 0;
    bool more = false;
    wt_status st = socialmap_organizations(&req->ctx, req_query(req, "q"), limit, offset, &rows, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, hsds_row_json(&rows[i]));
    api_reply(req, 200, json_pack("{s:o, s:b, s:i, s:i}", "items", items, "more", more, "limit", limit, "offset", offset));
}

static void get_organization(http_request *req)
{
    hsds_row row;
    wt_status st = socialmap_get(&req->ctx, "organization", req->keys[0], &row);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, hsds_compile(&req->ctx, &row, HSDS_ORG_SERVICES));
}

/* ---- taxonomy terms ------------------------------------------------------------------------------------------- */

static bool fixed_taxonomy(const char *id)
{
    return id && (strcmp(id, SM_TAXONOMY_DOMAINS) == 0 || strcmp(id, SM_TAXONOMY_TARGETS) == 0 ||
                  strcmp(id, SM_TAXONOMY_LINE) == 0);
}

/* A term with wijkteam's own members: fixed (one of wijkteam's taxonomies), last_checked and needs_check. */
static json_t *term_json(const hsds_row *t, const char *last_checked)
{
    json_t *o = hsds_row_json(t);
    json_object_set_new(o, "fixed", json_boolean(fixed_taxonomy(hsds_get(t, "taxonomy_id"))));
    json_object_set_new(o, "last_checked", json_str_or_null(last_checked));
    json_object_set_new(o, "needs_check", json_boolean(sm_needs_check(last_checked, date_today())));
    return o;
}

static wt_status append_terms(http_request *req, const char *taxonomy_id, json_t *items)
{
    hsds_row *terms;
    int n = 0;
    const char **checked = NULL;
    wt_status st = socialmap_terms(&req->ctx, taxonomy_id, &terms, &n);
    if (st == WT_OK)
        st = socialmap_checked_dates(&req->ctx, "taxonomy_term", terms, n, &checked);
    for (int i = 0; st == WT_OK && i < n; i++)
        json_array_append_new(items, term_json(&terms[i], checked[i]));
    return st;
}

static void get_terms(http_request *req)
{
    const char *tid = query_text(req, "taxonomy_id");
    json_t *items = json_array();
    wt_status st;
    if (tid) {
        hsds_row tax;
        st = socialmap_get(&req->ctx, "taxonomy", tid, &tax);
        if (st == WT_NOTFOUND) {
            errors e;
            errors_init(&e, req->a);
            errors_add(&e, "taxonomy_id", _("Deze indeling bestaat niet."));
            json_decref(items);
            api_invalid(req, &e);
            return;
        }
        if (st == WT_OK)
            st = append_terms(req, tid, items);
    } else {
        hsds_row *taxes;
        int nt = 0;
        st = socialmap_taxonomies(&req->ctx, &taxes, &nt);
        for (int i = 0; st == WT_OK && i < nt; i++)
            st = append_terms(req, hsds_get(&taxes[i], "id"), items);
    }
    if (st != WT_OK) {
        json_decref(items);
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

/* The date of the last check an edit gives: the body's last_checked (null: never), else today. */
static const char *body_checked(http_request *req, json_t *body, errors *e)
{
    json_t *v = json_object_get(body, "last_checked");
    if (!v)
        return date_today_iso(req->a);
    const char *s = api_str(body, "last_checked", e);
    return s ? arena_strdup(req->a, s) : NULL;
}

/*
 * POST (key NULL) or PUT of a term of the team's own categories: taxonomy_id, name, code, description, parent_id,
 * and last_checked (wijkteam's own; today when left out).
 */
static void save_term(http_request *req, const char *key)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    static const char *const known[] = {"taxonomy_id", "name", "code", "description", "parent_id", "last_checked", NULL};
    static const char *const ignored[] = {"id", "taxonomy", "language", "term_uri", "fixed", "needs_check", NULL};
    errors e;
    errors_init(&e, req->a);
    api_refuse_unknown(body, known, ignored, &e);
    const char *checked = body_checked(req, body, &e);
    json_t *id = json_object_get(body, "id");
    if (key && id && (!json_is_string(id) || strcasecmp(json_string_value(id), key) != 0))
        errors_add(&e, "id", _("De id in het object verschilt van de id in het adres."));
    hsds_row t;
    wt_status st = WT_OK;
    if (key) {
        st = socialmap_get(&req->ctx, "taxonomy_term", key, &t);
    } else {
        t = hsds_row_new(req->a, hsds_resource_by_name("taxonomy_term"));
        hsds_set_raw(&t, "language", "nl");
    }
    for (int i = 0; st == WT_OK && known[i]; i++) {
        if (!json_object_get(body, known[i]))
            continue;
        const char *v = api_str(body, known[i], &e);
        hsds_set(req->a, &t, known[i], v ? arena_strdup(req->a, v) : NULL);
    }
    json_decref(body);
    if (st == WT_OK && !hsds_get(&t, "description") && hsds_get(&t, "name"))
        hsds_set_raw(&t, "description", hsds_get(&t, "name"));
    if (st == WT_OK && e.count)
        st = WT_INVALID;
    if (st == WT_OK)
        st = socialmap_save_term(&req->ctx, &t, checked, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, key ? 200 : 201, term_json(&t, checked));
    if (!key)
        resp_header(req, "Location", arena_printf(req->a, "/api/v1/taxonomy_terms/%s", hsds_get(&t, "id")));
}

static void post_term(http_request *req)
{
    save_term(req, NULL);
}

static void put_term(http_request *req)
{
    save_term(req, req->keys[0]);
}

/* ---- what to check -------------------------------------------------------------------------------------------- */

/* What the check list holds besides services: the kind and its member in the answer. */
static const struct {
    const char *resource, *member;
} stale_kinds[] = {
    {"organization", "organizations"}, {"location", "locations"}, {"contact", "contacts"},
    {"schedule", "schedules"},         {"taxonomy_term", "taxonomy_terms"},
};

static wt_status stale_json(http_request *req, const char *resource, json_t **out)
{
    sm_stale *rows;
    int n = 0;
    wt_status st = socialmap_stale(&req->ctx, resource, SM_STALE_MAX, &rows, &n);
    *out = json_array();
    for (int i = 0; st == WT_OK && i < n; i++) {
        json_t *o = json_pack("{s:s, s:s, s:o, s:b}", "id", rows[i].id, "name", rows[i].name, "last_checked",
                              json_str_or_null(rows[i].last_checked), "needs_check", true);
        if (strcmp(resource, "organization") != 0 && strcmp(resource, "taxonomy_term") != 0)
            json_object_set_new(o, "organization_id", json_str_or_null(rows[i].organization_id));
        if (strcmp(resource, "contact") == 0 || strcmp(resource, "schedule") == 0)
            json_object_set_new(o, "service_id", json_str_or_null(rows[i].service_id));
        json_array_append_new(*out, o);
    }
    return st;
}

static void get_check(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    if (limit > 100)
        limit = 100;
    sm_service *svcs;
    int n = 0;
    bool more = false;
    wt_status st = socialmap_to_check(&req->ctx, limit, offset, &svcs, &n, &more);
    json_t *items = json_array();
    for (int i = 0; st == WT_OK && i < n; i++)
        json_array_append_new(items, socialmap_service_json(&svcs[i]));
    json_t *o = json_pack("{s:i, s:o, s:b, s:i, s:i}", "check_days", SM_CHECK_DAYS, "services", items, "more", more,
                          "limit", limit, "offset", offset);
    for (size_t k = 0; st == WT_OK && k < sizeof stale_kinds / sizeof stale_kinds[0]; k++) {
        json_t *list;
        st = stale_json(req, stale_kinds[k].resource, &list);
        json_object_set_new(o, stale_kinds[k].member, list);
    }
    if (st != WT_OK) {
        json_decref(o);
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, 200, o);
}

/* POST /api/v1/.../{key}/checked of each kind of entry: the kind is the route's arg. */
static void post_checked(http_request *req)
{
    wt_status st = socialmap_mark_checked(&req->ctx, req->route_arg, req->keys[0]);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    /* socialmap_mark_checked sets today: no need to read it back */
    api_reply(req, 200, json_pack("{s:s, s:s, s:b}", "id", req->keys[0], "last_checked", date_today_iso(req->a),
                                  "needs_check", false));
}

void socialmap_api_routes(void)
{
    router_add("GET", "/api/v1/services", get_services, ROUTE_API);
    router_add("POST", "/api/v1/services", post_service, ROUTE_API);
    router_add("GET", "/api/v1/services/{key}", get_service, ROUTE_API);
    router_add("PUT", "/api/v1/services/{key}", put_service, ROUTE_API);
    router_add("GET", "/api/v1/organizations", get_organizations, ROUTE_API);
    router_add("POST", "/api/v1/organizations", post_organization, ROUTE_API);
    router_add("GET", "/api/v1/organizations/{key}", get_organization, ROUTE_API);
    router_add("PUT", "/api/v1/organizations/{key}", put_organization, ROUTE_API);
    router_add_arg("POST", "/api/v1/services/{key}/checked", post_checked, ROUTE_API, "service");
    router_add_arg("POST", "/api/v1/organizations/{key}/checked", post_checked, ROUTE_API, "organization");
    router_add_arg("POST", "/api/v1/locations/{key}/checked", post_checked, ROUTE_API, "location");
    router_add_arg("POST", "/api/v1/contacts/{key}/checked", post_checked, ROUTE_API, "contact");
    router_add_arg("POST", "/api/v1/schedules/{key}/checked", post_checked, ROUTE_API, "schedule");
    router_add_arg("POST", "/api/v1/taxonomy_terms/{key}/checked", post_checked, ROUTE_API, "taxonomy_term");
    router_add("GET", "/api/v1/socialmap/check", get_check, ROUTE_API);
    router_add("GET", "/api/v1/taxonomy_terms", get_terms, ROUTE_API);
    router_add("POST", "/api/v1/taxonomy_terms", post_term, ROUTE_API);
    router_add("PUT", "/api/v1/taxonomy_terms/{key}", put_term, ROUTE_API);
}
