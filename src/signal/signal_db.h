/* signal_db.h - SQL of signals and their follow-ups. */
#ifndef WT_SIGNAL_DB_H
#define WT_SIGNAL_DB_H

#include "../db/db.h"
#include "signal.h"

/* A new signal as stored. */
typedef struct signal_row {
    int64_t team_id, address_id, person_id;
    bool anonymous;
    const char *place, *kind, *noticed_by, *urgency, *description, *noticed_on;
    int follow_up_days;
    const char *next_due_on;
    int64_t round_stop_id;
    int64_t created_by;
    const char *created_at;
} signal_row;

typedef struct signal_close_row {
    const char *outcome, *note, *partner_name, *partner_service_key, *shared_what, *legal_ground;
    int64_t case_id;
    const char *closed_on;
    int64_t closed_by;
} signal_close_row;

wt_status signal_db_insert(db *c, const signal_row *r, int64_t *id);
wt_status signal_db_get(db *c, arena *a, int64_t id, wt_signal *out);
/* The address of a stop of one of the team's rounds; 0 when none. */
wt_status signal_db_stop_address(db *c, arena *a, int64_t team_id, int64_t stop_id, int64_t *address_id);
wt_status signal_db_followups(db *c, arena *a, int64_t signal_id, signal_followup **out, int *n);
wt_status signal_db_add_followup(db *c, int64_t signal_id, const char *at, int64_t by, const char *kind,
                                 bool contact_made, const char *note, const char *now);
wt_status signal_db_last_followup(db *c, arena *a, int64_t signal_id, const char **at);
wt_status signal_db_set_followed(db *c, int64_t id, const char *status, const char *next_due_on);
wt_status signal_db_close(db *c, int64_t id, const signal_close_row *r);
wt_status signal_db_list(db *c, arena *a, int64_t team_id, signal_filter f, const char *today, int limit, int offset,
                         wt_signal **out, int *n);
wt_status signal_db_list_for_case(db *c, arena *a, int64_t team_id, int64_t case_id, wt_signal **out, int *n);
wt_status signal_db_households(db *c, arena *a, int64_t team_id, int64_t address_id, int64_t **ids,
                               const char ***names, int *n);

#endif
