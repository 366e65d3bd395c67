/*
 * network.h - the neighbourhood network: who knows whom, who can help whom.
 *
 * The community worker's knowledge of the social fabric, put to work:
 *   relations  between residents (family, friend, neighbour, acquaintance,
 *              informal carer of, volunteer for, conflict), with strength,
 *              since when, who told (source) and on which legal ground;
 *   offers     what a resident can and wants to do for others (a skill, hours);
 *   needs      what a household needs help with (from a plan action in the
 *              network or volunteer layer, a front door question, or a worker);
 *   matches    a neighbour asked to meet a need, followed up like an action;
 *   load       how much a helper carries (accepted matches, care he gives,
 *              his stated capacity, the worker's "carries much").
 *
 * Matching (network_match.c) proposes for a need the best neighbours to ask:
 * the skill fits and the offer is active; nobody in conflict with any member
 * of the household; nobody at his limit; people reachable through the
 * household's own network (breadth-first to depth 3 over current relations)
 * before strangers; nearer before further. Every proposal says why.
 *
 * The figures (network_graph.c, igraph) describe the team's subgraph only:
 * isolated residents (elderly living alone first), connectors (betweenness,
 * articulation points), clusters (components, communities), conflicts, and
 * the change since an earlier date.
 *
 * Privacy: this is personal data about people who may not be clients. It is
 * visible only to the workers and team leader of the team of the person's
 * household (PERM_HOUSEHOLD_READ / _WRITE with that team as target), never to
 * an administrator or policy officer; every read and write is audit-logged;
 * everything recorded about a resident can be listed and removed.
 */
#ifndef WT_NETWORK_H
#define WT_NETWORK_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"

#define NETWORK_NOTE_MAX 4000  /* long free text */
#define NETWORK_SHORT_MAX 200  /* short texts: a need, the legal ground note */
#define NETWORK_MAX_DEPTH 3    /* how far matching follows the household's network */
#define NETWORK_RADIUS_M 3000  /* the bounding box around the household for strangers */
#define NETWORK_WALK_M 500     /* walking distance */
#define NETWORK_PROPOSALS 10   /* proposals shown for one need */
#define NETWORK_DEFAULT_CAPACITY 2
#define NETWORK_ELDERLY_AGE 75
#define NETWORK_FOLLOW_UP_DAYS 14
#define NETWORK_TOP 20         /* connectors listed */
#define NETWORK_LIST 50        /* isolated residents, conflicts listed */
#define NETWORK_DUE_LIMIT 50   /* match follow-ups in the work queue */
#define NETWORK_DUE_DAYS 7
#define NETWORK_RECENT 5       /* matches and activities of a helper shown in the list, each */     /* the work queue shows follow-ups due within a week, like actions */

/* Code tables: code and Dutch label, NULL-terminated. */
typedef struct net_code {
    const char *code;
    const char *label;
} net_code;
extern const net_code network_kinds[];
extern const net_code network_sources[];
extern const net_code network_grounds[];
extern const net_code network_offer_sources[]; /* who recorded an offer: worker, frontdoor, resident */
extern const net_code network_skills[];
extern const net_code network_need_statuses[];
extern const net_code network_match_statuses[];
const char *network_label(const net_code *table, const char *code);
bool network_code_valid(const net_code *table, const char *code);

/* ---- pure rules (unit-tested) ---------------------------------------------------------------------------------- */

/* informal_carer_of and volunteer_for have a direction; the other kinds do not. */
bool network_kind_directed(const char *kind);
/*
 * How a relation "from is <kind> of to" is stored: undirected kinds once with
 * person_a < person_b; directed kinds as given (person_a the carer/volunteer).
 */
void network_order_pair(const char *kind, int64_t from, int64_t to, int64_t *a, int64_t *b);
/* Walking distance approximated by the great-circle distance, in metres. */
double network_distance_m(double lat1, double lon1, double lat2, double lon2);
/* The latitude/longitude box that holds every point within radius_m of (lat, lon). */
void network_bbox(double lat, double lon, double radius_m, double box[4]); /* min_lat, max_lat, min_lon, max_lon */
/* A helper is at his limit when his load reaches his capacity or the worker says he carries much. */
bool network_at_limit(int load, int capacity, bool carries_much);
/* "120 m" / "1,4 km" (arena). */
char *network_distance_text(arena *a, double metres);
/* May a match go from status `from` to status `to`? (proposed -> asked -> accepted -> ended; declined) */
bool network_match_transition_ok(const char *from, const char *to);
/* Is the follow-up of an open match overdue on `today`? (a follow-up date before today; none: never) */
bool network_follow_up_overdue(const char *follow_up_on, wt_date today);

