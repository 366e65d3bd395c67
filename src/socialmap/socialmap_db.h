/*
 * socialmap_db.h - the SQL of the social map: generic reads and writes of any
 * HSDS resource (one code path for all of them, driven by hsds_model.h), and
 * the service queries of the search.
 */
#ifndef WT_SOCIALMAP_DB_H
#define WT_SOCIALMAP_DB_H

#include "../db/db.h"
#include "hsds_model.h"
#include "socialmap.h"

wt_status smdb_get(db *c, arena *a, const hsds_resource *r, const char *id, hsds_row *out);
wt_status smdb_exists(db *c, arena *a, const hsds_resource *r, const char *id, bool *exists);
/* INSERT ... ON CONFLICT (id) DO UPDATE: a re-import updates by id. */
wt_status smdb_upsert(db *c, const hsds_row *row);
wt_status smdb_delete(db *c, const hsds_resource *r, const char *id);
/* Rows whose field equals value, by id, at most limit. */
wt_status smdb_where(db *c, arena *a, const hsds_resource *r, const char *field, const char *value, int limit,
                     hsds_row **out, int *n);
/* The next page of rows with id > after (NULL: from the start), by id. */
wt_status smdb_page(db *c, arena *a, const hsds_resource *r, const char *after, int limit, hsds_row **out, int *n);
/* Deletes the rows of r whose field equals value. */
wt_status smdb_delete_where(db *c, const hsds_resource *r, const char *field, const char *value);

/* wijkteam columns: last_checked and internal_note of organisations, last_checked of locations. */
wt_status smdb_set_wijkteam(db *c, const char *table, const char *id, const char *last_checked,
                            const char *internal_note, const char *name_folded, const char *now);
/* last_checked (and internal_note, NULL but for organisations) of an organisation, location, contact, schedule or term. */
wt_status smdb_get_wijkteam(db *c, arena *a, const char *table, const char *id, const char **last_checked,
                            const char **internal_note);

/* Services. */
wt_status smdb_service_get(db *c, arena *a, const char *id, sm_service *out);
wt_status smdb_service_set_internal(db *c, const char *id, bool published, const char *internal_note);
/* Fresh statistics of the search tables for the query planner (after a large import). */
wt_status smdb_analyze(db *c);
/* Rewrites the search points of a service (sm_service_point) from its row and its locations with coordinates. */
wt_status smdb_service_points(db *c, const char *id);
/* The services offered at a location. */
wt_status smdb_location_service_ids(db *c, arena *a, const char *location_id, const char ***ids, int *n);

/* What the derived columns and the word index are made of. */
typedef struct smdb_service_text {
    const char *name, *alternate_name, *description, *eligibility, *org_name, *org_alternate_name;
    const char **term_codes, **term_taxonomies, **term_names; /* attributes of the service */
    int n_terms;
    bool has_free_option;
    const char *fees_description;
    hsds_row *cost_options;
    int n_cost_options;
} smdb_service_text;
wt_status smdb_service_text_get(db *c, arena *a, const char *id, smdb_service_text *out);
wt_status smdb_service_set_derived(db *c, const char *id, const char *domains, const char *targets, const char *line,
                                   bool free_of_charge, const char *cost, const char *name_folded, const char *now);
wt_status smdb_service_words(db *c, const char *id, const char **words, const int *weights, int n);
/* Services of an organisation (ids), for a refresh after the organisation changed. */
wt_status smdb_org_service_ids(db *c, arena *a, const char *org_id, const char ***ids, int *n);
/* Removes the attributes of a service that point at terms of the given taxonomy. */
wt_status smdb_delete_service_terms(db *c, const char *service_id, const char *taxonomy_id);
wt_status smdb_delete_service_own_terms(db *c, const char *service_id);

/* Search: candidates with their nearest location (when a box is given) and a score per query word. */
typedef struct smdb_candidate {
    const char *id;
    double lat, lon;
    bool has_point;
    const char *location_name;
    const char *location_id;
    int score; /* sum of the best weights of the words; -1 when a word does not match */
    const char *name_folded;
    double near_d2; /* smdb_near: sm_near_d2 as the database computed it */
} smdb_candidate;

