/* presence_api.c - JSON helpers of the presence domains (see presence_api.h). */
#include "presence_api.h"
#include "../core/i18n.h"
#include "../http/api.h"

const char *papi_str(http_request *req, json_t *o, const char *key, errors *e)
{
    return arena_strdup(req->a, api_str(o, key, e));
}

int64_t papi_int(json_t *o, const char *key, errors *e)
{
    bool present = false;
    return api_int(o, key, &present, e);
}

int64_t *papi_ids(http_request *req, json_t *o, const char *key, int max, int *n, errors *e)
{
    json_t *v = json_object_get(o, key);
    *n = 0;
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_array(v)) {
        errors_add(e, key, _("Moet een lijst van nummers zijn."));
        return NULL;
    }
    size_t len = json_array_size(v);
    if (len > (size_t)max) {
        errors_add(e, key, arena_printf(req->a, _("Hoogstens %d nummers."), max));
        return NULL;
    }
    int64_t *out = arena_alloc(req->a, sizeof(int64_t) * (len + 1));
    for (size_t i = 0; i < len; i++) {
        json_t *x = json_array_get(v, i);
        if (!json_is_integer(x) || json_integer_value(x) <= 0) {
            errors_add(e, key, _("Moet een lijst van positieve gehele getallen zijn."));
            return NULL;
        }
        out[(*n)++] = (int64_t)json_integer_value(x);
    }
    return out;
}

const char **papi_strs(http_request *req, json_t *o, const char *key, int max, int *n, errors *e)
{
    json_t *v = json_object_get(o, key);
    *n = 0;
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_array(v)) {
        errors_add(e, key, _("Moet een lijst van teksten zijn."));
        return NULL;
    }
    size_t len = json_array_size(v);
    if (len > (size_t)max) {
        errors_add(e, key, arena_printf(req->a, _("Hoogstens %d teksten."), max));
        return NULL;
    }
    const char **out = arena_alloc(req->a, sizeof(char *) * (len + 1));
    for (size_t i = 0; i < len; i++) {
        json_t *x = json_array_get(v, i);
        if (!json_is_string(x)) {
            errors_add(e, key, _("Moet een lijst van teksten zijn."));
            return NULL;
        }
        out[(*n)++] = arena_strdup(req->a, json_string_value(x));
    }
    return out;
}

json_t *papi_address(http_request *req, const presence_address *ad)
{
    if (!ad || !ad->id)
        return json_null();
    json_t *j = json_pack("{s:I, s:o, s:i, s:o, s:o, s:o, s:s}", "id", (json_int_t)ad->id, "postcode",
                          json_str_or_null(ad->postcode), "house_number", ad->house_number, "house_letter",
                          json_str_or_null(ad->house_letter), "addition", json_str_or_null(ad->addition), "street",
                          json_str_or_null(ad->street), "label", presence_address_label(req->a, ad));
    if (ad->has_coords) {
        json_object_set_new(j, "lat", json_real(ad->lat));
        json_object_set_new(j, "lon", json_real(ad->lon));
    }
    return j;
}

json_t *papi_id_or_null(int64_t id)
{
    return id ? json_integer((json_int_t)id) : json_null();
}
