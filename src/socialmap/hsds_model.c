/* hsds_model.c - the HSDS 3.0 resources and the checks on one row (see hsds_model.h). */
#include "hsds_model.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "socialmap.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tables below follow the standard's datapackage.json field by field. */
static const char *const enum_service_status[] = {"active", "inactive", "defunct", "temporarily closed", NULL};
static const char *const enum_location_location_type[] = {"physical", "postal", "virtual", NULL};
static const char *const enum_address_address_type[] = {"physical", "postal", "virtual", NULL};
static const char *const enum_schedule_wkst[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU", NULL};
static const char *const enum_schedule_freq[] = {"WEEKLY", "MONTHLY", NULL};
static const hsds_field f_organization[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"name", HF_TEXT, true, NULL, NULL},
    {"alternate_name", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, true, NULL, NULL},
    {"email", HF_EMAIL, false, NULL, NULL},
    {"website", HF_URI, false, NULL, NULL},
    {"tax_status", HF_TEXT, false, NULL, NULL},
    {"tax_id", HF_TEXT, false, NULL, NULL},
    {"year_incorporated", HF_NUMBER, false, NULL, NULL},
    {"legal_status", HF_TEXT, false, NULL, NULL},
    {"logo", HF_TEXT, false, NULL, NULL},
    {"uri", HF_URI, false, NULL, NULL},
    {"parent_organization_id", HF_UUID, false, "organization", NULL},
};
static const hsds_field f_program[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"organization_id", HF_UUID, true, "organization", NULL},
    {"name", HF_TEXT, true, NULL, NULL},
    {"alternate_name", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, true, NULL, NULL},
};
static const hsds_field f_taxonomy[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"name", HF_TEXT, true, NULL, NULL},
    {"description", HF_LONG, true, NULL, NULL},
    {"uri", HF_URI, false, NULL, NULL},
    {"version", HF_TEXT, false, NULL, NULL},
};
static const hsds_field f_taxonomy_term[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"code", HF_TEXT, false, NULL, NULL},
    {"name", HF_TEXT, true, NULL, NULL},
    {"description", HF_LONG, true, NULL, NULL},
    {"parent_id", HF_UUID, false, "taxonomy_term", NULL},
    {"taxonomy", HF_TEXT, false, NULL, NULL},
    {"language", HF_TEXT, false, NULL, NULL},
    {"taxonomy_id", HF_UUID, false, "taxonomy", NULL},
    {"term_uri", HF_URI, false, NULL, NULL},
};
static const hsds_field f_service[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"organization_id", HF_UUID, true, "organization", NULL},
    {"program_id", HF_UUID, false, "program", NULL},
    {"name", HF_TEXT, true, NULL, NULL},
    {"alternate_name", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, false, NULL, NULL},
    {"url", HF_URI, false, NULL, NULL},
    {"email", HF_EMAIL, false, NULL, NULL},
    {"status", HF_ENUM, true, NULL, enum_service_status},
    {"interpretation_services", HF_LONG, false, NULL, NULL},
    {"application_process", HF_LONG, false, NULL, NULL},
    {"fees_description", HF_LONG, false, NULL, NULL},
    {"wait_time", HF_LONG, false, NULL, NULL},
    {"fees", HF_LONG, false, NULL, NULL},
    {"accreditations", HF_LONG, false, NULL, NULL},
    {"eligibility_description", HF_LONG, false, NULL, NULL},
    {"minimum_age", HF_NUMBER, false, NULL, NULL},
    {"maximum_age", HF_NUMBER, false, NULL, NULL},
    {"assured_date", HF_DATE, false, NULL, NULL},
    {"assurer_email", HF_EMAIL, false, NULL, NULL},
    {"licenses", HF_LONG, false, NULL, NULL},
    {"alert", HF_LONG, false, NULL, NULL},
    {"last_modified", HF_DATETIME, false, NULL, NULL},
};
static const hsds_field f_location[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"location_type", HF_ENUM, true, NULL, enum_location_location_type},
    {"url", HF_URI, false, NULL, NULL},
    {"organization_id", HF_UUID, false, "organization", NULL},
    {"name", HF_TEXT, false, NULL, NULL},
    {"alternate_name", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, false, NULL, NULL},
    {"transportation", HF_LONG, false, NULL, NULL},
    {"latitude", HF_NUMBER, false, NULL, NULL},
    {"longitude", HF_NUMBER, false, NULL, NULL},
    {"external_identifier", HF_TEXT, false, NULL, NULL},
    {"external_identifier_type", HF_TEXT, false, NULL, NULL},
};
static const hsds_field f_service_at_location[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"service_id", HF_UUID, true, "service", NULL},
    {"location_id", HF_UUID, true, "location", NULL},
    {"description", HF_LONG, false, NULL, NULL},
};
static const hsds_field f_contact[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"organization_id", HF_UUID, false, "organization", NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"service_at_location_id", HF_UUID, false, "service_at_location", NULL},
    {"location_id", HF_UUID, false, "location", NULL},
    {"name", HF_TEXT, false, NULL, NULL},
    {"title", HF_TEXT, false, NULL, NULL},
    {"department", HF_TEXT, false, NULL, NULL},
    {"email", HF_EMAIL, false, NULL, NULL},
};
static const hsds_field f_phone[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"location_id", HF_UUID, false, "location", NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"organization_id", HF_UUID, false, "organization", NULL},
    {"contact_id", HF_UUID, false, "contact", NULL},
    {"service_at_location_id", HF_UUID, false, "service_at_location", NULL},
    {"number", HF_TEXT, true, NULL, NULL},
    {"extension", HF_NUMBER, false, NULL, NULL},
    {"type", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, false, NULL, NULL},
};
static const hsds_field f_address[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"location_id", HF_UUID, false, "location", NULL},
    {"attention", HF_TEXT, false, NULL, NULL},
    {"address_1", HF_TEXT, true, NULL, NULL},
    {"address_2", HF_TEXT, false, NULL, NULL},
    {"city", HF_TEXT, true, NULL, NULL},
    {"region", HF_TEXT, false, NULL, NULL},
    {"state_province", HF_TEXT, true, NULL, NULL},
    {"postal_code", HF_TEXT, true, NULL, NULL},
    {"country", HF_TEXT, true, NULL, NULL},
    {"address_type", HF_ENUM, true, NULL, enum_address_address_type},
};
static const hsds_field f_schedule[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"location_id", HF_UUID, false, "location", NULL},
    {"service_at_location_id", HF_UUID, false, "service_at_location", NULL},
    {"valid_from", HF_DATE, false, NULL, NULL},
    {"valid_to", HF_DATE, false, NULL, NULL},
    {"dtstart", HF_DATE, false, NULL, NULL},
    {"timezone", HF_NUMBER, false, NULL, NULL},
    {"until", HF_DATE, false, NULL, NULL},
    {"count", HF_NUMBER, false, NULL, NULL},
    {"wkst", HF_ENUM, false, NULL, enum_schedule_wkst},
    {"freq", HF_ENUM, false, NULL, enum_schedule_freq},
    {"interval", HF_NUMBER, false, NULL, NULL},
    {"byday", HF_TEXT, false, NULL, NULL},
    {"byweekno", HF_TEXT, false, NULL, NULL},
    {"bymonthday", HF_TEXT, false, NULL, NULL},
    {"byyearday", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, false, NULL, NULL},
    {"opens_at", HF_TIME, false, NULL, NULL},
    {"closes_at", HF_TIME, false, NULL, NULL},
    {"schedule_link", HF_URI, false, NULL, NULL},
    {"attending_type", HF_TEXT, false, NULL, NULL},
    {"notes", HF_LONG, false, NULL, NULL},
};
static const hsds_field f_funding[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"organization_id", HF_UUID, false, "organization", NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"source", HF_TEXT, false, NULL, NULL},
};
static const hsds_field f_service_area[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"name", HF_TEXT, false, NULL, NULL},
    {"description", HF_LONG, false, NULL, NULL},
    {"extent", HF_EXTENT, false, NULL, NULL},
    {"extent_type", HF_TEXT, false, NULL, NULL},
    {"uri", HF_TEXT, false, NULL, NULL},
};
static const hsds_field f_required_document[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"document", HF_TEXT, false, NULL, NULL},
    {"uri", HF_URI, false, NULL, NULL},
};
static const hsds_field f_language[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"service_id", HF_UUID, false, "service", NULL},
    {"location_id", HF_UUID, false, "location", NULL},
    {"phone_id", HF_UUID, false, "phone", NULL},
    {"name", HF_TEXT, false, NULL, NULL},
    {"code", HF_TEXT, false, NULL, NULL},
    {"note", HF_LONG, false, NULL, NULL},
};
static const hsds_field f_accessibility[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"location_id", HF_UUID, false, "location", NULL},
    {"description", HF_LONG, false, NULL, NULL},
    {"details", HF_LONG, false, NULL, NULL},
    {"url", HF_URI, false, NULL, NULL},
};
static const hsds_field f_cost_option[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"service_id", HF_UUID, true, "service", NULL},
    {"valid_from", HF_DATE, false, NULL, NULL},
    {"valid_to", HF_DATE, false, NULL, NULL},
    {"option", HF_TEXT, false, NULL, NULL},
    {"currency", HF_TEXT, false, NULL, NULL},
    {"amount", HF_NUMBER, false, NULL, NULL},
    {"amount_description", HF_LONG, false, NULL, NULL},
};
static const hsds_field f_organization_identifier[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"organization_id", HF_UUID, true, "organization", NULL},
    {"identifier_scheme", HF_TEXT, false, NULL, NULL},
    {"identifier_type", HF_TEXT, true, NULL, NULL},
    {"identifier", HF_TEXT, true, NULL, NULL},
};
static const hsds_field f_attribute[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"link_id", HF_UUID, true, NULL, NULL},
    {"taxonomy_term_id", HF_UUID, true, "taxonomy_term", NULL},
    {"link_type", HF_TEXT, false, NULL, NULL},
    {"link_entity", HF_TEXT, true, NULL, NULL},
    {"value", HF_TEXT, false, NULL, NULL},
};
static const hsds_field f_metadata[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"resource_id", HF_UUID, true, NULL, NULL},
    {"resource_type", HF_TEXT, true, NULL, NULL},
    {"last_action_date", HF_DATE, true, NULL, NULL},
    {"last_action_type", HF_TEXT, true, NULL, NULL},
    {"field_name", HF_TEXT, true, NULL, NULL},
    {"previous_value", HF_LONG, true, NULL, NULL},
    {"replacement_value", HF_LONG, true, NULL, NULL},
    {"updated_by", HF_TEXT, true, NULL, NULL},
};
static const hsds_field f_meta_table_description[] = {
    {"id", HF_UUID, true, NULL, NULL},
    {"name", HF_TEXT, false, NULL, NULL},
    {"language", HF_TEXT, false, NULL, NULL},
    {"character_set", HF_TEXT, false, NULL, NULL},
};
const hsds_resource hsds_resources[] = {
    {"organization", "organizations.csv", "sm_organization", f_organization, (int)(sizeof f_organization / sizeof f_organization[0])},
    {"program", "programs.csv", "sm_program", f_program, (int)(sizeof f_program / sizeof f_program[0])},
    {"taxonomy", "taxonomies.csv", "sm_taxonomy", f_taxonomy, (int)(sizeof f_taxonomy / sizeof f_taxonomy[0])},
    {"taxonomy_term", "taxonomy_terms.csv", "sm_taxonomy_term", f_taxonomy_term, (int)(sizeof f_taxonomy_term / sizeof f_taxonomy_term[0])},
    {"service", "services.csv", "sm_service", f_service, (int)(sizeof f_service / sizeof f_service[0])},
    {"location", "locations.csv", "sm_location", f_location, (int)(sizeof f_location / sizeof f_location[0])},
    {"service_at_location", "service_at_location.csv", "sm_service_at_location", f_service_at_location, (int)(sizeof f_service_at_location / sizeof f_service_at_location[0])},
    {"contact", "contacts.csv", "sm_contact", f_contact, (int)(sizeof f_contact / sizeof f_contact[0])},
    {"phone", "phones.csv", "sm_phone", f_phone, (int)(sizeof f_phone / sizeof f_phone[0])},
    {"address", "addresses.csv", "sm_address", f_address, (int)(sizeof f_address / sizeof f_address[0])},
    {"schedule", "schedules.csv", "sm_schedule", f_schedule, (int)(sizeof f_schedule / sizeof f_schedule[0])},
    {"funding", "funding.csv", "sm_funding", f_funding, (int)(sizeof f_funding / sizeof f_funding[0])},
    {"service_area", "service_areas.csv", "sm_service_area", f_service_area, (int)(sizeof f_service_area / sizeof f_service_area[0])},
    {"required_document", "required_documents.csv", "sm_required_document", f_required_document, (int)(sizeof f_required_document / sizeof f_required_document[0])},
    {"language", "languages.csv", "sm_language", f_language, (int)(sizeof f_language / sizeof f_language[0])},
    {"accessibility", "accessibility.csv", "sm_accessibility", f_accessibility, (int)(sizeof f_accessibility / sizeof f_accessibility[0])},
    {"cost_option", "cost_options.csv", "sm_cost_option", f_cost_option, (int)(sizeof f_cost_option / sizeof f_cost_option[0])},
    {"organization_identifier", "organization_identifiers.csv", "sm_organization_identifier", f_organization_identifier, (int)(sizeof f_organization_identifier / sizeof f_organization_identifier[0])},
    {"attribute", "attributes.csv", "sm_attribute", f_attribute, (int)(sizeof f_attribute / sizeof f_attribute[0])},
    {"metadata", "metadata.csv", "sm_metadata", f_metadata, (int)(sizeof f_metadata / sizeof f_metadata[0])},
    {"meta_table_description", "meta_table_descriptions.csv", "sm_meta_table_description", f_meta_table_description, (int)(sizeof f_meta_table_description / sizeof f_meta_table_description[0])},
};
const int hsds_nresources = (int)(sizeof hsds_resources / sizeof hsds_resources[0]);

