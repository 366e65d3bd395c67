/*
 * demo.c - the demo neighbourhood (see demo.h): team and logins.
 * The households, cases and plans are generated in demo_people.c.
 */
#include "demo.h"
#include "../access/audit.h"
#include "../db/db.h"
#include "../neighbourhood/presence_demo.h"
#include "../network/network.h"
#include "../socialmap/socialmap_demo.h"
#include "../team/team.h"
#include "../core/date.h"
#include "../user/user.h"
#include "../user/user_db.h"
#include "demo_city.h"
#include "demo_people.h"
#include "demo_support.h"

#include <stdio.h>
#include <string.h>

typedef struct demo_user {
    const char *username;
    const char *name;
    const char *role;
    const char *discipline;
} demo_user;

/* Eleven professionals of different disciplines, one of them a community worker. */
static const demo_user demo_users[] = {
    {"sanne", "Sanne de Vries", "worker", "social_worker"},
    {"ahmed", "Ahmed El Amrani", "worker", "community_worker"},
    {"marieke", "Marieke Hoekstra", "teamleader", "team_leader"},
    {"joost", "Joost Visser", "worker", "social_worker"},
    {"fatima", "Fatima Yilmaz", "worker", "intercultural_worker"},
    {"pieter", "Pieter Bakker", "worker", "district_nurse"},
    {"linda", "Linda Postma", "worker", "wmo_consultant"},
    {"kevin", "Kevin de Jong", "worker", "youth_worker"},
    {"greet", "Greet Dijkstra", "worker", "elderly_advisor"},
    {"ruben", "Ruben Smit", "worker", "mental_health_nurse"},
    {"noor", "Noor Jansen", "worker", "welfare_worker"},
    {"beheer", "Bert Beheer", "admin", NULL},
    {"beleid", "Bea Beleid", "policy", NULL},
};

/* Two neighbourhoods of another wijk (02; the city of demo --residents uses 04 and up) without a team, for the administrator to assign; the team's own
 * (Heechterp and Schieringen) come with their addresses (demo_people.c). */
static const struct {
    const char *code;
    const char *name;
} demo_neighbourhoods[] = {
    {"BU00800201", "Vrijheidswijk-West"},
    {"BU00800202", "Vrijheidswijk-Oost"},
};

static wt_status demo_add_neighbourhoods(wt_ctx *ctx, errors *e)
{
    wt_status st = WT_OK;
    for (size_t i = 0; st == WT_OK && i < sizeof demo_neighbourhoods / sizeof demo_neighbourhoods[0]; i++) {
        neighbourhood nb = {.code = demo_neighbourhoods[i].code, .name = demo_neighbourhoods[i].name,
                            .municipality = "Leeuwarden", .team_id = 0};
        st = team_add_neighbourhood(ctx, &nb, e);
    }
    return st;
}

static wt_status demo_team_and_users(wt_ctx *ctx, int64_t *team_id, const char **err)
{
    errors e;
    errors_init(&e, ctx->a);
    team_input t = {.name = "Heechterp-Schieringen", .municipality = "Leeuwarden", .district_code = "WK008003",
                    .prevention_share = 40};
    wt_status st = team_create(ctx, &t, &e, team_id);
    if (st == WT_OK)
        st = demo_add_neighbourhoods(ctx, &e);
    if (st != WT_OK) {
        *err = "cannot create the demo team";
        return st;
    }
    /* One Argon2id hash for all demo users: hashing is slow on purpose, and they share the password. */
    const char *hash = password_hash(ctx->a, DEMO_PASSWORD);
    if (!hash) {
        *err = "cannot hash the demo password";
        return WT_DBERROR;
    }
    for (size_t i = 0; i < sizeof demo_users / sizeof demo_users[0]; i++) {
        const demo_user *d = &demo_users[i];
        bool in_team = strcmp(d->role, "worker") == 0 || strcmp(d->role, "teamleader") == 0;
        user_input in = {d->username, d->name, d->role, d->discipline, DEMO_PASSWORD, in_team ? *team_id : 0};
        int64_t id;
        st = user_db_insert(ctx->db, &in, hash, date_now_iso(ctx->a), &id);
        if (st != WT_OK) {
            *err = arena_printf(ctx->a, "cannot create demo user %s", d->username);
            return st;
        }
    }
    return WT_OK;
}

wt_status demo_generate(wt_ctx *ctx, const demo_options *opt, const char **err)
{
    team *teams;
    int n = 0;
    wt_status st = team_list(ctx, &teams, &n);
    if (st != WT_OK)
        return st;
    if (n > 0)
        return WT_CONFLICT;
    st = db_begin_write(ctx->db);
    if (st != WT_OK)
        return st;
    int64_t team_id = 0;
    st = demo_team_and_users(ctx, &team_id, err);
    if (st == WT_OK)
        st = demo_people(ctx, opt, team_id, err);
    if (st == WT_OK && opt->residents > DEMO_HS_MAX)
        st = demo_city(ctx, opt, opt->residents - DEMO_HS_MAX, DEMO_HS_MAX, err);
    /* the social map before presence: a signal of the demo is passed to the police officer on it */
    if (st == WT_OK)
        st = socialmap_demo(ctx, opt->seed, err);
    if (st == WT_OK && (st = presence_demo(ctx, team_id, opt->seed)) != WT_OK)
        *err = "cannot create the demo's rounds, signals, activities, ideas and time";
    if (st == WT_OK)
        st = network_demo(ctx, team_id, opt->seed);
    demo_support_counts support;
    if (st == WT_OK)
        st = demo_support(ctx, team_id, opt->seed, &support, err);
    if (st == WT_OK)
        st = audit_flush(ctx, true);
    if (st == WT_OK)
        st = db_commit(ctx->db);
    if (st != WT_OK)
        db_rollback(ctx->db);
    else
        printf("demo neighbourhood created: %ld intakes, %ld assessments, %ld referrals, %ld consultations\n",
               support.intakes, support.assessments, support.referrals, support.consultations);
    /* A conflict here is a broken rule while writing, not data that was there before (that is said above). */
    if (st == WT_CONFLICT) {
        st = WT_DBERROR;
        if (!*err)
            *err = "the demo broke a rule of the data; nothing was written";
    }
    return st;
}
