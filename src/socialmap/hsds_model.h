/*
 * hsds_model.h - the Open Referral HSDS 3.0 data model as a table, and one
 * row of any of its resources.
 *
 * Every HSDS resource (organization, service, location, schedule, ...) is
 * described once here: its tabular file name, its table (sm_<name>), and its
 * fields in the standard's order with their kind, whether the standard
 * requires them, and which resource a reference points to. The importer,
 * the exporter, the HSDS API and the storage are written once against this
 * table, so every resource travels in and out the same way.
 *
 * A row holds its values as text (NULL when empty), exactly as they are
 * written in a CSV cell: numbers as "53.2", dates as "2026-01-31".
 */
#ifndef WT_HSDS_MODEL_H
#define WT_HSDS_MODEL_H

#include <stdbool.h>

#include "../core/arena.h"
#include "../core/status.h"

typedef enum hf_kind {
    HF_TEXT,     /* short text, at most 200 characters */
    HF_LONG,     /* long text, at most 4000 characters */
    HF_EXTENT,   /* a geometry (GeoJSON, WKT), at most 65536 characters */
    HF_UUID,     /* an HSDS identifier */
    HF_EMAIL,
    HF_URI,      /* absolute: scheme:... */
    HF_NUMBER,
    HF_DATE,     /* YYYY-MM-DD */
    HF_DATETIME, /* RFC 3339 with a time zone */
    HF_TIME,     /* HH:MM or HH:MM:SS */
    HF_ENUM,
} hf_kind;

typedef struct hsds_field {
    const char *name;
    hf_kind kind;
    bool required;           /* required in the tabular package */
    const char *ref;         /* resource this identifier points to, or NULL */
    const char *const *enums; /* NULL-terminated, for HF_ENUM */
} hsds_field;

typedef struct hsds_resource {
    const char *name;  /* "service" */
    const char *file;  /* "services.csv" */
    const char *table; /* "sm_service" */
    const hsds_field *fields;
    int nfields;
} hsds_resource;

/* In dependency order: a resource only points at resources before it (or at itself). */
extern const hsds_resource hsds_resources[];
extern const int hsds_nresources;

const hsds_resource *hsds_resource_by_name(const char *name);
const hsds_resource *hsds_resource_by_file(const char *file);
/* Position of the resource in hsds_resources, -1 when unknown. */
int hsds_resource_index(const hsds_resource *r);
/* Index of a field, -1 when the resource has no such field. */
int hsds_field_index(const hsds_resource *r, const char *name);

/*
 * How the JSON objects nest (the compiled schemas): a parent's property is
 * an array of child rows whose field fk holds the parent's id, or (single) one
 * child object whose id the parent's field fk holds. "attributes" and
 * "metadata" hang on their parent by link_id / resource_id.
 */
typedef struct hsds_nest {
    const char *parent;
    const char *prop;
    const char *child;
    const char *fk;
    bool single;
} hsds_nest;

extern const hsds_nest hsds_nests[];
extern const int hsds_nnests;

typedef struct hsds_row {
    const hsds_resource *res;
    const char **v; /* one per field; NULL when empty */
} hsds_row;

hsds_row hsds_row_new(arena *a, const hsds_resource *r);
const char *hsds_get(const hsds_row *row, const char *field);
/* Sets a field (ignored when the resource has no such field); "" and white space become NULL. */
void hsds_set(arena *a, hsds_row *row, const char *field, const char *value);
/* Sets without trimming (value already normalised or NULL). */
void hsds_set_raw(hsds_row *row, const char *field, const char *value);

/*
 * Checks one row on its own: required fields, kinds, lengths, enumerations,
 * and the rules of the resource (coordinates in the Netherlands, a valid
 * schedule, ages in order). Problems are added to e under the field name
 * (prefix + field, e.g. "location.latitude"), in Dutch. Identifiers are
 * lower-cased in place.
 */
void hsds_validate_row(arena *a, hsds_row *row, const char *prefix, errors *e);

/* The Dutch label of a field the forms show ("postal_code" -> "Postcode"); else the field's own name. */
const char *hsds_field_label(const char *field);

/* Pure checks, also used by the forms. */
bool hsds_uuid_valid(const char *s);
bool hsds_email_valid(const char *s);
bool hsds_uri_valid(const char *s);
bool hsds_time_valid(const char *s);     /* "09:00", "17:30:00" */
bool hsds_datetime_valid(const char *s); /* "2026-01-31T12:00:00Z", "...+01:00" */
bool hsds_number_parse(const char *s, double *out);
/* A number as HSDS writes it: "12", "53.2012" (arena). */
char *hsds_number_format(arena *a, double v);

#endif
