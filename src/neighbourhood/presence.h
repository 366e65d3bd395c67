/*
 * presence.h - what the presence domains (src/round, src/signal,
 * src/activity, src/idea, src/timeentry) share: code tables with Dutch
 * labels, text checks, the access rule, and the team's area.
 *
 * Access: neighbourhood work (rounds, signals, activities, ideas, own time)
 * is for the workers and the team leader of the team (PERM_PRESENCE); the
 * administrator and the policy officer never see it.
 *
 * The team's area: an address belongs to the area of a team when the
 * neighbourhood of its neighbourhood_code is assigned to that team
 * (neighbourhood.team_id). When the address has no neighbourhood, or its
 * neighbourhood is assigned to no team, it belongs to the area of every team
 * that has a household living there. An address in a neighbourhood assigned
 * to another team never belongs to this team's area, even when a household of
 * this team lives there (the neighbourhood decides; the household is then
 * handed over, not visited on this team's rounds).
 */
#ifndef WT_PRESENCE_H
#define WT_PRESENCE_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

/* Limits of free text (characters). */
#define PRESENCE_SHORT_MAX 200
#define PRESENCE_LONG_MAX 4000

typedef struct presence_code {
    const char *code;
    const char *label; /* Dutch UI text (N_) */
} presence_code;

/* Label of a code in a NULL-terminated table ("" when unknown). */
const char *presence_label(const presence_code *table, const char *code);
bool presence_code_valid(const presence_code *table, const char *code);

/*
 * Checks free text: required (when asked), valid UTF-8, at most max
 * characters. label names the field in the message ("De titel"). Adds the
 * problem to e and returns false; true when the text is fine.
 */
bool presence_check_text(errors *e, const char *field, const char *label, const char *value, long max,
                         bool required);
/* NULL for NULL or white space only; else the trimmed text (arena). */
const char *presence_clean(arena *a, const char *s);

/* May the acting user do neighbourhood work for the team (0: his own)? */
bool presence_allowed(const wt_ctx *ctx, int64_t team_id);
/*
 * The access check for a record of team_id: WT_FORBIDDEN when the role may
 * not do neighbourhood work at all (administrator, policy officer),
 * WT_NOTFOUND when the record belongs to another team (its existence must not
 * leak), WT_OK otherwise.
 */
wt_status presence_access(const wt_ctx *ctx, int64_t team_id);

/* An address as the presence pages show it. */
typedef struct presence_address {
    int64_t id;
    const char *postcode;
    int house_number;
    const char *house_letter;
    const char *addition;
    const char *street;
    const char *town;
    double lat, lon;
    bool has_coords;
    int64_t household_id; /* a household of the team living there (the audit subject); 0 when none */
} presence_address;

/* "Kerkstraat 12 A-2" (arena). */
char *presence_address_label(arena *a, const presence_address *ad);

/* A typed address key: "8923 AB 12", "8923AB 12a", "8923 ab 12-2". */
typedef struct address_key {
    char postcode[7];
    int house_number;
    char house_letter[2];
    char addition[5];
} address_key;

/* Pure: parses an address key; false when it is not one. */
bool presence_parse_address_key(const char *s, address_key *out);

/* Pure: does an address belong to the team's area (see above)? */
bool presence_area_rule(int64_t team_id, int64_t neighbourhood_team_id, bool team_household_lives_there);

/* The address if it lies in the team's area; WT_NOTFOUND otherwise. */
wt_status presence_address_get(wt_ctx *ctx, int64_t team_id, int64_t address_id, presence_address *out);
/*
 * Finds the address typed in field (postcode and house number) in the
 * team's area. On bad input or an unknown address, or one outside the area,
 * adds a message for field and returns WT_INVALID.
 */
wt_status presence_address_find(wt_ctx *ctx, int64_t team_id, const char *typed, const char *field, errors *e,
                                int64_t *id);
/* The streets of the team's area, alphabetically (at most max). */
wt_status presence_team_streets(wt_ctx *ctx, int64_t team_id, int max, const char ***out, int *n);
/* The addresses of one street in the team's area (at most max + 1, so a caller can tell "too many"). */
wt_status presence_street_addresses(wt_ctx *ctx, int64_t team_id, const char *street, int max, int64_t **ids,
                                    int *n);
/* The household and team of a person; WT_NOTFOUND when none. */
wt_status presence_person_of(wt_ctx *ctx, int64_t person_id, int64_t *household_id, int64_t *team_id,
                             const char **name);

/* Monday of the week of d (weeks run Monday to Sunday). */
long presence_week_start(long day);

#endif
