/* idea_db.h - SQL of residents' ideas. */
#ifndef WT_IDEA_DB_H
#define WT_IDEA_DB_H

#include "../db/db.h"
#include "idea.h"

typedef struct idea_row {
    int64_t team_id;
    const char *title, *body;
    int64_t person_id;
    const char *brought_by_name, *source;
    int64_t question_id, created_by;
    const char *now;
} idea_row;

wt_status idea_db_insert(db *c, const idea_row *r, int64_t *id);
wt_status idea_db_get(db *c, arena *a, int64_t id, wt_idea *out);
wt_status idea_db_list(db *c, arena *a, int64_t team_id, const char *status, int limit, int offset, wt_idea **out,
                       int *n);
wt_status idea_db_set_status(db *c, int64_t id, const char *status, const char *reason, int64_t activity_id,
                             const char *now);
wt_status idea_db_question_ok(db *c, arena *a, int64_t team_id, int64_t question_id, bool *ok);
wt_status idea_db_activity_ok(db *c, arena *a, int64_t team_id, int64_t activity_id, bool *ok);

#endif
