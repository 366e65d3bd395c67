/*
 * network.c - rules of the neighbourhood network (see network.h): code
 * tables, the pure rules, relations, offers, load, needs, and what is
 * recorded about one resident. Matching is in network_match.c, the figures
 * in network_graph.c.
 */
#include "network.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../case/case.h"
#include "../core/buf.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../frontdoor/frontdoor.h"
#include "network_db.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const net_code network_kinds[] = {
    {"family", N_("familie")},
    {"friend", N_("vriendschap")},
    {"neighbour", N_("buren")},
    {"acquaintance", N_("kennis")},
    {"informal_carer_of", N_("mantelzorger van")},
    {"volunteer_for", N_("vrijwilliger voor")},
    {"conflict", N_("conflict")},
    {NULL, NULL},
};

const net_code network_sources[] = {
    {"worker_observed", N_("waargenomen door een medewerker")},
    {"resident_self", N_("verteld door de bewoner zelf")},
    {"neighbour", N_("verteld door een buurtgenoot")},
    {"family", N_("verteld door familie")},
    {"partner_org", N_("gemeld door een samenwerkingspartner")},
    {"other", N_("anders")},
    {NULL, NULL},
};

const net_code network_grounds[] = {
    {"consent", N_("toestemming van de bewoner")},
    {"public_task", N_("publieke taak (Wmo, Jeugdwet)")},
    {"legitimate_interest", N_("gerechtvaardigd belang")},
    {"vital_interest", N_("vitaal belang")},
    {NULL, NULL},
};

const net_code network_offer_sources[] = {
    {"worker", N_("medewerker")},
    {"frontdoor", N_("voordeur")},
    {"resident", N_("de bewoner zelf")},
    {NULL, NULL},
};

const net_code network_skills[] = {
    {"administration", N_("administratie")},
    {"odd_jobs", N_("klussen")},
    {"transport", N_("vervoer")},
    {"language", N_("taal")},
    {"company", N_("gezelschap")},
    {"child_care", N_("oppassen op kinderen")},
    {"shopping", N_("boodschappen")},
    {"cooking", N_("koken")},
    {"technology", N_("computer en telefoon")},
    {"other", N_("iets anders")},
    {NULL, NULL},
};

const net_code network_need_statuses[] = {
    {"open", N_("open")},
    {"matched", N_("gekoppeld")},
    {"closed", N_("afgesloten")},
    {NULL, NULL},
};

const net_code network_match_statuses[] = {
    {"proposed", N_("voorgesteld")},
    {"asked", N_("gevraagd")},
    {"accepted", N_("akkoord, helpt")},
    {"declined", N_("niet gelukt")},
    {"ended", N_("beëindigd")},
    {NULL, NULL},
};

const char *network_label(const net_code *table, const char *code)
{
    for (const net_code *c = table; code && c->code; c++)
        if (strcmp(c->code, code) == 0)
            return _(c->label);
    return code ? code : "";
}

bool network_code_valid(const net_code *table, const char *code)
{
    for (const net_code *c = table; code && c->code; c++)
        if (strcmp(c->code, code) == 0)
            return true;
    return false;
}

/* ---- pure rules ------------------------------------------------------------------------------------------------ */

bool network_kind_directed(const char *kind)
{
    return kind && (strcmp(kind, "informal_carer_of") == 0 || strcmp(kind, "volunteer_for") == 0);
}

void network_order_pair(const char *kind, int64_t from, int64_t to, int64_t *a, int64_t *b)
{
    if (network_kind_directed(kind) || from < to) {
        *a = from;
        *b = to;
    } else {
        *a = to;
        *b = from;
    }
}

#define EARTH_M 6371008.8
#define DEG(x) ((x) * M_PI / 180.0)

double network_distance_m(double lat1, double lon1, double lat2, double lon2)
{
    double dlat = DEG(lat2 - lat1), dlon = DEG(lon2 - lon1);
    double h = sin(dlat / 2) * sin(dlat / 2) + cos(DEG(lat1)) * cos(DEG(lat2)) * sin(dlon / 2) * sin(dlon / 2);
    if (h > 1)
        h = 1;
    return 2 * EARTH_M * asin(sqrt(h));
}

void network_bbox(double lat, double lon, double radius_m, double box[4])
{
    double dlat = radius_m / (EARTH_M * M_PI / 180.0);
    double c = cos(DEG(lat));
    double dlon = c > 0.01 ? dlat / c : 180.0;
    box[0] = lat - dlat;
    box[1] = lat + dlat;
    box[2] = lon - dlon;
    box[3] = lon + dlon;
}

bool network_at_limit(int load, int capacity, bool carries_much)
{
    return carries_much || load >= capacity;
}

