/*
 * socialmap.h - the social map (sociale kaart): organisations, services,
 * locations, contacts, opening hours and categories around the team, stored
 * after Open Referral HSDS 3.0 (see hsds_model.h).
 *
 * It holds no resident data: every logged-in worker, team leader, policy
 * officer and administrator may read it (PERM_SOCIALMAP_READ); workers, team
 * leaders and the administrator maintain it (PERM_SOCIALMAP_WRITE). The one
 * personal datum it touches is a household's address, when a worker searches
 * "within 2 km of this household": that goes through household_get, which
 * checks access and logs the read.
 *
 * wijkteam's own view of a service: its life domains, target groups and line
 * (first or second) are HSDS attributes pointing at wijkteam's own taxonomies
 * (fixed ids, seeded by the migration), mirrored into columns of sm_service
 * for search; "free of charge" is a cost option with amount 0. Every kind of
 * entry carries the date it was last checked: a service in HSDS's
 * assured_date, organisations, locations, contacts, schedules and taxonomy
 * terms in wijkteam's own last_checked (never published). Entries not checked
 * for a year are flagged.
 *
 * Referrals (src/referral/) point at services: socialmap_service_get() is
 * their stable entry point.
 */
#ifndef WT_SOCIALMAP_H
#define WT_SOCIALMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"
#include "hsds_model.h"

/* The Netherlands, roughly: every coordinate on the map lies in this box. */
#define SM_NL_LAT_MIN 50.7
#define SM_NL_LAT_MAX 53.6
#define SM_NL_LON_MIN 3.3
#define SM_NL_LON_MAX 7.3

#define SM_PAGE 20
/* A search page counts its matches up to this many; beyond it says "more than" (sm_query.count_upto). */
#define SM_COUNT_UPTO 200
#define SM_CHECK_DAYS 365 /* an entry older than this is flagged "check again" */
#define SM_STALE_MAX 200  /* organisations and locations the check list shows at most */
#define SM_KM_MAX 100.0

/* wijkteam's own taxonomies (sql/migrations/0005_socialmap.sql). */
#define SM_TAXONOMY_DOMAINS "5e1f0000-0000-4000-8000-000000000001"
#define SM_TAXONOMY_TARGETS "5e1f0000-0000-4000-8000-000000000002"
#define SM_TAXONOMY_LINE "5e1f0000-0000-4000-8000-000000000003"
#define SM_TAXONOMY_OWN "5e1f0000-0000-4000-8000-000000000004"

typedef struct sm_code {
    const char *code;
    const char *label;   /* Dutch */
    const char *term_id; /* the taxonomy term, for domains, target groups and line */
} sm_code;

/* NULL-terminated lists. */
extern const sm_code sm_life_domains[];
extern const sm_code sm_target_groups[];
extern const sm_code sm_lines[];
extern const sm_code sm_languages[]; /* ISO 639 codes offered in the forms */
extern const sm_code sm_service_statuses[];
extern const sm_code sm_costs[]; /* free, contribution, paid */
const char *sm_code_label(const sm_code *list, const char *code);
/* True when the space-separated set " care money " holds code. */
bool sm_set_has(const char *set, const char *code);

/* ---- Pure rules (unit-tested) ---- */

/* Great-circle distance in km (haversine, mean earth radius 6371.0088 km). */
double sm_distance_km(double lat1, double lon1, double lat2, double lon2);

typedef struct sm_bbox {
    double min_lat, max_lat, min_lon, max_lon;
} sm_bbox;
/* The rows of latitude the points of the map are indexed by: sm_service_point.lat_row = floor(lat * this), rows
   of 0.02 degrees (about 2.2 km); migration 0026 writes the same number. */
#define SM_ROWS_PER_DEGREE 50
/* The smallest latitude/longitude box that holds every point within km of (lat, lon). */
sm_bbox sm_bbox_around(double lat, double lon, double km);
bool sm_in_netherlands(double lat, double lon);

