/*
 * network_match.c - matching a need with neighbours who can help, and the
 * matches that follow (see network.h).
 *
 * A proposal never scans all residents. It reads:
 *   - the household's own network, breadth-first to NETWORK_MAX_DEPTH over
 *     current relations (relation_a / relation_b, one query per side and level);
 *   - the active offers of the skill of the persons reached (offer_person);
 *   - the team's active offers of the skill whose address lies in the
 *     bounding box of NETWORK_RADIUS_M around the household (offer_team_skill);
 *   - the conflicts of the household's members (relation_a / relation_b).
 * network_rank() then drops who must not be asked and orders the rest.
 */
#include "../access/audit.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "network.h"
#include "network_db.h"

#include <string.h>

#define BFS_MAX 5000     /* persons the walk through the network visits at most */
#define NEAR_MAX 500     /* strangers read from the bounding box at most */

/* A small open-addressing map from person id to a slot, in the arena. */
typedef struct id_map {
    int64_t *keys;
    int *vals;
    int cap;
} id_map;

static void map_init(arena *a, id_map *m, int expected)
{
    m->cap = 64;
    while (m->cap < expected * 2)
        m->cap *= 2;
    m->keys = arena_alloc(a, sizeof(int64_t) * (size_t)m->cap);
    m->vals = arena_alloc(a, sizeof(int) * (size_t)m->cap);
}

