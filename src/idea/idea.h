/*
 * idea.h - residents' ideas and questions for the neighbourhood: an idea for
 * liveability, brought to the front door or in a talk on an outreach round,
 * recorded with who brought it, and followed: new -> supported -> became an
 * activity, or not pursued (and why). Visible to the whole team.
 *
 * Rules:
 * - An idea has a title, who brought it (a known person of the team, or a
 *   resident by the name he gave) and where it came from (front door,
 *   outreach, other).
 * - Status changes: new -> supported | became_activity | not_pursued;
 *   supported -> became_activity | not_pursued; not_pursued -> supported (the
 *   team takes it up after all); became_activity is final. Not pursued needs
 *   the reason; became_activity needs the activity (idea_link_activity, or
 *   an activity created from the idea in one step).
 */
#ifndef WT_IDEA_H
#define WT_IDEA_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"
#include "../neighbourhood/presence.h"

#define IDEA_PAGE 20

extern const presence_code idea_sources[];
extern const presence_code idea_statuses[];

typedef struct wt_idea {
    int64_t id;
    int64_t team_id;
    const char *title;
    const char *body;
    int64_t person_id; /* who brought it, when a known person */
    int64_t household_id;
    const char *brought_by; /* the person's name or the name given */
    const char *source;
    int64_t question_id;
    const char *status;
    const char *reason;
    int64_t activity_id;
    const char *activity_title;
    const char *created_by_name;
    const char *created_at;
    const char *updated_at;
} wt_idea;

typedef struct idea_input {
    const char *title;
    const char *body;
    int64_t person_id;
    const char *brought_by_name;
    const char *source;
    int64_t question_id; /* the front door question it came in with; 0: none */
} idea_input;

/* Pure: may an idea go from one status to another, with this reason and activity? Adds the problem to e. */
bool idea_check_transition(const char *from, const char *to, const char *reason, int64_t activity_id, errors *e);

wt_status idea_create(wt_ctx *ctx, const idea_input *in, errors *e, int64_t *id);
wt_status idea_get(wt_ctx *ctx, int64_t id, wt_idea *out);
/* status NULL: every idea still open (new and supported); else ideas with that status. Newest first. */
wt_status idea_list(wt_ctx *ctx, const char *status, int limit, int offset, wt_idea **out, int *n, bool *more);
wt_status idea_set_status(wt_ctx *ctx, int64_t id, const char *status, const char *reason, int64_t activity_id,
                          errors *e);
/* The idea became this activity. */
wt_status idea_link_activity(wt_ctx *ctx, int64_t idea_id, int64_t activity_id, errors *e);

#endif
