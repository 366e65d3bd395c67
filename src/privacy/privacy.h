/*
 * privacy.h - the rights of the resident (AVG art. 15, 16 and 17).
 *
 * Access (art. 15): privacy_person_file() gathers everything the system holds
 * about one person - his own data, his household, the cases, plans, contacts,
 * intake and assessments of the household, his network, signals, questions at
 * the front door, consents and referrals, activities and ideas, and the
 * access log entries concerning him - as sections of records with Dutch
 * labels, which privacy_pdf.c prints for the resident and privacy_api.c gives
 * as JSON. Every production of the file is an AUDIT_EXPORT in the audit trail.
 *
 * Correction (art. 16) is the edit form of the person and the pages of each
 * kind of data; every change is in the audit trail.
 *
 * Erasure (art. 17): privacy_person_erase() removes every row about the
 * person (src/retention/ does it) unless a legal retention period still holds
 * the household's dossier or its case is open; it records what it removed in
 * counts (privacy_log) and in the audit trail, never the data itself.
 *
 * Who may: the coordinator of the household's case and the team leader of
 * its team (PERM_SUBJECT_RIGHTS); another team does not see the person at all.
 */
#ifndef WT_PRIVACY_H
#define WT_PRIVACY_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"
#include "../retention/retention.h"

typedef struct pf_field {
    const char *key;   /* column name, for JSON */
    const char *label; /* Dutch */
    const char *value;   /* as stored (ISO dates, codes); NULL: empty */
    const char *display; /* for a reader: dates written out, codes in Dutch, ja/nee; NULL: empty */
} pf_field;

typedef struct pf_record {
    int n;
    pf_field *fields;
} pf_record;

typedef struct pf_section {
    const char *key;   /* "person", "cases", "audit", ... */
    const char *title; /* Dutch */
    const char *about; /* Dutch: what this section is */
    int n;
    pf_record *records;
} pf_section;

typedef struct pf_file {
    int64_t person_id;
    int64_t household_id;
    const char *name;
    const char *team_name;
    const char *generated_at; /* timestamp */
    const char *generated_by; /* display name of who produced it */
    int n;
    pf_section *sections;
} pf_file;

/* Who may act on the person's rights, and the facts the pages need. */
typedef struct privacy_subject {
    int64_t person_id;
    int64_t household_id;
    int64_t team_id;
    int64_t coordinator_id;
    const char *name;
    const char *household_name;
} privacy_subject;

/* NOTFOUND for a person of another team (or none), FORBIDDEN for a role or worker without the right. */
wt_status privacy_subject_get(wt_ctx *ctx, int64_t person_id, privacy_subject *out);

/* The complete file of a person (logged as an export). */
wt_status privacy_person_file(wt_ctx *ctx, int64_t person_id, pf_file *out);

/* Whether erasure may happen now; when not, *why is the Dutch reason. */
typedef struct privacy_erasure_check {
    bool allowed;
    bool open_case;
    char hold_until[11]; /* "" when no legal period holds */
    const char *hold_kind;
    const char *why;
} privacy_erasure_check;
wt_status privacy_erasure_check_get(wt_ctx *ctx, int64_t person_id, privacy_erasure_check *out);

/* The grounds of erasure (AVG art. 17 lid 1). */
extern const char *const privacy_erasure_grounds[]; /* code, label, code, label, ..., NULL */

/*
 * Erases the person. ground: one of privacy_erasure_grounds; confirmed: the
 * user ticked that the resident asked for it and was told the consequences.
 * WT_INVALID with errors for bad input, WT_CONFLICT (with *why) when a legal
 * period or an open case holds the data. *household_left: the household still
 * has members (its id in *household_id).
 */
wt_status privacy_person_erase(wt_ctx *ctx, int64_t person_id, const char *ground, bool confirmed, errors *e,
                               retention_tally *removed, int64_t *household_id, bool *household_left);

#endif
