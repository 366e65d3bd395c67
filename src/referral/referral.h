/*
 * referral.h - referrals to the second line and specialist consultations.
 *
 * From an action of the plan a worker refers the household to a service of
 * the social map (the organisation comes with the service), with a reason,
 * an urgency and the data it shares. Sharing needs the consent of the
 * household for that data, that organisation and that purpose on the day of
 * sending (consent_allows / consent_covers, src/consent); without one the
 * referral is refused, unless a legal ground is recorded with its
 * explanation. The referral then goes sent -> accepted -> started -> ended,
 * or declined after sent or accepted; each step has its date (not in the
 * future, not before the step before) and is kept in referral_event.
 *
 * A specialist consultation is recorded as such (kind "consultation"): the
 * specialist advises the team, the case stays with the coordinator. It goes
 * sent -> ended (the advice, in outcome) or declined. An anonymous
 * consultation shares no personal data and needs neither consent nor ground.
 *
 * A withdrawal of the consent a referral relied on is shown on the referral.
 * Referrals are case content: access through case_access() (PERM_CASE_READ /
 * _WRITE); a closed case's referrals are read-only. Every read and write is
 * logged in the audit trail.
 */
#ifndef WT_REFERRAL_H
#define WT_REFERRAL_H

#include <stdbool.h>
#include <stdint.h>

#include "../case/case.h"
#include "../core/ctx.h"
#include "../core/date.h"
#include "../core/status.h"

#define REFERRAL_TEXT_MAX 4000
#define REFERRAL_LIST_MAX 100    /* referrals of one case listed */
#define REFERRAL_WAITING_DAYS 14 /* a referral without an answer this long is marked as waiting long */
#define REFERRAL_EVENTS_MAX 20

extern const code_text referral_kinds[];
extern const code_text referral_urgencies[];
extern const code_text referral_statuses[];
extern const code_text referral_legal_grounds[];
const char *referral_label(const code_text *list, const char *code);

typedef struct referral_event {
    const char *status;
    const char *happened_on;
    const char *note;
    const char *user_name;
} referral_event;

typedef struct referral {
    int64_t id;
    int64_t action_id;
    int64_t case_id;
    int64_t household_id;
    const char *action_body;
    const char *action_layer;
    const char *kind; /* referral, consultation */
    const char *organisation; /* the organisation's name when it was sent */
    const char *organization_id;
    const char *service_id;
    const char *service_name;
    const char *reason;
    const char *urgency;
    const char *shared; /* set of consent_data_kinds codes */
    int64_t consent_id; /* 0 when none */
    const char *consent_given_on;
    const char *consent_withdrawn_on; /* the consent relied on was withdrawn on this day; NULL when not */
    const char *legal_ground; /* NULL when none */
    const char *legal_note;
    bool anonymous;
    const char *status;
    const char *sent_on, *accepted_on, *started_on, *ended_on, *declined_on;
    const char *outcome; /* the result; the advice of a consultation */
    const char *created_by_name;
    referral_event *events; /* oldest first (referral_get only) */
    int n_events;
} referral;

/* A referral as typed. */
typedef struct referral_input {
    const char *kind;       /* NULL / "": referral */
    const char *service_id; /* a service of the social map */
    const char *reason;
    const char *urgency;
    const char *const *shared; /* consent_data_kinds codes */
    int n_shared;
    const char *consent_id;   /* as typed; NULL / "": find one (consent_allows) */
    const char *legal_ground; /* code, NULL / "": none */
    const char *legal_note;
    bool anonymous; /* consultation only */
    const char *sent_on; /* NULL / "": today */
} referral_input;

/* A step as typed. */
typedef struct referral_step_input {
    const char *status; /* accepted, started, ended, declined */
    const char *on;     /* NULL / "": today */
    const char *note;   /* the outcome or advice; the reason of a decline */
} referral_step_input;

/* ---- pure rules (unit-tested) ---------------------------------------------------------------------------------- */

/* May a referral of this kind go from status `from` to `to`? */
bool referral_step_allowed(const char *kind, const char *from, const char *to);
/* The day of the last step of r (sent, accepted, started, ended or declined on). */
const char *referral_last_step_on(const referral *r);
/*
 * Checks what does not need the database: kind, urgency, reason, sent_on (not
 * in the future, not before the case opened on case_opened_on), shared data
 * (required unless anonymous; anonymous only for a consultation), legal
 * ground with its note. Fills out (arena a). Field names: kind, service_id,
 * reason, urgency, shared, consent_id, legal_ground, legal_note, anonymous,
 * sent_on.
 */
wt_status referral_validate(arena *a, const referral_input *in, const char *case_opened_on, wt_date today, errors *e,
                            referral *out);
/* Does a referral need a consent? (not with a legal ground, not when anonymous) */
bool referral_needs_consent(const referral *r);

/* ---- operations ------------------------------------------------------------------------------------------------ */

/*
 * Refers from an action (of an open case) to a service of the social map. The
 * service must exist and be active; with consent_id the consent must cover the
 * sharing (field consent_id says why not); without it and without a legal
 * ground, a covering consent is looked up and its absence refused. Nothing is
 * written unless all of it is right. *id the referral, *case_id its case.
 */
wt_status referral_create(wt_ctx *ctx, int64_t action_id, const referral_input *in, errors *e, int64_t *id,
                          int64_t *case_id);
/* One referral with its history; logs the read. */
wt_status referral_get(wt_ctx *ctx, int64_t id, referral *out, wt_case *c);
/* The referrals of a case, newest first; logs the read of each. */
wt_status referral_list(wt_ctx *ctx, int64_t case_id, referral **out, int *n);
/* Records the next step (status and date, note); WT_CONFLICT when the step is not allowed now. */
wt_status referral_step(wt_ctx *ctx, int64_t id, const referral_step_input *in, errors *e, int64_t *case_id);

/* A referral waiting for an answer, for the work queue. */
typedef struct referral_waiting {
    int64_t id;
    int64_t case_id;
    int64_t household_id;
    const char *household_name;
    const char *kind;
    const char *organisation;
    const char *service_name;
    const char *urgency;
    const char *sent_on;
    int days; /* waiting since sent_on */
    bool long_wait; /* more than REFERRAL_WAITING_DAYS */
} referral_waiting;

/*
 * The referrals and consultations still waiting for an answer (status sent) in
 * the open cases the acting user coordinates, longest waiting first (at most
 * limit); logs the read of each.
 */
wt_status referral_waiting_list(wt_ctx *ctx, int limit, referral_waiting **out, int *n);

#endif
