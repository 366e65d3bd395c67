/*
 * household.h - households, their members (persons) and their address.
 *
 * One household, one case: a household belongs to one team (the team of its
 * neighbourhood) and has at most one open case (src/case/). Persons carry an
 * optional BSN, checked with the 11-proef; addresses have a Dutch postcode
 * ("1234 AB", stored as "1234AB").
 *
 * Every function takes the acting context: it asks the policy and logs each
 * read and write of personal data in the audit trail.
 */
#ifndef WT_HOUSEHOLD_H
#define WT_HOUSEHOLD_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

typedef struct address {
    int64_t id;
    const char *postcode; /* "1234AB" */
    int house_number;
    const char *house_letter; /* "" when none */
    const char *addition;     /* "" when none */
    const char *street;
    const char *town;
    const char *neighbourhood_code; /* CBS BUxxxxyyzz, may be NULL */
    double lat, lon;
    bool has_coords;
} address;

typedef struct person {
    int64_t id;
    int64_t household_id;
    const char *given_name;
    const char *family_name;
    const char *birth_date; /* YYYY-MM-DD or NULL */
    const char *bsn;        /* NULL when not recorded */
    const char *phone;
    const char *email;
    bool is_volunteer;
    bool is_informal_carer;
    bool is_new_resident;
} person;

typedef struct household {
    int64_t id;
    int64_t team_id;
    const char *name; /* e.g. "Huishouden De Vries" */
    address addr;     /* addr.id 0 when the household has no address */
    person *members;
    int n_members;
    int64_t open_case_id; /* 0 when none */
    const char *created_at;
} household;

/* Pure rules, unit-tested. */
bool bsn_valid(const char *bsn);              /* 9 digits and the 11-proef */
bool postcode_normalise(const char *in, char out[7]); /* "1234 ab" -> "1234AB"; false when not a Dutch postcode */
/* "Kerkstraat 12 A-2, 8921 AB Leeuwarden" (arena). */
char *address_format(arena *a, const address *addr);
char *person_full_name(arena *a, const person *p);

/* One household with address and members; logs the read. WT_NOTFOUND when it does not exist or is not visible. */
wt_status household_get(wt_ctx *ctx, int64_t id, household *out);

/* ---- Added by the household domain (the declarations above are the agreed interface). ---- */

#define HOUSEHOLD_MAX_MEMBERS 30 /* members in one registration */
#define HOUSEHOLD_PAGE 20        /* search results per page */

/* Input as typed: text fields may be NULL or empty (then "not given"). */
typedef struct address_input {
    const char *postcode;
    const char *house_number; /* text, as typed: "12" */
    const char *house_letter;
    const char *addition;
    const char *street;
    const char *town;
} address_input;

typedef struct person_input {
    const char *given_name;
    const char *family_name;
    const char *birth_date;
    const char *bsn;
    const char *phone;
    const char *email;
    bool is_volunteer;
    bool is_informal_carer;
    bool is_new_resident;
} person_input;

typedef struct household_input {
    const char *name; /* empty: "Huishouden <family name of the first member>" */
    address_input addr;
    person_input *members; /* empty rows are skipped; at least one member */
    int n_members;
} household_input;

/* The open case of a household, for the household page and search results. */
typedef struct household_case {
    int64_t case_id; /* 0 when none */
    int64_t coordinator_id;
    const char *coordinator_name;
    const char *opened_on;
} household_case;

/* One search result: a household with address, members and open case. */
typedef struct household_hit {
    household h;
    household_case open_case;
} household_hit;

/* Search criteria; every given criterion must match (on the same person for name and birth date). */
typedef struct household_query {
    const char *q;            /* name, with or without diacritics */
    const char *postcode;
    const char *house_number;
    const char *birth_date;   /* YYYY-MM-DD */
    int limit;                /* 1..100, default HOUSEHOLD_PAGE */
    int offset;
} household_query;

/* Pure helpers. */
/* Digits of a BSN typed with spaces, dots or hyphens ("1234.56.782"), out has 10 bytes; false when not 9 digits. */
bool bsn_normalise(const char *in, char out[10]);
/* "***-**-782": only the last three digits (arena); "" for NULL. */
char *bsn_mask(arena *a, const char *bsn);
/* "8921AB" -> "8921 AB" (arena). */
char *postcode_display(arena *a, const char *postcode);
/* The folded columns of person: how they must be filled by everyone who writes persons. */
char *person_name_fold(arena *a, const char *given_name, const char *family_name); /* "fatma celik" */
char *person_family_fold(arena *a, const char *family_name);                    /* "de vries" */
/* True when a member row has nothing filled in (skipped in a registration). */
bool person_input_empty(const person_input *p);
/* Whole years on date_today(); -1 when unknown. */
int person_age(const person *p);

/* A new household with its address (an existing address row is reused) and members, in the caller's transaction. */
wt_status household_create(wt_ctx *ctx, const household_input *in, errors *e, int64_t *id);
/* Adds a member to a household. */
wt_status household_add_person(wt_ctx *ctx, int64_t household_id, const person_input *in, errors *e, int64_t *person_id);
/* The open case of a household (case_id 0 when none); no audit of its own (the caller read the household). */
wt_status household_open_case(wt_ctx *ctx, int64_t household_id, household_case *out);
/* WT_OK when the actor may work with households at all (read or write), WT_FORBIDDEN otherwise: for forms. */
wt_status household_check_role(wt_ctx *ctx, bool write);
/* WT_OK when the household exists and the actor may see it; no personal data is read, nothing logged. */
wt_status household_check_visible(wt_ctx *ctx, int64_t household_id);
/* Search within the actor's team; logs the search. *more is true when a next page exists. */
wt_status household_search(wt_ctx *ctx, const household_query *q, errors *e, household_hit **out, int *n, bool *more);

/* One person; logs the read. */
wt_status person_get(wt_ctx *ctx, int64_t id, person *out);
/* Replaces the person's fields with in (the whole record). */
wt_status person_update(wt_ctx *ctx, int64_t id, const person_input *in, errors *e);
/* in from a stored person (for partial updates). */
void person_to_input(const person *p, person_input *in);

#endif
