/* status.c - status names and the field-error list (see status.h). */
#include "status.h"

#include <string.h>

const char *wt_status_name(wt_status s)
{
    switch (s) {
    case WT_OK: return "ok";
    case WT_INVALID: return "invalid";
    case WT_NOTFOUND: return "not_found";
    case WT_FORBIDDEN: return "forbidden";
    case WT_CONFLICT: return "conflict";
    case WT_DBERROR: return "db_error";
    case WT_UNAVAILABLE: return "unavailable";
    case WT_TOOLARGE: return "too_large";
    }
    return "unknown";
}

void errors_init(errors *e, arena *a)
{
    e->a = a;
    e->head = e->tail = NULL;
    e->count = 0;
}

void errors_add(errors *e, const char *field, const char *message)
{
    field_error *fe = arena_alloc(e->a, sizeof(*fe));
    fe->field = field;
    fe->message = message;
    if (e->tail)
        e->tail->next = fe;
    else
        e->head = fe;
    e->tail = fe;
    e->count++;
}

const char *errors_get(const errors *e, const char *field)
{
    for (const field_error *fe = e->head; fe; fe = fe->next)
        if (strcmp(fe->field, field) == 0)
            return fe->message;
    return NULL;
}
