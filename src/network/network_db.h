/* network_db.h - SQL of relations, offers, needs, matches and helper load (see network.h). */
#ifndef WT_NETWORK_DB_H
#define WT_NETWORK_DB_H

#include "../db/db.h"
#include "network.h"

/* The team and household of a person; NOTFOUND when there is none. */
wt_status network_db_person_home(db *c, arena *a, int64_t person_id, int64_t *team_id, int64_t *household_id,
                                 const char **name);
/* team_id 0 when there is no such household. */
wt_status network_db_household_team(db *c, arena *a, int64_t household_id, int64_t *team_id, const char **name);
/* The ids and names of a household's members. */
wt_status network_db_members(db *c, arena *a, int64_t household_id, int64_t **ids, const char ***names, int *n);
/* Latitude and longitude of a household's address; *has false when unknown. */
wt_status network_db_household_coords(db *c, arena *a, int64_t household_id, bool *has, double *lat, double *lon);

/* Relations */
wt_status network_db_relation_insert(db *c, int64_t team_id, int64_t a, int64_t b, const relation_input *in,
                                     const char *now, int64_t user_id, int64_t *id);
wt_status network_db_relation_current(db *c, arena *a, int64_t pa, int64_t pb, const char *kind, bool *exists);
wt_status network_db_relation_get(db *c, arena *a, int64_t id, net_relation *out);
/* Relations touching any of the persons, current first, newest first; at most limit. */
wt_status network_db_relations_of(db *c, arena *a, const int64_t *ids, int n_ids, bool include_ended, int limit,
                                  net_relation **out, int *n);
wt_status network_db_relation_end(db *c, int64_t id, const char *ended_on, int64_t user_id);
wt_status network_db_relation_delete(db *c, int64_t id);

/* An edge as the matching walks it. */
typedef struct net_edge {
    int64_t a, b;
    const char *kind;
} net_edge;
/* Current relations other than conflicts, recorded by the team, that touch any of the persons. */
wt_status network_db_links(db *c, arena *a, int64_t team_id, const int64_t *ids, int n_ids, net_edge **out, int *n);
/* The persons in a current conflict, recorded by the team, with any of the persons. */
wt_status network_db_conflicts(db *c, arena *a, int64_t team_id, const int64_t *ids, int n_ids, int64_t **out, int *n);

/* Candidates: persons with an active offer of the skill, with distance data, household and load. */
typedef struct net_offer_row {
    int64_t person_id;
    int64_t household_id;
    const char *name;
    int64_t offer_id;
    int hours;
    bool has_coords;
    double lat, lon;
    int capacity;
    bool carries_much;
    int active_matches;
    bool is_new;
    int cares_for; /* current informal_carer_of / volunteer_for relations where he gives */
} net_offer_row;
/* The team's active offers of skill whose address lies in box (min_lat, max_lat, min_lon, max_lon); box NULL: any. */
wt_status network_db_offers_near(db *c, arena *a, int64_t team_id, const char *skill, const double *box, int limit,
                                 net_offer_row **out, int *n);
/* The team's active offers of skill of these persons. */
wt_status network_db_offers_of_persons(db *c, arena *a, int64_t team_id, const char *skill, const int64_t *ids,
                                       int n_ids, net_offer_row **out, int *n);
/* How many people each of these persons cares for (informal_carer_of / volunteer_for, current). */
wt_status network_db_cares_for(db *c, arena *a, int64_t person_id, int *count);
/* Names of persons, in the order of ids. */
wt_status network_db_names(db *c, arena *a, const int64_t *ids, int n_ids, const char ***names);

/* Offers and load */
/* Who or what recorded the offer, and the front door question it came from (0: none). */
wt_status network_db_offer_set_source(db *c, int64_t id, const char *source, int64_t question_id);
wt_status network_db_offer_insert(db *c, int64_t team_id, int64_t person_id, const char *skill, int hours,
                                  const char *note, const char *ground, const char *now, int64_t user_id, int64_t *id);
wt_status network_db_offers_of(db *c, arena *a, int64_t person_id, net_offer **out, int *n);
/* The person of an offer; NOTFOUND when none. */
wt_status network_db_offer_person(db *c, arena *a, int64_t offer_id, int64_t *person_id);
wt_status network_db_offer_set_active(db *c, int64_t offer_id, bool active, const char *now);
wt_status network_db_offer_delete(db *c, int64_t offer_id);
/* The stored load; capacity NETWORK_DEFAULT_CAPACITY when there is no row. */
wt_status network_db_load_get(db *c, arena *a, int64_t person_id, net_load *out);
wt_status network_db_load_set(db *c, int64_t person_id, int capacity, bool carries_much, int64_t user_id,
                              const char *now);
