/*
 * signal.h - early signals (vroegsignalering): a neglected garden, a door
 * that stays shut, loneliness, debts, domestic tension, drug nuisance, hemp
 * growing, neglect of a child; who noticed it and how urgent it is; the
 * follow-up visits until contact is made; and how it ended.
 *
 * Rules:
 * - A signal is about an address in the team's area, a person of the team,
 *   or both; or it is explicitly anonymous (about neither: drug dealing
 *   around a square, with an optional place). A signal without address or
 *   person that is not marked anonymous is refused, naming the field
 *   "anonymous"; an anonymous signal with an address or person as well.
 * - Follow-up: every follow-up (visit, phone, other) records whether contact
 *   was made; the first contact moves the signal from open to following. A
 *   follow-up is due follow_up_days after the last follow-up (or after the
 *   day the signal was noticed); signal_due() lists the team's signals whose
 *   follow-up is overdue (the reminder in the work queue). The interval
 *   defaults by urgency: high 2 days, normal 7, low 14.
 * - A signal ends (closed) with one outcome: no concern; light support;
 *   passed to a partner (partner name or social-map service key, what was
 *   shared and on which legal ground: both required); or became a case: the
 *   case of the household is opened in the same step (case_open) - or, when
 *   the household already has an open case, the signal joins that case - and
 *   the signal keeps its history linked to the case (signal.case_id). An
 *   anonymous signal cannot become a case.
 * - The administrator and the policy officer never see signals (403); every
 *   read and write is logged with the household and person as subject.
 */
#ifndef WT_SIGNAL_H
#define WT_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"
#include "../neighbourhood/presence.h"

#define SIGNAL_PAGE 25
#define SIGNAL_MAX_INTERVAL 90

extern const presence_code signal_kinds[];
extern const presence_code signal_noticers[];
extern const presence_code signal_urgencies[];
extern const presence_code signal_statuses[];
extern const presence_code signal_outcomes[];
extern const presence_code signal_legal_grounds[];
extern const presence_code signal_followup_kinds[];

typedef struct wt_signal {
    int64_t id;
    int64_t team_id;
    int64_t address_id; /* 0 when none */
    presence_address addr;
    int64_t person_id; /* 0 when none */
    const char *person_name;
    int64_t household_id; /* the subject: the person's household, or a household at the address; 0 when none */
    bool anonymous;
    const char *place;
    const char *kind;
    const char *noticed_by;
    const char *urgency;
    const char *description;
    const char *noticed_on;
    int follow_up_days;
    const char *status; /* open | following | closed */
    const char *next_due_on;
    int64_t round_stop_id;
    const char *outcome;
    const char *outcome_note;
    const char *partner_name;
    const char *partner_service_key;
    const char *shared_what;
    const char *legal_ground;
    int64_t case_id;
    const char *created_by_name;
    const char *created_at;
    const char *closed_on;
    const char *closed_by_name;
    int followups;
    bool due; /* follow-up overdue today */
} wt_signal;

typedef struct signal_followup {
    int64_t id;
    const char *at;
    const char *by_name;
    const char *kind;
    bool contact_made;
    const char *note;
} signal_followup;

typedef struct signal_input {
    int64_t address_id;      /* 0: none (or typed in address_key) */
    const char *address_key; /* typed: "8923 AB 12" */
    int64_t person_id;
    bool anonymous;
    const char *place;
    const char *kind;
    const char *noticed_by;
    const char *urgency; /* NULL: normal */
    const char *description;
    const char *noticed_on;  /* NULL: today */
    int follow_up_days;      /* 0: by urgency */
    int64_t round_stop_id;   /* recorded at a stop of a round */
} signal_input;

typedef struct followup_input {
    const char *at; /* NULL: today */
    const char *kind;
    bool contact_made;
    const char *note;
} followup_input;

typedef struct signal_close_input {
    const char *outcome;
    const char *note;
    const char *partner_name;
    const char *partner_service_key;
    const char *shared_what;
    const char *legal_ground;
    int64_t household_id; /* became_case: which household, when several live at the address */
    const char *case_reason; /* became_case: NULL gives "Signaal: <kind>, gemeld op <date>" */
} signal_close_input;

/* ---- pure rules (unit-tested) ---- */

/* The anonymous rule; adds the problem to e (field "anonymous") and returns false. */
bool signal_check_subject(bool has_address, bool has_person, bool anonymous, errors *e);
/* Default follow-up interval in days for an urgency. */
int signal_default_interval(const char *urgency);
/* The day a follow-up is due after the last follow-up (or noticing) on base. */
wt_date signal_next_due(wt_date base, int interval_days);
/* Is the follow-up of a signal in this state overdue on today? */
bool signal_is_due(const char *status, const char *next_due_on, wt_date today);
/* Checks a closing: outcome known; passed_to_partner needs a partner, what was shared and the legal ground. */
bool signal_check_close(const signal_close_input *in, bool anonymous, errors *e);

/* ---- operations ---- */

wt_status signal_create(wt_ctx *ctx, const signal_input *in, errors *e, int64_t *id);
/* The signal for its page or the API; logs the read. */
wt_status signal_get(wt_ctx *ctx, int64_t id, wt_signal *out);
wt_status signal_followups(wt_ctx *ctx, const wt_signal *s, signal_followup **out, int *n);
wt_status signal_add_followup(wt_ctx *ctx, int64_t id, const followup_input *in, errors *e);
/* Ends the signal; *case_id gets the case when it became (or joined) one. */
wt_status signal_close(wt_ctx *ctx, int64_t id, const signal_close_input *in, errors *e, int64_t *case_id);

typedef enum { SIGNAL_FILTER_ACTIVE, SIGNAL_FILTER_DUE, SIGNAL_FILTER_CLOSED } signal_filter;
/* The team's signals: active (open and following, soonest due first), due, or closed (newest first). */
wt_status signal_list(wt_ctx *ctx, signal_filter f, int limit, int offset, wt_signal **out, int *n, bool *more);
/* The work queue: the team's signals whose follow-up is overdue today, longest overdue first (at most limit). */
wt_status signal_due(wt_ctx *ctx, int limit, wt_signal **out, int *n);
/* The signals that became or joined a case, for the case page. */
wt_status signal_list_for_case(wt_ctx *ctx, int64_t case_id, wt_signal **out, int *n);
/* Households of the team at the signal's address (to choose one when it becomes a case). */
wt_status signal_households(wt_ctx *ctx, const wt_signal *s, int64_t **ids, const char ***names, int *n);

#endif