const hsds_nest hsds_nests[] = {
    {"service", "phones", "phone", "service_id", false},
    {"service", "schedules", "schedule", "service_id", false},
    {"service", "service_areas", "service_area", "service_id", false},
    {"service", "service_at_locations", "service_at_location", "service_id", false},
    {"service", "languages", "language", "service_id", false},
    {"service", "organization", "organization", "organization_id", true},
    {"service", "funding", "funding", "service_id", false},
    {"service", "cost_options", "cost_option", "service_id", false},
    {"service", "program", "program", "program_id", true},
    {"service", "required_documents", "required_document", "service_id", false},
    {"service", "contacts", "contact", "service_id", false},
    {"organization", "funding", "funding", "organization_id", false},
    {"organization", "contacts", "contact", "organization_id", false},
    {"organization", "phones", "phone", "organization_id", false},
    {"organization", "locations", "location", "organization_id", false},
    {"organization", "programs", "program", "organization_id", false},
    {"organization", "organization_identifiers", "organization_identifier", "organization_id", false},
    {"organization", "services", "service", "organization_id", false},
    {"service_at_location", "contacts", "contact", "service_at_location_id", false},
    {"service_at_location", "phones", "phone", "service_at_location_id", false},
    {"service_at_location", "schedules", "schedule", "service_at_location_id", false},
    {"service_at_location", "location", "location", "location_id", true},
    {"location", "languages", "language", "location_id", false},
    {"location", "addresses", "address", "location_id", false},
    {"location", "contacts", "contact", "location_id", false},
    {"location", "accessibility", "accessibility", "location_id", false},
    {"location", "phones", "phone", "location_id", false},
    {"location", "schedules", "schedule", "location_id", false},
    {"contact", "phones", "phone", "contact_id", false},
    {"phone", "languages", "language", "phone_id", false},
    {"attribute", "taxonomy_term", "taxonomy_term", "taxonomy_term_id", true},
    {"taxonomy_term", "taxonomy_detail", "taxonomy", "taxonomy_id", true},
    {"accessibility", "attributes", "attribute", "link_id", false},
    {"address", "attributes", "attribute", "link_id", false},
    {"contact", "attributes", "attribute", "link_id", false},
    {"cost_option", "attributes", "attribute", "link_id", false},
    {"funding", "attributes", "attribute", "link_id", false},
    {"language", "attributes", "attribute", "link_id", false},
    {"location", "attributes", "attribute", "link_id", false},
    {"meta_table_description", "attributes", "attribute", "link_id", false},
    {"organization", "attributes", "attribute", "link_id", false},
    {"organization_identifier", "attributes", "attribute", "link_id", false},
    {"phone", "attributes", "attribute", "link_id", false},
    {"program", "attributes", "attribute", "link_id", false},
    {"required_document", "attributes", "attribute", "link_id", false},
    {"schedule", "attributes", "attribute", "link_id", false},
    {"service", "attributes", "attribute", "link_id", false},
    {"service_area", "attributes", "attribute", "link_id", false},
    {"service_at_location", "attributes", "attribute", "link_id", false},
    {"organization", "metadata", "metadata", "resource_id", false},
    {"program", "metadata", "metadata", "resource_id", false},
    {"taxonomy", "metadata", "metadata", "resource_id", false},
    {"taxonomy_term", "metadata", "metadata", "resource_id", false},
    {"service", "metadata", "metadata", "resource_id", false},
    {"location", "metadata", "metadata", "resource_id", false},
    {"service_at_location", "metadata", "metadata", "resource_id", false},
    {"contact", "metadata", "metadata", "resource_id", false},
    {"phone", "metadata", "metadata", "resource_id", false},
    {"address", "metadata", "metadata", "resource_id", false},
    {"schedule", "metadata", "metadata", "resource_id", false},
    {"funding", "metadata", "metadata", "resource_id", false},
    {"service_area", "metadata", "metadata", "resource_id", false},
    {"required_document", "metadata", "metadata", "resource_id", false},
    {"language", "metadata", "metadata", "resource_id", false},
    {"accessibility", "metadata", "metadata", "resource_id", false},
    {"cost_option", "metadata", "metadata", "resource_id", false},
    {"organization_identifier", "metadata", "metadata", "resource_id", false},
    {"attribute", "metadata", "metadata", "resource_id", false},
    {"meta_table_description", "metadata", "metadata", "resource_id", false},
};
const int hsds_nnests = (int)(sizeof hsds_nests / sizeof hsds_nests[0]);

