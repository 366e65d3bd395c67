/*
 * Unit tests of the neighbourhood network: the pure matching rules (pairs,
 * distance, bounding box, load limit, ranking with reasons, match
 * transitions), the igraph figures on small graphs whose answers are known by
 * hand, and - against a real SQLite database - proposals for a need (network
 * before strangers, nearer first, conflicts excluded also through another
 * member of the household, helpers at their limit left out, other teams never
 * seen), matches, access and audit.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/access/audit.h"
#include "../../src/core/date.h"
#include "../../src/db/db.h"
#include "../../src/db/migrate.h"
#include "../../src/network/network.h"

/* ---- pure rules ------------------------------------------------------------------------------------------------ */

Test(network_rules, undirected_relations_are_stored_once_smallest_first)
{
    int64_t a, b;
    network_order_pair("friend", 9, 4, &a, &b);
    cr_assert_eq(a, 4);
    cr_assert_eq(b, 9);
    network_order_pair("conflict", 4, 9, &a, &b);
    cr_assert_eq(a, 4);
    cr_assert_eq(b, 9);
    network_order_pair("informal_carer_of", 9, 4, &a, &b);
    cr_assert_eq(a, 9, "the carer stays first");
    cr_assert_eq(b, 4);
    cr_assert(network_kind_directed("volunteer_for"));
    cr_assert_not(network_kind_directed("neighbour"));
}

Test(network_rules, distance_and_bounding_box)
{
    /* 0.001 degree of latitude is about 111 m. */
    double d = network_distance_m(53.2000, 5.8000, 53.2010, 5.8000);
    cr_assert(d > 110 && d < 112, "got %f", d);
    cr_assert(network_distance_m(53.2, 5.8, 53.2, 5.8) < 0.001);
    double box[4];
    network_bbox(53.2, 5.8, 1000, box);
    /* Points 1 km north and 1 km east lie (just) inside the box, 1.2 km does not. */
    cr_assert(box[1] > 53.2 + 0.0089 && box[1] < 53.2 + 0.0091);
    cr_assert(network_distance_m(53.2, 5.8, 53.2, box[3]) > 999 && network_distance_m(53.2, 5.8, 53.2, box[3]) < 1001);
    arena a;
    arena_init(&a);
    cr_assert_str_eq(network_distance_text(&a, 123), "120 m");
    cr_assert_str_eq(network_distance_text(&a, 1449), "1,4 km");
    arena_free(&a);
}

Test(network_rules, a_helper_is_at_his_limit)
{
    cr_assert(network_at_limit(2, 2, false));
    cr_assert(network_at_limit(0, 0, false), "capacity 0: does not want to be asked now");
    cr_assert(network_at_limit(0, 3, true), "the worker says he carries much");
    cr_assert_not(network_at_limit(1, 2, false));
}

Test(network_rules, match_statuses_move_forward_only)
{
    cr_assert(network_match_transition_ok("asked", "accepted"));
    cr_assert(network_match_transition_ok("accepted", "ended"));
    cr_assert(network_match_transition_ok("asked", "asked"));
    cr_assert_not(network_match_transition_ok("declined", "accepted"));
    cr_assert_not(network_match_transition_ok("ended", "asked"));
    cr_assert_not(network_match_transition_ok("accepted", "proposed"));
}

static net_candidate cand(int64_t id, int depth, double metres, int load, int capacity)
{
    return (net_candidate){.person_id = id, .name = "X", .skill = "administration", .hours_per_week = 2,
                           .has_distance = metres >= 0, .distance_m = metres, .depth = depth, .link_kind = "friend",
                           .member_name = "Jan", .via_name = "Bob", .all_friends = true, .load = load,
                           .capacity = capacity};
}

