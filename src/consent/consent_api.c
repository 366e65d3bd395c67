/*
 * consent_api.c - consents over JSON: list and record a household's
 * consents, read and withdraw one, and ask consent_allows() whether a
 * sharing is covered. The same rules as the pages (consent.h).
 */
#include "consent_api.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/api.h"
#include "../http/router.h"
#include "consent.h"

#include <string.h>

json_t *consent_kinds_json(const char *set)
{
    json_t *a = json_array();
    for (int k = 0; consent_data_kinds[k].code; k++)
        if (consent_set_has(set, consent_data_kinds[k].code))
            json_array_append_new(a, json_string(consent_data_kinds[k].code));
    return a;
}

static json_t *consent_json(const consent *k)
{
    return json_pack("{s:I, s:I, s:{s:I, s:s}, s:o, s:s, s:o, s:s, s:s, s:s, s:o, s:o, s:{s:s, s:s}}", "id",
                     (json_int_t)k->id, "household_id", (json_int_t)k->household_id, "person", "id",
                     (json_int_t)k->person_id, "name", k->person_name, "what", consent_kinds_json(k->what), "with_whom",
                     k->with_whom, "organization_id", json_str_or_null(k->organization_id), "purpose", k->purpose,
                     "given_on", k->given_on, "form", k->form, "withdrawn_on", json_str_or_null(k->withdrawn_on),
                     "withdrawn_note", k->withdrawn_on ? json_string(k->withdrawn_note) : json_null(), "recorded",
                     "by", k->recorded_by_name, "at", k->created_at);
}

static void reply_consent(http_request *req, int status, int64_t id)
{
    consent k;
    wt_status st = consent_get(&req->ctx, id, &k);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, consent_json(&k));
}

static void get_list(http_request *req)
{
    consent *list = NULL;
    int n = 0;
    wt_status st = consent_list(&req->ctx, req->ids[0], &list, &n);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, consent_json(&list[i]));
    api_reply(req, 200, json_pack("{s:o}", "items", items));
}

static const char *str(http_request *req, json_t *o, const char *key, errors *e)
{
    const char *s = api_str(o, key, e);
    return s ? arena_strdup(req->a, s) : NULL;
}

/* An array of strings as codes; names the field when it is something else. */
static const char **codes(http_request *req, json_t *o, const char *key, int *n, errors *e)
{
    json_t *arr = json_object_get(o, key);
    *n = 0;
    if (!arr || json_is_null(arr))
        return NULL;
    if (!json_is_array(arr)) {
        errors_add(e, key, _("Geef de gegevens als lijst, bijvoorbeeld [\"contact\", \"question\"]."));
        return NULL;
    }
    size_t len = json_array_size(arr);
    const char **out = arena_alloc(req->a, sizeof(char *) * (len ? len : 1));
    for (size_t i = 0; i < len; i++) {
        const char *s = json_string_value(json_array_get(arr, i));
        out[(*n)++] = s ? arena_strdup(req->a, s) : "";
    }
    return out;
}

const char **consent_api_codes(http_request *req, json_t *o, const char *key, int *n, errors *e)
{
    return codes(req, o, key, n, e);
}

static void post_consent(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    static const char *const known[] = {"person_id", "what", "organization_id", "with_whom", "purpose",
                                        "given_on", "form", NULL};
    api_refuse_unknown(body, known, NULL, &e);
    bool present = false;
    int64_t person = api_int(body, "person_id", &present, &e);
    consent_input in = {0};
    in.person_id = present ? arena_printf(req->a, "%lld", (long long)person) : "";
    in.what = codes(req, body, "what", &in.n_what, &e);
    in.organization_id = str(req, body, "organization_id", &e);
    in.with_whom = str(req, body, "with_whom", &e);
    in.purpose = str(req, body, "purpose", &e);
    in.given_on = str(req, body, "given_on", &e);
    in.form = str(req, body, "form", &e);
    json_decref(body);
    int64_t id = 0;
    wt_status st = e.count ? consent_household_access(&req->ctx, req->ids[0], true) : WT_OK;
    if (st == WT_OK)
        st = e.count ? WT_INVALID : consent_record(&req->ctx, req->ids[0], &in, &e, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_consent(req, 201, id);
}

static void get_consent(http_request *req)
{
    reply_consent(req, 200, req->ids[0]);
}

static void post_withdraw(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    static const char *const known[] = {"withdrawn_on", "note", NULL};
    api_refuse_unknown(body, known, NULL, &e);
    const char *on = str(req, body, "withdrawn_on", &e);
    const char *note = str(req, body, "note", &e);
    json_decref(body);
    int64_t household_id = 0;
    wt_status st = e.count ? WT_INVALID : consent_withdraw(&req->ctx, req->ids[0], on, note, &e, &household_id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_consent(req, 200, req->ids[0]);
}

/* GET .../consents/check?what=contact,question&organization_id=...&party=...&purpose=referral&on=YYYY-MM-DD */
static void get_check(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    const char *what = req_query(req, "what");
    const char *set = " ";
    for (const char *p = what ? what : ""; *p;) {
        size_t len = strcspn(p, ",");
        set = arena_printf(req->a, "%s%.*s ", set, (int)len, p);
        p += len + (p[len] == ',');
    }
    if (strcmp(set, " ") == 0)
        errors_add(&e, "what", _("Geef de gegevens die gedeeld worden, bijvoorbeeld what=contact,question."));
    const char *on = req_query(req, "on");
    wt_date d;
    if (on && !date_parse(on, &d))
        errors_add(&e, "on", _("Geef de datum als JJJJ-MM-DD."));
    char today[11];
    date_format(date_today(), today);
    consent_request r = {req->ids[0], set, req_query(req, "organization_id"), req_query(req, "party"),
                         req_query(req, "purpose"), on ? on : today};
    if (!r.purpose)
        errors_add(&e, "purpose", _("Geef het doel van het delen."));
    wt_status st = consent_household_access(&req->ctx, req->ids[0], false);
    if (st == WT_OK && e.count)
        st = WT_INVALID;
    bool allowed = false;
    int64_t id = 0;
    if (st == WT_OK)
        st = consent_allows(&req->ctx, &r, &allowed, &id);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    api_reply(req, 200, json_pack("{s:b, s:o}", "allowed", allowed, "consent_id", id ? json_integer(id) : json_null()));
}

void consent_api_routes(void)
{
    router_add("GET", "/api/v1/households/{id}/consents", get_list, ROUTE_API);
    router_add("POST", "/api/v1/households/{id}/consents", post_consent, ROUTE_API);
    router_add("GET", "/api/v1/households/{id}/consents/check", get_check, ROUTE_API);
    router_add("GET", "/api/v1/consents/{id}", get_consent, ROUTE_API);
    router_add("POST", "/api/v1/consents/{id}/withdraw", post_withdraw, ROUTE_API);
}
