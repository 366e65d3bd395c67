/*
 * consent.h - the consents of a household for sharing its data.
 *
 * A consent says what data (a set of kinds: contact details, the question and
 * situation, the plan, ...) may be shared with which party (an organisation
 * of the social map, or a named party), for which purpose (a referral, a
 * consultation, coordination of support, informing), given on which day by
 * which member of the household and in which form. A consent is never
 * deleted: it is withdrawn on a day, with a note, and stays visible.
 *
 * consent_allows() is THE question every sharing asks (a referral, a letter,
 * an export): is there a consent of this household that covers this data,
 * this party and this purpose on this day? consent_covers() is its pure rule.
 *
 * Consents are household content: the workers and the team leader of the
 * household's team read and record them (PERM_HOUSEHOLD_READ / _WRITE);
 * administrator and policy officer never. Every read and write is logged.
 */
#ifndef WT_CONSENT_H
#define WT_CONSENT_H

#include <stdbool.h>
#include <stdint.h>

#include "../case/case.h"
#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"

#define CONSENT_PARTY_MAX 200 /* the name of the party */
#define CONSENT_NOTE_MAX 4000
#define CONSENT_LIST_MAX 200 /* consents of one household listed */

/* What data, for which purpose, in which form: code and Dutch label, NULL-terminated. */
extern const code_text consent_data_kinds[];
extern const code_text consent_purposes[];
extern const code_text consent_forms[];
const char *consent_label(const code_text *list, const char *code);

typedef struct consent {
    int64_t id;
    int64_t household_id;
    int64_t person_id; /* the member of the household who gave it */
    const char *person_name;
    const char *what;            /* set of consent_data_kinds codes: " contact question " */
    const char *with_whom;       /* the party, by name */
    const char *organization_id; /* the party as a social-map organisation; NULL when a named party */
    const char *purpose;         /* consent_purposes code */
    const char *given_on;
    const char *form; /* consent_forms code */
    const char *withdrawn_on; /* NULL while in force */
    const char *withdrawn_note;
    const char *recorded_by_name;
    const char *created_at;
} consent;

/* A consent as typed. */
typedef struct consent_input {
    const char *person_id;       /* as typed: the member's id */
    const char *const *what;     /* data kind codes */
    int n_what;
    const char *organization_id; /* a social-map organisation, or NULL / "" */
    const char *with_whom;       /* the party's name; required without organization_id */
    const char *purpose;
    const char *given_on;
    const char *form;
} consent_input;

/* What a sharing asks for. */
typedef struct consent_request {
    int64_t household_id;
    const char *what;            /* set of data kinds to share: " contact question " */
    const char *organization_id; /* the receiving organisation of the social map, or NULL */
    const char *party;           /* its name (matched when the consent names a party rather than an organisation) */
    const char *purpose;
    const char *on; /* the day of sharing, YYYY-MM-DD */
} consent_request;

/* ---- pure rules (unit-tested) ---------------------------------------------------------------------------------- */

/* True when the set " a b " holds code. */
bool consent_set_has(const char *set, const char *code);
/* The set of the given codes in consent_data_kinds order, " a b " (arena); NULL when one is unknown. */
const char *consent_set_of(arena *a, const char *const *codes, int n);
/* True when the consent is in force on day (given on or before it, not withdrawn on or before it). */
bool consent_in_force(const consent *c, wt_date day);
/*
 * Does consent c cover request r? Every kind of data in r->what is in
 * c->what, the purpose is the same, the party is the same (the same
 * organisation; or, when the consent names a party, the same name, case and
 * diacritics aside), and it is in force on r->on. *why (may be NULL) gets the
 * first reason it does not, as Dutch text.
 */
bool consent_covers(arena *a, const consent *c, const consent_request *r, const char **why);
/* Validates input; field names person_id, what, organization_id, with_whom, purpose, given_on, form. */
wt_status consent_validate(arena *a, const consent_input *in, wt_date today, errors *e, consent *out);

/* ---- operations (policy, audit, storage) ----------------------------------------------------------------------- */

/* The consents of a household, newest first (at most CONSENT_LIST_MAX); logs the read. */
wt_status consent_list(wt_ctx *ctx, int64_t household_id, consent **out, int *n);
/* One consent; logs the read. */
wt_status consent_get(wt_ctx *ctx, int64_t id, consent *out);
/*
 * Records a consent of a household. The person must be a member of it; an
 * organisation must exist in the social map (its name becomes with_whom).
 */
wt_status consent_record(wt_ctx *ctx, int64_t household_id, const consent_input *in, errors *e, int64_t *id);
/* Withdraws a consent on a day (not before it was given, not in the future), with a note. */
wt_status consent_withdraw(wt_ctx *ctx, int64_t id, const char *on, const char *note, errors *e,
                           int64_t *household_id);
/*
 * THE rule for sharing data of a household: *allowed when a consent of the
 * household covers r (consent_covers); *consent_id is that consent (0 when
 * none). Checks access to the household and logs the read of the consent
 * used.
 */
wt_status consent_allows(wt_ctx *ctx, const consent_request *r, bool *allowed, int64_t *consent_id);
/* Access check for a household's consents (PERM_HOUSEHOLD_READ or _WRITE); WT_NOTFOUND for another team. */
wt_status consent_household_access(wt_ctx *ctx, int64_t household_id, bool write);

#endif
