/*
 * presence_web.h - page pieces the presence domains share, made for a phone:
 * choice tiles instead of typing, big buttons, error pages; and the
 * neighbourhood overview page (/neighbourhood) that the one "Wijk" menu item
 * leads to: rounds, signals due, activities, ideas and time.
 */
#ifndef WT_PRESENCE_WEB_H
#define WT_PRESENCE_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/status.h"
#include "../http/request.h"
#include "presence.h"

/* Answers a failed status with an error page; false when st is WT_OK. */
bool presence_web_failed(http_request *req, wt_status st);
/* A group of radio tiles (one tap each); the first tile has id f-<name> for the error summary. */
void presence_choices(http_request *req, const char *name, const char *legend, const presence_code *codes,
                      const char *value, const char *error, const char *hint);
/*
 * Pure: does a word of a label not fit a tile in two columns on a phone (more
 * than PRESENCE_TILE_WORD characters, like "Gerechtvaardigd")? Such choices
 * get one column there, so no word is broken.
 */
#define PRESENCE_TILE_WORD 10
bool presence_choices_wide(const presence_code *codes);
/* A checkbox with its own id (for lists of checkboxes sharing one name). */
void presence_checkbox(http_request *req, const char *name, const char *id, const char *value, const char *label,
                       bool checked);
/* The error of field name, or NULL. */
const char *presence_err(const errors *e, const char *name);
/* Form value as an id; 0 when absent or not a positive integer. */
int64_t presence_form_id(http_request *req, const char *name);
int64_t presence_query_id(http_request *req, const char *name);
/* "Vorige" / "Volgende" links for a list page with ?<extra>&offset=. */
void presence_pager(http_request *req, const char *base, int offset, int limit, bool more);
/* A definition list row (skipped when value is NULL or empty). */
void presence_fact(http_request *req, const char *label, const char *value);
/* "12 maart 2026" for an ISO date or timestamp; "" for NULL. */
const char *presence_day(http_request *req, const char *iso);

void neighbourhood_web_routes(void);

#endif
