/*
 * api.h - JSON in and out for the /api/v1/ routes (jansson).
 *
 * Errors always have the shape
 *   {"error": "invalid", "message": "...", "fields": {"birth_date": "..."}}
 * so a client can show which field is wrong.
 */
#ifndef WT_API_H
#define WT_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/status.h"
#include "request.h"

/* Sends j (steals the reference) with status. */
void api_reply(http_request *req, int status, json_t *j);
void api_error(http_request *req, int status, const char *code, const char *message);
void api_invalid(http_request *req, const errors *e);
/* Maps a status from the rules to the right HTTP answer. */
void api_status(http_request *req, wt_status st, const errors *e);
/*
 * Parses the body as a JSON object. On failure answers 400 (malformed) or
 * 415 (not JSON) itself and returns NULL. The caller owns the result.
 */
json_t *api_body(http_request *req);
/* String member (NULL when absent or null); records an error when it has another type. */
const char *api_str(json_t *o, const char *key, errors *e);
/* Integer member; *present false when absent. */
int64_t api_int(json_t *o, const char *key, bool *present, errors *e);
bool api_bool(json_t *o, const char *key, errors *e);
/*
 * Names every member of o that is in neither list (ignored: members a client
 * may send back unchanged, such as "id"; may be NULL) as "Onbekend veld", so
 * that a typing error in a client does not pass silently.
 */
void api_refuse_unknown(json_t *o, const char *const *known, const char *const *ignored, errors *e);
/* json string or null */
json_t *json_str_or_null(const char *s);
/* Paging from ?limit=&offset= with defaults and bounds. */
void api_paging(http_request *req, int *limit, int *offset);

#endif