Test(network_rules, ranking_prefers_network_then_distance_and_leaves_out_conflict_and_limit)
{
    arena a;
    arena_init(&a);
    net_candidate c[7] = {
        cand(1, 0, 80, 0, 2),   /* a stranger next door */
        cand(2, 2, 1400, 0, 2), /* friend of a friend, further away */
        cand(3, 0, 400, 0, 2),  /* a stranger a bit further */
        cand(4, 0, 30, 0, 2),   /* in conflict with the household */
        cand(5, 0, 50, 2, 2),   /* at his limit */
        cand(6, 1, -1, 0, 2),   /* knows the household, distance unknown */
        cand(7, 0, 60, 0, 2),   /* a member of the household itself */
    };
    c[3].in_conflict = true;
    c[6].in_household = true;
    int conflict = -1, limit = -1;
    int n = network_rank(&a, c, 7, &conflict, &limit);
    cr_assert_eq(n, 4);
    cr_assert_eq(conflict, 1);
    cr_assert_eq(limit, 1);
    cr_assert_eq(c[0].person_id, 6, "a direct relation first");
    cr_assert_eq(c[1].person_id, 2, "a friend of a friend before any stranger");
    cr_assert_eq(c[2].person_id, 1, "then the nearest stranger");
    cr_assert_eq(c[3].person_id, 3);
    cr_assert_not_null(strstr(c[0].reasons, "kent Jan al (vriendschap)"), "%s", c[0].reasons);
    cr_assert_not_null(strstr(c[1].reasons, "vriend van een vriend via Bob"), "%s", c[1].reasons);
    cr_assert_not_null(strstr(c[2].reasons, "buurtgenoot op 80 m, op loopafstand"), "%s", c[2].reasons);
    cr_assert_not_null(strstr(c[2].reasons, "heeft administratie als vaardigheid"), "%s", c[2].reasons);
    cr_assert_not_null(strstr(c[3].reasons, "buurtgenoot op 400 m"), "%s", c[3].reasons);
    arena_free(&a);
}

Test(network_rules, a_lighter_load_breaks_a_tie)
{
    arena a;
    arena_init(&a);
    net_candidate c[2] = {cand(1, 0, 200, 1, 3), cand(2, 0, 200, 0, 3)};
    cr_assert_eq(network_rank(&a, c, 2, NULL, NULL), 2);
    cr_assert_eq(c[0].person_id, 2);
    arena_free(&a);
}

/* ---- figures on small graphs ----------------------------------------------------------------------------------- */

Test(network_graph, two_triangles_joined_by_a_bridge_and_two_isolated)
{
    /* 0-1-2 and 4-5-6 are triangles; 3 joins 2 and 4; 7 and 8 know nobody. */
    int from[] = {0, 1, 0, 4, 5, 4, 2, 3};
    int to[] = {1, 2, 2, 5, 6, 6, 3, 4};
    arena a;
    arena_init(&a);
    net_graph_result r;
    cr_assert_eq(network_graph_compute(&a, 9, from, to, 8, &r), WT_OK);
    cr_assert_eq(r.isolated, 2);
    cr_assert_eq(r.clusters, 1);
    cr_assert_eq(r.largest_cluster, 7);
    /* 3 lies on all 9 shortest paths between the triangles; 2 and 4 on 8 each. */
    cr_assert_float_eq(r.betweenness[3], 9.0, 1e-9);
    cr_assert_float_eq(r.betweenness[2], 8.0, 1e-9);
    cr_assert_float_eq(r.betweenness[0], 0.0, 1e-9);
    for (int i = 0; i < 9; i++)
        if (i != 3)
            cr_assert(r.betweenness[i] < r.betweenness[3]);
    cr_assert(r.articulation[3] && r.articulation[2] && r.articulation[4]);
    cr_assert_not(r.articulation[0]);
    cr_assert_eq(r.communities, 2);
    cr_assert(r.modularity > 0.3);
    cr_assert_eq(r.degree[3], 2);
    arena_free(&a);
}

Test(network_graph, components_count_and_double_relations_make_one_edge)
{
    /* Two pairs and a chain of three; 0-1 is recorded twice (family and friend). */
    int from[] = {0, 1, 2, 4, 5};
    int to[] = {1, 0, 3, 5, 6};
    arena a;
    arena_init(&a);
    net_graph_result r;
    cr_assert_eq(network_graph_compute(&a, 8, from, to, 5, &r), WT_OK);
    cr_assert_eq(r.clusters, 3);
    cr_assert_eq(r.largest_cluster, 3);
    cr_assert_eq(r.isolated, 1);
    cr_assert_eq(r.degree[0], 1, "two relations between the same two people are one tie");
    cr_assert_float_eq(r.betweenness[5], 1.0, 1e-9);
    arena_free(&a);
}