/*
 * Distances around a point as the database computes them to order and count a distance search: flat
 * (equirectangular), with the east-west scale cos(latitude) taken halfway between the point and the
 * other (to first order), in degrees of latitude squared. Within 100 km it differs from the great-circle
 * distance by less than 0.05 %.
 */
typedef struct sm_near {
    double lat, lon; /* the point */
    double k0;       /* cos(lat) */
    double s0h;      /* sin(lat) * pi / 360: the change of the scale per degree north, halved */
    double r2;       /* the radius, squared (degrees of latitude) */
} sm_near;
sm_near sm_near_around(double lat, double lon, double km);
/* The squared distance from n's point to (lat, lon), in degrees of latitude squared (what the SQL computes). */
double sm_near_d2(const sm_near *n, double lat, double lon);
/* Kilometres from a squared distance of sm_near_d2. */
double sm_near_km(double d2);
/* True when last_checked (YYYY-MM-DD or a timestamp) is missing or more than a year before today. */
bool sm_needs_check(const char *last_checked, wt_date today);
/*
 * True when entries of resource carry the date of their last check: service (HSDS assured_date),
 * organization, location, contact, schedule and taxonomy_term (wijkteam's own last_checked, never published).
 */
bool sm_checked_kind(const char *resource);

/*
 * What a service costs, from its HSDS cost options (option, amount, amount_description) and its
 * fees_description, as a set of sm_costs codes (" free contribution ", "" when nothing is known):
 * free: an option with amount 0 (the same as free_of_charge); contribution (eigen bijdrage): an option
 * (not of amount 0) or the fees description that speaks of a bijdrage, contributie or lidmaatschap; paid:
 * an option with an amount above 0 that is no contribution, or (without options) a fees description that
 * is neither a contribution nor free (gratis, kosteloos, geen kosten). The migration 0022 says the same in SQL.
 */
char *sm_cost_set(arena *a, const hsds_row *options, int n, const char *fees_description);

/* Day of the week, 0 = Monday .. 6 = Sunday. */
int sm_weekday(wt_date d);
/* Checks a schedule row (freq, byday, bymonthday, times, interval); adds problems under prefix.field. */
void sm_schedule_validate(arena *a, const hsds_row *s, const char *prefix, errors *e);
/* True when the schedule says open on day at minute (0..1439 after midnight, local time). */
bool sm_schedule_open_at(const hsds_row *s, wt_date day, int minute);
/* "maandag en donderdag 09:00-12:00", "elke eerste dinsdag van de maand 19:30-21:00" (arena). */
char *sm_schedule_describe(arena *a, const hsds_row *s);

/* A random (version 4) UUID; a UUID derived from a text (the same text gives the same id). */
char *sm_uuid_new(arena *a);
char *sm_uuid_derived(arena *a, const char *seed);

/* The stem of a folded query word, used as a prefix: "schulden" -> "schuld", "ouders" -> "ouder". */
char *sm_stem(arena *a, const char *word);
/* Lower-case, diacritic-free words of a text for the search index; calls fn for each word of 2+ characters that is no stop word. */
void sm_words(arena *a, const char *text, void (*fn)(void *u, const char *word), void *u);

/* ---- The map, with the acting context ---- */

typedef struct sm_service {
    const char *id;
    const char *organization_id;
    const char *organization_name;
    const char *name;
    const char *alternate_name;
    const char *description;
    const char *status; /* active, inactive, defunct, temporarily closed */
    const char *url;
    const char *email;
    const char *application_process;     /* how to refer */
    const char *eligibility_description; /* for whom */
    const char *fees_description;
    const char *wait_time;
    const char *assured_date; /* last checked */
    int minimum_age, maximum_age; /* -1 when not given */
    const char *life_domains;  /* " care money " */
    const char *target_groups; /* " elderly " */
    const char *line;          /* "first", "second" or NULL */
    bool free_of_charge;
    const char *cost;          /* " free contribution paid " (sm_cost_set) */
    bool published;            /* offered to other directories over /hsds/ */
    const char *internal_note; /* for the team only */
    bool needs_check;
} sm_service;