char *network_distance_text(arena *a, double metres)
{
    if (metres < 1000) {
        long m = lround(metres / 10.0) * 10;
        return arena_printf(a, "%ld m", m < 10 ? 10 : m);
    }
    long tenths = lround(metres / 100.0);
    return arena_printf(a, "%ld,%ld km", tenths / 10, tenths % 10);
}

bool network_follow_up_overdue(const char *follow_up_on, wt_date today)
{
    wt_date d;
    return follow_up_on && date_parse(follow_up_on, &d) && date_compare(d, today) < 0;
}

bool network_match_transition_ok(const char *from, const char *to)
{
    if (!from || !to)
        return false;
    if (strcmp(from, to) == 0)
        return true;
    static const char *const allowed[][2] = {
        {"proposed", "asked"}, {"proposed", "declined"}, {"proposed", "accepted"}, {"asked", "accepted"},
        {"asked", "declined"}, {"accepted", "ended"},
    };
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (strcmp(allowed[i][0], from) == 0 && strcmp(allowed[i][1], to) == 0)
            return true;
    return false;
}

static int candidate_cmp(const void *x, const void *y)
{
    const net_candidate *a = x, *b = y;
    int da = a->depth ? a->depth : NETWORK_MAX_DEPTH + 1;
    int db_ = b->depth ? b->depth : NETWORK_MAX_DEPTH + 1;
    if (da != db_)
        return da < db_ ? -1 : 1;
    if (a->has_distance != b->has_distance)
        return a->has_distance ? -1 : 1;
    if (a->has_distance && a->distance_m != b->distance_m)
        return a->distance_m < b->distance_m ? -1 : 1;
    if (a->load != b->load)
        return a->load < b->load ? -1 : 1;
    return a->person_id < b->person_id ? -1 : a->person_id > b->person_id;
}

static const char *network_reason_path(arena *a, const net_candidate *c)
{
    const char *member = c->member_name ? c->member_name : _("het huishouden");
    if (c->depth == 1)
        return arena_printf(a, _("kent %s al (%s)"), member, network_label(network_kinds, c->link_kind));
    if (c->depth == 2 && c->all_friends)
        return arena_printf(a, _("vriend van een vriend via %s"), c->via_name ? c->via_name : "");
    if (c->depth == 2)
        return arena_printf(a, _("via via: kent %s, die %s kent"), c->via_name ? c->via_name : "", member);
    return arena_printf(a, _("in het netwerk van %s, via %s en nog iemand"), member, c->via_name ? c->via_name : "");
}

static const char *network_reasons(arena *a, const net_candidate *c)
{
    buf b = BUF_INIT;
    buf_printf(&b, _("heeft %s als vaardigheid"), network_label(network_skills, c->skill));
    if (c->hours_per_week > 0)
        buf_printf(&b, _(" (%d uur per week)"), c->hours_per_week);
    if (c->depth > 0)
        buf_printf(&b, "; %s", network_reason_path(a, c));
    if (c->has_distance) {
        const char *d = network_distance_text(a, c->distance_m);
        if (c->depth == 0)
            buf_printf(&b, c->distance_m <= NETWORK_WALK_M ? _("; buurtgenoot op %s, op loopafstand")
                                                          : _("; buurtgenoot op %s"), d);
        else
            buf_printf(&b, c->distance_m <= NETWORK_WALK_M ? _("; woont op %s, op loopafstand") : _("; woont op %s"), d);
    } else {
        buf_puts(&b, _("; afstand onbekend (adres zonder ligging)"));
    }
    buf_printf(&b, _("; heeft ruimte: %d van %d plaatsen bezet"), c->load, c->capacity);
    if (c->is_new_resident)
        buf_puts(&b, _("; nieuw in de buurt: een kans om kennis te maken"));
    char *out = arena_strdup(a, buf_str(&b));
    buf_free(&b);
    return out;
}

int network_rank(arena *a, net_candidate *c, int n, int *excluded_conflict, int *excluded_limit)
{
    int kept = 0, conflict = 0, limit = 0;
    for (int i = 0; i < n; i++) {
        if (c[i].in_household || c[i].already_asked)
            continue;
        if (c[i].in_conflict) {
            conflict++;
            continue;
        }
        if (network_at_limit(c[i].load, c[i].capacity, c[i].carries_much)) {
            limit++;
            continue;
        }
        c[kept++] = c[i];
    }
    qsort(c, (size_t)kept, sizeof *c, candidate_cmp);
    for (int i = 0; i < kept; i++)
        c[i].reasons = network_reasons(a, &c[i]);
    if (excluded_conflict)
        *excluded_conflict = conflict;
    if (excluded_limit)
        *excluded_limit = limit;
    return kept;
}

/* ---- access and validation ------------------------------------------------------------------------------------- */

