/*
 * ctx.h - who acts, on which connection, with which memory: passed to every
 * rule function.
 *
 * The rules (src/<domain>/<domain>.c) take a wt_ctx: they ask the policy
 * (src/access/policy.h) with ctx->who, read and write through ctx->db, allocate
 * from ctx->a, and record every access to personal data with audit_log(ctx, ...),
 * which queues the entry in ctx->audit. The HTTP dispatcher (or the CLI) writes
 * the queue in the same transaction as the operation, before any answer is
 * sent: an access that could not be logged is never answered.
 */
#ifndef WT_CTX_H
#define WT_CTX_H

#include <stdint.h>

#include "arena.h"

struct db;
struct audit_entry;

typedef enum wt_role { ROLE_NONE = 0, ROLE_WORKER, ROLE_TEAMLEADER, ROLE_ADMIN, ROLE_POLICY } wt_role;

typedef struct actor {
    int64_t user_id; /* 0: the system itself (CLI, demo generator) */
    wt_role role;
    int64_t team_id; /* 0: no team */
    const char *display_name;
    const char *discipline;
} actor;

typedef struct wt_ctx {
    struct db *db;
    arena *a;
    actor who;
    struct audit_entry *audit_head;
    struct audit_entry *audit_tail;
    const char *reason; /* why this access happens, when the user gave one */
    /*
     * The case whose content the rules refused on need-to-know grounds (0:
     * none): the web answers with the "known to the team" page of that case,
     * the API names the case, so the user can ask access or break the glass.
     */
    int64_t need_to_know_case;
} wt_ctx;

const char *role_code(wt_role r);
wt_role role_from_code(const char *code);
/* Dutch label for display. */
const char *role_label(wt_role r);

#endif
