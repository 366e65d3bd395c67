/*
 * demo_gen.h - the pure part of the demo generator: a seeded random source,
 * Dutch and migrant names, households of believable make-up (singles, elderly
 * alone, couples, families, single parents), fictitious BSNs that pass the
 * 11-proef, addresses along streets with real-looking postcodes, and the texts
 * of plans, contacts and front-door questions.
 *
 * Nothing here touches the database: demo_people.c writes what this produces.
 * The same seed and the same day give the same output (unit-tested).
 */
#ifndef WT_DEMO_GEN_H
#define WT_DEMO_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/date.h"

/* ---- random source (splitmix64) --------------------------------------------------------------------------------- */

typedef struct demo_rng {
    uint64_t s;
} demo_rng;

void demo_rng_seed(demo_rng *r, uint64_t seed);
uint64_t demo_rng_next(demo_rng *r);
/* Uniform in lo..hi (both included). */
int demo_rng_int(demo_rng *r, int lo, int hi);
/* True with this chance in percent. */
bool demo_rng_chance(demo_rng *r, int percent);
#define DEMO_PICK(r, list) ((list)[demo_rng_int((r), 0, (int)(sizeof(list) / sizeof((list)[0])) - 1)])

/*
 * The index-th fictitious BSN of a seed: 9 digits starting with 9, passing the
 * 11-proef; distinct indexes give distinct numbers (up to 10,000,000). false
 * (and "") for the few indexes whose check digit would be 10.
 */
bool demo_bsn(uint64_t seed, uint64_t index, char out[10]);

/* ---- households ------------------------------------------------------------------------------------------------- */

typedef enum demo_hh_kind {
    DEMO_HH_SINGLE,
    DEMO_HH_ELDERLY_ALONE,
    DEMO_HH_COUPLE,
    DEMO_HH_ELDERLY_COUPLE,
    DEMO_HH_FAMILY,
    DEMO_HH_SINGLE_PARENT,
} demo_hh_kind;

#define DEMO_MAX_MEMBERS 8

typedef struct demo_person {
    const char *given_name;
    const char *family_name;
    char birth_date[11];
    bool adult;
    bool female;
    char bsn[10]; /* "" when not recorded */
    const char *phone; /* NULL when not recorded */
    const char *email;
    bool is_volunteer;
    bool is_informal_carer;
    bool is_new_resident;
} demo_person;

typedef struct demo_household {
    demo_hh_kind kind;
    const char *name; /* "Huishouden De Vries" */
    demo_person members[DEMO_MAX_MEMBERS];
    int n_members;
    int64_t person_ids[DEMO_MAX_MEMBERS]; /* filled when the members are written (demo_people.c) */
} demo_household;

/*
 * A household of a random make-up, living there on `today`. bsn_seed and
 * *bsn_next number the BSNs (each member with a BSN takes the next index).
 * Strings live in a (or are static).
 */
void demo_household_make(demo_rng *r, arena *a, wt_date today, uint64_t bsn_seed, uint64_t *bsn_next,
                         demo_household *out);
/* "de Vries" -> "De Vries" (arena). */
char *demo_capitalise(arena *a, const char *family_name);

/* ---- addresses -------------------------------------------------------------------------------------------------- */

typedef struct demo_street {
    const char *name;
    const char *pc4;    /* the four digits of its postcodes */
    int first_letters;  /* index of its first letter pair: 0 = "AA" */
    int numbers;        /* house numbers 1..numbers */
    bool flats;         /* portiekflats: additions 1..4 per number */
} demo_street;

typedef struct demo_addr {
    const char *street;
    char postcode[7]; /* "8924AB" */
    int house_number;
    char house_letter[2];
    char addition[3];
} demo_addr;

/*
 * The index-th address of a street (0-based; false past the last one). Even
 * and odd numbers have their own postcodes, up to about twenty numbers each,
 * as Dutch postcodes go. Upper floors of the houses get the letter A in
 * streets of onder- and bovenwoningen (every fourth number).
 */
bool demo_street_address(const demo_street *s, int index, demo_addr *out);
/* How many addresses a street has. */
int demo_street_size(const demo_street *s);
/* Letter pair of an index, skipping SA, SD and SS (not used in Dutch postcodes). */
void demo_postcode_letters(int index, char out[3]);

/* Street names of the city: theme by neighbourhood, suffix by street (static or arena). */
const char *demo_city_street(arena *a, int neighbourhood, int street);
const char *demo_city_neighbourhood_name(arena *a, int neighbourhood);

/* ---- plans, contacts, questions --------------------------------------------------------------------------------- */

typedef struct demo_action_tpl {
    const char *layer; /* self | network | volunteer | team | second_line */
    const char *body;
    const char *performer; /* NULL: the resident himself (self) or the coordinator (team) */
} demo_action_tpl;

#define DEMO_ACTIONS_PER_GOAL 4
/* Colleagues with an action in one plan, at most (they become members of the case). */
#define DEMO_PERFORMERS_MAX 8

typedef struct demo_goal_tpl {
    const char *domain;
    int fits; /* DEMO_FIT_* of households this goal fits */
    const char *reason; /* why the case was opened, when this is the first goal */
    const char *situation;
    const char *strength;
    const char *goal;
    demo_action_tpl actions[DEMO_ACTIONS_PER_GOAL];
} demo_goal_tpl;

#define DEMO_FIT_ANY 0
#define DEMO_FIT_CHILDREN 1
#define DEMO_FIT_ELDERLY 2
#define DEMO_FIT_WORKING_AGE 4

extern const demo_goal_tpl demo_goals[];
extern const int demo_goals_n;
/* Does goal g fit this household? */
bool demo_goal_fits(const demo_goal_tpl *g, const demo_household *h, wt_date today);

extern const char *const demo_strengths[];
extern const int demo_strengths_n;

typedef struct demo_contact_tpl {
    const char *kind; /* visit | phone | meeting | other */
    int minutes;
    const char *summary;
} demo_contact_tpl;
extern const demo_contact_tpl demo_contacts[];
extern const int demo_contacts_n;

typedef struct demo_question_tpl {
    const char *kind;    /* question | idea | offer */
    const char *channel; /* walk_in | phone | outreach | web | email */
    const char *body;
    const char *outcome; /* when handled */
} demo_question_tpl;
extern const demo_question_tpl demo_questions[];
extern const int demo_questions_n;

typedef struct demo_close_tpl {
    const char *reason; /* case_close_reasons code */
    const char *note;
} demo_close_tpl;
extern const demo_close_tpl demo_closes[];
extern const int demo_closes_n;

extern const char *const demo_handover_reasons[];
extern const int demo_handover_reasons_n;
/* Why a colleague, or the team leader, was added to a case (need-to-know). */
extern const char *const demo_member_reasons[];
extern const int demo_member_reasons_n;
extern const char *const demo_member_reasons_leader[];
extern const int demo_member_reasons_leader_n;

#endif
