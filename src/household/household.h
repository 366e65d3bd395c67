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

#endif