const hsds_resource *hsds_resource_by_name(const char *name)
{
    for (int i = 0; name && i < hsds_nresources; i++)
        if (strcmp(hsds_resources[i].name, name) == 0)
            return &hsds_resources[i];
    return NULL;
}

const hsds_resource *hsds_resource_by_file(const char *file)
{
    for (int i = 0; file && i < hsds_nresources; i++)
        if (strcmp(hsds_resources[i].file, file) == 0)
            return &hsds_resources[i];
    return NULL;
}

int hsds_resource_index(const hsds_resource *r)
{
    for (int i = 0; r && i < hsds_nresources; i++)
        if (&hsds_resources[i] == r)
            return i;
    return -1;
}

int hsds_field_index(const hsds_resource *r, const char *name)
{
    for (int i = 0; name && i < r->nfields; i++)
        if (strcmp(r->fields[i].name, name) == 0)
            return i;
    return -1;
}

hsds_row hsds_row_new(arena *a, const hsds_resource *r)
{
    hsds_row row = {r, arena_alloc(a, sizeof(char *) * (size_t)r->nfields)};
    return row;
}

const char *hsds_get(const hsds_row *row, const char *field)
{
    int i = hsds_field_index(row->res, field);
    return i < 0 ? NULL : row->v[i];
}