Test(network_graph, an_empty_graph_and_bad_edges)
{
    arena a;
    arena_init(&a);
    net_graph_result r;
    cr_assert_eq(network_graph_compute(&a, 3, NULL, NULL, 0, &r), WT_OK);
    cr_assert_eq(r.isolated, 3);
    cr_assert_eq(r.clusters, 0);
    cr_assert_eq(r.communities, 0);
    int from[] = {0}, to[] = {5};
    cr_assert_eq(network_graph_compute(&a, 3, from, to, 1, &r), WT_INVALID);
    arena_free(&a);
}

/* ---- the rules against a database ------------------------------------------------------------------------------ */

typedef struct fixture {
    char dir[64];
    db *c;
    arena a;
    wt_ctx ctx;
} fixture;

static fixture fx;

static void exec_ok(const char *sql)
{
    cr_assert_eq(db_exec_script(fx.c, sql), WT_OK, "%s: %s", sql, db_last_error(fx.c));
}

/*
 * Team 1: Jan and Els (household 10, at 53.2000, 5.8000) need help with their
 * administration. Around them:
 *   Piet   (11)  111 m away, offers administration: a stranger across the street
 *   Klaas  (12)  445 m away, offers administration: a stranger
 *   Bob    (13)  friend of Jan, offers nothing
 *   Marie  (14)  1.1 km away, friend of Bob, offers administration: a friend of a friend
 *   Fem    (15)  5.5 km away, offers administration: outside the box, no tie
 *   Kees, Kim (16) 55 m away, both offer administration; Kees is in conflict with Els
 *   Truus  (17)  90 m away, offers administration, capacity 1 with one accepted match
 * Team 2: Tom (20) 10 m away, offers administration: never seen by team 1.
 */
