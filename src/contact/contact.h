/*
 * contact.h - contacts on the timeline of a case: visits, phone calls,
 * meetings and other contacts with the household, with their date, the time
 * spent and a summary.
 *
 * A contact happened (its date is not in the future), took 0 to 1440 minutes,
 * and always has a summary. The timeline shows the newest first. A closed
 * case takes no new contacts. Access goes through case_access() (case.h).
 */
#ifndef WT_CONTACT_H
#define WT_CONTACT_H

#include <stdint.h>

#include "../case/case.h"

#define CONTACT_MINUTES_MAX 1440

/* Kinds of contact: code and Dutch label, NULL-terminated. */
extern const code_text contact_kinds[];
const char *contact_kind_label(const char *code);

typedef struct contact {
    int64_t id;
    int64_t case_id;
    int64_t user_id;
    const char *user_name;
    const char *kind;
    const char *happened_on; /* YYYY-MM-DD */
    int minutes;
    const char *summary;
    const char *created_at;
} contact;

typedef struct contact_input {
    const char *kind;
    const char *happened_on;
    const char *minutes; /* as typed; NULL or "": 0 */
    const char *summary;
} contact_input;

/* Pure rule: validates a contact; fills *minutes. */
void contact_validate(arena *a, const contact_input *in, errors *e, int *minutes);

/* One contact; checks access to its case and logs the read. */
wt_status contact_get(wt_ctx *ctx, int64_t id, contact *out);
wt_status contact_add(wt_ctx *ctx, int64_t case_id, const contact_input *in, errors *e, int64_t *id);
/* Contacts of a case, newest first; checks access and logs the read. */
wt_status contact_list(wt_ctx *ctx, int64_t case_id, int limit, int offset, contact **out, int *n, int *total);
/*
 * The same for a case the caller already loaded with case_access() and whose
 * read it already logged (the case page).
 */
wt_status contact_load(wt_ctx *ctx, const wt_case *c, int limit, int offset, contact **out, int *n, int *total);

#endif
