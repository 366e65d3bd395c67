/*
 * fuzz_json.c - libFuzzer harness for the API's JSON decoding: api_body()
 * with the typed accessors the handlers use.
 */
#include <stdint.h>
#include <string.h>

#include "../../src/http/api.h"
#include "../../src/http/request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    http_request req;
    request_init(&req);
    kv_add(req.a, &req.headers, "Content-Type", "application/json");
    req.body = arena_strndup(req.a, (const char *)data, size);
    req.body_len = size;
    json_t *j = api_body(&req);
    if (j) {
        errors e;
        errors_init(&e, req.a);
        bool present;
        (void)api_str(j, "username", &e);
        (void)api_int(j, "team_id", &present, &e);
        (void)api_bool(j, "is_volunteer", &e);
        api_invalid(&req, &e);
        json_decref(j);
    }
    request_free(&req);
    return 0;
}
