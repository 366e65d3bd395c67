/* casemember_db.h - SQL of case membership and emergency access (see casemember.h). */
#ifndef WT_CASEMEMBER_DB_H
#define WT_CASEMEMBER_DB_H

#include "../db/db.h"
#include "casemember.h"

/* Whether user_id is an active member; the reason and end of his latest unexpired emergency access (NULL: none). */
wt_status casemember_db_tie(db *c, arena *a, int64_t case_id, int64_t user_id, const char *now, bool *member,
                            const char **emergency_reason, const char **emergency_until);
/* What user_id is to each of the n cases (ties[i] for case_ids[i]), in one query. */
wt_status casemember_db_ties(db *c, arena *a, const int64_t *case_ids, int n, int64_t user_id, const char *now,
                             case_tie *ties);
wt_status casemember_db_list(db *c, arena *a, int64_t case_id, case_member_rec **out, int *n);
/* The active membership of user_id, 0 when none. */
wt_status casemember_db_active(db *c, arena *a, int64_t case_id, int64_t user_id, int64_t *member_id);
wt_status casemember_db_insert(db *c, int64_t case_id, int64_t user_id, const char *reason, int64_t by,
                               const char *at, int64_t *id);
/* Ends an active membership of the case; WT_NOTFOUND when there is none with that id. */
wt_status casemember_db_end(db *c, int64_t case_id, int64_t member_id, int64_t by, const char *at);
wt_status casemember_db_insert_emergency(db *c, int64_t case_id, int64_t user_id, const char *reason,
                                         const char *granted_at, const char *expires_at, int64_t *id);
/* Emergency accesses granted since `since` (NULL: all) of one case (case_id) or of a team's cases
   (team_id; coordinator_id 0: all of them), newest first. */
wt_status casemember_db_emergencies(db *c, arena *a, int64_t case_id, int64_t team_id, int64_t coordinator_id,
                                    const char *since, const char *now, int limit, case_emergency_rec **out, int *n);

#endif