static void setup_db(void)
{
    strcpy(fx.dir, "/tmp/wt-unit-net-XXXXXX");
    cr_assert_not_null(mkdtemp(fx.dir));
    arena_init(&fx.a);
    char path[128];
    snprintf(path, sizeof path, "%s/t.db", fx.dir);
    const char *err = NULL;
    cr_assert_eq(db_open(path, &fx.c, &fx.a, &err), WT_OK);
    cr_assert_eq(migrate_up(fx.c, &fx.a, &err), WT_OK);
    exec_ok("INSERT INTO team (id, name, municipality, created_at) VALUES (1, 'Een', 'Leeuwarden', '2026-01-01'),"
            " (2, 'Twee', 'Leeuwarden', '2026-01-01');"
            "INSERT INTO app_user (id, username, display_name, password_hash, role, team_id, created_at) VALUES"
            " (1, 'w1', 'Werker Een', 'x', 'worker', 1, '2026-01-01'),"
            " (2, 'w2', 'Werker Twee', 'x', 'worker', 2, '2026-01-01'),"
            " (3, 'adm', 'Beheer', 'x', 'admin', NULL, '2026-01-01'),"
            " (4, 'pol', 'Beleid', 'x', 'policy', NULL, '2026-01-01');"
            "INSERT INTO address (id, postcode, house_number, street, town, lat, lon) VALUES"
            " (10, '8921AA', 1, 'Kerkstraat', 'Leeuwarden', 53.2000, 5.8000),"
            " (11, '8921AA', 2, 'Kerkstraat', 'Leeuwarden', 53.2010, 5.8000),"
            " (12, '8921AA', 3, 'Kerkstraat', 'Leeuwarden', 53.2040, 5.8000),"
            " (13, '8921AA', 4, 'Kerkstraat', 'Leeuwarden', 53.2020, 5.8000),"
            " (14, '8921AA', 5, 'Kerkstraat', 'Leeuwarden', 53.2100, 5.8000),"
            " (15, '8921AA', 6, 'Kerkstraat', 'Leeuwarden', 53.2500, 5.8000),"
            " (16, '8921AA', 7, 'Kerkstraat', 'Leeuwarden', 53.2005, 5.8000),"
            " (17, '8921AA', 8, 'Kerkstraat', 'Leeuwarden', 53.2008, 5.8000),"
            " (20, '8921AA', 9, 'Kerkstraat', 'Leeuwarden', 53.2001, 5.8000);"
            "INSERT INTO household (id, team_id, address_id, name, created_at) VALUES"
            " (10, 1, 10, 'Huishouden Jansen', '2026-01-01'), (11, 1, 11, 'Huishouden Piet', '2026-01-01'),"
            " (12, 1, 12, 'Huishouden Klaas', '2026-01-01'), (13, 1, 13, 'Huishouden Bob', '2026-01-01'),"
            " (14, 1, 14, 'Huishouden Marie', '2026-01-01'), (15, 1, 15, 'Huishouden Fem', '2026-01-01'),"
            " (16, 1, 16, 'Huishouden Kees', '2026-01-01'), (17, 1, 17, 'Huishouden Truus', '2026-01-01'),"
            " (20, 2, 20, 'Huishouden Tom', '2026-01-01');"
            "INSERT INTO person (id, household_id, given_name, family_name, name_folded, family_folded, birth_date,"
            " created_at) VALUES"
            " (100, 10, 'Jan', 'Jansen', 'jan jansen', 'jansen', '1950-01-01', '2026-01-01'),"
            " (101, 10, 'Els', 'Jansen', 'els jansen', 'jansen', '1952-01-01', '2026-01-01'),"
            " (110, 11, 'Piet', 'Bakker', 'piet bakker', 'bakker', '1970-01-01', '2026-01-01'),"
            " (120, 12, 'Klaas', 'Visser', 'klaas visser', 'visser', '1980-01-01', '2026-01-01'),"
            " (130, 13, 'Bob', 'Smit', 'bob smit', 'smit', '1960-01-01', '2026-01-01'),"
            " (140, 14, 'Marie', 'Mulder', 'marie mulder', 'mulder', '1975-01-01', '2026-01-01'),"
            " (150, 15, 'Fem', 'Dijkstra', 'fem dijkstra', 'dijkstra', '1990-01-01', '2026-01-01'),"
            " (160, 16, 'Kees', 'Boer', 'kees boer', 'boer', '1965-01-01', '2026-01-01'),"
            " (161, 16, 'Kim', 'Boer', 'kim boer', 'boer', '1967-01-01', '2026-01-01'),"
            " (170, 17, 'Truus', 'Post', 'truus post', 'post', '1940-01-01', '2026-01-01'),"
            " (200, 20, 'Tom', 'Ander', 'tom ander', 'ander', '1985-01-01', '2026-01-01');"
            "INSERT INTO offer (team_id, person_id, skill, hours_per_week, active, recorded_at, updated_at) VALUES"
            " (1, 110, 'administration', 2, 1, '2026-01-01', '2026-01-01'),"
            " (1, 120, 'administration', 1, 1, '2026-01-01', '2026-01-01'),"
            " (1, 140, 'administration', 3, 1, '2026-01-01', '2026-01-01'),"
            " (1, 150, 'administration', 3, 1, '2026-01-01', '2026-01-01'),"
            " (1, 160, 'administration', 3, 1, '2026-01-01', '2026-01-01'),"
            " (1, 161, 'administration', 3, 1, '2026-01-01', '2026-01-01'),"
            " (1, 170, 'administration', 3, 1, '2026-01-01', '2026-01-01'),"
            " (1, 110, 'transport', 3, 0, '2026-01-01', '2026-01-01'),"
            " (2, 200, 'administration', 3, 1, '2026-01-01', '2026-01-01');"
            "INSERT INTO helper_load (person_id, capacity, carries_much, active_matches, updated_at) VALUES"
            " (170, 1, 0, 1, '2026-01-01');"
            "INSERT INTO relation (team_id, person_a, person_b, kind, strength, source, legal_ground, recorded_at) VALUES"
            " (1, 100, 130, 'friend', 3, 'resident_self', 'consent', '2026-01-02T10:00:00Z'),"
            " (1, 130, 140, 'friend', 2, 'worker_observed', 'public_task', '2026-01-02T10:00:00Z'),"
            " (1, 101, 160, 'conflict', 3, 'neighbour', 'legitimate_interest', '2026-01-02T10:00:00Z');");
    memset(&fx.ctx, 0, sizeof fx.ctx);
    fx.ctx.db = fx.c;
    fx.ctx.a = &fx.a;
    date_set_today("2026-03-01");
    cr_assert_eq(db_begin_write(fx.c), WT_OK);
}

