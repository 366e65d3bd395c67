/* presence_db.h - SQL shared by the presence domains: addresses in a team's area, persons. */
#ifndef WT_PRESENCE_DB_H
#define WT_PRESENCE_DB_H

#include "../db/db.h"
#include "presence.h"

/* The address (WT_NOTFOUND when none), the team of its neighbourhood (0: none) and whether a household of team_id lives there. */
wt_status presence_db_address(db *c, arena *a, int64_t team_id, int64_t id, presence_address *out,
                              int64_t *neighbourhood_team, bool *team_household);
/* *id 0 when no address has this key. */
wt_status presence_db_address_by_key(db *c, arena *a, const address_key *k, int64_t *id);
wt_status presence_db_team_streets(db *c, arena *a, int64_t team_id, int max, const char ***out, int *n);
wt_status presence_db_street_addresses(db *c, arena *a, int64_t team_id, const char *street, int max, int64_t **ids,
                                       int *n);
wt_status presence_db_person(db *c, arena *a, int64_t person_id, int64_t *household_id, int64_t *team_id,
                             const char **name);
/*
 * The demo: points up to `limit` open network and volunteer actions with this text, in open cases of the
 * team, to the activity (as a worker does on the action form).
 */
wt_status presence_db_demo_point_actions(db *c, int64_t team_id, int64_t activity_id, const char *body, int limit);

#endif
