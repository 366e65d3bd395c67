/* audit.c - queueing, hashing, flushing and verifying the audit trail. */
#include "audit.h"
#include "../core/buf.h"
#include "../core/date.h"
#include "../db/db.h"
#include "audit_db.h"

#include <sodium.h>
#include <string.h>

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

static const char *action_codes[] = {"read", "search", "create", "update", "delete", "export"};

const char *audit_action_code(audit_action a)
{
    return action_codes[a];
}

void audit_log(wt_ctx *ctx, audit_action action, const char *entity, int64_t entity_id, audit_subject subject)
{
    audit_entry *e = arena_alloc(ctx->a, sizeof(*e));
    e->action = action;
    e->entity = entity;
    e->entity_id = entity_id;
    e->household_id = subject.household_id;
    e->person_id = subject.person_id;
    e->case_id = subject.case_id;
    e->reason = ctx->reason;
    if (ctx->audit_tail)
        ctx->audit_tail->next = e;
    else
        ctx->audit_head = e;
    ctx->audit_tail = e;
}

bool audit_pending(const wt_ctx *ctx)
{
    return ctx->audit_head != NULL;
}

void audit_hash(const audit_row *r, char out[65])
{
    buf b = BUF_INIT;
    /* Unit separators keep field boundaries unambiguous. */
    buf_printf(&b, "%s\x1f%lld\x1f%s\x1f%s\x1f%s\x1f%lld\x1f%lld\x1f%lld\x1f%lld\x1f%s\x1f%s", r->at,
               (long long)r->user_id, r->role ? r->role : "", r->action, r->entity, (long long)r->entity_id,
               (long long)r->household_id, (long long)r->person_id, (long long)r->case_id,
               r->reason ? r->reason : "", r->prev_hash);
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)buf_str(&b), b.len, NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof h);
    buf_free(&b);
}

static bool is_write(audit_action a)
{
    return a == AUDIT_CREATE || a == AUDIT_UPDATE || a == AUDIT_DELETE;
}

wt_status audit_flush(wt_ctx *ctx, bool writes_kept)
{
    wt_status st = WT_OK;
    if (!ctx->audit_head)
        return WT_OK;
    const char *prev = NULL;
    st = audit_db_last_hash(ctx->db, ctx->a, &prev);
    if (st != WT_OK)
        return st;
    if (!prev)
        prev = GENESIS_HASH;
    const char *now = date_now_iso(ctx->a);
    for (audit_entry *e = ctx->audit_head; e; e = e->next) {
        if (!writes_kept && is_write(e->action))
            continue;
        audit_row r = {
            .at = now,
            .user_id = ctx->who.user_id,
            .role = role_code(ctx->who.role),
            .action = audit_action_code(e->action),
            .entity = e->entity,
            .entity_id = e->entity_id,
            .household_id = e->household_id,
            .person_id = e->person_id,
            .case_id = e->case_id,
            .reason = e->reason,
            .prev_hash = prev,
        };
        char *h = arena_alloc(ctx->a, 65);
        audit_hash(&r, h);
        r.hash = h;
        st = audit_db_insert(ctx->db, &r);
        if (st != WT_OK)
            return st;
        prev = h;
    }
    ctx->audit_head = ctx->audit_tail = NULL;
    return WT_OK;
}

wt_status audit_verify(db *c, int64_t *first_broken, int64_t *checked)
{
    wt_status st = WT_OK;
    int64_t after = 0;
    char prev[65];
    memcpy(prev, GENESIS_HASH, 65);
    *first_broken = 0;
    *checked = 0;
    for (;;) {
        arena a;
        arena_init(&a);
        audit_row *rows = NULL;
        int n = 0;
        st = audit_db_page(c, &a, after, 5000, &rows, &n);
        if (st != WT_OK || n == 0) {
            arena_free(&a);
            break;
        }
        for (int i = 0; i < n; i++) {
            char h[65];
            audit_row r = rows[i];
            bool chain_ok = strcmp(r.prev_hash, prev) == 0;
            audit_hash(&r, h);
            if (!chain_ok || strcmp(h, r.hash) != 0) {
                *first_broken = r.id;
                arena_free(&a);
                return WT_OK;
            }
            memcpy(prev, r.hash, 65);
            after = r.id;
            (*checked)++;
        }
        arena_free(&a);
    }
    return st;
}
