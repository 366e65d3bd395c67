/*
 * retention.h - how long data is kept, and its removal (AVG art. 5 lid 1 e, art. 17).
 *
 * Each kind of data has a retention period in years (table retention_rule,
 * defaults from the VNG's Selectielijst gemeenten 2020, set per municipality
 * with `wijkteam retention set`). retention_run() removes what is past its
 * period: for the kinds of a case, counted from the day the case was closed;
 * for signals, handled front door questions and the network, from the day the
 * record itself was closed or ended. What happens per kind:
 *
 *   contact     the contacts of the case                              deleted
 *   plan        plan, goals, actions, referrals with their history    deleted
 *   intake      the intake and its findings                           deleted
 *   assessment  the self-sufficiency assessments made on the case      deleted
 *   case        the case itself: reason, closing note, hand-over       anonymised (dates and
 *               reasons                                                team kept for the figures)
 *   household   a household whose last case was closed that long ago: anonymised (every person
 *               every member erased as on request, the whole dossier   removed, the household
 *               removed, its questions at the front door deleted       without name)
 *   signal      closed signals that led to no case, and their          deleted
 *               follow-ups (the others go with the household)
 *   question    front door questions handled without a case           deleted
 *   network     ended relations, closed needs with their matches      deleted
 *
 * A run records what it did in privacy_log as counts per table (never the
 * data) and in the audit trail. With dry_run it only counts: the caller rolls
 * the transaction back.
 *
 * retention_erase_person() is the mechanics of erasure on request: every row
 * about one person is deleted, and his household is anonymised when he was its
 * last member. The rights of the resident (src/privacy/) decide whether it may
 * happen; retention_legal_hold() tells until when a legal period still holds.
 */
#ifndef WT_RETENTION_H
#define WT_RETENTION_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/status.h"

#define RETENTION_KINDS 9
#define RETENTION_TABLES 40

typedef struct retention_rule {
    const char *kind;
    int years;
    bool legal;
    const char *updated_at;
    const char *label; /* Dutch name of the kind */
    const char *what;  /* Dutch: what is removed and how */
    const char *basis; /* Dutch: where the default comes from */
    int default_years;
    bool default_legal;
} retention_rule;

/* Rows removed or anonymised, per table. */
typedef struct retention_tally {
    int used;
    const char *table[RETENTION_TABLES];
    int64_t n[RETENTION_TABLES];
} retention_tally;

void retention_tally_add(retention_tally *t, const char *table, int64_t n);
int64_t retention_tally_get(const retention_tally *t, const char *table);
int64_t retention_tally_total(const retention_tally *t);
/* "contact=3 goal=2" (tables with a count above 0), or "niets" when nothing. */
const char *retention_tally_text(arena *a, const retention_tally *t);

/* One entry of privacy_log. */
typedef struct retention_log_entry {
    int64_t id;
    const char *at;
    const char *kind; /* retention, erasure, access */
    bool dry_run;
    const char *user_name; /* NULL: the system (daily run, console) */
    int64_t person_ref;
    const char *summary;
} retention_log_entry;

/* The rules in a fixed order (kinds of a case first). */
wt_status retention_rules(wt_ctx *ctx, retention_rule **out, int *n);
/* Sets the period of one kind (and whether it is a legal obligation: -1 keeps it). */
wt_status retention_rule_set(wt_ctx *ctx, const char *kind, const char *years, int legal, errors *e);
/* The default of a kind (NULL for an unknown kind). */
const retention_rule *retention_default(const char *kind);

/*
 * Removes what is past its period as of today (or *on, "YYYY-MM-DD", for
 * tests and `--on`). The caller owns the transaction; for a dry run it rolls
 * back afterwards (the log entry is then not kept either).
 */
wt_status retention_run(wt_ctx *ctx, bool dry_run, const char *on, retention_tally *out);

/* The latest entries of privacy_log, newest first. */
wt_status retention_log(wt_ctx *ctx, int limit, retention_log_entry **out, int *n);

/*
 * Until when a legal retention period still holds data of this household
 * (its open case holds it indefinitely: *open_case true). *until "" when
 * nothing holds it; *kind the rule that holds longest.
 */
wt_status retention_legal_hold(wt_ctx *ctx, int64_t household_id, bool *open_case, char until[11], const char **kind);

/*
 * Deletes every row about the person and the person himself; anonymises his
 * household when he was its last member. No policy check: the caller (the
 * resident's rights, or a retention run) decided it may happen.
 */
wt_status retention_erase_person(wt_ctx *ctx, int64_t person_id, retention_tally *t);

/* Records an entry in privacy_log (counts only). */
wt_status retention_log_add(wt_ctx *ctx, const char *kind, bool dry_run, int64_t person_ref, const char *summary);

#endif