static void teardown_db(void)
{
    date_set_today(NULL);
    db_rollback(fx.c);
    db_close(fx.c);
    arena_free(&fx.a);
    char path[128];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/t.db%s", fx.dir, suffix[i]);
        unlink(path);
    }
    rmdir(fx.dir);
}

static void act_as(int64_t user_id, wt_role role, int64_t team_id)
{
    fx.ctx.who = (actor){.user_id = user_id, .role = role, .team_id = team_id, .display_name = "x"};
    fx.ctx.audit_head = fx.ctx.audit_tail = NULL;
}

static int count_audit(audit_action action, const char *entity)
{
    int n = 0;
    for (audit_entry *e = fx.ctx.audit_head; e; e = e->next)
        if (e->action == action && strcmp(e->entity, entity) == 0)
            n++;
    return n;
}

static int64_t jan_needs_administration(void)
{
    errors e;
    errors_init(&e, &fx.a);
    need_input in = {0, 100, "administration", "Hulp bij de post en de rekeningen", 0};
    int64_t id = 0;
    cr_assert_eq(network_need_add(&fx.ctx, &in, &e, &id), WT_OK, "%s", e.head ? e.head->message : "");
    return id;
}

TestSuite(network_db_rules, .init = setup_db, .fini = teardown_db);

Test(network_db_rules, proposals_network_first_nearest_next_never_conflict_limit_or_other_team)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t need = jan_needs_administration();
    net_need nd;
    net_candidate *c;
    int n = 0, exc = 0, exl = 0;
    cr_assert_eq(network_proposals(&fx.ctx, need, &nd, &c, &n, &exc, &exl), WT_OK);
    cr_assert_eq(n, 3, "Marie, Piet, Klaas; got %d", n);
    cr_assert_eq(c[0].person_id, 140, "the friend of a friend first");
    cr_assert_eq(c[0].depth, 2);
    cr_assert_not_null(strstr(c[0].reasons, "vriend van een vriend via Bob Smit"), "%s", c[0].reasons);
    cr_assert_eq(c[1].person_id, 110, "then the neighbour across the street");
    cr_assert_not_null(strstr(c[1].reasons, "buurtgenoot op 110 m, op loopafstand"), "%s", c[1].reasons);
    cr_assert_eq(c[2].person_id, 120);
    /* Kees is in conflict with Els (not with Jan, who asks); Kim lives with Kees. Truus is at her limit. */
    cr_assert_eq(exc, 2);
    cr_assert_eq(exl, 1);
    for (int i = 0; i < n; i++) {
        cr_assert_neq(c[i].person_id, 200, "never someone of another team");
        cr_assert_neq(c[i].person_id, 150, "not someone outside the box without a tie");
    }
    cr_assert_eq(count_audit(AUDIT_SEARCH, "network_proposals"), 1);
    cr_assert_eq(count_audit(AUDIT_READ, "offer"), 3);
}

