/* consent_db.h - SQL of consents (see consent.h). */
#ifndef WT_CONSENT_DB_H
#define WT_CONSENT_DB_H

#include "../db/db.h"
#include "consent.h"

/* The team of a household; WT_NOTFOUND when there is none. */
wt_status consent_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id);
/* The household of a person; WT_NOTFOUND when there is none. */
wt_status consent_db_person_household(db *c, arena *a, int64_t person_id, int64_t *household_id);
/* The name of a social-map organisation; WT_NOTFOUND when there is none. */
wt_status consent_db_organization_name(db *c, arena *a, const char *organization_id, const char **name);
/* The consents of a household, newest first. */
wt_status consent_db_list(db *c, arena *a, int64_t household_id, int limit, consent **out, int *n);
wt_status consent_db_get(db *c, arena *a, int64_t id, consent *out);
wt_status consent_db_insert(db *c, const consent *in, int64_t user_id, const char *now, int64_t *id);
wt_status consent_db_withdraw(db *c, int64_t id, const char *on, const char *note, int64_t user_id);

#endif