/* Recounts the accepted matches of a helper into helper_load. */
wt_status network_db_load_recount(db *c, arena *a, int64_t person_id, const char *now);

/* Needs */
wt_status network_db_need_insert(db *c, const net_need *n, int64_t user_id, int64_t *id);
wt_status network_db_need_get(db *c, arena *a, int64_t id, net_need *out);
/* Needs of a household (person_id 0) or of one person; newest first, at most limit. */
wt_status network_db_needs(db *c, arena *a, int64_t household_id, int64_t person_id, int limit, net_need **out,
                           int *n);
wt_status network_db_need_set_status(db *c, int64_t id, const char *status, const char *now);
wt_status network_db_need_delete(db *c, int64_t id);
/* The need made from an action already, 0 when none. */
wt_status network_db_need_of_action(db *c, arena *a, int64_t action_id, int64_t *need_id);

/* The plan action with its case's household and team (read by this module itself). */
typedef struct net_action_row {
    int64_t id;
    const char *body;
    const char *layer;
    const char *status;
    int64_t household_id;
    int64_t team_id;
    int64_t case_id;
} net_action_row;
wt_status network_db_action(db *c, arena *a, int64_t action_id, net_action_row *out);
/* The team and household of a front door question; NOTFOUND when none. */
wt_status network_db_question(db *c, arena *a, int64_t question_id, int64_t *team_id, int64_t *household_id);

/* Matches */
wt_status network_db_match_insert(db *c, int64_t need_id, const match_input *in, int64_t user_id, const char *now,
                                  int64_t *id);
wt_status network_db_match_get(db *c, arena *a, int64_t id, net_match *out);
wt_status network_db_matches_of_need(db *c, arena *a, int64_t need_id, net_match **out, int *n);
wt_status network_db_matches_of_offerer(db *c, arena *a, int64_t person_id, int limit, net_match **out, int *n);
wt_status network_db_match_update(db *c, int64_t id, const char *status, const char *note, const char *follow_up_on,
                                  const char *now);
/* Offerers already asked for this need. */
wt_status network_db_match_offerers(db *c, arena *a, int64_t need_id, int64_t **ids, int *n);
/* Is any match of the need accepted? */
wt_status network_db_need_has_accepted(db *c, arena *a, int64_t need_id, bool *yes);
/* Open matches the user recorded for households of the team, follow-up on or before `until`. */
wt_status network_db_matches_due(db *c, arena *a, int64_t user_id, int64_t team_id, const char *until, int limit,
                                 net_match **out, int *n);

/* The team's graph */
typedef struct net_team_person {
    int64_t id;
    int64_t household_id;
    const char *birth_date;
    bool is_new;
} net_team_person;
/* The team's residents registered before `before` (a date, exclusive), ordered by id. */
wt_status network_db_team_persons(db *c, arena *a, int64_t team_id, const char *before, net_team_person **out,
                                  int *n);
typedef struct net_team_relation {
    int64_t a, b;
    bool conflict;
} net_team_relation;
/* The team's relations recorded before `before` and not ended on `on`. */
wt_status network_db_team_relations(db *c, arena *a, int64_t team_id, const char *before, const char *on,
                                    net_team_relation **out, int *n);
/* A text that changes whenever the team's persons or relations change (the figures cache key). */
wt_status network_db_team_stamp(db *c, arena *a, int64_t team_id, const char **stamp);
/* Recent (since `since`) matches per helper, for persons. */
/* A helper's matches (asked, accepted, ended) and activities of the team (organiser, volunteer) since a day, newest first. */
wt_status network_db_helper_recent(db *c, arena *a, int64_t person_id, int64_t team_id, const char *since, int limit,
                                   net_recent **out, int *n);
wt_status network_db_recent_matches(db *c, arena *a, const int64_t *ids, int n_ids, const char *since, int *counts);
/* The team's helpers: persons with an active offer (or registered as volunteer / carer with an offer), at most limit. */
wt_status network_db_helpers(db *c, arena *a, int64_t team_id, const char *since, int limit, net_person_ref **out,
                             int *n);

/* Persons of the team whose folded full or family name starts with prefix. */
wt_status network_db_person_search(db *c, arena *a, int64_t team_id, const char *prefix, int limit,
                                   net_person_hit **out, int *n);

/* The demo: the team's residents with their address position, ordered by household. */
typedef struct net_demo_person {
    int64_t id;
    int64_t household_id;
    bool has_coords;
    double lat, lon;
    bool is_volunteer, is_carer;
} net_demo_person;
wt_status network_db_demo_persons(db *c, arena *a, int64_t team_id, net_demo_person **out, int *n);

/* Subject access: removal of everything about a person. */
wt_status network_db_person_remove(db *c, int64_t person_id);
wt_status network_db_set_new_resident(db *c, int64_t person_id, bool is_new);

#endif