static int *map_slot(id_map *m, int64_t key, bool *found)
{
    uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;
    int i = (int)(h >> 40) & (m->cap - 1);
    while (m->keys[i] != 0 && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    *found = m->keys[i] == key;
    m->keys[i] = key;
    return &m->vals[i];
}

static int map_get(const id_map *m, int64_t key)
{
    uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;
    int i = (int)(h >> 40) & (m->cap - 1);
    while (m->keys[i] != 0) {
        if (m->keys[i] == key)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

/* One person reached from the household. */
typedef struct reached {
    int64_t id;
    int depth;
    int64_t via;    /* the person before him on the path (0 for depth 1) */
    int member;     /* index of the household member the path starts at */
    const char *link_kind;
    bool all_friends;
} reached;

typedef struct walk {
    reached *r;
    int n;
    id_map seen;
} walk;

/* Breadth-first over the team's current relations other than conflicts, from the members. */
static wt_status walk_network(wt_ctx *ctx, int64_t team_id, const int64_t *members, int n_members, walk *w)
{
    w->r = arena_alloc(ctx->a, sizeof(reached) * (BFS_MAX + n_members + 1));
    w->n = 0;
    map_init(ctx->a, &w->seen, BFS_MAX + n_members);
    for (int i = 0; i < n_members; i++) {
        bool f;
        *map_slot(&w->seen, members[i], &f) = w->n;
        w->r[w->n++] = (reached){members[i], 0, 0, i, NULL, true};
    }
    int level_start = 0;
    for (int depth = 1; depth <= NETWORK_MAX_DEPTH && w->n < BFS_MAX + n_members; depth++) {
        int level_end = w->n;
        int64_t *frontier = arena_alloc(ctx->a, sizeof(int64_t) * (size_t)(level_end - level_start + 1));
        for (int i = level_start; i < level_end; i++)
            frontier[i - level_start] = w->r[i].id;
        net_edge *e;
        int ne = 0;
        wt_status st = network_db_links(ctx->db, ctx->a, team_id, frontier, level_end - level_start, &e, &ne);
        if (st != WT_OK)
            return st;
        for (int i = 0; i < ne && w->n < BFS_MAX + n_members; i++) {
            int from = map_get(&w->seen, e[i].a);
            int64_t other = e[i].b;
            if (from < level_start || from >= level_end) {
                from = map_get(&w->seen, e[i].b);
                other = e[i].a;
            }
            if (from < level_start || from >= level_end)
                continue;
            bool found;
            int *slot = map_slot(&w->seen, other, &found);
            if (found)
                continue;
            *slot = w->n;
            const reached *p = &w->r[from];
            bool friend_link = strcmp(e[i].kind, "friend") == 0;
            w->r[w->n++] = (reached){other, depth, depth == 1 ? 0 : p->id, p->member,
                                     depth == 1 ? e[i].kind : p->link_kind, p->all_friends && friend_link};
        }
        level_start = level_end;
    }
    return WT_OK;
}

typedef struct conflict_set {
    id_map persons;
    id_map households;
} conflict_set;

/* Everyone in conflict with a member, and their households. */
static wt_status load_conflicts(wt_ctx *ctx, int64_t team_id, const int64_t *members, int n_members, conflict_set *cs)
{
    int64_t *ids;
    int n = 0;
    wt_status st = network_db_conflicts(ctx->db, ctx->a, team_id, members, n_members, &ids, &n);
    if (st != WT_OK)
        return st;
    map_init(ctx->a, &cs->persons, n + 1);
    map_init(ctx->a, &cs->households, n + 1);
    for (int i = 0; i < n; i++) {
        bool member = false;
        for (int j = 0; j < n_members && !member; j++)
            member = members[j] == ids[i];
        if (member)
            continue;
        bool f;
        *map_slot(&cs->persons, ids[i], &f) = 1;
        int64_t team = 0, hh = 0;
        st = network_db_person_home(ctx->db, ctx->a, ids[i], &team, &hh, NULL);
        if (st == WT_OK)
            *map_slot(&cs->households, hh, &f) = 1;
        else if (st != WT_NOTFOUND)
            return st;
    }
    return WT_OK;
}

typedef struct proposal_ctx {
    const net_need *need;
    const int64_t *members;
    const char **member_names;
    int n_members;
    walk w;
    conflict_set cs;
    id_map asked;
    bool has_coords;
    double lat, lon;
} proposal_ctx;

static void add_candidate(proposal_ctx *pc, const net_offer_row *o, net_candidate *c)
{
    memset(c, 0, sizeof(*c));
    c->person_id = o->person_id;
    c->name = o->name;
    c->household_id = o->household_id;
    c->offer_id = o->offer_id;
    c->skill = pc->need->skill;
    c->hours_per_week = o->hours;
    c->has_distance = pc->has_coords && o->has_coords;
    if (c->has_distance)
        c->distance_m = network_distance_m(pc->lat, pc->lon, o->lat, o->lon);
    int slot = map_get(&pc->w.seen, o->person_id);
    if (slot >= 0 && pc->w.r[slot].depth > 0) {
        const reached *r = &pc->w.r[slot];
        c->depth = r->depth;
        c->link_kind = r->link_kind;
        c->member_name = pc->member_names[r->member];
        c->all_friends = r->all_friends;
        c->via_id = r->via;
    }
    c->in_household = o->household_id == pc->need->household_id;
    c->in_conflict = map_get(&pc->cs.persons, o->person_id) >= 0 || map_get(&pc->cs.households, o->household_id) >= 0;
    c->already_asked = map_get(&pc->asked, o->person_id) >= 0;
    c->load = o->active_matches + o->cares_for;
    c->capacity = o->capacity;
    c->carries_much = o->carries_much;
    c->is_new_resident = o->is_new;
}

/* The names of the people in between, in one query. */
static wt_status via_names(wt_ctx *ctx, net_candidate *c, int n)
{
    int64_t *ids = arena_alloc(ctx->a, sizeof(int64_t) * (size_t)(n + 1));
    int *at = arena_alloc(ctx->a, sizeof(int) * (size_t)(n + 1));
    int k = 0;
    for (int i = 0; i < n; i++)
        if (c[i].via_id) {
            at[k] = i;
            ids[k++] = c[i].via_id;
        }
    const char **names;
    wt_status st = k ? network_db_names(ctx->db, ctx->a, ids, k, &names) : WT_OK;
    for (int j = 0; st == WT_OK && j < k; j++)
        c[at[j]].via_name = names[j];
    return st;
}

static wt_status gather(wt_ctx *ctx, proposal_ctx *pc, net_candidate **out, int *n)
{
    /* Persons reached through the network who offer the skill. */
    int64_t *ids = arena_alloc(ctx->a, sizeof(int64_t) * (size_t)(pc->w.n + 1));
    int nids = 0;
    for (int i = 0; i < pc->w.n; i++)
        if (pc->w.r[i].depth > 0)
            ids[nids++] = pc->w.r[i].id;
    net_offer_row *net_rows = NULL, *near_rows = NULL;
    int n_net = 0, n_near = 0;
    wt_status st = network_db_offers_of_persons(ctx->db, ctx->a, pc->need->team_id, pc->need->skill, ids, nids, &net_rows, &n_net);
    /* Strangers close by: the team's offers of the skill inside the bounding box. */
    double box[4];
    if (pc->has_coords)
        network_bbox(pc->lat, pc->lon, NETWORK_RADIUS_M, box);
    if (st == WT_OK)
        st = network_db_offers_near(ctx->db, ctx->a, pc->need->team_id, pc->need->skill, pc->has_coords ? box : NULL,
                                    NEAR_MAX, &near_rows, &n_near);
    if (st != WT_OK)
        return st;
    *out = arena_alloc(ctx->a, sizeof(net_candidate) * (size_t)(n_net + n_near + 1));
    *n = 0;
    id_map taken;
    map_init(ctx->a, &taken, n_net + n_near + 1);
    for (int pass = 0; pass < 2; pass++) {
        net_offer_row *rows = pass ? near_rows : net_rows;
        int nr = pass ? n_near : n_net;
        for (int i = 0; i < nr; i++) {
            bool f;
            int *slot = map_slot(&taken, rows[i].person_id, &f);
            if (f)
                continue;
            *slot = 1;
            add_candidate(pc, &rows[i], &(*out)[(*n)++]);
        }
    }
    return via_names(ctx, *out, *n);
}

wt_status network_proposals(wt_ctx *ctx, int64_t need_id, net_need *need, net_candidate **out, int *n,
                            int *excluded_conflict, int *excluded_limit)
{
    *n = 0;
    *out = NULL;
    wt_status st = network_need_get(ctx, need_id, need);
    if (st != WT_OK)
        return st;
    proposal_ctx pc = {.need = need};
    int64_t *members;
    st = network_db_members(ctx->db, ctx->a, need->household_id, &members, &pc.member_names, &pc.n_members);
    pc.members = members;
    if (st == WT_OK)
        st = network_db_household_coords(ctx->db, ctx->a, need->household_id, &pc.has_coords, &pc.lat, &pc.lon);
    if (st == WT_OK)
        st = walk_network(ctx, need->team_id, members, pc.n_members, &pc.w);
    if (st == WT_OK)
        st = load_conflicts(ctx, need->team_id, members, pc.n_members, &pc.cs);
    int64_t *asked;
    int n_asked = 0;
    if (st == WT_OK)
        st = network_db_match_offerers(ctx->db, ctx->a, need_id, &asked, &n_asked);
    if (st != WT_OK)
        return st;
    map_init(ctx->a, &pc.asked, n_asked + 1);
    for (int i = 0; i < n_asked; i++) {
        bool f;
        *map_slot(&pc.asked, asked[i], &f) = 1;
    }
    net_candidate *c;
    int nc = 0;
    st = gather(ctx, &pc, &c, &nc);
    if (st != WT_OK)
        return st;
    int kept = network_rank(ctx->a, c, nc, excluded_conflict, excluded_limit);
    *n = kept < NETWORK_PROPOSALS ? kept : NETWORK_PROPOSALS;
    *out = c;
    audit_log(ctx, AUDIT_SEARCH, "network_proposals", need_id, (audit_subject){need->household_id, need->person_id, 0});
    for (int i = 0; i < *n; i++)
        audit_log(ctx, AUDIT_READ, "offer", c[i].offer_id, (audit_subject){c[i].household_id, c[i].person_id, 0});
    return WT_OK;
}

/* ---- matches --------------------------------------------------------------------------------------------------- */

static void audit_match(wt_ctx *ctx, audit_action act, int64_t id, const net_need *n, int64_t offerer)
{
    audit_log(ctx, act, "match", id, (audit_subject){n->household_id, n->person_id, 0});
    int64_t team = 0, hh = 0;
    if (network_db_person_home(ctx->db, ctx->a, offerer, &team, &hh, NULL) == WT_OK)
        audit_log(ctx, act, "match", id, (audit_subject){hh, offerer, 0});
}

wt_status network_matches_of_need(wt_ctx *ctx, int64_t need_id, net_match **out, int *n)
{
    net_need need;
    if (!network_may(ctx, false))
        return WT_FORBIDDEN;
    wt_status st = network_db_need_get(ctx->db, ctx->a, need_id, &need);
    if (st == WT_OK)
        st = network_team_access(ctx, false, need.team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, false, need.household_id);
    if (st == WT_OK)
        st = network_db_matches_of_need(ctx->db, ctx->a, need_id, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        audit_match(ctx, AUDIT_READ, (*out)[i].id, &need, (*out)[i].offerer_id);
    return st;
}

/* The follow-up date of an open match: as given, or two weeks from today. */
static const char *follow_up(wt_ctx *ctx, errors *e, const char *status, const char *given, const char *current)
{
    bool open = strcmp(status, "proposed") == 0 || strcmp(status, "asked") == 0 || strcmp(status, "accepted") == 0;
    if (!text_empty(given)) {
        wt_date d;
        if (!date_parse(given, &d)) {
            errors_add(e, "follow_up_on", _("Vul de datum van de opvolging in als JJJJ-MM-DD."));
            return NULL;
        }
        return given;
    }
    if (!open)
        return NULL;
    if (current)
        return current;
    char d[11];
    date_format(date_add_days(date_today(), NETWORK_FOLLOW_UP_DAYS), d);
    return arena_strdup(ctx->a, d);
}

/* Nobody in conflict with the household is asked, whoever picked him. */
static wt_status check_offerer(wt_ctx *ctx, const net_need *need, int64_t offerer, errors *e, net_load *load)
{
    int64_t team = 0, hh = 0;
    wt_status st = network_db_person_home(ctx->db, ctx->a, offerer, &team, &hh, NULL);
    if (st == WT_NOTFOUND || (st == WT_OK && team != need->team_id)) {
        errors_add(e, "offerer_id", _("Kies een bewoner uit een huishouden van uw eigen team."));
        return WT_OK;
    }
    if (st != WT_OK)
        return st;
    if (hh == need->household_id) {
        errors_add(e, "offerer_id", _("Deze bewoner hoort bij het huishouden zelf."));
        return WT_OK;
    }
    int64_t *members;
    const char **names;
    int nm = 0;
    conflict_set cs;
    st = network_db_members(ctx->db, ctx->a, need->household_id, &members, &names, &nm);
    if (st == WT_OK)
        st = load_conflicts(ctx, need->team_id, members, nm, &cs);
    if (st != WT_OK)
        return st;
    if (map_get(&cs.persons, offerer) >= 0 || map_get(&cs.households, hh) >= 0)
        errors_add(e, "offerer_id", _("Deze bewoner staat in conflict met (iemand uit) het huishouden en wordt niet gevraagd."));
    st = network_db_load_get(ctx->db, ctx->a, offerer, load);
    if (st == WT_OK)
        st = network_db_cares_for(ctx->db, ctx->a, offerer, &load->cares_for);
    load->load = load->active_matches + load->cares_for;
    load->at_limit = network_at_limit(load->load, load->capacity, load->carries_much);
    return st;
}

static wt_status after_match_change(wt_ctx *ctx, const net_need *need, int64_t offerer)
{
    const char *now = date_now_iso(ctx->a);
    wt_status st = network_db_load_recount(ctx->db, ctx->a, offerer, now);
    bool accepted = false;
    if (st == WT_OK)
        st = network_db_need_has_accepted(ctx->db, ctx->a, need->id, &accepted);
    if (st != WT_OK || strcmp(need->status, "closed") == 0)
        return st;
    const char *status = accepted ? "matched" : "open";
    return strcmp(status, need->status) == 0 ? WT_OK : network_db_need_set_status(ctx->db, need->id, status, now);
}

wt_status network_match_add(wt_ctx *ctx, int64_t need_id, const match_input *in, errors *e, int64_t *id)
{
    if (!network_may(ctx, true))
        return WT_FORBIDDEN;
    net_need need;
    wt_status st = network_db_need_get(ctx->db, ctx->a, need_id, &need);
    if (st == WT_OK)
        st = network_team_access(ctx, true, need.team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, true, need.household_id);
    if (st != WT_OK)
        return st;
    match_input m = *in;
    m.status = text_empty(m.status) ? "asked" : m.status;
    if (!network_code_valid(network_match_statuses, m.status) || strcmp(m.status, "ended") == 0)
        errors_add(e, "status", _("Kies voorgesteld, gevraagd, akkoord of niet gelukt."));
    net_load load = {0};
    if (m.offerer_id <= 0)
        errors_add(e, "offerer_id", _("Kies de bewoner die gevraagd is."));
    else if ((st = check_offerer(ctx, &need, m.offerer_id, e, &load)) != WT_OK)
        return st;
    if (!e->count && strcmp(m.status, "accepted") == 0 && load.at_limit)
        errors_add(e, "offerer_id", _("Deze bewoner zit aan zijn grens; vraag iemand anders of pas eerst zijn belasting aan."));
    int64_t *asked;
    int n_asked = 0;
    st = network_db_match_offerers(ctx->db, ctx->a, need_id, &asked, &n_asked);
    if (st != WT_OK)
        return st;
    for (int i = 0; i < n_asked; i++)
        if (asked[i] == m.offerer_id)
            errors_add(e, "offerer_id", _("Deze bewoner is voor deze hulpvraag al gevraagd; werk dat contact bij."));
    m.reasons = network_check_text(e, "reasons", m.reasons, NETWORK_NOTE_MAX, false);
    m.note = network_check_text(e, "note", m.note, NETWORK_NOTE_MAX, false);
    m.follow_up_on = network_code_valid(network_match_statuses, m.status) ? follow_up(ctx, e, m.status, m.follow_up_on, NULL)
                                                                          : NULL;
    if (e->count)
        return WT_INVALID;
    st = network_db_match_insert(ctx->db, need_id, &m, ctx->who.user_id, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        st = after_match_change(ctx, &need, m.offerer_id);
    if (st == WT_OK)
        audit_match(ctx, AUDIT_CREATE, *id, &need, m.offerer_id);
    return st;
}

wt_status network_match_update(wt_ctx *ctx, int64_t id, const match_input *in, errors *e, int64_t *need_id)
{
    if (!network_may(ctx, true))
        return WT_FORBIDDEN;
    net_match cur;
    net_need need;
    wt_status st = network_db_match_get(ctx->db, ctx->a, id, &cur);
    if (st == WT_OK)
        st = network_db_need_get(ctx->db, ctx->a, cur.need_id, &need);
    if (st == WT_OK)
        st = network_team_access(ctx, true, need.team_id);
    if (st == WT_OK)
        st = network_household_need_to_know(ctx, true, need.household_id);
    if (st != WT_OK)
        return st;
    *need_id = cur.need_id;
    const char *status = text_empty(in->status) ? cur.status : in->status;
    if (!network_code_valid(network_match_statuses, status)) {
        errors_add(e, "status", _("Kies een status uit de lijst."));
        return WT_INVALID;
    }
    if (!network_match_transition_ok(cur.status, status))
        errors_add(e, "status", arena_printf(ctx->a, _("Van '%s' kan het contact niet naar '%s'."),
                                             network_label(network_match_statuses, cur.status),
                                             network_label(network_match_statuses, status)));
    if (strcmp(status, "accepted") == 0 && strcmp(cur.status, "accepted") != 0) {
        net_load load;
        st = check_offerer(ctx, &need, cur.offerer_id, e, &load);
        if (st != WT_OK)
            return st;
        if (!e->count && load.at_limit)
            errors_add(e, "status", _("Deze bewoner zit aan zijn grens; vraag iemand anders of pas eerst zijn belasting aan."));
    }
    const char *note = in->note ? network_check_text(e, "note", in->note, NETWORK_NOTE_MAX, false) : cur.note;
    const char *fu = follow_up(ctx, e, status, in->follow_up_on, cur.follow_up_on);
    if (e->count)
        return WT_INVALID;
    st = network_db_match_update(ctx->db, id, status, note, fu, date_now_iso(ctx->a));
    if (st == WT_OK)
        st = after_match_change(ctx, &need, cur.offerer_id);
    if (st == WT_OK)
        audit_match(ctx, AUDIT_UPDATE, id, &need, cur.offerer_id);
    return st;
}

wt_status network_matches_due_for(wt_ctx *ctx, int days, net_match **out, int *n)
{
    *n = 0;
    *out = NULL;
    if (!network_may(ctx, false) || ctx->who.user_id == 0)
        return WT_FORBIDDEN;
    char until[11];
    date_format(date_add_days(date_today(), days), until);
    net_match *all;
    int n_all = 0;
    wt_status st = network_db_matches_due(ctx->db, ctx->a, ctx->who.user_id, ctx->who.team_id, until, NETWORK_DUE_LIMIT,
                                          &all, &n_all);
    if (st != WT_OK)
        return st;
    /* Need-to-know: a match of a household whose case the worker may no longer see is not his to follow up. */
    *out = all;
    for (int i = 0; i < n_all; i++) {
        st = network_household_need_to_know(ctx, false, all[i].household_id);
        if (st == WT_FORBIDDEN || st == WT_NOTFOUND) {
            ctx->need_to_know_case = 0; /* a left-out item is not a refusal of the request */
            continue;
        }
        if (st != WT_OK)
            return st;
        all[*n] = all[i];
        all[*n].overdue = network_follow_up_overdue(all[i].follow_up_on, date_today());
        audit_log(ctx, AUDIT_READ, "match", all[i].id, (audit_subject){all[i].household_id, 0, 0});
        (*n)++;
    }
    return WT_OK;
}