/* One service; WT_NOTFOUND when there is none with this key. */
wt_status socialmap_service_get(wt_ctx *ctx, const char *key, sm_service *out);

typedef struct sm_query {
    const char *q;        /* free text, with or without diacritics */
    const char *domain;   /* life domain code */
    const char *target;   /* target group code */
    const char *line;     /* "first" / "second" */
    const char *language; /* ISO 639 code */
    const char *organization_id;
    const char *taxonomy_term_id; /* HSDS API filters */
    const char *taxonomy_id;
    const char *modified_after;
    bool free_only;
    const char *cost;   /* a code of sm_costs: free, contribution (eigen bijdrage), paid */
    bool include_ended; /* also inactive and defunct services */
    bool published_only;
    int age;            /* -1: any */
    int64_t household_id; /* distance from this household's address */
    const char *postcode; /* distance from the middle of this postcode ("8923 AB" or "8923") */
    bool has_point;       /* distance from (lat, lon) */
    double lat, lon;
    double km;          /* radius; default 2 */
    const char *sort;   /* "distance", "relevance", "name"; NULL: the best for the query (relevance minus
                           one point per km with words and a point, else relevance or distance) */
    int limit, offset;
    long count_upto; /* 0: *total counts every match; else counting stops after count_upto + 1 matches (a page
                        says "more than count_upto"; the HSDS API needs the exact number) */
} sm_query;

typedef struct sm_hit {
    sm_service s;
    double distance_km; /* -1 without a point */
    int relevance;
    const char *location_name;
    const char *address; /* "Kerkstraat 1, Leeuwarden" or NULL */
} sm_hit;

/* Initial values: any age, 2 km, first page. */
void sm_query_init(sm_query *q);
/*
 * Searches the map. Checks the query (errors by field: q, km, household,
 * domain, ...), resolves the household's address through household_get
 * (access checked, read logged). *origin names the point ("Huishouden
 * Jansen") when there is one. *more is true when a next page exists; *total
 * (when not NULL) gets the number of all matches.
 */
wt_status socialmap_search(wt_ctx *ctx, sm_query *q, errors *e, sm_hit **out, int *n, bool *more,
                           const char **origin, long *total);

typedef struct sm_location_view {
    hsds_row loc;
    hsds_row *addresses;
    int n_addresses;
    hsds_row *schedules;
    int n_schedules;
    hsds_row *phones;
    int n_phones;
    const char *last_checked;
    hsds_row *sal_schedules; /* the opening hours of the service at this location */
    int n_sal_schedules;
} sm_location_view;

typedef struct sm_contact_view {
    hsds_row c;
    const char *last_checked;
    hsds_row *phones;
    int n_phones;
} sm_contact_view;

typedef struct sm_service_detail {
    sm_service s;
    hsds_row service;
    hsds_row org;
    sm_location_view *locs;
    int n_locs;
    hsds_row *schedules; /* of the service itself */
    int n_schedules;
    sm_contact_view *contacts;
    int n_contacts;
    hsds_row *phones;
    int n_phones;
    hsds_row *org_phones; /* the organisation's numbers */
    int n_org_phones;
    hsds_row *languages;
    int n_languages;
    hsds_row *cost_options;
    int n_cost_options;
    hsds_row *terms; /* every taxonomy term attached (incl. wijkteam's own) */
    int n_terms;
} sm_service_detail;

wt_status socialmap_service_detail(wt_ctx *ctx, const char *key, sm_service_detail *out);

/*
 * The published map (the public HSDS API, PERM_SOCIALMAP_PUBLISHED): a
 * service only when it is published; organizations, taxonomies and terms.
 */
