/*
 * frontdoor.h - the front door (voorportaal): what residents bring to the team.
 *
 * Any resident, known or not yet known, can come with a question, an idea for
 * the neighbourhood, or an offer to help (volunteer, informal carer), by
 * walking in, by phone, met on an outreach round, through the web or by
 * e-mail. The team registers it in the resident's own words, links it to a
 * household (an existing one, or one registered from it), and handles it:
 * status open, handled (with the outcome), or case (a case was opened).
 *
 * A question belongs to the team that registered it; access as for
 * households (PERM_HOUSEHOLD_READ / _WRITE); every read and write is logged.
 */
#ifndef WT_FRONTDOOR_H
#define WT_FRONTDOOR_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

#define QUESTION_PAGE 25

typedef struct question {
    int64_t id;
    int64_t team_id;
    const char *kind;    /* question | idea | offer */
    const char *channel; /* walk_in | phone | outreach | web | email */
    const char *name;    /* the resident, as he introduced himself */
    const char *contact; /* phone, e-mail or how to reach him; NULL when not given */
    const char *body;    /* in the resident's own words */
    int64_t household_id; /* 0 when not linked */
    const char *household_name;
    const char *status;  /* open | handled | case */
    const char *outcome; /* NULL while open */
    const char *received_at;
    int64_t created_by;
    const char *created_by_name;
} question;

typedef struct question_input {
    const char *kind;
    const char *channel;
    const char *name;
    const char *contact;
    const char *body;
    int64_t household_id; /* 0: not linked */
} question_input;

/* A change of a question; NULL / false members are left as they are. */
typedef struct question_change {
    const char *status;  /* open | handled | case */
    const char *outcome; /* required with handled and case */
    bool set_household;
    int64_t household_id; /* 0 with set_household: unlink */
} question_change;

/* Code tables with Dutch labels, NULL-terminated. */
typedef struct frontdoor_code {
    const char *code;
    const char *label;
} frontdoor_code;
extern const frontdoor_code question_kinds[];
extern const frontdoor_code question_channels[];
extern const frontdoor_code question_statuses[];
const char *frontdoor_label(const frontdoor_code *table, const char *code);
bool frontdoor_code_valid(const frontdoor_code *table, const char *code);

wt_status question_create(wt_ctx *ctx, const question_input *in, errors *e, int64_t *id);
wt_status question_get(wt_ctx *ctx, int64_t id, question *out);
/* The team's questions with this status (NULL: open), newest first; *more when a next page exists. */
wt_status question_list(wt_ctx *ctx, const char *status, int limit, int offset, question **out, int *n, bool *more);
/* WT_OK when the actor may register and change front-door questions, WT_FORBIDDEN otherwise. */
wt_status question_may_write(const wt_ctx *ctx);
wt_status question_update(wt_ctx *ctx, int64_t id, const question_change *ch, errors *e);
/* Links a question to a household (the household registered from it). */
wt_status question_link_household(wt_ctx *ctx, int64_t id, int64_t household_id, errors *e);
/* The questions linked to a household, newest first (at most limit). */
wt_status question_list_for_household(wt_ctx *ctx, int64_t household_id, int limit, question **out, int *n);

#endif