bool network_may(wt_ctx *ctx, bool write)
{
    return policy_allows(&ctx->who, write ? PERM_HOUSEHOLD_WRITE : PERM_HOUSEHOLD_READ, POLICY_NO_TARGET);
}

wt_status network_team_access(wt_ctx *ctx, bool write, int64_t team_id)
{
    permission p = write ? PERM_HOUSEHOLD_WRITE : PERM_HOUSEHOLD_READ;
    if (!policy_allows(&ctx->who, p, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    if (team_id == 0 || !policy_allows(&ctx->who, p, (policy_target){.team_id = team_id}))
        return WT_NOTFOUND;
    return WT_OK;
}

wt_status network_household_need_to_know(wt_ctx *ctx, bool write, int64_t household_id)
{
    return case_household_access(ctx, household_id, write ? PERM_HOUSEHOLD_WRITE : PERM_HOUSEHOLD_READ);
}

wt_status network_person_access(wt_ctx *ctx, bool write, int64_t person_id, int64_t *household_id, const char **name)
{
    permission p = write ? PERM_HOUSEHOLD_WRITE : PERM_HOUSEHOLD_READ;
    if (!policy_allows(&ctx->who, p, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    int64_t team_id = 0, hh = 0;
    wt_status st = network_db_person_home(ctx->db, ctx->a, person_id, &team_id, &hh, name);
    if (st != WT_OK)
        return st;
    if (household_id)
        *household_id = hh;
    st = network_team_access(ctx, write, team_id);
    return st == WT_OK ? network_household_need_to_know(ctx, write, hh) : st;
}

const char *network_check_text(errors *e, const char *field, const char *s, long max, bool required)
{
    if (text_empty(s)) {
        if (required)
            errors_add(e, field, _("Vul dit veld in."));
        return NULL;
    }
    long len = text_utf8_len(s);
    if (len < 0)
        errors_add(e, field, _("De tekst bevat ongeldige tekens."));
    else if (len > max)
        errors_add(e, field, max <= NETWORK_SHORT_MAX ? _("De tekst mag hoogstens 200 tekens lang zijn.")
                                                      : _("De tekst mag hoogstens 4000 tekens lang zijn."));
    return text_trim(e->a, s);
}

/* A date that is given must be a real day, not in the future. */
static const char *check_past_date(errors *e, const char *field, const char *s)
{
    if (text_empty(s))
        return NULL;
    wt_date d;
    if (!date_parse(s, &d)) {
        errors_add(e, field, _("Vul een datum in als JJJJ-MM-DD."));
        return NULL;
    }
    if (date_compare(d, date_today()) > 0) {
        errors_add(e, field, _("De datum mag niet in de toekomst liggen."));
        return NULL;
    }
    return s;
}

/* ---- relations ------------------------------------------------------------------------------------------------- */

static void audit_relation(wt_ctx *ctx, audit_action act, const net_relation *r)
{
    audit_log(ctx, act, "relation", r->id, (audit_subject){r->household_a, r->person_a, 0});
    audit_log(ctx, act, "relation", r->id, (audit_subject){r->household_b, r->person_b, 0});
}

wt_status network_relations_of_household(wt_ctx *ctx, int64_t household_id, bool include_ended, net_relation **out,
                                         int *n)
{
    int64_t team_id = 0;
    wt_status st = network_db_household_team(ctx->db, ctx->a, household_id, &team_id, NULL);
    if (st == WT_OK)
        st = network_team_access(ctx, false, team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, false, household_id);
    int64_t *ids;
    const char **names;
    int nm = 0;
    if (st == WT_OK)
        st = network_db_members(ctx->db, ctx->a, household_id, &ids, &names, &nm);
    if (st == WT_OK)
        st = network_db_relations_of(ctx->db, ctx->a, ids, nm, include_ended, 200, out, n);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_READ, "network", household_id, (audit_subject){household_id, 0, 0});
    for (int i = 0; i < *n; i++)
        audit_relation(ctx, AUDIT_READ, &(*out)[i]);
    return WT_OK;
}

wt_status network_relations_of_person(wt_ctx *ctx, int64_t person_id, bool include_ended, net_relation **out, int *n)
{
    int64_t hh = 0;
    wt_status st = network_person_access(ctx, false, person_id, &hh, NULL);
    if (st == WT_OK)
        st = network_db_relations_of(ctx->db, ctx->a, &person_id, 1, include_ended, 200, out, n);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_READ, "network", person_id, (audit_subject){hh, person_id, 0});
    for (int i = 0; i < *n; i++)
        audit_relation(ctx, AUDIT_READ, &(*out)[i]);
    return WT_OK;
}

/* A person named in a form must exist and belong to the actor's team. */
static void check_team_person(wt_ctx *ctx, errors *e, const char *field, int64_t id)
{
    int64_t team_id = 0, hh = 0;
    if (id <= 0) {
        errors_add(e, field, _("Kies een bewoner."));
        return;
    }
    wt_status st = network_db_person_home(ctx->db, ctx->a, id, &team_id, &hh, NULL);
    if (st == WT_NOTFOUND || (st == WT_OK && team_id != ctx->who.team_id))
        errors_add(e, field, _("Kies een bewoner uit een huishouden van uw eigen team."));
}

static void validate_relation(wt_ctx *ctx, relation_input *in, errors *e)
{
    check_team_person(ctx, e, "person_id", in->person_id);
    check_team_person(ctx, e, "other_person_id", in->other_person_id);
    if (in->person_id > 0 && in->person_id == in->other_person_id)
        errors_add(e, "other_person_id", _("Een relatie is tussen twee verschillende bewoners."));
    if (!network_code_valid(network_kinds, in->kind))
        errors_add(e, "kind", _("Kies het soort relatie uit de lijst."));
    if (in->strength == 0)
        in->strength = 2;
    if (in->strength < 1 || in->strength > 3)
        errors_add(e, "strength", _("De sterkte is 1 (zwak), 2 (gewoon) of 3 (sterk)."));
    in->since = check_past_date(e, "since", in->since);
    if (!network_code_valid(network_sources, in->source))
        errors_add(e, "source", _("Kies de bron: wie vertelde of zag het?"));
    if (!network_code_valid(network_grounds, in->legal_ground))
        errors_add(e, "legal_ground", _("Kies de grondslag waarop dit wordt vastgelegd."));
    in->ground_note = network_check_text(e, "ground_note", in->ground_note, NETWORK_SHORT_MAX, false);
    in->note = network_check_text(e, "note", in->note, NETWORK_NOTE_MAX, false);
}

wt_status network_relation_add(wt_ctx *ctx, const relation_input *in_raw, errors *e, int64_t *id)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET) || ctx->who.team_id == 0)
        return WT_FORBIDDEN;
    relation_input in = *in_raw;
    validate_relation(ctx, &in, e);
    if (e->count)
        return WT_INVALID;
    int64_t a, b;
    network_order_pair(in.kind, in.person_id, in.other_person_id, &a, &b);
    bool exists = false;
    wt_status st = network_db_relation_current(ctx->db, ctx->a, a, b, in.kind, &exists);
    if (st != WT_OK)
        return st;
    if (exists) {
        errors_add(e, "kind", _("Deze relatie tussen deze twee bewoners is al vastgelegd."));
        return WT_INVALID;
    }
    st = network_db_relation_insert(ctx->db, ctx->who.team_id, a, b, &in, date_now_iso(ctx->a), ctx->who.user_id, id);
    net_relation r;
    if (st == WT_OK)
        st = network_db_relation_get(ctx->db, ctx->a, *id, &r);
    if (st == WT_OK)
        audit_relation(ctx, AUDIT_CREATE, &r);
    return st;
}

