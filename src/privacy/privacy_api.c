/*
 * privacy_api.c - the resident's rights over JSON (see privacy_api.h):
 *   GET  /api/v1/persons/{id}/file      his complete file (AVG art. 15)
 *   GET  /api/v1/persons/{id}/file.pdf  the same as the PDF for the resident
 *   POST /api/v1/persons/{id}/erasure   erasure (art. 17): {"ground": "request", "confirm": true}
 * The same rules as the pages (privacy.h).
 */
#include "privacy_api.h"
#include "../http/api.h"
#include "../http/router.h"
#include "privacy.h"
#include "privacy_pdf.h"

#include <string.h>

static json_t *section_json(const pf_section *s)
{
    json_t *fields = json_array();
    if (s->n > 0)
        for (int j = 0; j < s->records[0].n; j++)
            json_array_append_new(fields, json_pack("{s:s, s:s}", "key", s->records[0].fields[j].key, "label",
                                                    s->records[0].fields[j].label));
    json_t *records = json_array();
    for (int i = 0; i < s->n; i++) {
        json_t *r = json_object();
        for (int j = 0; j < s->records[i].n; j++)
            json_object_set_new(r, s->records[i].fields[j].key, json_str_or_null(s->records[i].fields[j].value));
        json_array_append_new(records, r);
    }
    return json_pack("{s:s, s:s, s:s, s:o, s:o}", "key", s->key, "title", s->title, "about", s->about, "fields", fields,
                     "records", records);
}

static void get_file(http_request *req)
{
    pf_file f;
    wt_status st = privacy_person_file(&req->ctx, req->ids[0], &f);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *sections = json_array();
    for (int i = 0; i < f.n; i++)
        json_array_append_new(sections, section_json(&f.sections[i]));
    req->no_store = true;
    api_reply(req, 200, json_pack("{s:I, s:I, s:s, s:o, s:s, s:o, s:o}", "person_id", (json_int_t)f.person_id,
                                  "household_id", (json_int_t)f.household_id, "name", f.name, "team",
                                  json_str_or_null(f.team_name), "generated_at", f.generated_at, "generated_by",
                                  json_str_or_null(f.generated_by), "sections", sections));
}

static void get_file_pdf(http_request *req)
{
    pf_file f;
    wt_status st = privacy_person_file(&req->ctx, req->ids[0], &f);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    buf pdf = BUF_INIT;
    if (privacy_pdf(&f, req->a, &pdf) != WT_OK) {
        buf_free(&pdf);
        api_status(req, WT_DBERROR, NULL);
        return;
    }
    req->status = 200;
    req->content_type = "application/pdf";
    req->no_store = true;
    buf_reset(&req->out);
    buf_append(&req->out, pdf.data, pdf.len);
    buf_free(&pdf);
}

static void post_erasure(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    static const char *const known[] = {"ground", "confirm", NULL};
    api_refuse_unknown(body, known, NULL, &e);
    const char *g = api_str(body, "ground", &e);
    const char *ground = g ? arena_strdup(req->a, g) : NULL;
    bool confirm = api_bool(body, "confirm", &e);
    json_decref(body);
    retention_tally removed;
    int64_t hh = 0;
    bool left = false;
    wt_status st = e.count ? WT_INVALID
                           : privacy_person_erase(&req->ctx, req->ids[0], ground, confirm, &e, &removed, &hh, &left);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    json_t *counts = json_object();
    for (int i = 0; i < removed.used; i++)
        if (removed.n[i] > 0)
            json_object_set_new(counts, removed.table[i], json_integer(removed.n[i]));
    api_reply(req, 200, json_pack("{s:I, s:I, s:b, s:o}", "person_id", (json_int_t)req->ids[0], "household_id",
                                  (json_int_t)hh, "household_anonymised", !left, "removed", counts));
}

void privacy_api_routes(void)
{
    router_add("GET", "/api/v1/persons/{id}/file", get_file, ROUTE_API);
    router_add("GET", "/api/v1/persons/{id}/file.pdf", get_file_pdf, ROUTE_API);
    router_add("POST", "/api/v1/persons/{id}/erasure", post_erasure, ROUTE_API);
}
