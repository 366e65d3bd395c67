/*
 * household_api.c - households and persons over JSON: search, register with
 * address and members, read, add a member, read and change a person.
 */
#include "household_api.h"
#include "../core/i18n.h"
#include "../frontdoor/frontdoor.h"
#include "../http/api.h"
#include "../http/router.h"

#include <string.h>

/* ---- output ---------------------------------------------------------------------------------------------------- */

json_t *address_json(arena *a, const address *addr)
{
    if (!addr || !addr->id)
        return json_null();
    return json_pack("{s:I, s:s, s:i, s:s, s:s, s:o, s:o, s:o, s:s}", "id", (json_int_t)addr->id, "postcode",
                     addr->postcode ? addr->postcode : "", "house_number", addr->house_number, "house_letter",
                     addr->house_letter ? addr->house_letter : "", "addition", addr->addition ? addr->addition : "",
                     "street", json_str_or_null(addr->street), "town", json_str_or_null(addr->town),
                     "neighbourhood_code", json_str_or_null(addr->neighbourhood_code), "formatted",
                     address_format(a, addr));
}

json_t *person_json(arena *a, const person *p, bool full_bsn)
{
    int age = person_age(p);
    json_t *j = json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:b, s:b}", "id", (json_int_t)p->id,
                          "household_id", (json_int_t)p->household_id, "given_name", p->given_name ? p->given_name : "",
                          "family_name", p->family_name ? p->family_name : "", "birth_date",
                          json_str_or_null(p->birth_date), "age", age >= 0 ? json_integer(age) : json_null(), "phone",
                          json_str_or_null(p->phone), "email", json_str_or_null(p->email), "is_volunteer",
                          p->is_volunteer, "is_informal_carer", p->is_informal_carer, "is_new_resident",
                          p->is_new_resident);
    json_object_set_new(j, "bsn_masked", p->bsn ? json_string(bsn_mask(a, p->bsn)) : json_null());
    if (full_bsn)
        json_object_set_new(j, "bsn", json_str_or_null(p->bsn));
    return j;
}

static json_t *case_json(const household_case *hc)
{
    if (!hc || !hc->case_id)
        return json_null();
    return json_pack("{s:I, s:I, s:o, s:o}", "id", (json_int_t)hc->case_id, "coordinator_id",
                     (json_int_t)hc->coordinator_id, "coordinator_name", json_str_or_null(hc->coordinator_name),
                     "opened_on", json_str_or_null(hc->opened_on));
}

static json_t *household_json(arena *a, const household *h, const household_case *hc)
{
    json_t *members = json_array();
    for (int i = 0; i < h->n_members; i++)
        json_array_append_new(members, person_json(a, &h->members[i], false));
    return json_pack("{s:I, s:I, s:s, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)h->id, "team_id",
                     (json_int_t)h->team_id, "name", h->name ? h->name : "", "created_at",
                     json_str_or_null(h->created_at), "address", address_json(a, &h->addr), "members", members,
                     "open_case_id", h->open_case_id ? json_integer(h->open_case_id) : json_null(), "open_case",
                     case_json(hc));
}

/* ---- input ----------------------------------------------------------------------------------------------------- */

/* A text member as an arena copy (NULL when absent or null); "field" names it in errors. */
static const char *jtext(arena *a, json_t *o, const char *key, const char *field, errors *e)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        errors_add(e, field, _("Moet tekst zijn."));
        return NULL;
    }
    return arena_strdup(a, json_string_value(v));
}

static bool jflag(json_t *o, const char *key, const char *field, bool dflt, errors *e)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return dflt;
    if (!json_is_boolean(v)) {
        errors_add(e, field, _("Moet true of false zijn."));
        return dflt;
    }
    return json_is_true(v);
}

static const char *pfield(arena *a, const char *prefix, const char *key)
{
    return *prefix ? arena_printf(a, "%s%s", prefix, key) : key;
}

/*
 * Reads the person members present in o over *in (absent keys keep their
 * value, so the same code serves create and PATCH).
 */
static void person_from_json(arena *a, json_t *o, const char *prefix, person_input *in, errors *e)
{
    static const char *const text_keys[] = {"given_name", "family_name", "birth_date", "bsn", "phone", "email"};
    const char **slots[] = {&in->given_name, &in->family_name, &in->birth_date, &in->bsn, &in->phone, &in->email};
    for (size_t i = 0; i < sizeof text_keys / sizeof text_keys[0]; i++)
        if (json_object_get(o, text_keys[i]))
            *slots[i] = jtext(a, o, text_keys[i], pfield(a, prefix, text_keys[i]), e);
    in->is_volunteer = jflag(o, "is_volunteer", pfield(a, prefix, "is_volunteer"), in->is_volunteer, e);
    in->is_informal_carer =
        jflag(o, "is_informal_carer", pfield(a, prefix, "is_informal_carer"), in->is_informal_carer, e);
    in->is_new_resident = jflag(o, "is_new_resident", pfield(a, prefix, "is_new_resident"), in->is_new_resident, e);
}

static void address_from_json(arena *a, json_t *o, address_input *in, errors *e)
{
    if (!o || json_is_null(o))
        return;
    if (!json_is_object(o)) {
        errors_add(e, "address", _("Moet een object zijn met postcode, house_number, street en town."));
        return;
    }
    in->postcode = jtext(a, o, "postcode", "address.postcode", e);
    json_t *hn = json_object_get(o, "house_number");
    if (json_is_integer(hn))
        in->house_number = arena_printf(a, "%lld", (long long)json_integer_value(hn));
    else
        in->house_number = jtext(a, o, "house_number", "address.house_number", e);
    in->house_letter = jtext(a, o, "house_letter", "address.house_letter", e);
    in->addition = jtext(a, o, "addition", "address.addition", e);
    in->street = jtext(a, o, "street", "address.street", e);
    in->town = jtext(a, o, "town", "address.town", e);
}

