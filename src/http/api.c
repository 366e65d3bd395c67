/* api.c - JSON helpers for the API routes (see api.h). */
#include "api.h"
#include "../core/i18n.h"
#include "../core/text.h"

#include <stdlib.h>
#include <string.h>

void api_reply(http_request *req, int status, json_t *j)
{
    req->status = status;
    req->content_type = "application/json";
    req->no_store = true;
    buf_reset(&req->out);
    char *s = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (s) {
        buf_puts(&req->out, s);
        free(s);
    }
    json_decref(j);
}

void api_error(http_request *req, int status, const char *code, const char *message)
{
    if (status == 403 && req->ctx.need_to_know_case) {
        /* Refused on need-to-know grounds: name the case, so the client can ask access or break the glass. */
        api_reply(req, 403, json_pack("{s:s, s:s, s:I}", "error", "need_to_know", "message",
                                      _("Alleen de regisseur en de leden van de casus zien de inhoud. Vraag de"
                                        " regisseur of de teamleider om toegang, of vraag noodtoegang aan."),
                                      "case_id", (json_int_t)req->ctx.need_to_know_case));
        return;
    }
    api_reply(req, status, json_pack("{s:s, s:s}", "error", code, "message", message));
}

void api_invalid(http_request *req, const errors *e)
{
    json_t *fields = json_object();
    for (const field_error *fe = e ? e->head : NULL; fe; fe = fe->next)
        json_object_set_new(fields, fe->field, json_string(fe->message));
    api_reply(req, 400,
              json_pack("{s:s, s:s, s:o}", "error", "invalid", "message", _("Controleer de invoer."), "fields", fields));
}

void api_status(http_request *req, wt_status st, const errors *e)
{
    switch (st) {
    case WT_OK:
        api_reply(req, 200, json_object());
        break;
    case WT_INVALID:
        api_invalid(req, e);
        break;
    case WT_NOTFOUND:
        api_error(req, 404, "not_found", _("Niet gevonden."));
        break;
    case WT_FORBIDDEN:
        api_error(req, 403, "forbidden", _("U hebt geen toegang tot dit gegeven."));
        break;
    case WT_CONFLICT: {
        const char *msg = e && e->head ? e->head->message : _("Dit botst met bestaande gegevens.");
        api_reply(req, 409, json_pack("{s:s, s:s}", "error", "conflict", "message", msg));
        break;
    }
    case WT_TOOLARGE:
        api_error(req, 413, "too_large", _("Het verzoek is te groot."));
        break;
    case WT_UNAVAILABLE:
        api_error(req, 503, "unavailable", _("De database is tijdelijk niet bereikbaar."));
        break;
    default:
        api_error(req, 500, "internal", _("Er ging iets mis."));
        break;
    }
}

json_t *api_body(http_request *req)
{
    const char *ct = req_header(req, "Content-Type");
    if (!ct || strncmp(ct, "application/json", 16) != 0) {
        api_error(req, 415, "unsupported_media_type", _("Stuur JSON met Content-Type: application/json."));
        return NULL;
    }
    json_error_t err;
    json_t *j = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &err);
    if (!j) {
        api_reply(req, 400,
                  json_pack("{s:s, s:s, s:i}", "error", "malformed_json", "message", _("De JSON is ongeldig."),
                            "position", err.position));
        return NULL;
    }
    if (!json_is_object(j)) {
        json_decref(j);
        api_error(req, 400, "malformed_json", _("Verwacht een JSON-object."));
        return NULL;
    }
    return j;
}

const char *api_str(json_t *o, const char *key, errors *e)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        errors_add(e, key, _("Moet tekst zijn."));
        return NULL;
    }
    return json_string_value(v);
}

int64_t api_int(json_t *o, const char *key, bool *present, errors *e)
{
    json_t *v = json_object_get(o, key);
    *present = false;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v)) {
        errors_add(e, key, _("Moet een geheel getal zijn."));
        return 0;
    }
    *present = true;
    return (int64_t)json_integer_value(v);
}

bool api_bool(json_t *o, const char *key, errors *e)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return false;
    if (!json_is_boolean(v)) {
        errors_add(e, key, _("Moet true of false zijn."));
        return false;
    }
    return json_is_true(v);
}

json_t *json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

void api_refuse_unknown(json_t *o, const char *const *known, const char *const *ignored, errors *e)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        (void)v;
        if (!text_in(key, known) && !(ignored && text_in(key, ignored)))
            errors_add(e, arena_strdup(e->a, key), _("Onbekend veld."));
    }
}

void api_paging(http_request *req, int *limit, int *offset)
{
    int64_t v;
    *limit = 50;
    *offset = 0;
    if (text_parse_int64(req_query(req, "limit"), &v) && v > 0)
        *limit = v > 500 ? 500 : (int)v;
    if (text_parse_int64(req_query(req, "offset"), &v) && v >= 0 && v < 1000000000)
        *offset = (int)v;
}