typedef struct smdb_search {
    const sm_query *q;
    const char **words; /* folded query words */
    int n_words;
    const sm_bbox *box; /* NULL: no distance */
    int limit, offset;  /* only for the plain list (no words, no box) */
} smdb_search_req;
wt_status smdb_search(db *c, arena *a, const smdb_search_req *s, smdb_candidate **out, int *n);
/*
 * A distance search without words: the points within n's radius that pass q's filters, nearest first (by_name:
 * by name, then nearest), at most limit rows; a service with several locations comes once per location.
 */
wt_status smdb_near(db *c, arena *a, const sm_query *q, const sm_bbox *box, const sm_near *n, bool by_name, int limit,
                    smdb_candidate **out, int *nout);
/* The number of services with a point within n's radius that pass q's filters (at most q->count_upto + 1). */
wt_status smdb_near_count(db *c, arena *a, const sm_query *q, const sm_bbox *box, const sm_near *n, long *total);
/* Published service_at_location rows matching the request's filters, words and box; a page by id, and the count. */
wt_status smdb_sal_list(db *c, arena *a, const smdb_search_req *s, hsds_row **out, int *n, long *total);
/* The most ids one query of the batch readers below takes. */
#define SMDB_IDS_MAX 200 /* the largest page: HSDS per_page */
/* The services of ids (at most SMDB_IDS_MAX), in no particular order; absent ones are left out. */
wt_status smdb_services_by_ids(db *c, arena *a, const char *const *ids, int n, sm_service **out, int *nout);
/* The first location (by name) of each service of ids, or NULL (location_ids has n slots). */
wt_status smdb_first_locations(db *c, arena *a, const char *const *ids, int n, const char **location_ids);
/* The name and address ("Kerkstraat 1, Leeuwarden" or NULL) of each location of ids (NULL ids are skipped). */
wt_status smdb_locations_by_ids(db *c, arena *a, const char *const *ids, int n, const char **names, const char **addresses);

wt_status smdb_organizations(db *c, arena *a, const char *prefix, int limit, int offset, hsds_row **out, int *n);
/* Referrals to a service (kind 'referral'): all of them and those accepted (accepted_on set). */
wt_status smdb_referral_counts(db *c, arena *a, const char *service_id, long *received, long *accepted);
wt_status smdb_to_check(db *c, arena *a, const char *before, int limit, int offset, sm_service **out, int *n);
/* The taxonomy terms attached to an entity (by attribute), by name. */
wt_status smdb_linked_terms(db *c, arena *a, const char *link_id, hsds_row **out, int *n);
/* The terms of a taxonomy by name, at most limit; every taxonomy by name. */
wt_status smdb_terms(db *c, arena *a, const char *taxonomy_id, int limit, hsds_row **out, int *n);
wt_status smdb_taxonomies(db *c, arena *a, int limit, hsds_row **out, int *n);
/* A page of rows by name (field = value when field is not NULL), and the count of all of them. */
wt_status smdb_list(db *c, arena *a, const hsds_resource *r, const sm_list_query *lq, const char *search_folded,
                    hsds_row **out, int *n, long *total);
/* The number of services matching the filters of q (no words, no distance; at most q->count_upto + 1). */
wt_status smdb_count_services(db *c, arena *a, const sm_query *q, long *n);
/* The mean position of the locations with an address in postcode pc ("8923 AB", or "8923" for the area). */
wt_status smdb_postcode_point(db *c, arena *a, const char *pc, double *lat, double *lon, bool *found);
/* Organisations, locations, contacts, schedules or terms whose last_checked is missing or before the date, oldest first. */
wt_status smdb_stale(db *c, arena *a, const char *resource, const char *before, int limit, sm_stale **out, int *n);
/*
 * Sets the date of the last check (NULL: never) of a service (assured_date), organisation, location, contact,
 * schedule or taxonomy term (last_checked); now is the updated_at of the tables that have one.
 */
wt_status smdb_mark_checked(db *c, const char *table, const char *id, const char *day, const char *now);
/* The dates of the last check of the rows ids of table, dates[i] for ids[i] (NULL: never, or no such row). */
wt_status smdb_checked_dates(db *c, arena *a, const char *table, const char *const *ids, int n, const char **dates);
/* Counts for the HSDS API pages. */
wt_status smdb_count(db *c, arena *a, const char *table, const char *where_published, long *n);

#endif