static wt_status relation_for_write(wt_ctx *ctx, int64_t id, net_relation *r)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = network_db_relation_get(ctx->db, ctx->a, id, r);
    if (st == WT_OK)
        st = network_team_access(ctx, true, r->team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, true, r->household_a);
    return st == WT_OK ? network_household_need_to_know(ctx, true, r->household_b) : st;
}

wt_status network_relation_end(wt_ctx *ctx, int64_t id, const char *ended_on, errors *e)
{
    net_relation r;
    wt_status st = relation_for_write(ctx, id, &r);
    if (st != WT_OK)
        return st;
    if (r.ended_on) {
        errors_add(e, "ended_on", _("Deze relatie is al beëindigd."));
        return WT_INVALID;
    }
    char today[11];
    date_format(date_today(), today);
    const char *on = text_empty(ended_on) ? arena_strdup(ctx->a, today) : check_past_date(e, "ended_on", ended_on);
    if (on && r.since && strcmp(on, r.since) < 0)
        errors_add(e, "ended_on", _("De einddatum ligt voor de datum waarop de relatie begon."));
    if (e->count)
        return WT_INVALID;
    st = network_db_relation_end(ctx->db, id, on, ctx->who.user_id);
    if (st == WT_OK)
        audit_relation(ctx, AUDIT_UPDATE, &r);
    return st;
}

wt_status network_relation_remove(wt_ctx *ctx, int64_t id)
{
    net_relation r;
    wt_status st = relation_for_write(ctx, id, &r);
    if (st == WT_OK)
        st = network_db_relation_delete(ctx->db, id);
    if (st == WT_OK)
        audit_relation(ctx, AUDIT_DELETE, &r);
    return st;
}