wt_status socialmap_published_get(wt_ctx *ctx, const char *resource, const char *key, hsds_row *out);

/*
 * The published services at their locations (the HSDS API's service_at_locations): filters of q
 * (text, organisation, taxonomy, modified after; a postcode with km as the box around its middle),
 * a page by id and the number of all of them.
 */
wt_status socialmap_published_sals(wt_ctx *ctx, sm_query *q, errors *e, hsds_row **out, int *n, long *total);

/* One row of any resource; WT_NOTFOUND when absent. */
wt_status socialmap_get(wt_ctx *ctx, const char *resource, const char *key, hsds_row *out);
/* The rows of resource whose field equals key (at most 500, by id). */
wt_status socialmap_children(wt_ctx *ctx, const char *resource, const char *field, const char *key, hsds_row **out,
                             int *n);
/* What socialmap_list lists: a page of a small resource (taxonomy, taxonomy_term, organization) by name. */
typedef struct sm_list_query {
    const char *resource;
    const char *field, *value; /* optional: field = value (taxonomy_id, parent_id) */
    const char *search;        /* optional: organisations whose name begins with it, terms whose name holds it */
    bool top_only;             /* terms without a parent */
    int limit, offset;
} sm_list_query;
wt_status socialmap_list(wt_ctx *ctx, const sm_list_query *lq, hsds_row **out, int *n, long *total);
/* A page of organisations by name (q: folded name prefix, may be NULL). */
wt_status socialmap_organizations(wt_ctx *ctx, const char *q, int limit, int offset, hsds_row **out, int *n,
                                  bool *more);
/* The last_checked (and the internal note of an organisation) of an organisation, location, contact, schedule or term. */
wt_status socialmap_wijkteam_fields(wt_ctx *ctx, const char *resource, const char *key, const char **last_checked,
                                    const char **internal_note);
/* Services not checked for a year, oldest first. */
wt_status socialmap_to_check(wt_ctx *ctx, int limit, int offset, sm_service **out, int *n, bool *more);

/*
 * How many referrals (src/support: referral.service_id, kind 'referral') a service received and how many
 * of them were accepted: aggregate numbers only, nothing about the persons referred.
 */
wt_status socialmap_referral_counts(wt_ctx *ctx, const char *key, long *received, long *accepted);

/* A service as a picker offers it (the referral form of a case). */
typedef struct sm_choice {
    const char *id;
    const char *name;
    const char *organization_id;
    const char *organization_name;
} sm_choice;
/*
 * The services a picker offers: matching text (free text as the search reads it; NULL or "" for all, by name),
 * at most limit (1..100, else 20). With socialmap_service_get (one service by id) this is what other domains use.
 */
wt_status socialmap_service_choices(wt_ctx *ctx, const char *text, int limit, sm_choice **out, int *n);

/*
 * The contacts of a service, organisation or location (field: "service_id", "organization_id" or
 * "location_id" = key), each with its phones and the date of its last check.
 */
wt_status socialmap_contacts(wt_ctx *ctx, const char *field, const char *key, sm_contact_view **out, int *n);

/* An entry other than a service not checked for a year (the wijkteam column last_checked). */
typedef struct sm_stale {
    const char *id;
    const char *name;            /* contacts: name, title or department; schedules: their service or location */
    const char *last_checked;    /* NULL: never */
    const char *organization_id; /* the organisation whose page shows it (NULL for terms) */
    const char *service_id;      /* contacts and schedules of a service: the service */
} sm_stale;
/*
 * Entries of resource ("organization", "location", "contact", "schedule", "taxonomy_term") not checked for a
 * year, oldest first (at most limit); services: socialmap_to_check.
 */