/* One person who might be asked to meet a need, with everything the ranking looks at. */
typedef struct net_candidate {
    int64_t person_id;
    const char *name;
    int64_t household_id;
    int64_t offer_id;
    const char *skill;
    int hours_per_week;   /* -1: not stated */
    bool has_distance;
    double distance_m;
    int depth;            /* 1..NETWORK_MAX_DEPTH: reachable through the household's network; 0: a stranger */
    const char *link_kind; /* kind of the first relation on the path from the household */
    const char *member_name; /* the household member the path starts at */
    int64_t via_id;          /* depth >= 2: the person in between (next to the candidate) */
    const char *via_name;
    bool all_friends;        /* every relation on the path is a friendship */
    bool in_household;
    bool in_conflict;     /* in conflict with any member of the household */
    bool already_asked;   /* a match for this need exists already */
    int load;             /* accepted matches plus people he cares for */
    int capacity;
    bool carries_much;
    bool is_new_resident;
    /* filled by network_rank */
    const char *reasons;  /* "; "-separated Dutch reasons */
} net_candidate;

/*
 * Drops the candidates that must not be asked (household members, anyone in
 * conflict with the household, helpers at their limit, people already asked)
 * and orders the rest: network depth (1, 2, 3, then strangers), then distance
 * (unknown last), then the lighter load. Fills each one's reasons. Returns how
 * many remain at the front of c; *excluded_conflict and *excluded_limit count
 * the candidates left out for those reasons (either may be NULL).
 */
int network_rank(arena *a, net_candidate *c, int n, int *excluded_conflict, int *excluded_limit);

/* ---- the figures of a team's network (network_graph.c) --------------------------------------------------------- */

/* The figures of one moment. */
typedef struct net_snapshot {
    int residents;
    int relations;   /* current relations other than conflicts */
    int conflicts;
    int isolated;    /* residents without any relation */
    int isolated_elderly_alone; /* of whom NETWORK_ELDERLY_AGE or older and living alone */
    int clusters;    /* connected groups of two or more residents */
    int largest_cluster;
    int communities; /* community detection (Leiden, modularity) */
    double modularity;
} net_snapshot;

/* The result of igraph on one graph: nodes 0..n-1, undirected edges. */
typedef struct net_graph_result {
    int isolated;
    int clusters;      /* components of two or more nodes */
    int largest_cluster;
    int communities;
    double modularity;
    double *betweenness; /* per node (arena) */
    bool *articulation;  /* per node: removing it splits its group (arena) */
    int *degree;         /* per node (arena) */
} net_graph_result;

/* Runs igraph (serialised: igraph is not thread-safe). */
wt_status network_graph_compute(arena *a, int n, const int *from, const int *to, int m, net_graph_result *out);

/* What a helper did lately (the connectors and volunteers list): a match he was asked for, or an activity he organises or helps at. */
typedef struct net_recent {
    bool activity;     /* false: a match */
    const char *what;  /* match: the need's skill code; activity: its title */
    const char *state; /* match: its status code; activity: organiser or volunteer */
    const char *on;    /* match: last change (timestamp); activity: its first day */
    int64_t activity_id;
} net_recent;

typedef struct net_person_ref {
    int64_t person_id;
    int64_t household_id;
    const char *name;
    int age; /* -1 unknown */
    bool alone;
    double score; /* connectors: betweenness */
    bool bridge;  /* connectors: an articulation point */
    int degree;
    int recent_matches;
    net_recent *recent; /* helpers only: newest first, at most NETWORK_RECENT */
    int n_recent;
} net_person_ref;

typedef struct net_conflict_ref {
    net_person_ref a, b;
} net_conflict_ref;

typedef struct net_figures {
    const char *on;          /* YYYY-MM-DD */
    const char *compare_on;  /* NULL when no comparison */
    net_snapshot now;
    net_snapshot before;
    net_person_ref *connectors;
    int n_connectors;
    net_person_ref *isolated; /* elderly living alone first */
    int n_isolated;
    net_conflict_ref *conflicts;
    int n_conflicts;
} net_figures;

/* The team's figures today (and on compare_on when not NULL); cached until the data changes. Logs the read. */
wt_status network_figures(wt_ctx *ctx, const char *compare_on, errors *e, net_figures *out);

/* ---- records --------------------------------------------------------------------------------------------------- */