wt_status network_person_search(wt_ctx *ctx, const char *q, errors *e, net_person_hit **out, int *n)
{
    *n = 0;
    *out = NULL;
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_READ, POLICY_NO_TARGET) || ctx->who.team_id == 0)
        return WT_FORBIDDEN;
    long len = q ? text_utf8_len(q) : 0;
    if (text_empty(q) || len < 2)
        errors_add(e, "q", _("Vul minstens twee letters van de naam in."));
    else if (len < 0 || len > 100)
        errors_add(e, "q", _("Vul een naam in van hoogstens 100 tekens."));
    if (e->count)
        return WT_INVALID;
    const char *prefix = text_fold(ctx->a, text_trim(ctx->a, q));
    wt_status st = network_db_person_search(ctx->db, ctx->a, ctx->who.team_id, prefix, 20, out, n);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_SEARCH, "person", 0, (audit_subject){0});
    return st;
}

wt_status network_set_new_resident(wt_ctx *ctx, int64_t person_id, bool is_new)
{
    int64_t hh = 0;
    wt_status st = network_person_access(ctx, true, person_id, &hh, NULL);
    if (st == WT_OK)
        st = network_db_set_new_resident(ctx->db, person_id, is_new);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "person_new_resident", person_id, (audit_subject){hh, person_id, 0});
    return st;
}

/* ---- offers and load ------------------------------------------------------------------------------------------- */

static wt_status load_of(wt_ctx *ctx, int64_t person_id, net_load *load)
{
    wt_status st = network_db_load_get(ctx->db, ctx->a, person_id, load);
    if (st == WT_OK)
        st = network_db_cares_for(ctx->db, ctx->a, person_id, &load->cares_for);
    load->load = load->active_matches + load->cares_for;
    load->at_limit = network_at_limit(load->load, load->capacity, load->carries_much);
    return st;
}

wt_status network_offers_of_person(wt_ctx *ctx, int64_t person_id, net_offer **out, int *n, net_load *load)
{
    int64_t hh = 0;
    wt_status st = network_person_access(ctx, false, person_id, &hh, NULL);
    if (st == WT_OK)
        st = network_db_offers_of(ctx->db, ctx->a, person_id, out, n);
    if (st == WT_OK && load)
        st = load_of(ctx, person_id, load);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "offer", person_id, (audit_subject){hh, person_id, 0});
    return st;
}

/* "" or NULL: not stated (-1); otherwise a whole number of hours 0..40. */
static int parse_small_int(errors *e, const char *field, const char *s, int max, const char *message)
{
    if (text_empty(s))
        return -1;
    int64_t v;
    if (!text_parse_int64(text_trim(e->a, s), &v) || v < 0 || v > max) {
        errors_add(e, field, message);
        return -1;
    }
    return (int)v;
}

/* Checks and records an offer; source is worker, resident or (through the front door) frontdoor. */
static wt_status offer_insert(wt_ctx *ctx, int64_t person_id, int64_t hh, const offer_input *in, const char *source,
                              int64_t question_id, errors *e, int64_t *id)
{
    if (!network_code_valid(network_skills, in->skill))
        errors_add(e, "skill", _("Kies een vaardigheid uit de lijst."));
    int hours = parse_small_int(e, "hours_per_week", in->hours_per_week, 40,
                                _("Vul het aantal uren per week in als een heel getal van 0 tot 40."));
    const char *note = network_check_text(e, "note", in->note, NETWORK_SHORT_MAX, false);
    const char *ground = text_empty(in->legal_ground) ? "consent" : in->legal_ground;
    if (!network_code_valid(network_grounds, ground))
        errors_add(e, "legal_ground", _("Kies de grondslag waarop dit wordt vastgelegd."));
    if (e->count)
        return WT_INVALID;
    const char *now = date_now_iso(ctx->a);
    wt_status st = network_db_offer_insert(ctx->db, ctx->who.team_id, person_id, in->skill, hours, note, ground, now,
                                           ctx->who.user_id, id);
    if (st == WT_OK)
        st = network_db_offer_set_source(ctx->db, *id, source, question_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "offer", *id, (audit_subject){hh, person_id, 0});
    return st;
}

wt_status network_offer_add(wt_ctx *ctx, int64_t person_id, const offer_input *in, errors *e, int64_t *id)
{
    int64_t hh = 0;
    wt_status st = network_person_access(ctx, true, person_id, &hh, NULL);
    if (st != WT_OK)
        return st;
    const char *source = text_empty(in->source) ? "worker" : in->source;
    if (strcmp(source, "worker") != 0 && strcmp(source, "resident") != 0) {
        errors_add(e, "source", _("Kies wie het aanbod vastlegt: een medewerker of de bewoner zelf."));
        source = "worker";
    }
    return offer_insert(ctx, person_id, hh, in, source, 0, e, id);
}

