/*
 * audit.h - the one entry point for recording access to personal data.
 *
 * Rule functions call audit_log() for every read and write of personal data
 * (NEN 7513: who, when, what, whose data, why). The entry is queued in the
 * context; the dispatcher (or CLI) calls audit_flush() inside the transaction
 * of the operation, so an operation and its log entry are committed together
 * and nothing is answered that was not logged.
 *
 * Each stored entry carries a hash over its own fields and the previous
 * entry's hash (BLAKE2b via libsodium); audit_verify() recomputes the chain.
 * The table refuses UPDATE and DELETE (triggers in the migration).
 */
#ifndef WT_AUDIT_H
#define WT_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

typedef enum audit_action {
    AUDIT_READ,
    AUDIT_SEARCH,
    AUDIT_CREATE,
    AUDIT_UPDATE,
    AUDIT_DELETE,
    AUDIT_EXPORT,
} audit_action;

typedef struct audit_entry {
    audit_action action;
    const char *entity; /* "household", "person", "case", "plan", ... */
    int64_t entity_id;
    int64_t household_id;
    int64_t person_id;
    int64_t case_id;
    const char *reason;
    struct audit_entry *next;
} audit_entry;

/* The subject of an access: which household, person or case the data is about. */
typedef struct audit_subject {
    int64_t household_id;
    int64_t person_id;
    int64_t case_id;
} audit_subject;

void audit_log(wt_ctx *ctx, audit_action action, const char *entity, int64_t entity_id, audit_subject subject);
/*
 * Writes the queued entries (only the reads and searches when the operation
 * was rolled back: writes_kept false) and empties the queue. The caller owns
 * the transaction.
 */
wt_status audit_flush(wt_ctx *ctx, bool writes_kept);
bool audit_pending(const wt_ctx *ctx);
const char *audit_action_code(audit_action a);

/* Recomputes the chain; *first_broken gets the id of the first bad entry, 0 if none. */
wt_status audit_verify(struct db *c, int64_t *first_broken, int64_t *checked);

/* Row as stored, for queries and for the hash. */
typedef struct audit_row {
    int64_t id;
    const char *at;
    int64_t user_id;
    const char *role;
    const char *action;
    const char *entity;
    int64_t entity_id;
    int64_t household_id;
    int64_t person_id;
    int64_t case_id;
    const char *reason;
    const char *prev_hash;
    const char *hash;
} audit_row;

/* Hex BLAKE2b-256 over the row's fields and prev_hash; out has 65 bytes. */
void audit_hash(const audit_row *r, char out[65]);

#endif