Test(network_db_rules, a_match_is_recorded_followed_up_and_counted_as_load)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t need = jan_needs_administration();
    errors e;
    errors_init(&e, &fx.a);
    int64_t id = 0;
    match_input kees = {160, "asked", NULL, NULL, NULL};
    cr_assert_eq(network_match_add(&fx.ctx, need, &kees, &e, &id), WT_INVALID, "nobody in conflict is asked");
    cr_assert_not_null(errors_get(&e, "offerer_id"));
    errors_init(&e, &fx.a);
    match_input piet = {110, "asked", "buurtgenoot op 110 m", NULL, NULL};
    cr_assert_eq(network_match_add(&fx.ctx, need, &piet, &e, &id), WT_OK);
    net_match *m;
    int nm = 0;
    cr_assert_eq(network_matches_of_need(&fx.ctx, need, &m, &nm), WT_OK);
    cr_assert_eq(nm, 1);
    char due[11];
    date_format(date_add_days(date_today(), NETWORK_FOLLOW_UP_DAYS), due);
    cr_assert_str_eq(m[0].follow_up_on, due, "followed up in two weeks by default");
    /* Asked once: not proposed again. */
    net_need nd;
    net_candidate *c;
    int n = 0;
    cr_assert_eq(network_proposals(&fx.ctx, need, &nd, &c, &n, NULL, NULL), WT_OK);
    for (int i = 0; i < n; i++)
        cr_assert_neq(c[i].person_id, 110);
    int64_t need_of = 0;
    errors_init(&e, &fx.a);
    match_input accept = {0, "accepted", NULL, "Piet komt elke dinsdag", NULL};
    cr_assert_eq(network_match_update(&fx.ctx, id, &accept, &e, &need_of), WT_OK);
    cr_assert_eq(need_of, need);
    cr_assert_eq(network_need_get(&fx.ctx, need, &nd), WT_OK);
    cr_assert_str_eq(nd.status, "matched");
    net_offer *o;
    int no = 0;
    net_load load;
    cr_assert_eq(network_offers_of_person(&fx.ctx, 110, &o, &no, &load), WT_OK);
    cr_assert_eq(load.active_matches, 1);
    cr_assert_eq(no, 2);
    errors_init(&e, &fx.a);
    match_input back = {0, "asked", NULL, NULL, NULL};
    cr_assert_eq(network_match_update(&fx.ctx, id, &back, &e, &need_of), WT_INVALID, "accepted cannot go back to asked");
    cr_assert_not_null(errors_get(&e, "status"));
}

Test(network_db_rules, relations_are_validated_stored_once_and_logged)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    relation_input in = {140, 110, "neighbour", 0, "2025-05-01", "resident_self", "consent", NULL, NULL};
    int64_t id = 0;
    cr_assert_eq(network_relation_add(&fx.ctx, &in, &e, &id), WT_OK);
    net_relation *r;
    int n = 0;
    cr_assert_eq(network_relations_of_person(&fx.ctx, 110, false, &r, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(r[0].person_a, 110, "stored with the smaller id first");
    cr_assert_eq(r[0].strength, 2, "default strength");
    cr_assert_eq(count_audit(AUDIT_CREATE, "relation"), 2, "logged for both persons");
    errors_init(&e, &fx.a);
    relation_input again = {110, 140, "neighbour", 2, NULL, "resident_self", "consent", NULL, NULL};
    cr_assert_eq(network_relation_add(&fx.ctx, &again, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "kind"));
    errors_init(&e, &fx.a);
    relation_input bad = {110, 200, "family", 4, "2999-01-01", "gossip", NULL, NULL, NULL};
    cr_assert_eq(network_relation_add(&fx.ctx, &bad, &e, &id), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "other_person_id"), "a person of another team");
    cr_assert_not_null(errors_get(&e, "strength"));
    cr_assert_not_null(errors_get(&e, "since"));
    cr_assert_not_null(errors_get(&e, "source"));
    cr_assert_not_null(errors_get(&e, "legal_ground"));
}

Test(network_db_rules, a_person_is_found_by_given_or_family_name_within_the_team)
{
    act_as(1, ROLE_WORKER, 1);
    errors e;
    errors_init(&e, &fx.a);
    net_person_hit *hits;
    int n = 0;
    cr_assert_eq(network_person_search(&fx.ctx, "bo", &e, &hits, &n), WT_OK);
    cr_assert_eq(n, 3, "Kees and Kim Boer (family name), Bob Smit (given name)");
    cr_assert_eq(hits[0].id, 160);
    cr_assert_eq(hits[1].id, 161);
    cr_assert_eq(hits[2].id, 130);
    cr_assert_eq(network_person_search(&fx.ctx, "tom", &e, &hits, &n), WT_OK);
    cr_assert_eq(n, 0, "Tom lives in team 2's area");
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(network_person_search(&fx.ctx, "ANDER", &e, &hits, &n), WT_OK);
    cr_assert_eq(n, 1);
    cr_assert_eq(hits[0].id, 200);
}