wt_status network_members(wt_ctx *ctx, int64_t household_id, int64_t **ids, const char ***names, int *n)
{
    *n = 0;
    int64_t team_id = 0;
    if (!network_may(ctx, false))
        return WT_FORBIDDEN;
    wt_status st = network_db_household_team(ctx->db, ctx->a, household_id, &team_id, NULL);
    if (st == WT_OK)
        st = network_team_access(ctx, false, team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, false, household_id);
    if (st == WT_OK)
        st = network_db_members(ctx->db, ctx->a, household_id, ids, names, n);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "household", household_id, (audit_subject){household_id, 0, 0});
    return st;
}

wt_status network_offer_from_question(wt_ctx *ctx, int64_t question_id, int64_t person_id, const offer_input *in,
                                      errors *e, int64_t *id)
{
    if (!network_may(ctx, true))
        return WT_FORBIDDEN;
    question q;
    wt_status st = question_get(ctx, question_id, &q);
    if (st != WT_OK)
        return st;
    if (strcmp(q.kind, "offer") != 0) {
        errors_add(e, "question_id", _("Alleen een aanbod om te helpen wordt een aanbod in het netwerk."));
        return WT_INVALID;
    }
    int64_t hh = 0;
    if (person_id <= 0) {
        errors_add(e, "person_id", _("Kies de bewoner die zijn hulp aanbiedt."));
        return WT_INVALID;
    }
    st = network_person_access(ctx, true, person_id, &hh, NULL);
    if (st == WT_NOTFOUND || (st == WT_OK && q.household_id && hh != q.household_id)) {
        errors_add(e, "person_id", _("Kies een bewoner uit het huishouden van deze vraag."));
        return WT_INVALID;
    }
    if (st != WT_OK)
        return st;
    st = offer_insert(ctx, person_id, hh, in, "frontdoor", question_id, e, id);
    if (st != WT_OK || strcmp(q.status, "open") != 0)
        return st;
    errors none;
    errors_init(&none, ctx->a);
    question_change ch = {.status = "handled",
                          .outcome = arena_printf(ctx->a, _("Vastgelegd als aanbod in het netwerk: %s."),
                                                  network_label(network_skills, in->skill))};
    st = question_update(ctx, question_id, &ch, &none);
    return st == WT_INVALID ? WT_DBERROR : st;
}

static wt_status offer_for_write(wt_ctx *ctx, int64_t offer_id, int64_t *person_id, int64_t *hh)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = network_db_offer_person(ctx->db, ctx->a, offer_id, person_id);
    return st == WT_OK ? network_person_access(ctx, true, *person_id, hh, NULL) : st;
}

wt_status network_offer_set_active(wt_ctx *ctx, int64_t offer_id, bool active, int64_t *person_id)
{
    int64_t hh = 0;
    wt_status st = offer_for_write(ctx, offer_id, person_id, &hh);
    if (st == WT_OK)
        st = network_db_offer_set_active(ctx->db, offer_id, active, date_now_iso(ctx->a));
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "offer", offer_id, (audit_subject){hh, *person_id, 0});
    return st;
}

wt_status network_offer_remove(wt_ctx *ctx, int64_t offer_id, int64_t *person_id)
{
    int64_t hh = 0;
    wt_status st = offer_for_write(ctx, offer_id, person_id, &hh);
    if (st == WT_OK)
        st = network_db_offer_delete(ctx->db, offer_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_DELETE, "offer", offer_id, (audit_subject){hh, *person_id, 0});
    return st;
}

wt_status network_load_set(wt_ctx *ctx, int64_t person_id, const char *capacity, bool carries_much, errors *e)
{
    int64_t hh = 0;
    wt_status st = network_person_access(ctx, true, person_id, &hh, NULL);
    if (st != WT_OK)
        return st;
    int cap = parse_small_int(e, "capacity", capacity, 20, _("Vul in hoeveel hulpvragen tegelijk: een heel getal van 0 tot 20."));
    if (cap < 0 && !e->count)
        errors_add(e, "capacity", _("Vul in hoeveel hulpvragen tegelijk: een heel getal van 0 tot 20."));
    if (e->count)
        return WT_INVALID;
    st = network_db_load_set(ctx->db, person_id, cap, carries_much, ctx->who.user_id, date_now_iso(ctx->a));
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "helper_load", person_id, (audit_subject){hh, person_id, 0});
    return st;
}

/* ---- needs ----------------------------------------------------------------------------------------------------- */

static void audit_need(wt_ctx *ctx, audit_action act, const net_need *n)
{
    audit_log(ctx, act, "need", n->id, (audit_subject){n->household_id, n->person_id, 0});
}

