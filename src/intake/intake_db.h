/* intake_db.h - SQL of intakes and their findings (see intake.h). */
#ifndef WT_INTAKE_DB_H
#define WT_INTAKE_DB_H

#include "../db/db.h"
#include "intake.h"

/* The intake of a case with its findings (in plan_domains order); out->id 0 when there is none. */
wt_status intake_db_get(db *c, arena *a, int64_t case_id, intake *out);
wt_status intake_db_insert(db *c, const intake *in, int64_t user_id, const char *now, int64_t *id);
wt_status intake_db_update(db *c, int64_t id, const intake *in, int64_t user_id, const char *now);
/* Inserts or changes the finding of one domain (its goal link stays). */
wt_status intake_db_upsert_finding(db *c, int64_t intake_id, const intake_finding *f, const char *now);
wt_status intake_db_delete_finding(db *c, int64_t finding_id);
/* One finding and the case of its intake; NOTFOUND when there is none. */
wt_status intake_db_finding(db *c, arena *a, int64_t finding_id, intake_finding *out, int64_t *case_id);
wt_status intake_db_link_goal(db *c, int64_t finding_id, int64_t goal_id);

#endif