typedef struct net_relation {
    int64_t id;
    int64_t team_id;
    int64_t person_a, person_b;
    const char *name_a, *name_b;
    int64_t household_a, household_b;
    const char *kind;
    int strength;
    const char *since; /* NULL when unknown */
    const char *source;
    const char *legal_ground;
    const char *ground_note;
    const char *note;
    const char *recorded_by_name;
    const char *recorded_at;
    const char *ended_on; /* NULL while current */
} net_relation;

/* "person_id is <kind> of other_person_id"; strength 0: the default (2). */
typedef struct relation_input {
    int64_t person_id;
    int64_t other_person_id;
    const char *kind;
    int strength;
    const char *since;
    const char *source;
    const char *legal_ground;
    const char *ground_note;
    const char *note;
} relation_input;

typedef struct net_offer {
    int64_t id;
    int64_t person_id;
    const char *person_name;
    const char *skill;
    int hours_per_week; /* -1: not stated */
    const char *note;
    bool active;
    const char *legal_ground;
    const char *recorded_at;
    const char *source;   /* worker | frontdoor | resident */
    int64_t question_id;  /* the front door question it came from; 0: none */
} net_offer;

typedef struct offer_input {
    const char *skill;
    const char *hours_per_week; /* text as typed; NULL or "": not stated */
    const char *note;
    const char *legal_ground;   /* NULL: consent */
    const char *source;         /* NULL: worker; "resident": the resident recorded it himself */
} offer_input;

typedef struct net_load {
    int capacity;
    bool carries_much;
    int active_matches;
    int cares_for; /* current informal_carer_of / volunteer_for relations where he gives */
    int load;
    bool at_limit;
} net_load;

typedef struct net_need {
    int64_t id;
    int64_t team_id;
    int64_t household_id;
    const char *household_name;
    int64_t person_id; /* 0: the household as a whole */
    const char *person_name;
    const char *skill;
    const char *body;
    const char *source;
    int64_t action_id;
    int64_t question_id;
    const char *status;
    const char *created_at;
} net_need;

typedef struct need_input {
    int64_t household_id; /* 0: the household of person_id */
    int64_t person_id;    /* 0: the household as a whole */
    const char *skill;
    const char *body;
    int64_t question_id;  /* 0: none */
} need_input;

typedef struct net_match {
    int64_t id;
    int64_t need_id;
    int64_t offerer_id;
    const char *offerer_name;
    const char *status;
    const char *reasons;
    const char *note;
    const char *follow_up_on;
    const char *recorded_by_name;
    const char *recorded_at;
    const char *updated_at;
    /* for the work queue */
    int64_t household_id;
    const char *household_name;
    const char *need_body;
    bool overdue; /* network_matches_due_for: the follow-up date has passed */
} net_match;

typedef struct match_input {
    int64_t offerer_id;
    const char *status;       /* NULL: asked (create) / unchanged (update) */
    const char *reasons;
    const char *note;
    const char *follow_up_on; /* NULL: today + NETWORK_FOLLOW_UP_DAYS for open matches */
} match_input;

/* A person in the team found by name, for the relation form. */
typedef struct net_person_hit {
    int64_t id;
    int64_t household_id;
    const char *name;
    const char *birth_date;
    const char *address;
} net_person_hit;

/* Relations */
wt_status network_relations_of_household(wt_ctx *ctx, int64_t household_id, bool include_ended, net_relation **out,
                                         int *n);
wt_status network_relations_of_person(wt_ctx *ctx, int64_t person_id, bool include_ended, net_relation **out, int *n);
wt_status network_relation_add(wt_ctx *ctx, const relation_input *in, errors *e, int64_t *id);
wt_status network_relation_end(wt_ctx *ctx, int64_t id, const char *ended_on, errors *e);
/* Removal at the resident's request: the row is deleted (the audit trail keeps that it was). */
wt_status network_relation_remove(wt_ctx *ctx, int64_t id);
/* Team members found by name (prefix of given or family name), for the relation form. */
wt_status network_person_search(wt_ctx *ctx, const char *q, errors *e, net_person_hit **out, int *n);
/* Marks or unmarks a person as new in the neighbourhood (for a welcome visit). */
wt_status network_set_new_resident(wt_ctx *ctx, int64_t person_id, bool is_new);

