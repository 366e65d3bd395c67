/*
 * activity.h - collective activities: a course, a neighbourhood barbecue, a
 * walking group, a coffee morning, homework help. Residents organise them,
 * a worker of the team supports; volunteers help; participants are residents
 * (by name or as a known person) or counted anonymously. The activity keeps
 * its dates, place, costs and what it brought.
 *
 * Rules:
 * - Residents first: an activity has at least one resident organiser (a known
 *   person or a resident by the name he gave); the worker is recorded as the
 *   one supporting it (supported_by), not as an organiser.
 * - Dates: starts_on required, ends_on (optional) not before it. Costs in
 *   whole cents, 0 to 1,000,000 euro.
 * - A role is a known person of the team (person_id), a resident by name, or
 *   (participants only) a number of people counted anonymously.
 * - A resident on a plan can be pointed to an activity: activity_refer_person()
 *   adds him as a participant (once).
 * - Reads and writes are logged; roles of known persons with the person as
 *   subject.
 */
#ifndef WT_ACTIVITY_H
#define WT_ACTIVITY_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"
#include "../neighbourhood/presence.h"

#define ACTIVITY_PAGE 20
#define ACTIVITY_MAX_NAMES 10
#define ACTIVITY_MAX_COST_CENTS 100000000LL
#define ACTIVITY_MAX_ANONYMOUS 10000

extern const presence_code activity_kinds[];
extern const presence_code activity_roles[];

typedef struct activity_person {
    int64_t id;
    int64_t person_id; /* 0 when a name or an anonymous count */
    int64_t household_id;
    const char *name;  /* the person's name or the name given */
    const char *role;  /* organiser | volunteer | participant */
    int anonymous_count;
    const char *note;
} activity_person;

typedef struct wt_activity {
    int64_t id;
    int64_t team_id;
    const char *title;
    const char *kind;
    const char *description;
    const char *starts_on;
    const char *ends_on;
    const char *schedule; /* "elke dinsdag 10:00", free text */
    const char *place;
    int64_t costs_cents;
    int64_t supported_by;
    const char *supported_by_name;
    const char *outcome; /* what it brought */
    const char *created_at;
    int organisers;
    int volunteers;
    int participants; /* named and counted anonymously */
} wt_activity;

typedef struct activity_input {
    const char *title;
    const char *kind;
    const char *description;
    const char *starts_on;
    const char *ends_on;
    const char *schedule;
    const char *place;
    const char *costs;   /* euros as typed ("12,50"); NULL when costs_cents is used */
    int64_t costs_cents; /* API */
    int64_t supported_by; /* 0: the acting user */
    const char *const *organiser_names;
    int n_organiser_names;
    const int64_t *organiser_person_ids;
    int n_organiser_persons;
    const char *const *volunteer_names;
    int n_volunteer_names;
    int anonymous_participants;
    int64_t idea_id; /* the idea this activity grew from; 0: none */
} activity_input;

typedef struct activity_role_input {
    const char *role;
    int64_t person_id;
    const char *name;
    int anonymous_count;
    const char *note;
} activity_role_input;

/* Pure: euros as typed ("12", "12,50", "1.234,50", "12.5") into cents; false when not an amount. */
bool activity_parse_euros(const char *s, int64_t *cents);
/* Pure: "€ 12,50" (arena). */
char *activity_format_euros(arena *a, int64_t cents);
/* Pure: checks one role: a known person, a name, or (participants only) an anonymous count. */
bool activity_check_role(const activity_role_input *in, errors *e);

wt_status activity_create(wt_ctx *ctx, const activity_input *in, errors *e, int64_t *id);
wt_status activity_get(wt_ctx *ctx, int64_t id, wt_activity *out);
/* The people of an activity: organisers first, then volunteers, then participants. */
wt_status activity_people(wt_ctx *ctx, const wt_activity *act, activity_person **out, int *n);
wt_status activity_add_role(wt_ctx *ctx, int64_t id, const activity_role_input *in, errors *e);
/* Records what it brought (and the final costs, when costs is not NULL). */
wt_status activity_set_outcome(wt_ctx *ctx, int64_t id, const char *outcome, const char *costs, errors *e);
/* upcoming: starting today or later (or still running), soonest first; else past, newest first. */
wt_status activity_list(wt_ctx *ctx, bool upcoming, int limit, int offset, wt_activity **out, int *n, bool *more);
/*
 * For plans (the network layer): points a resident to an activity by adding
 * him as a participant. WT_NOTFOUND when the activity or person is not the
 * team's; adding the same person twice is fine (nothing changes).
 */
wt_status activity_refer_person(wt_ctx *ctx, int64_t activity_id, int64_t person_id, errors *e);

#endif
