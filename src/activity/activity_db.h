/* activity_db.h - SQL of collective activities and the people in them. */
#ifndef WT_ACTIVITY_DB_H
#define WT_ACTIVITY_DB_H

#include "../db/db.h"
#include "activity.h"

typedef struct activity_row {
    int64_t team_id;
    const char *title, *kind, *description, *starts_on, *ends_on, *schedule, *place;
    int64_t costs_cents, supported_by, created_by;
    const char *created_at;
} activity_row;

wt_status activity_db_worker_ok(db *c, arena *a, int64_t team_id, int64_t user_id, bool *ok);
wt_status activity_db_insert(db *c, const activity_row *r, int64_t *id);
wt_status activity_db_add_role(db *c, int64_t activity_id, const activity_role_input *r, int64_t by, const char *now,
                               int64_t *id);
wt_status activity_db_has_person(db *c, arena *a, int64_t activity_id, int64_t person_id, const char *role,
                                 bool *exists);
wt_status activity_db_get(db *c, arena *a, int64_t id, wt_activity *out);
wt_status activity_db_people(db *c, arena *a, int64_t activity_id, activity_person **out, int *n);
wt_status activity_db_set_outcome(db *c, int64_t id, const char *outcome, int64_t costs_cents);
wt_status activity_db_list(db *c, arena *a, int64_t team_id, bool upcoming, const char *today, int limit, int offset,
                           wt_activity **out, int *n);

#endif
