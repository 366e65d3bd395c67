/*
 * privacy_db.h - SQL of the resident's file (see privacy.h): one query per
 * section of the file, and the facts that decide who may see it.
 */
#ifndef WT_PRIVACY_DB_H
#define WT_PRIVACY_DB_H

#include "../db/db.h"

/* The rows of one section (key as in privacy.c) about the person and his household; NOTFOUND for an unknown key. */
wt_status privacy_db_section(db *c, arena *a, const char *key, int64_t person_id, int64_t household_id, db_result *r);
/* id, household_id, team_id, name, household name, team name, coordinator of the latest (open first) case or NULL. */
wt_status privacy_db_subject(db *c, arena *a, int64_t person_id, db_result *r);

#endif