void hsds_set_raw(hsds_row *row, const char *field, const char *value)
{
    int i = hsds_field_index(row->res, field);
    if (i >= 0)
        row->v[i] = value;
}

void hsds_set(arena *a, hsds_row *row, const char *field, const char *value)
{
    char *t = text_trim(a, value);
    hsds_set_raw(row, field, t && *t ? t : NULL);
}

bool hsds_uuid_valid(const char *s)
{
    if (!s || strlen(s) != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
            return false;
    }
    return true;
}

bool hsds_email_valid(const char *s)
{
    const char *at = s ? strchr(s, '@') : NULL;
    if (!at || at == s || strchr(at + 1, '@') || strlen(s) > 254)
        return false;
    const char *dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || dot[1] == '\0')
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == ',' || *p == ';')
            return false;
    return true;
}

bool hsds_uri_valid(const char *s)
{
    if (!s || !isalpha((unsigned char)s[0]))
        return false;
    const char *p = s;
    while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':' || p[1] == '\0')
        return false;
    for (; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == '\\' || *p == '{' ||
            *p == '}' || *p == '|' || *p == '^' || *p == '`' || (unsigned char)*p >= 0x7f)
            return false;
    return true;
}

static bool two_digits(const char *s, int max, int *out)
{
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
        return false;
    *out = (s[0] - '0') * 10 + (s[1] - '0');
    return *out <= max;
}