wt_status network_need_add(wt_ctx *ctx, const need_input *in, errors *e, int64_t *id)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET) || ctx->who.team_id == 0)
        return WT_FORBIDDEN;
    net_need n = {0};
    n.household_id = in->household_id;
    n.person_id = in->person_id;
    if (in->person_id) {
        int64_t team_id = 0, hh = 0;
        wt_status st = network_db_person_home(ctx->db, ctx->a, in->person_id, &team_id, &hh, NULL);
        if (st == WT_NOTFOUND || (st == WT_OK && team_id != ctx->who.team_id))
            errors_add(e, "person_id", _("Kies een bewoner uit een huishouden van uw eigen team."));
        else if (st != WT_OK)
            return st;
        else if (n.household_id && n.household_id != hh)
            errors_add(e, "person_id", _("Deze bewoner hoort niet bij dit huishouden."));
        else
            n.household_id = hh;
    } else if (n.household_id) {
        int64_t team_id = 0;
        wt_status st = network_db_household_team(ctx->db, ctx->a, n.household_id, &team_id, NULL);
        if (st != WT_OK)
            return st;
        if (team_id != ctx->who.team_id)
            errors_add(e, "household_id", _("Kies een huishouden van uw eigen team."));
    } else {
        errors_add(e, "household_id", _("Kies het huishouden of de bewoner die hulp nodig heeft."));
    }
    if (!network_code_valid(network_skills, in->skill))
        errors_add(e, "skill", _("Kies de vaardigheid die nodig is."));
    n.body = network_check_text(e, "body", in->body, NETWORK_SHORT_MAX, true);
    n.source = "worker";
    if (in->question_id) {
        int64_t qteam = 0, qhh = 0;
        wt_status st = network_db_question(ctx->db, ctx->a, in->question_id, &qteam, &qhh);
        if (st == WT_NOTFOUND || (st == WT_OK && qteam != ctx->who.team_id))
            errors_add(e, "question_id", _("Deze vraag van de voordeur bestaat niet in uw team."));
        else if (st != WT_OK)
            return st;
        n.source = "question";
        n.question_id = in->question_id;
    }
    if (e->count)
        return WT_INVALID;
    n.team_id = ctx->who.team_id;
    n.skill = in->skill;
    n.created_at = date_now_iso(ctx->a);
    wt_status st = network_db_need_insert(ctx->db, &n, ctx->who.user_id, id);
    n.id = *id;
    if (st == WT_OK)
        audit_need(ctx, AUDIT_CREATE, &n);
    return st;
}

wt_status network_need_from_action(wt_ctx *ctx, int64_t action_id, const char *skill, errors *e, int64_t *id)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    net_action_row ac;
    wt_status st = network_db_action(ctx->db, ctx->a, action_id, &ac);
    if (st == WT_OK)
        st = network_team_access(ctx, true, ac.team_id);
    wt_case c;
    if (st == WT_OK) /* an action of a plan: need-to-know of its case */
        st = case_access(ctx, ac.case_id, PERM_CASE_WRITE, &c);
    if (st != WT_OK)
        return st;
    if (strcmp(ac.layer, "network") != 0 && strcmp(ac.layer, "volunteer") != 0)
        errors_add(e, "action_id", _("Alleen een actie in de laag eigen netwerk of vrijwilligers en buren wordt een hulpvraag aan de buurt."));
    if (!network_code_valid(network_skills, skill))
        errors_add(e, "skill", _("Kies de vaardigheid die nodig is."));
    int64_t existing = 0;
    st = network_db_need_of_action(ctx->db, ctx->a, action_id, &existing);
    if (st != WT_OK)
        return st;
    if (existing)
        errors_add(e, "action_id", _("Voor deze actie is al een hulpvraag aan de buurt vastgelegd."));
    if (e->count)
        return WT_INVALID;
    net_need n = {.team_id = ac.team_id, .household_id = ac.household_id, .skill = skill, .source = "action",
                  .action_id = action_id, .created_at = date_now_iso(ctx->a)};
    n.body = ac.body; /* an action has at most PLAN_GOAL_MAX (200) characters, as a need */
    st = network_db_need_insert(ctx->db, &n, ctx->who.user_id, id);
    n.id = *id;
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "need", *id, (audit_subject){ac.household_id, 0, ac.case_id});
    return st;
}

wt_status network_need_get(wt_ctx *ctx, int64_t id, net_need *out)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_READ, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = network_db_need_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        st = network_team_access(ctx, false, out->team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, false, out->household_id);
    if (st == WT_OK)
        audit_need(ctx, AUDIT_READ, out);
    return st;
}

