/* signal.c - rules of early signals: recording, follow-up and reminders, ending (see signal.h). */
#include "signal.h"
#include "../access/audit.h"
#include "../case/case.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../socialmap/socialmap.h"
#include "signal_db.h"

#include <string.h>

const presence_code signal_kinds[] = {
    {"neglected_garden", N_("Verwaarloosde tuin")},
    {"door_stays_shut", N_("Deur blijft dicht")},
    {"loneliness", N_("Eenzaamheid")},
    {"debts", N_("Schulden")},
    {"domestic_tension", N_("Spanningen thuis")},
    {"drug_nuisance", N_("Drugsoverlast")},
    {"hemp_growing", N_("Hennepteelt")},
    {"child_neglect", N_("Verwaarlozing van een kind")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

const presence_code signal_noticers[] = {
    {"worker", N_("Medewerker")},
    {"neighbour", N_("Buren")},
    {"gp", N_("Huisarts")},
    {"school", N_("School")},
    {"police", N_("Politie / wijkagent")},
    {"housing_corporation", N_("Woningcorporatie")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

const presence_code signal_urgencies[] = {
    {"low", N_("Laag")},
    {"normal", N_("Normaal")},
    {"high", N_("Hoog")},
    {NULL, NULL},
};

const presence_code signal_statuses[] = {
    {"open", N_("Open: nog geen contact")},
    {"following", N_("Contact gemaakt, volgen")},
    {"closed", N_("Afgesloten")},
    {NULL, NULL},
};

const presence_code signal_outcomes[] = {
    {"no_concern", N_("Geen zorg")},
    {"light_support", N_("Lichte ondersteuning gegeven")},
    {"passed_to_partner", N_("Doorgegeven aan een partner")},
    {"became_case", N_("Casus geworden")},
    {NULL, NULL},
};

const presence_code signal_legal_grounds[] = {
    {"consent", N_("Toestemming van de bewoner")},
    {"legal_obligation", N_("Wettelijke plicht (zoals de meldcode)")},
    {"public_task", N_("Publieke taak")},
    {"vital_interest", N_("Vitaal belang (acuut gevaar)")},
    {"legitimate_interest", N_("Gerechtvaardigd belang")},
    {NULL, NULL},
};

const presence_code signal_followup_kinds[] = {
    {"visit", N_("Huisbezoek / langsgegaan")},
    {"phone", N_("Telefoon")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

/* ---- pure rules ---------------------------------------------------------------------------------------------- */

bool signal_check_subject(bool has_address, bool has_person, bool anonymous, errors *e)
{
    if (anonymous && (has_address || has_person)) {
        errors_add(e, "anonymous",
                   _("Een anoniem signaal gaat niet over een adres of persoon: haal het vinkje 'anoniem' weg of laat adres en persoon leeg."));
        return false;
    }
    if (!anonymous && !has_address && !has_person) {
        errors_add(e, "anonymous",
                   _("Een signaal zonder adres of persoon moet uitdrukkelijk anoniem zijn: vul een adres in of vink 'anoniem' aan."));
        return false;
    }
    return true;
}

int signal_default_interval(const char *urgency)
{
    if (urgency && strcmp(urgency, "high") == 0)
        return 2;
    if (urgency && strcmp(urgency, "low") == 0)
        return 14;
    return 7;
}

wt_date signal_next_due(wt_date base, int interval_days)
{
    return date_add_days(base, interval_days);
}

bool signal_is_due(const char *status, const char *next_due_on, wt_date today)
{
    wt_date due;
    if (!status || strcmp(status, "closed") == 0 || !next_due_on || !date_parse(next_due_on, &due))
        return false;
    return date_compare(due, today) <= 0;
}

bool signal_check_close(const signal_close_input *in, bool anonymous, errors *e)
{
    int before = e->count;
    if (!presence_code_valid(signal_outcomes, in->outcome)) {
        errors_add(e, "outcome", _("Kies hoe het signaal afloopt."));
        return false;
    }
    presence_check_text(e, "note", _("De toelichting"), in->note, PRESENCE_LONG_MAX, false);
    if (strcmp(in->outcome, "passed_to_partner") == 0) {
        if (text_empty(in->partner_name) && text_empty(in->partner_service_key))
            errors_add(e, "partner_name", _("Vul in aan welke partner het signaal is doorgegeven."));
        presence_check_text(e, "partner_name", _("De partner"), in->partner_name, PRESENCE_SHORT_MAX, false);
        presence_check_text(e, "partner_service_key", _("De dienst op de sociale kaart"), in->partner_service_key,
                            PRESENCE_SHORT_MAX, false);
        presence_check_text(e, "shared_what", _("Wat er is gedeeld"), in->shared_what, PRESENCE_LONG_MAX, true);
        if (!presence_code_valid(signal_legal_grounds, in->legal_ground))
            errors_add(e, "legal_ground", _("Kies de grondslag waarop gegevens zijn gedeeld."));
    }
    if (strcmp(in->outcome, "became_case") == 0) {
        if (anonymous)
            errors_add(e, "outcome", _("Een anoniem signaal kan geen casus worden: er is geen huishouden."));
        presence_check_text(e, "case_reason", _("De reden van aanmelding"), in->case_reason, PRESENCE_LONG_MAX,
                            false);
    }
    return e->count == before;
}

/* ---- helpers ------------------------------------------------------------------------------------------------- */

static audit_subject subject_of(const wt_signal *s)
{
    return (audit_subject){s->household_id, s->person_id, s->case_id};
}

/* A date that is given, valid and not in the future; NULL stays today. */
static const char *past_date(wt_ctx *ctx, const char *value, const char *field, const char *label, errors *e)
{
    if (text_empty(value))
        return date_today_iso(ctx->a);
    wt_date d;
    if (!date_parse(value, &d)) {
        errors_add(e, field, arena_printf(ctx->a, _("%s is geen geldige datum (JJJJ-MM-DD)."), label));
        return NULL;
    }
    if (date_compare(d, date_today()) > 0) {
        errors_add(e, field, arena_printf(ctx->a, _("%s ligt in de toekomst."), label));
        return NULL;
    }
    return value;
}

/* Resolves the address, person and round stop of a new signal into *out; false on bad input. */
static bool resolve_subject(wt_ctx *ctx, int64_t team_id, const signal_input *in, int64_t *address_id,
                            int64_t *household_id, errors *e)
{
    *address_id = in->address_id;
    *household_id = 0;
    if (in->round_stop_id) {
        int64_t stop_address = 0;
        if (signal_db_stop_address(ctx->db, ctx->a, team_id, in->round_stop_id, &stop_address) != WT_OK ||
            !stop_address) {
            errors_add(e, "round_stop_id", _("Deze stop van een ronde bestaat niet of hoort niet bij uw team."));
            return false;
        }
        if (*address_id && *address_id != stop_address) {
            errors_add(e, "address_id", _("Het adres hoort niet bij deze stop van de ronde."));
            return false;
        }
        *address_id = stop_address;
    }
    if (!*address_id && !text_empty(in->address_key)) {
        if (presence_address_find(ctx, team_id, in->address_key, "address", e, address_id) != WT_OK)
            return false;
    }
    if (*address_id) {
        presence_address ad;
        if (presence_address_get(ctx, team_id, *address_id, &ad) != WT_OK) {
            errors_add(e, "address_id", _("Dit adres bestaat niet of ligt buiten het werkgebied van uw team."));
            return false;
        }
        *household_id = ad.household_id;
    }
    if (in->person_id) {
        int64_t hh = 0, person_team = 0;
        if (presence_person_of(ctx, in->person_id, &hh, &person_team, NULL) != WT_OK || person_team != team_id) {
            errors_add(e, "person_id", _("Deze persoon bestaat niet of hoort niet bij uw team."));
            return false;
        }
        *household_id = hh;
    }
    return true;
}

/* ---- operations ---------------------------------------------------------------------------------------------- */

wt_status signal_create(wt_ctx *ctx, const signal_input *in, errors *e, int64_t *id)
{
    int64_t team_id = ctx->who.team_id;
    wt_status st = presence_access(ctx, team_id);
    if (st != WT_OK)
        return st;
    bool has_address = in->address_id || in->round_stop_id || !text_empty(in->address_key);
    signal_check_subject(has_address, in->person_id != 0, in->anonymous, e);
    if (!presence_code_valid(signal_kinds, in->kind))
        errors_add(e, "kind", _("Kies wat er is opgemerkt."));
    if (!presence_code_valid(signal_noticers, in->noticed_by))
        errors_add(e, "noticed_by", _("Kies wie het opmerkte."));
    const char *urgency = text_empty(in->urgency) ? "normal" : in->urgency;
    if (!presence_code_valid(signal_urgencies, urgency))
        errors_add(e, "urgency", _("Kies de urgentie: laag, normaal of hoog."));
    presence_check_text(e, "description", _("De beschrijving"), in->description, PRESENCE_LONG_MAX, false);
    presence_check_text(e, "place", _("De plek"), in->place, PRESENCE_SHORT_MAX, false);
    const char *noticed_on = past_date(ctx, in->noticed_on, "noticed_on", _("De datum van opmerken"), e);
    int interval = in->follow_up_days ? in->follow_up_days : signal_default_interval(urgency);
    if (interval < 1 || interval > SIGNAL_MAX_INTERVAL)
        errors_add(e, "follow_up_days", _("Opvolgen na 1 tot en met 90 dagen."));
    int64_t address_id = 0, household_id = 0;
    if (e->count == 0)
        resolve_subject(ctx, team_id, in, &address_id, &household_id, e);
    if (e->count)
        return WT_INVALID;
    wt_date base;
    date_parse(noticed_on, &base);
    char due[11];
    date_format(signal_next_due(base, interval), due);
    signal_row row = {
        .team_id = team_id, .address_id = address_id, .person_id = in->person_id, .anonymous = in->anonymous,
        .place = presence_clean(ctx->a, in->place), .kind = in->kind, .noticed_by = in->noticed_by,
        .urgency = urgency, .description = presence_clean(ctx->a, in->description), .noticed_on = noticed_on,
        .follow_up_days = interval, .next_due_on = due, .round_stop_id = in->round_stop_id,
        .created_by = ctx->who.user_id, .created_at = date_now_iso(ctx->a),
    };
    st = signal_db_insert(ctx->db, &row, id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "signal", *id, (audit_subject){household_id, in->person_id, 0});
    return st;
}

/* Loads the signal and checks access; logs nothing. */
static wt_status signal_load(wt_ctx *ctx, int64_t id, wt_signal *out)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    wt_status st = signal_db_get(ctx->db, ctx->a, id, out);
    if (st != WT_OK)
        return st;
    st = presence_access(ctx, out->team_id);
    if (st == WT_OK)
        out->due = signal_is_due(out->status, out->next_due_on, date_today());
    return st;
}

wt_status signal_get(wt_ctx *ctx, int64_t id, wt_signal *out)
{
    wt_status st = signal_load(ctx, id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "signal", id, subject_of(out));
    return st;
}

wt_status signal_followups(wt_ctx *ctx, const wt_signal *s, signal_followup **out, int *n)
{
    wt_status st = presence_access(ctx, s->team_id);
    if (st != WT_OK)
        return st;
    return signal_db_followups(ctx->db, ctx->a, s->id, out, n);
}

wt_status signal_add_followup(wt_ctx *ctx, int64_t id, const followup_input *in, errors *e)
{
    wt_signal s;
    wt_status st = signal_load(ctx, id, &s);
    if (st != WT_OK)
        return st;
    const char *at = past_date(ctx, in->at, "at", _("De datum van de opvolging"), e);
    if (at && strcmp(at, s.noticed_on) < 0)
        errors_add(e, "at", _("De opvolging kan niet vóór de datum van het signaal liggen."));
    if (!presence_code_valid(signal_followup_kinds, in->kind))
        errors_add(e, "kind", _("Kies hoe u het signaal opvolgde: langsgegaan, telefoon of anders."));
    presence_check_text(e, "note", _("De notitie"), in->note, PRESENCE_LONG_MAX, false);
    if (e->count)
        return WT_INVALID;
    if (strcmp(s.status, "closed") == 0) {
        errors_add(e, "status", _("Dit signaal is afgesloten; opvolgen is niet meer nodig."));
        return WT_CONFLICT;
    }
    st = signal_db_add_followup(ctx->db, id, at, ctx->who.user_id, in->kind, in->contact_made,
                                presence_clean(ctx->a, in->note), date_now_iso(ctx->a));
    const char *last = at;
    if (st == WT_OK)
        st = signal_db_last_followup(ctx->db, ctx->a, id, &last);
    if (st != WT_OK)
        return st;
    wt_date base;
    date_parse(last, &base);
    char due[11];
    date_format(signal_next_due(base, s.follow_up_days), due);
    const char *status = in->contact_made || strcmp(s.status, "following") == 0 ? "following" : "open";
    st = signal_db_set_followed(ctx->db, id, status, due);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "signal", id, subject_of(&s));
    return st;
}

/* The household the case is for; adds a message and returns WT_INVALID when there is none to choose. */
static wt_status case_household(wt_ctx *ctx, const wt_signal *s, int64_t chosen, errors *e, int64_t *household_id)
{
    if (s->person_id) {
        *household_id = s->household_id;
        return WT_OK;
    }
    int64_t *ids;
    const char **names;
    int n = 0;
    wt_status st = signal_households(ctx, s, &ids, &names, &n);
    if (st != WT_OK)
        return st;
    if (n == 0) {
        errors_add(e, "household_id",
                   _("Op dit adres woont geen huishouden dat het team kent. Registreer eerst het huishouden en koppel het signaal aan een bewoner."));
        return WT_INVALID;
    }
    if (n == 1 && (chosen == 0 || chosen == ids[0])) {
        *household_id = ids[0];
        return WT_OK;
    }
    for (int i = 0; i < n; i++)
        if (ids[i] == chosen) {
            *household_id = chosen;
            return WT_OK;
        }
    errors_add(e, "household_id", _("Kies voor welk huishouden op dit adres de casus is."));
    return WT_INVALID;
}

/*
 * A partner chosen from the social map: the service must be on it. Without a
 * partner's name typed, the service and its organisation name the partner.
 */
static wt_status partner_service(wt_ctx *ctx, const char *key, errors *e, const char **partner_name)
{
    sm_service svc;
    wt_status st = socialmap_service_get(ctx, key, &svc);
    if (st == WT_NOTFOUND) {
        errors_add(e, "partner_service_key", _("Deze dienst staat niet op de sociale kaart."));
        return WT_INVALID;
    }
    if (st == WT_OK && !*partner_name)
        *partner_name = svc.organization_name ? arena_printf(ctx->a, "%s (%s)", svc.name, svc.organization_name)
                                              : svc.name;
    return st;
}

/* Opens the case of the household, or finds its open case; *case_id gets it. */
static wt_status open_or_join_case(wt_ctx *ctx, const wt_signal *s, const signal_close_input *in, errors *e,
                                   int64_t *case_id)
{
    int64_t household_id = 0;
    wt_status st = case_household(ctx, s, in->household_id, e, &household_id);
    if (st != WT_OK)
        return st;
    st = case_open_of_household(ctx, household_id, case_id);
    if (st != WT_OK || *case_id)
        return st;
    const char *reason = presence_clean(ctx->a, in->case_reason);
    if (!reason)
        reason = arena_printf(ctx->a, _("Signaal: %s, gemeld door %s op %s."), presence_label(signal_kinds, s->kind),
                              presence_label(signal_noticers, s->noticed_by), date_display(ctx->a, s->noticed_on));
    case_open_input ci = {.household_id = household_id, .reason = reason, .coordinator_id = 0};
    return case_open(ctx, &ci, e, case_id);
}

wt_status signal_close(wt_ctx *ctx, int64_t id, const signal_close_input *in, errors *e, int64_t *case_id)
{
    *case_id = 0;
    wt_signal s;
    wt_status st = signal_load(ctx, id, &s);
    if (st != WT_OK)
        return st;
    if (!signal_check_close(in, s.anonymous, e))
        return WT_INVALID;
    if (strcmp(s.status, "closed") == 0) {
        errors_add(e, "status", _("Dit signaal is al afgesloten."));
        return WT_CONFLICT;
    }
    bool partner = strcmp(in->outcome, "passed_to_partner") == 0;
    const char *partner_name = partner ? presence_clean(ctx->a, in->partner_name) : NULL;
    const char *service_key = partner ? presence_clean(ctx->a, in->partner_service_key) : NULL;
    if (service_key) {
        st = partner_service(ctx, service_key, e, &partner_name);
        if (st != WT_OK)
            return st;
    }
    if (strcmp(in->outcome, "became_case") == 0) {
        st = open_or_join_case(ctx, &s, in, e, case_id);
        if (st != WT_OK)
            return st;
    }
    signal_close_row row = {
        .outcome = in->outcome,
        .note = presence_clean(ctx->a, in->note),
        .partner_name = partner_name,
        .partner_service_key = service_key,
        .shared_what = partner ? presence_clean(ctx->a, in->shared_what) : NULL,
        .legal_ground = partner ? in->legal_ground : NULL,
        .case_id = *case_id,
        .closed_on = date_today_iso(ctx->a),
        .closed_by = ctx->who.user_id,
    };
    st = signal_db_close(ctx->db, id, &row);
    s.case_id = *case_id;
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "signal", id, subject_of(&s));
    return st;
}

static void mark_due(wt_signal *items, int n)
{
    wt_date today = date_today();
    for (int i = 0; i < n; i++)
        items[i].due = signal_is_due(items[i].status, items[i].next_due_on, today);
}

static void log_reads(wt_ctx *ctx, const wt_signal *items, int n)
{
    for (int i = 0; i < n; i++)
        audit_log(ctx, AUDIT_READ, "signal", items[i].id, subject_of(&items[i]));
}

wt_status signal_list(wt_ctx *ctx, signal_filter f, int limit, int offset, wt_signal **out, int *n, bool *more)
{
    wt_status st = presence_access(ctx, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    st = signal_db_list(ctx->db, ctx->a, ctx->who.team_id, f, date_today_iso(ctx->a), limit + 1, offset, out, n);
    *more = st == WT_OK && *n > limit;
    if (*more)
        *n = limit;
    if (st == WT_OK) {
        mark_due(*out, *n);
        log_reads(ctx, *out, *n);
    }
    return st;
}

wt_status signal_due(wt_ctx *ctx, int limit, wt_signal **out, int *n)
{
    wt_status st = presence_access(ctx, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    st = signal_db_list(ctx->db, ctx->a, ctx->who.team_id, SIGNAL_FILTER_DUE, date_today_iso(ctx->a), limit, 0, out, n);
    if (st == WT_OK) {
        mark_due(*out, *n);
        log_reads(ctx, *out, *n);
    }
    return st;
}

wt_status signal_list_for_case(wt_ctx *ctx, int64_t case_id, wt_signal **out, int *n)
{
    *n = 0;
    wt_case c;
    wt_status st = case_access(ctx, case_id, PERM_CASE_READ, &c);
    if (st == WT_OK)
        st = presence_access(ctx, c.team_id);
    if (st != WT_OK)
        return st;
    st = signal_db_list_for_case(ctx->db, ctx->a, ctx->who.team_id, case_id, out, n);
    if (st == WT_OK) {
        mark_due(*out, *n);
        log_reads(ctx, *out, *n);
    }
    return st;
}

wt_status signal_households(wt_ctx *ctx, const wt_signal *s, int64_t **ids, const char ***names, int *n)
{
    wt_status st = presence_access(ctx, s->team_id);
    if (st != WT_OK)
        return st;
    *n = 0;
    if (!s->address_id)
        return WT_OK;
    return signal_db_households(ctx->db, ctx->a, s->team_id, s->address_id, ids, names, n);
}
