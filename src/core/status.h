/*
 * status.h - the one error type of wijkteam, and field errors for bad input.
 *
 * Every function that can fail returns a wt_status: WT_OK (0) or a negative
 * code. Validation failures return WT_INVALID and describe each bad field in an
 * `errors` list, so that the handler (web or API) can tell the user which field
 * is wrong and why. Messages are Dutch UI text (see i18n.h).
 */
#ifndef WT_STATUS_H
#define WT_STATUS_H

#include "arena.h"

typedef enum wt_status {
    WT_OK = 0,
    WT_INVALID = -1,     /* bad input: see the errors list */
    WT_NOTFOUND = -2,    /* no such record (or not visible to this user) */
    WT_FORBIDDEN = -3,   /* the policy says no */
    WT_CONFLICT = -4,    /* a rule about existing state: e.g. a second open case */
    WT_DBERROR = -5,     /* the store failed */
    WT_UNAVAILABLE = -6, /* the store is unreachable: try again later */
    WT_TOOLARGE = -7,    /* input over a size limit */
} wt_status;

const char *wt_status_name(wt_status s);

typedef struct field_error {
    const char *field;
    const char *message;
    struct field_error *next;
} field_error;

typedef struct errors {
    arena *a;
    field_error *head;
    field_error *tail;
    int count;
} errors;

void errors_init(errors *e, arena *a);
/* Records that `field` is wrong; both strings must outlive e (literals or arena). */
void errors_add(errors *e, const char *field, const char *message);
const char *errors_get(const errors *e, const char *field);

#endif