bool hsds_time_valid(const char *s)
{
    int h, m, sec;
    if (!s)
        return false;
    size_t n = strlen(s);
    if (n != 5 && n != 8)
        return false;
    if (!two_digits(s, 23, &h) || s[2] != ':' || !two_digits(s + 3, 59, &m))
        return false;
    return n == 5 || (s[5] == ':' && two_digits(s + 6, 59, &sec));
}

bool hsds_datetime_valid(const char *s)
{
    if (!s || strlen(s) < 20)
        return false;
    char day[11];
    memcpy(day, s, 10);
    day[10] = '\0';
    wt_date d;
    if (!date_parse(day, &d) || (s[10] != 'T' && s[10] != 't'))
        return false;
    char tm[9];
    memcpy(tm, s + 11, 8);
    tm[8] = '\0';
    if (!hsds_time_valid(tm))
        return false;
    const char *p = s + 19;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if ((*p == 'Z' || *p == 'z') && p[1] == '\0')
        return true;
    int oh, om;
    return (*p == '+' || *p == '-') && strlen(p) == 6 && two_digits(p + 1, 23, &oh) && p[3] == ':' &&
           two_digits(p + 4, 59, &om);
}

bool hsds_number_parse(const char *s, double *out)
{
    if (!s || !*s || isspace((unsigned char)*s))
        return false;
    char *end = NULL;
    double v = strtod(s, &end);
    if (!end || *end != '\0' || !isfinite(v))
        return false;
    for (const char *p = s; *p; p++) /* no hexadecimal, no "inf" */
        if (!isdigit((unsigned char)*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
            return false;
    *out = v;
    return true;
}

char *hsds_number_format(arena *a, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        return arena_printf(a, "%lld", (long long)v);
    return arena_printf(a, "%.10g", v);
}

static long max_len(hf_kind k)
{
    switch (k) {
    case HF_LONG: return 4000;
    case HF_EXTENT: return 65536;
    case HF_URI:
    case HF_EMAIL: return 500;
    default: return 200;
    }
}

/* Dutch names of the fields that the forms show, for the messages; other fields are named as in the standard. */
static const struct { const char *field, *label; } field_labels[] = {
    {"name", N_("Naam")}, {"alternate_name", N_("Andere naam")}, {"description", N_("Beschrijving")},
    {"email", N_("E-mailadres")}, {"website", N_("Website")}, {"url", N_("Website")},
    {"status", N_("Status")}, {"application_process", N_("Hoe verwijst u door")},
    {"eligibility_description", N_("Voor wie")}, {"fees_description", N_("Kosten")},
    {"wait_time", N_("Wachttijd")}, {"minimum_age", N_("Minimumleeftijd")}, {"maximum_age", N_("Maximumleeftijd")},
    {"assured_date", N_("Laatst gecontroleerd")}, {"address_1", N_("Straat en huisnummer")},
    {"city", N_("Plaats")}, {"state_province", N_("Provincie")}, {"postal_code", N_("Postcode")}, {"latitude", N_("Breedtegraad")},
    {"longitude", N_("Lengtegraad")}, {"transportation", N_("Bereikbaarheid")}, {"number", N_("Telefoonnummer")},
    {"title", N_("Functie")}, {"department", N_("Afdeling")}, {"opens_at", N_("Open vanaf")},
    {"closes_at", N_("Open tot")}, {"valid_from", N_("Geldig vanaf")}, {"valid_to", N_("Geldig tot")},
    {"code", N_("Code")}, {"notes", N_("Opmerkingen")},
};

const char *hsds_field_label(const char *field)
{
    for (size_t i = 0; field && i < sizeof field_labels / sizeof field_labels[0]; i++)
        if (strcmp(field_labels[i].field, field) == 0)
            return _(field_labels[i].label);
    return field;
}

static const char *fname(arena *a, const char *prefix, const char *name)
{
    return prefix && *prefix ? arena_printf(a, "%s.%s", prefix, name) : name;
}

/* The kind check of one present value; NULL when fine. */
static const char *kind_problem(const hsds_field *f, const char *v)
{
    double d;
    wt_date day;
    long len = text_utf8_len(v);
    if (len < 0)
        return _("bevat ongeldige tekens (geen UTF-8).");
    if (len > max_len(f->kind)) {
        switch (max_len(f->kind)) {
        case 4000: return _("is te lang (hoogstens 4000 tekens).");
        case 500: return _("is te lang (hoogstens 500 tekens).");
        case 200: return _("is te lang (hoogstens 200 tekens).");
        default: return _("is te lang (hoogstens 65536 tekens).");
        }
    }
    for (const char *p = v; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t')
            return _("bevat stuurtekens.");
    switch (f->kind) {
    case HF_UUID: return hsds_uuid_valid(v) ? NULL : _("is geen geldige UUID (zoals 3fa85f64-5717-4562-b3fc-2c963f66afa6).");
    case HF_EMAIL: return hsds_email_valid(v) ? NULL : _("is geen geldig e-mailadres.");
    case HF_URI: return hsds_uri_valid(v) ? NULL : _("is geen geldige volledige URL (zoals https://www.voorbeeld.nl).");
    case HF_NUMBER: return hsds_number_parse(v, &d) ? NULL : _("is geen getal.");
    case HF_DATE: return date_parse(v, &day) ? NULL : _("is geen geldige datum (JJJJ-MM-DD).");
    case HF_DATETIME: return hsds_datetime_valid(v) ? NULL : _("is geen geldig tijdstip (JJJJ-MM-DDTUU:MM:SSZ).");
    case HF_TIME: return hsds_time_valid(v) ? NULL : _("is geen geldige tijd (UU:MM).");
    case HF_ENUM: return text_in(v, f->enums) ? NULL : _("heeft een waarde die de standaard niet kent.");
    default: return NULL;
    }
}

static void check_location(arena *a, const hsds_row *row, const char *prefix, errors *e)
{
    const char *la = hsds_get(row, "latitude"), *lo = hsds_get(row, "longitude");
    double lat, lon;
    if (!la != !lo) {
        errors_add(e, fname(a, prefix, la ? "longitude" : "latitude"),
                   _("Geef zowel de breedtegraad als de lengtegraad, of geen van beide."));
        return;
    }
    if (la && hsds_number_parse(la, &lat) && hsds_number_parse(lo, &lon)) {
        if (lat < SM_NL_LAT_MIN || lat > SM_NL_LAT_MAX)
            errors_add(e, fname(a, prefix, "latitude"), _("De breedtegraad ligt niet in Nederland (50,7 tot 53,6)."));
        if (lon < SM_NL_LON_MIN || lon > SM_NL_LON_MAX)
            errors_add(e, fname(a, prefix, "longitude"), _("De lengtegraad ligt niet in Nederland (3,3 tot 7,3)."));
    }
}

static void check_service(arena *a, const hsds_row *row, const char *prefix, errors *e)
{
    double lo = 0, hi = 0;
    bool has_lo = hsds_number_parse(hsds_get(row, "minimum_age"), &lo);
    bool has_hi = hsds_number_parse(hsds_get(row, "maximum_age"), &hi);
    if (has_lo && (lo < 0 || lo > 120))
        errors_add(e, fname(a, prefix, "minimum_age"), _("De minimumleeftijd ligt tussen 0 en 120."));
    if (has_hi && (hi < 0 || hi > 120))
        errors_add(e, fname(a, prefix, "maximum_age"), _("De maximumleeftijd ligt tussen 0 en 120."));
    if (has_lo && has_hi && lo > hi)
        errors_add(e, fname(a, prefix, "maximum_age"), _("De maximumleeftijd is lager dan de minimumleeftijd."));
}

static void check_phone(arena *a, const hsds_row *row, const char *prefix, errors *e)
{
    const char *n = hsds_get(row, "number");
    int digits = 0;
    for (const char *p = n ? n : ""; *p; p++)
        if (isdigit((unsigned char)*p))
            digits++;
    if (n && digits < 3)
        errors_add(e, fname(a, prefix, "number"), _("Het telefoonnummer bevat te weinig cijfers."));
}

/* A Dutch address: a real postcode, written "8923 AB". */
static void check_address(arena *a, hsds_row *row, const char *prefix, errors *e)
{
    const char *country = hsds_get(row, "country"), *pc = hsds_get(row, "postal_code");
    if (!country || !pc || !(text_ieq(country, "NL") || text_ieq(country, "NLD") || text_ieq(country, "Nederland")))
        return;
    char *norm = sm_postcode_normalise(a, pc);
    if (!norm || strlen(norm) != 7)
        errors_add(e, fname(a, prefix, "postal_code"), _("Postcode is geen Nederlandse postcode (zoals 8923 AB)."));
    else
        hsds_set_raw(row, "postal_code", norm);
}

static void check_dates_in_order(arena *a, const hsds_row *row, const char *prefix, errors *e)
{
    const char *from = hsds_get(row, "valid_from"), *to = hsds_get(row, "valid_to");
    wt_date df, dt;
    if (from && to && date_parse(from, &df) && date_parse(to, &dt) && date_compare(df, dt) > 0)
        errors_add(e, fname(a, prefix, "valid_to"), _("De einddatum ligt voor de begindatum."));
}

void hsds_validate_row(arena *a, hsds_row *row, const char *prefix, errors *e)
{
    const hsds_resource *r = row->res;
    int before = e->count;
    for (int i = 0; i < r->nfields; i++) {
        const hsds_field *f = &r->fields[i];
        const char *v = row->v[i];
        if (!v) {
            if (f->required)
                errors_add(e, fname(a, prefix, f->name), arena_printf(a, _("%s is verplicht."), hsds_field_label(f->name)));
            continue;
        }
        const char *problem = kind_problem(f, v);
        if (problem) {
            errors_add(e, fname(a, prefix, f->name), arena_printf(a, _("%s %s"), hsds_field_label(f->name), problem));
            continue;
        }
        if (f->kind == HF_UUID) { /* one spelling for every identifier */
            char *low = arena_strdup(a, v);
            for (char *p = low; *p; p++)
                *p = (char)tolower((unsigned char)*p);
            row->v[i] = low;
        }
    }
    if (e->count > before)
        return; /* the rules below assume well-formed fields */
    if (strcmp(r->name, "location") == 0)
        check_location(a, row, prefix, e);
    else if (strcmp(r->name, "service") == 0)
        check_service(a, row, prefix, e);
    else if (strcmp(r->name, "phone") == 0)
        check_phone(a, row, prefix, e);
    else if (strcmp(r->name, "address") == 0)
        check_address(a, row, prefix, e);
    else if (strcmp(r->name, "schedule") == 0)
        sm_schedule_validate(a, row, prefix, e);
    if (strcmp(r->name, "schedule") == 0 || strcmp(r->name, "cost_option") == 0)
        check_dates_in_order(a, row, prefix, e);
}