wt_status socialmap_stale(wt_ctx *ctx, const char *resource, int limit, sm_stale **out, int *n);
/* Marks an entry of a kind sm_checked_kind knows as checked today. */
wt_status socialmap_mark_checked(wt_ctx *ctx, const char *resource, const char *key);
/* Sets the date of its last check (YYYY-MM-DD, not in the future; NULL: never); errors under "last_checked". */
wt_status socialmap_set_checked(wt_ctx *ctx, const char *resource, const char *key, const char *day, errors *e);
/* The dates of the last check of rows of resource (a kind of sm_checked_kind): (*dates)[i] for rows[i] (arena). */
wt_status socialmap_checked_dates(wt_ctx *ctx, const char *resource, const hsds_row *rows, int n, const char ***dates);
/*
 * The middle of a Dutch postcode ("8923 AB", "8923AB" or the 4 digits "8923"), as the mean of the
 * locations on the map with an address in it: with 6 positions the street, else the 4-digit area.
 * WT_NOTFOUND when the map has no location there.
 */
wt_status socialmap_postcode_point(wt_ctx *ctx, const char *postcode, double *lat, double *lon);
/* "8923 AB" from "8923ab" / "8923 AB"; "8923" stays "8923"; NULL when neither (arena). */
char *sm_postcode_normalise(arena *a, const char *in);
/* The terms of a taxonomy (at most 500, by name); taxonomies (at most 100). */
wt_status socialmap_terms(wt_ctx *ctx, const char *taxonomy_id, hsds_row **out, int *n);
wt_status socialmap_taxonomies(wt_ctx *ctx, hsds_row **out, int *n);

/* ---- Maintenance (PERM_SOCIALMAP_WRITE); the caller owns the transaction ---- */

/* Whether the actor may maintain the map (to offer the forms at all). */
bool socialmap_may_write(wt_ctx *ctx);

/* An organisation, with one phone number and the wijkteam fields. A new one gets an id (row id NULL). */
wt_status socialmap_save_organization(wt_ctx *ctx, hsds_row *org, const char *phone, const char *last_checked,
                                      const char *internal_note, errors *e);

typedef struct sm_service_extra {
    const char **domains; /* codes */
    int n_domains;
    const char **targets;
    int n_targets;
    const char *line; /* "first", "second" or NULL */
    const char **own_terms; /* term ids of other taxonomies */
    int n_own_terms;
    const char **languages; /* ISO codes */
    int n_languages;
    const char **location_ids; /* where the service is offered */
    int n_location_ids;
    const char *phone;
    bool free_of_charge;
    bool published;
    const char *internal_note;
} sm_service_extra;

wt_status socialmap_save_service(wt_ctx *ctx, hsds_row *svc, const sm_service_extra *x, errors *e);
/* A location with its (one) address; addr may have no fields filled (then no address). */
wt_status socialmap_save_location(wt_ctx *ctx, hsds_row *loc, hsds_row *addr, const char *last_checked, errors *e);
/*
 * A contact with one phone number (NULL: none), a schedule, a term of a taxonomy that is not one of wijkteam's
 * fixed ones; each with the date of its last check (as socialmap_set_checked; NULL: never).
 */
wt_status socialmap_save_contact(wt_ctx *ctx, hsds_row *contact, const char *phone, const char *last_checked,
                                 errors *e);
wt_status socialmap_save_schedule(wt_ctx *ctx, hsds_row *sched, const char *last_checked, errors *e);
wt_status socialmap_save_term(wt_ctx *ctx, hsds_row *term, const char *last_checked, errors *e);
/* Removes a schedule or a contact (with its phones). */
wt_status socialmap_delete(wt_ctx *ctx, const char *resource, const char *key);
/* The wijkteam-only fields of a service (API). */
wt_status socialmap_set_service_internal(wt_ctx *ctx, const char *key, bool published, const char *internal_note);

/* Recomputes the derived columns and the search words of a service (after any change to it or its rows). */
wt_status socialmap_refresh_service(wt_ctx *ctx, const char *service_id);

#endif