/* The rules name address fields plainly ("postcode"); the API names them as sent ("address.postcode"). */
static void prefix_address_errors(arena *a, errors *e)
{
    static const char *const keys[] = {"postcode", "house_number", "house_letter", "addition", "street", "town", NULL};
    for (field_error *fe = e->head; fe; fe = fe->next)
        for (const char *const *k = keys; *k; k++)
            if (strcmp(fe->field, *k) == 0)
                fe->field = arena_printf(a, "address.%s", *k);
}

/* ---- routes ---------------------------------------------------------------------------------------------------- */

static void get_households(http_request *req)
{
    int limit, offset;
    api_paging(req, &limit, &offset);
    household_query q = {.q = req_query(req, "q"), .postcode = req_query(req, "postcode"),
                         .house_number = req_query(req, "house_number"), .birth_date = req_query(req, "birth_date"),
                         .limit = limit > 100 ? 100 : limit, .offset = offset};
    errors e;
    errors_init(&e, req->a);
    household_hit *hits;
    int n = 0;
    bool more = false;
    wt_status st = household_search(&req->ctx, &q, &e, &hits, &n, &more);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    json_t *items = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(items, household_json(req->a, &hits[i].h, &hits[i].open_case));
    api_reply(req, 200, json_pack("{s:o, s:i, s:i, s:b}", "items", items, "limit", q.limit, "offset", offset, "more", more));
}

static void reply_household(http_request *req, int status, int64_t id)
{
    household h;
    household_case hc;
    wt_status st = household_get(&req->ctx, id, &h);
    if (st == WT_OK)
        st = household_open_case(&req->ctx, id, &hc);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, household_json(req->a, &h, &hc));
}

static void post_households(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    household_input in = {0};
    in.name = jtext(req->a, body, "name", "name", &e);
    address_from_json(req->a, json_object_get(body, "address"), &in.addr, &e);
    json_t *members = json_object_get(body, "members");
    if (members && !json_is_array(members)) {
        errors_add(&e, "members", _("Moet een lijst van gezinsleden zijn."));
    } else if (members) {
        size_t n = json_array_size(members);
        if (n > HOUSEHOLD_MAX_MEMBERS) {
            errors_add(&e, "members", _("U kunt hoogstens 30 gezinsleden tegelijk registreren."));
            n = 0;
        }
        in.members = arena_alloc(req->a, sizeof(person_input) * (n ? n : 1));
        in.n_members = (int)n;
        for (size_t i = 0; i < n; i++) {
            json_t *m = json_array_get(members, i);
            const char *prefix = arena_printf(req->a, "members.%zu.", i);
            if (!json_is_object(m))
                errors_add(&e, arena_printf(req->a, "members.%zu", i), _("Moet een object zijn."));
            else
                person_from_json(req->a, m, prefix, &in.members[i], &e);
        }
    }
    bool has_q = false;
    int64_t question_id = api_int(body, "question_id", &has_q, &e);
    json_decref(body);
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    int64_t id = 0;
    wt_status st = household_create(&req->ctx, &in, &e, &id);
    if (st == WT_OK && has_q)
        st = question_link_household(&req->ctx, question_id, id, &e);
    if (st != WT_OK) {
        prefix_address_errors(req->a, &e);
        api_status(req, st, &e);
        return;
    }
    reply_household(req, 201, id);
}

static void get_household(http_request *req)
{
    reply_household(req, 200, req->ids[0]);
}

static void reply_person(http_request *req, int status, int64_t id)
{
    person p;
    wt_status st = person_get(&req->ctx, id, &p);
    if (st != WT_OK) {
        api_status(req, st, NULL);
        return;
    }
    api_reply(req, status, person_json(req->a, &p, true));
}

static void post_person(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    errors e;
    errors_init(&e, req->a);
    person_input in = {0};
    person_from_json(req->a, body, "", &in, &e);
    json_decref(body);
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    int64_t pid = 0;
    wt_status st = household_add_person(&req->ctx, req->ids[0], &in, &e, &pid);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_person(req, 201, pid);
}

static void get_person(http_request *req)
{
    reply_person(req, 200, req->ids[0]);
}

static void patch_person(http_request *req)
{
    json_t *body = api_body(req);
    if (!body)
        return;
    person p;
    wt_status st = person_get(&req->ctx, req->ids[0], &p);
    if (st != WT_OK) {
        json_decref(body);
        api_status(req, st, NULL);
        return;
    }
    errors e;
    errors_init(&e, req->a);
    person_input in;
    person_to_input(&p, &in);
    person_from_json(req->a, body, "", &in, &e);
    json_decref(body);
    if (e.count) {
        api_invalid(req, &e);
        return;
    }
    st = person_update(&req->ctx, req->ids[0], &in, &e);
    if (st != WT_OK) {
        api_status(req, st, &e);
        return;
    }
    reply_person(req, 200, req->ids[0]);
}

void household_api_routes(void)
{
    router_add("GET", "/api/v1/households", get_households, ROUTE_API);
    router_add("POST", "/api/v1/households", post_households, ROUTE_API);
    router_add("GET", "/api/v1/households/{id}", get_household, ROUTE_API);
    router_add("POST", "/api/v1/households/{id}/persons", post_person, ROUTE_API);
    router_add("GET", "/api/v1/persons/{id}", get_person, ROUTE_API);
    router_add("PATCH", "/api/v1/persons/{id}", patch_person, ROUTE_API);
}