wt_status network_needs_of_household(wt_ctx *ctx, int64_t household_id, net_need **out, int *n)
{
    int64_t team_id = 0;
    wt_status st = network_db_household_team(ctx->db, ctx->a, household_id, &team_id, NULL);
    if (st == WT_OK)
        st = network_team_access(ctx, false, team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, false, household_id);
    if (st == WT_OK)
        st = network_db_needs(ctx->db, ctx->a, household_id, 0, 100, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        audit_need(ctx, AUDIT_READ, &(*out)[i]);
    return st;
}

wt_status network_needs_of_person(wt_ctx *ctx, int64_t person_id, net_need **out, int *n)
{
    wt_status st = network_person_access(ctx, false, person_id, NULL, NULL);
    if (st == WT_OK)
        st = network_db_needs(ctx->db, ctx->a, 0, person_id, 100, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        audit_need(ctx, AUDIT_READ, &(*out)[i]);
    return st;
}

static wt_status need_for_write(wt_ctx *ctx, int64_t id, net_need *n)
{
    if (!policy_allows(&ctx->who, PERM_HOUSEHOLD_WRITE, POLICY_NO_TARGET))
        return WT_FORBIDDEN;
    wt_status st = network_db_need_get(ctx->db, ctx->a, id, n);
    if (st == WT_OK)
        st = network_team_access(ctx, true, n->team_id);
    return st == WT_OK ? network_household_need_to_know(ctx, true, n->household_id) : st;
}

wt_status network_need_set_status(wt_ctx *ctx, int64_t id, const char *status, errors *e)
{
    net_need n;
    wt_status st = need_for_write(ctx, id, &n);
    if (st != WT_OK)
        return st;
    if (!network_code_valid(network_need_statuses, status)) {
        errors_add(e, "status", _("Kies open, gekoppeld of afgesloten."));
        return WT_INVALID;
    }
    st = network_db_need_set_status(ctx->db, id, status, date_now_iso(ctx->a));
    if (st == WT_OK)
        audit_need(ctx, AUDIT_UPDATE, &n);
    return st;
}

wt_status network_need_remove(wt_ctx *ctx, int64_t id, int64_t *household_id)
{
    net_need n;
    wt_status st = need_for_write(ctx, id, &n);
    if (st == WT_OK)
        st = network_db_need_delete(ctx->db, id);
    if (st == WT_OK) {
        *household_id = n.household_id;
        audit_need(ctx, AUDIT_DELETE, &n);
    }
    return st;
}

/* ---- one resident: what is recorded, and its removal ----------------------------------------------------------- */

wt_status network_person_data(wt_ctx *ctx, int64_t person_id, net_person_data *out)
{
    memset(out, 0, sizeof(*out));
    out->person_id = person_id;
    wt_status st = network_person_access(ctx, false, person_id, &out->household_id, &out->name);
    if (st == WT_OK)
        st = network_db_relations_of(ctx->db, ctx->a, &person_id, 1, true, 500, &out->relations, &out->n_relations);
    if (st == WT_OK)
        st = network_db_offers_of(ctx->db, ctx->a, person_id, &out->offers, &out->n_offers);
    if (st == WT_OK)
        st = network_db_needs(ctx->db, ctx->a, 0, person_id, 200, &out->needs, &out->n_needs);
    if (st == WT_OK)
        st = network_db_matches_of_offerer(ctx->db, ctx->a, person_id, 200, &out->matches, &out->n_matches);
    if (st == WT_OK)
        st = load_of(ctx, person_id, &out->load);
    if (st != WT_OK)
        return st;
    audit_log(ctx, AUDIT_READ, "network", person_id, (audit_subject){out->household_id, person_id, 0});
    /* The other side of each relation, and the households he was asked to help, are read too. */
    for (int i = 0; i < out->n_relations; i++)
        audit_relation(ctx, AUDIT_READ, &out->relations[i]);
    for (int i = 0; i < out->n_matches; i++)
        audit_log(ctx, AUDIT_READ, "match", out->matches[i].id, (audit_subject){out->matches[i].household_id, 0, 0});
    return WT_OK;
}

wt_status network_person_data_remove(wt_ctx *ctx, int64_t person_id)
{
    int64_t hh = 0;
    wt_status st = network_person_access(ctx, true, person_id, &hh, NULL);
    if (st == WT_OK)
        st = network_db_person_remove(ctx->db, person_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_DELETE, "network", person_id, (audit_subject){hh, person_id, 0});
    return st;
}

wt_status network_helpers(wt_ctx *ctx, net_person_ref **out, int *n)
{
    wt_status st = network_team_access(ctx, false, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    char since[11];
    date_format(date_add_days(date_today(), -90), since);
    st = network_db_helpers(ctx->db, ctx->a, ctx->who.team_id, since, 100, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++) {
        net_person_ref *h = &(*out)[i];
        st = network_db_helper_recent(ctx->db, ctx->a, h->person_id, ctx->who.team_id, since, NETWORK_RECENT,
                                      &h->recent, &h->n_recent);
        audit_log(ctx, AUDIT_READ, "offer", h->person_id, (audit_subject){h->household_id, h->person_id, 0});
    }
    return st;
}