/* Offers and load */
wt_status network_offers_of_person(wt_ctx *ctx, int64_t person_id, net_offer **out, int *n, net_load *load);
wt_status network_offer_add(wt_ctx *ctx, int64_t person_id, const offer_input *in, errors *e, int64_t *id);
/*
 * Volunteers through the front door: turns a front-door question of kind "offer" into an offer of
 * person_id (a member of the household the question is linked to, when it is linked), with source
 * "frontdoor" and the legal ground, and marks the question handled. Errors name question_id (not an
 * offer), person_id, skill, hours_per_week, note, legal_ground.
 */
wt_status network_offer_from_question(wt_ctx *ctx, int64_t question_id, int64_t person_id, const offer_input *in,
                                      errors *e, int64_t *id);
/* The members of a household of the team (need-to-know respected), for choosing a person on a form. */
wt_status network_members(wt_ctx *ctx, int64_t household_id, int64_t **ids, const char ***names, int *n);
wt_status network_offer_set_active(wt_ctx *ctx, int64_t offer_id, bool active, int64_t *person_id);
wt_status network_offer_remove(wt_ctx *ctx, int64_t offer_id, int64_t *person_id);
wt_status network_load_set(wt_ctx *ctx, int64_t person_id, const char *capacity, bool carries_much, errors *e);

/* Needs and matches */
wt_status network_need_add(wt_ctx *ctx, const need_input *in, errors *e, int64_t *id);
/* A need from a plan action in the network or volunteer layer. */
wt_status network_need_from_action(wt_ctx *ctx, int64_t action_id, const char *skill, errors *e, int64_t *id);
wt_status network_need_get(wt_ctx *ctx, int64_t id, net_need *out);
wt_status network_needs_of_household(wt_ctx *ctx, int64_t household_id, net_need **out, int *n);
wt_status network_needs_of_person(wt_ctx *ctx, int64_t person_id, net_need **out, int *n);
wt_status network_need_set_status(wt_ctx *ctx, int64_t id, const char *status, errors *e);
wt_status network_need_remove(wt_ctx *ctx, int64_t id, int64_t *household_id);
/* Proposals for a need, best first (at most NETWORK_PROPOSALS); logs the search and each proposed person. */
wt_status network_proposals(wt_ctx *ctx, int64_t need_id, net_need *need, net_candidate **out, int *n,
                            int *excluded_conflict, int *excluded_limit);
wt_status network_matches_of_need(wt_ctx *ctx, int64_t need_id, net_match **out, int *n);
wt_status network_match_add(wt_ctx *ctx, int64_t need_id, const match_input *in, errors *e, int64_t *id);
wt_status network_match_update(wt_ctx *ctx, int64_t id, const match_input *in, errors *e, int64_t *need_id);
/*
 * The work queue: the open matches the acting user recorded in his team whose follow-up is due within
 * `days` or overdue, soonest first, leaving out households whose case he may not see (need-to-know).
 */
wt_status network_matches_due_for(wt_ctx *ctx, int days, net_match **out, int *n);

/* Everything recorded about one resident (subject access), and its removal. */
typedef struct net_person_data {
    int64_t person_id;
    int64_t household_id;
    const char *name;
    net_relation *relations;
    int n_relations;
    net_offer *offers;
    int n_offers;
    net_need *needs;
    int n_needs;
    net_match *matches; /* where he was asked to help */
    int n_matches;
    net_load load;
} net_person_data;
wt_status network_person_data(wt_ctx *ctx, int64_t person_id, net_person_data *out);
wt_status network_person_data_remove(wt_ctx *ctx, int64_t person_id);

/* Volunteers and helpers of the team with their recent matches (community worker's list). */
wt_status network_helpers(wt_ctx *ctx, net_person_ref **out, int *n);

/* ---- shared by the files of this module ------------------------------------------------------------------------ */

/* May the actor's role read (write) network data at all? */
bool network_may(wt_ctx *ctx, bool write);
/* May the actor read (write) the network data of this team? FORBIDDEN for roles without it, NOTFOUND for another team. */
wt_status network_team_access(wt_ctx *ctx, bool write, int64_t team_id);
/* The same for a person; gives his household and name. */
wt_status network_person_access(wt_ctx *ctx, bool write, int64_t person_id, int64_t *household_id, const char **name);
/* Need-to-know: the network of a household that has a case is for whoever may see that case (case.h). */
wt_status network_household_need_to_know(wt_ctx *ctx, bool write, int64_t household_id);
/* Checks an optional text: at most max characters of valid UTF-8; "" becomes NULL. */
const char *network_check_text(errors *e, const char *field, const char *s, long max, bool required);

/* Demo relations, offers and needs among the team's demo residents. */
wt_status network_demo(wt_ctx *ctx, int64_t team_id, uint64_t seed);

#endif
