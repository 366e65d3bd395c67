/* team_db.h - SQL of teams. */
#ifndef WT_TEAM_DB_H
#define WT_TEAM_DB_H

#include "../db/db.h"
#include "team.h"

wt_status team_db_insert(db *c, const team_input *in, const char *now, int64_t *id);
wt_status team_db_update(db *c, int64_t id, const team_input *in);
wt_status team_db_get(db *c, arena *a, int64_t id, team *out);
wt_status team_db_list(db *c, arena *a, team **out, int *n);
wt_status team_db_name_taken(db *c, arena *a, const char *name, int64_t except_id, bool *taken);
wt_status team_db_disciplines(db *c, arena *a, int64_t team_id, discipline_count **out, int *n);

wt_status team_db_neighbourhoods(db *c, arena *a, int64_t team_id, const char *municipality, neighbourhood **out, int *n);
wt_status team_db_neighbourhood_exists(db *c, arena *a, const char *code, bool *exists);
wt_status team_db_neighbourhood_insert(db *c, const neighbourhood *in);
/* The team's neighbourhoods become exactly these codes (taken from another team when needed). */
wt_status team_db_set_neighbourhoods(db *c, int64_t team_id, const char *const *codes, int n);

#endif
