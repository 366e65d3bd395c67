/*
 * team.h - neighbourhood teams and their composition.
 *
 * The seeds' lessons as rules: a team has 8 to 12 professionals (over 15 it
 * loses decisiveness), of different disciplines, and at least one community
 * worker (opbouwwerker). team_composition() reports each breach as a warning.
 */
#ifndef WT_TEAM_H
#define WT_TEAM_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

#define TEAM_MIN_SIZE 8
#define TEAM_MAX_SIZE 12

typedef struct team {
    int64_t id;
    const char *name;
    const char *municipality;
    const char *district_code;
    int prevention_share;
    int members; /* active professionals (workers and team leader) */
} team;

typedef struct team_input {
    const char *name;
    const char *municipality;
    const char *district_code;
    int prevention_share; /* -1: default 40 */
    /* When set_neighbourhoods: the team's neighbourhoods become exactly these CBS codes. */
    bool set_neighbourhoods;
    const char *const *neighbourhoods;
    int n_neighbourhoods;
} team_input;

/*
 * A neighbourhood (CBS buurt). The team it is given to works there: an
 * address in it belongs to the team's area (see src/neighbourhood/presence.h).
 */
typedef struct neighbourhood {
    const char *code;          /* BU + 8 digits, e.g. BU00800301 */
    const char *name;
    const char *district_code; /* WK + 6 digits: the first 6 digits of the code */
    const char *municipality;
    int64_t team_id;           /* 0: no team */
    const char *team_name;
} neighbourhood;

typedef struct discipline_count {
    const char *discipline;
    int count;
} discipline_count;

typedef struct team_composition {
    int professionals;
    discipline_count *by_discipline;
    int n_disciplines;
    bool too_small;
    bool too_large;
    bool no_community_worker;
} team_composition;

#define TEAM_NEIGHBOURHOODS_MAX 500

wt_status team_create(wt_ctx *ctx, const team_input *in, errors *e, int64_t *id);
wt_status team_update(wt_ctx *ctx, int64_t id, const team_input *in, errors *e);
wt_status team_get(wt_ctx *ctx, int64_t id, team *out);
wt_status team_list(wt_ctx *ctx, team **out, int *n);
/* Pure rule: the warnings for a team of these counts. */
void team_check_composition(team_composition *c);
wt_status team_composition_of(wt_ctx *ctx, int64_t team_id, team_composition *out);

/* ---- The administrator's pages and API (team_admin_web.c, team_admin_api.c). ---- */

/* WT_OK when the actor may manage teams (an administrator, or the console), WT_FORBIDDEN otherwise. */
wt_status team_check_admin(wt_ctx *ctx);

/*
 * Neighbourhoods with their teams, for the administrator: those of the team
 * (team_id > 0) and those of the municipality; all when neither is given.
 */
wt_status team_neighbourhoods(wt_ctx *ctx, int64_t team_id, const char *municipality, neighbourhood **out, int *n);
/*
 * Adds a neighbourhood (the console loads the CBS list with it); team_id 0:
 * no team yet. Validates the code, name, municipality and team.
 */
wt_status team_add_neighbourhood(wt_ctx *ctx, const neighbourhood *in, errors *e);

#endif
