/*
 * widgets.h - form and table pieces in NL Design System (Utrecht) markup.
 *
 * Every form field has a visible label, is tied to its error message and
 * description with aria-describedby, and keeps the value the user typed when
 * the form comes back with errors. Forms carry the session's CSRF token.
 */
#ifndef WT_WIDGETS_H
#define WT_WIDGETS_H

#include <stdbool.h>

#include "../core/status.h"
#include "request.h"

typedef struct field {
    const char *name;
    const char *label;
    const char *value;
    const char *error;
    const char *hint;
    const char *type;         /* "text" (default), "date", "email", "tel", "number", "password", "search" */
    const char *autocomplete; /* e.g. "off", "username", "current-password" */
    int maxlength;
    bool required;
    const char *id; /* defaults to name */
} field;

typedef struct option {
    const char *value;
    const char *label;
} option;

void form_begin(http_request *req, const char *action, const char *extra_class);
void form_begin_get(http_request *req, const char *action, const char *extra_class);
void form_end(http_request *req);
void field_text(http_request *req, const field *f);
void field_textarea(http_request *req, const field *f, int rows);
void field_select(http_request *req, const field *f, const option *opts, int n);
void field_checkbox(http_request *req, const char *name, const char *label, bool checked);
void form_button(http_request *req, const char *label, bool primary);
/* "Er ging iets mis" summary with a link to each bad field. */
void error_summary(http_request *req, const errors *e);
/* A small POST form with one button (for actions such as "Afronden"). */
void button_form(http_request *req, const char *action, const char *label, const char *hidden_name,
                 const char *hidden_value);

#endif
