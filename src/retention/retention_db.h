/*
 * retention_db.h - SQL of retention and erasure (see retention.h).
 *
 * The removal statements of each kind take one selector of cases: either the
 * closed cases before a day (a retention run) or all cases of one household
 * (its anonymisation). Counts of removed rows go into a retention_tally.
 */
#ifndef WT_RETENTION_DB_H
#define WT_RETENTION_DB_H

#include "../db/db.h"
#include "retention.h"

/* kind, years, legal, updated_at */
wt_status retention_db_rules(db *c, arena *a, db_result *r);
wt_status retention_db_rule_set(db *c, const char *kind, int years, int legal, const char *at, int64_t user_id);

/* Removes the data of one kind of a case for the closed cases closed before `before` ("YYYY-MM-DD"). */
wt_status retention_db_purge_closed(db *c, const char *kind, const char *before, retention_tally *t);
/* Removes the data of every kind of a case for all cases of a household, and anonymises the cases. */
wt_status retention_db_purge_household_cases(db *c, int64_t household_id, retention_tally *t);
/* Signals, handled questions and the ended network before `before`. */
wt_status retention_db_purge_signals(db *c, const char *before, retention_tally *t);
wt_status retention_db_purge_questions(db *c, const char *before, retention_tally *t);
wt_status retention_db_purge_network(db *c, const char *before, retention_tally *t);

/* Households not anonymised yet with at least one case, none open, the last closed before `before`. */
wt_status retention_db_households_past(db *c, arena *a, const char *before, int64_t **ids, int *n);
/* The persons of a household. */
wt_status retention_db_household_persons(db *c, arena *a, int64_t household_id, int64_t **ids, int *n);
/* The household of a person (NOTFOUND when there is no such person). */
wt_status retention_db_person_household(db *c, arena *a, int64_t person_id, int64_t *household_id);
/* Every row about one person, and the person. */
wt_status retention_db_erase_person(db *c, int64_t person_id, const char *placeholder, retention_tally *t);
/* The household's own rows without its cases' dossier: needs, questions; its name gone. */
wt_status retention_db_household_anonymise(db *c, int64_t household_id, const char *at, retention_tally *t);

/* Whether the household has an open case, and the latest closing day of its closed cases (NULL: none). */
wt_status retention_db_household_cases(db *c, arena *a, int64_t household_id, bool *open, const char **last_closed);

wt_status retention_db_log_add(db *c, const char *at, const char *kind, bool dry_run, int64_t user_id,
                               int64_t person_ref, const char *summary);
/* id, at, kind, dry_run, user name, person_ref, summary; newest first */
wt_status retention_db_log(db *c, arena *a, int limit, db_result *r);

#endif