Test(network_db_rules, only_the_team_sees_the_network)
{
    act_as(1, ROLE_WORKER, 1);
    int64_t need = jan_needs_administration();
    net_need nd;
    net_candidate *c;
    int n = 0;
    act_as(3, ROLE_ADMIN, 0);
    cr_assert_eq(network_proposals(&fx.ctx, need, &nd, &c, &n, NULL, NULL), WT_FORBIDDEN);
    net_relation *r;
    cr_assert_eq(network_relations_of_person(&fx.ctx, 100, false, &r, &n), WT_FORBIDDEN);
    act_as(4, ROLE_POLICY, 0);
    net_figures f;
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(network_figures(&fx.ctx, NULL, &e, &f), WT_FORBIDDEN);
    act_as(2, ROLE_WORKER, 2);
    cr_assert_eq(network_proposals(&fx.ctx, need, &nd, &c, &n, NULL, NULL), WT_NOTFOUND);
    cr_assert_eq(network_relations_of_person(&fx.ctx, 100, false, &r, &n), WT_NOTFOUND);
    cr_assert_null(fx.ctx.audit_head, "nothing shown, nothing logged");
}

Test(network_db_rules, figures_of_the_team_subgraph)
{
    act_as(1, ROLE_WORKER, 1);
    net_figures f;
    errors e;
    errors_init(&e, &fx.a);
    cr_assert_eq(network_figures(&fx.ctx, "2026-01-01", &e, &f), WT_OK, "%s", e.head ? e.head->message : "");
    cr_assert_eq(f.now.residents, 10, "team 1 only");
    cr_assert_eq(f.now.relations, 2);
    cr_assert_eq(f.now.conflicts, 1);
    cr_assert_eq(f.now.isolated, 7);
    cr_assert_eq(f.now.clusters, 1);
    cr_assert_eq(f.now.largest_cluster, 3);
    cr_assert_eq(f.n_connectors, 1);
    cr_assert_str_eq(f.connectors[0].name, "Bob Smit");
    cr_assert(f.connectors[0].bridge);
    cr_assert_eq(f.n_conflicts, 1);
    /* Truus (born 1940) lives alone and knows nobody: first in the list. */
    cr_assert_str_eq(f.isolated[0].name, "Truus Post");
    cr_assert_eq(f.now.isolated_elderly_alone, 1);
    /* On 2026-01-01 nothing was recorded yet. */
    cr_assert_str_eq(f.compare_on, "2026-01-01");
    cr_assert_eq(f.before.relations, 0);
    cr_assert_eq(f.before.residents, 10);
    cr_assert_eq(f.before.isolated, 10);
    errors_init(&e, &fx.a);
    cr_assert_eq(network_figures(&fx.ctx, "gisteren", &e, &f), WT_INVALID);
    cr_assert_not_null(errors_get(&e, "compare_on"));
}

Test(network_db_rules, everything_about_a_resident_can_be_listed_and_removed)
{
    act_as(1, ROLE_WORKER, 1);
    net_person_data d;
    cr_assert_eq(network_person_data(&fx.ctx, 130, &d), WT_OK);
    cr_assert_eq(d.n_relations, 2);
    cr_assert_eq(network_person_data_remove(&fx.ctx, 130), WT_OK);
    cr_assert_eq(count_audit(AUDIT_DELETE, "network"), 1);
    cr_assert_eq(network_person_data(&fx.ctx, 130, &d), WT_OK);
    cr_assert_eq(d.n_relations, 0);
    cr_assert_eq(d.n_offers, 0);
}

Test(network_rules, a_match_follow_up_is_overdue_the_day_after_its_date)
{
    wt_date today;
    cr_assert(date_parse("2026-03-10", &today));
    cr_assert(network_follow_up_overdue("2026-03-09", today));
    cr_assert_not(network_follow_up_overdue("2026-03-10", today));
    cr_assert_not(network_follow_up_overdue("2026-03-17", today));
    cr_assert_not(network_follow_up_overdue(NULL, today));
    cr_assert_not(network_follow_up_overdue("geen datum", today));
}
