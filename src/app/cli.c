/* cli.c - subcommands (see cli.h). */
#include "cli.h"
#include "../user/password_list.h"
#include "../access/audit.h"
#include "../access/audit_db.h"
#include "../casemember/casemember.h"
#include "../assessment/assessment_cli.h"
#include "../core/buf.h"
#include "../core/log.h"
#include "../core/text.h"
#include "../db/db.h"
#include "../db/migrate.h"
#include "../db/pool.h"
#include "../demo/demo.h"
#include "../http/dispatch.h"
#include "../http/router.h"
#include "../http/server.h"
#include "../http/static_files.h"
#include "../socialmap/socialmap_cli.h"
#include "../privacy/privacy_pdf.h"
#include "../retention/retention_cli.h"
#include "../retention/retention_daemon.h"
#include "../team/team.h"
#include "../user/mfa.h"
#include "../user/user.h"
#include "../user/user_db.h"
#include "dbtools.h"
#include "options.h"
#include "routes.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WT_VERSION
#define WT_VERSION "0.1.0"
#endif

static const char usage[] =
    "wijkteam - information system of a Dutch social neighbourhood team\n"
    "\n"
    "usage: wijkteam COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  serve   [--db URL] [--listen HOST:PORT] [--static DIR] [--threads N] [--tls-cert F --tls-key F]\n"
    "          [--break-glass DURATION]     how long an emergency access lasts: 24h (default), 90m, 2d\n"
    "  init    [--db URL]                   create or upgrade the schema\n"
    "  demo    [--db URL] [--residents N] [--seed N]   create the demo neighbourhood\n"
    "  user add --username U --name NAME --role worker|teamleader|admin|policy\n"
    "           [--team ID] [--discipline CODE]        password read from stdin\n"
    "  user edit --username U [--name NAME] [--role R] [--team ID|none] [--discipline CODE|none]\n"
    "  user passwd --username U                        new password read from stdin; ends his sessions\n"
    "  user disable --username U | user enable --username U   block (ends his sessions) or unblock\n"
    "  user totp-reset --username U                    remove the second factor (lost phone)\n"
    "  user list [--team ID] [--search TEXT]\n"
    "  team add --name NAME --municipality M [--district WK......] [--prevention PERCENT]\n"
    "  team edit --id ID [--name NAME] [--municipality M] [--district WK......|none] [--prevention PERCENT]\n"
    "  team list\n"
    "  team neighbourhood add --code BU........ --name NAME --municipality M [--team ID]\n"
    "  team neighbourhood list [--team ID]\n"
    "  backup  --to FILE                    online, consistent copy of the database\n"
    "  restore --from FILE                  load a backup into an empty database, then check it\n"
    "  check                                integrity check of the database and its audit trail\n"
    "  migrate --from URL --to URL          copy a whole database to an empty one (e.g. SQLite to PostgreSQL)\n"
    "  audit verify                         check the hash chain of the audit trail\n"
    "  audit list [--user ID] [--person ID] [--household ID] [--case ID] [--since DATE] [--limit N]\n"
    "  retention run [--dry-run] [--on DATE]  remove what is past its retention period (the server does it daily)\n"
    "  retention rules | set KIND --years N [--legal yes|no] | log   the periods and what was removed\n"
    "  routes                               list every HTTP route (method, path, access)\n"
    "  assessment load FILE | activate CODE | deactivate CODE | list\n"
    "                                       versions of the self-sufficiency matrix (JSON: sql/data/zrm-2017.json)\n"
    "  socialmap import FILE|DIR [--skip-bad-rows]   HSDS 3.0 data package or JSON into the social map\n"
    "  socialmap export DIR                 the social map as HSDS 3.0 data package and JSON\n"
    "\n"
    "environment: WIJKTEAM_DB (default wijkteam.db), WIJKTEAM_LISTEN (default 127.0.0.1:8080),\n"
    "             WIJKTEAM_STATIC (default: static/ beside the program), WIJKTEAM_LOG (debug|info|warn),\n"
    "             WIJKTEAM_BREAK_GLASS (default 24h)\n";

typedef struct cli {
    options o;
    db *c;
    arena a;
    wt_ctx ctx;
} cli;

static int fail(const char *msg)
{
    fprintf(stderr, "wijkteam: %s\n", msg);
    return 1;
}

static int open_db(cli *k)
{
    const char *url = opt_get(&k->o, "db", "WIJKTEAM_DB", "wijkteam.db");
    const char *err = NULL;
    if (db_open(url, &k->c, &k->a, &err) != WT_OK)
        return fail(err ? err : "cannot open the database");
    if (migrate_up(k->c, &k->a, &err) != WT_OK)
        return fail(err);
    k->ctx.db = k->c;
    k->ctx.a = &k->a;
    k->ctx.who.role = ROLE_ADMIN; /* the operator at the console; user_id 0 in the audit trail */
    return 0;
}

/* Commits the operation and its audit entries, or rolls back. */
static int finish(cli *k, wt_status st, const errors *e)
{
    if (st == WT_OK && audit_flush(&k->ctx, true) == WT_OK && db_commit(k->c) == WT_OK)
        return 0;
    db_rollback(k->c);
    if (e)
        for (const field_error *fe = e->head; fe; fe = fe->next)
            fprintf(stderr, "wijkteam: %s: %s\n", fe->field, fe->message);
    fprintf(stderr, "wijkteam: failed (%s)%s%s\n", wt_status_name(st), *db_last_error(k->c) ? ": " : "",
            db_last_error(k->c));
    return 1;
}

static char *read_password(void)
{
    char line[512];
    if (!fgets(line, sizeof line, stdin))
        return NULL;
    line[strcspn(line, "\r\n")] = '\0';
    return strdup(line);
}

/* An id option: 0 when absent; "none" gives 0 as well when none_ok. False (after a message) otherwise. */
static bool opt_id_or_none(cli *k, const char *name, bool none_ok, int64_t *out)
{
    const char *v = opt_get(&k->o, name, NULL, NULL);
    *out = 0;
    if (!v || (none_ok && strcmp(v, "none") == 0))
        return true;
    if (text_parse_int64(v, out) && *out > 0)
        return true;
    fprintf(stderr, "wijkteam: --%s takes an id (see: wijkteam %s list)%s\n", name, strcmp(name, "team") == 0 ? "team" : "user",
            none_ok ? " or none" : "");
    return false;
}

/* The same list as the administrator's page, page by page. */
static int user_list_all(cli *k)
{
    user_filter f = {0, opt_get(&k->o, "search", NULL, NULL), 500, 0};
    if (!opt_id_or_none(k, "team", false, &f.team_id))
        return 1;
    errors e;
    errors_init(&e, &k->a);
    for (bool more = true; more; f.offset += f.limit) {
        user *us;
        int n = 0;
        wt_status st = user_list_page(&k->ctx, &f, &us, &n, &more, &e);
        if (st != WT_OK)
            return finish(k, st, &e);
        for (int i = 0; i < n; i++)
            printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)us[i].id, us[i].username, role_code(us[i].role),
                   us[i].team_name, us[i].discipline ? us[i].discipline : "", us[i].disabled ? "disabled" : "active",
                   us[i].totp_enabled ? "totp" : "");
    }
    return finish(k, WT_OK, &e); /* commits the audit entry of the listing */
}

/* user edit: the stored details, with the options given in their place. */
static wt_status user_edit(cli *k, const user *u, errors *e)
{
    user_input in = {u->username, u->display_name, role_code(u->role), u->discipline, NULL, u->team_id};
    in.display_name = opt_get(&k->o, "name", NULL, in.display_name);
    in.role = opt_get(&k->o, "role", NULL, in.role);
    const char *d = opt_get(&k->o, "discipline", NULL, NULL);
    if (d)
        in.discipline = strcmp(d, "none") == 0 ? NULL : d;
    if (opt_get(&k->o, "team", NULL, NULL) && !opt_id_or_none(k, "team", true, &in.team_id))
        return WT_INVALID;
    return user_update(&k->ctx, u->id, &in, e);
}

static int cmd_user(cli *k)
{
    const char *sub = opt_positional(&k->o, 1);
    static const char subs[] = "user: add, edit, passwd, disable, enable, totp-reset or list";
    if (!sub)
        return fail(subs);
    errors e;
    errors_init(&e, &k->a);
    if (db_begin_write(k->c) != WT_OK)
        return fail("the database is busy");
    if (strcmp(sub, "list") == 0)
        return user_list_all(k);
    const char *username = opt_get(&k->o, "username", NULL, NULL);
    if (!username) {
        db_rollback(k->c);
        return fail("--username is required");
    }
    wt_status st;
    if (strcmp(sub, "add") == 0) {
        int64_t team_id = 0, id = 0;
        if (!opt_id_or_none(k, "team", false, &team_id)) {
            db_rollback(k->c);
            return 1;
        }
        char *pw = read_password();
        user_input in = {username, opt_get(&k->o, "name", NULL, username), opt_get(&k->o, "role", NULL, "worker"),
                         opt_get(&k->o, "discipline", NULL, NULL), pw ? pw : "", team_id};
        st = user_create(&k->ctx, &in, &e, &id);
        if (pw) {
            sodium_memzero(pw, strlen(pw));
            free(pw);
        }
        if (st == WT_OK)
            printf("user %s created with id %lld\n", username, (long long)id);
        return finish(k, st, &e);
    }
    user u;
    const char *hash;
    st = user_db_lookup_for_cli(k->c, &k->a, username, &u, &hash);
    if (st != WT_OK) {
        db_rollback(k->c);
        return fail("no such user");
    }
    if (strcmp(sub, "edit") == 0) {
        st = user_edit(k, &u, &e);
    } else if (strcmp(sub, "passwd") == 0) {
        char *pw = read_password();
        st = user_set_password(&k->ctx, u.id, pw ? pw : "", &e);
        if (pw) {
            sodium_memzero(pw, strlen(pw));
            free(pw);
        }
    } else if (strcmp(sub, "totp-reset") == 0) {
        st = mfa_reset(&k->ctx, u.id);
    } else if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) {
        st = user_set_disabled(&k->ctx, u.id, strcmp(sub, "disable") == 0);
    } else {
        db_rollback(k->c);
        return fail(subs);
    }
    return finish(k, st, &e);
}

/* --prevention: -1 when absent (the rules' default), 101 when not a number (the rules name the range). */
static int opt_share(cli *k, int absent)
{
    const char *v = opt_get(&k->o, "prevention", NULL, NULL);
    int64_t n;
    if (!v)
        return absent;
    return text_parse_int64(v, &n) && n >= 0 && n <= 100 ? (int)n : 101;
}

static int team_neighbourhood(cli *k, errors *e)
{
    const char *what = opt_positional(&k->o, 2);
    int64_t team_id = 0;
    if (!opt_id_or_none(k, "team", false, &team_id))
        return finish(k, WT_INVALID, NULL);
    if (what && strcmp(what, "list") == 0) {
        neighbourhood *nb;
        int n = 0;
        wt_status st = team_neighbourhoods(&k->ctx, team_id, NULL, &nb, &n);
        for (int i = 0; st == WT_OK && i < n; i++)
            printf("%s\t%s\t%s\t%s\t%s\n", nb[i].code, nb[i].name, nb[i].district_code, nb[i].municipality,
                   nb[i].team_name);
        return finish(k, st, e);
    }
    if (!what || strcmp(what, "add") != 0) {
        db_rollback(k->c);
        return fail("team neighbourhood: add or list");
    }
    neighbourhood in = {.code = opt_get(&k->o, "code", NULL, NULL), .name = opt_get(&k->o, "name", NULL, NULL),
                        .municipality = opt_get(&k->o, "municipality", NULL, NULL), .team_id = team_id};
    wt_status st = team_add_neighbourhood(&k->ctx, &in, e);
    if (st == WT_OK)
        printf("neighbourhood %s added\n", in.code);
    return finish(k, st, e);
}

static int cmd_team(cli *k)
{
    const char *sub = opt_positional(&k->o, 1);
    errors e;
    errors_init(&e, &k->a);
    if (sub && strcmp(sub, "list") == 0) {
        team *ts;
        int n;
        if (team_list(&k->ctx, &ts, &n) != WT_OK)
            return fail("cannot list teams");
        for (int i = 0; i < n; i++)
            printf("%lld\t%s\t%s\t%d professionals\n", (long long)ts[i].id, ts[i].name, ts[i].municipality,
                   ts[i].members);
        return 0;
    }
    if (!sub || (strcmp(sub, "add") != 0 && strcmp(sub, "edit") != 0 && strcmp(sub, "neighbourhood") != 0))
        return fail("team: add, edit, list or neighbourhood");
    if (db_begin_write(k->c) != WT_OK)
        return fail("the database is busy");
    if (strcmp(sub, "neighbourhood") == 0)
        return team_neighbourhood(k, &e);
    if (strcmp(sub, "add") == 0) {
        team_input in = {.name = opt_get(&k->o, "name", NULL, NULL),
                         .municipality = opt_get(&k->o, "municipality", NULL, NULL),
                         .district_code = opt_get(&k->o, "district", NULL, NULL),
                         .prevention_share = opt_share(k, -1)};
        int64_t id = 0;
        wt_status st = team_create(&k->ctx, &in, &e, &id);
        if (st == WT_OK)
            printf("team created with id %lld\n", (long long)id);
        return finish(k, st, &e);
    }
    int64_t id = 0;
    team t;
    if (!opt_id_or_none(k, "id", false, &id) || id == 0 || team_get(&k->ctx, id, &t) != WT_OK) {
        db_rollback(k->c);
        return fail("team edit: --id takes the id of a team (see: wijkteam team list)");
    }
    const char *district = opt_get(&k->o, "district", NULL, t.district_code);
    team_input in = {.name = opt_get(&k->o, "name", NULL, t.name),
                     .municipality = opt_get(&k->o, "municipality", NULL, t.municipality),
                     .district_code = district && strcmp(district, "none") == 0 ? NULL : district,
                     .prevention_share = opt_share(k, t.prevention_share)};
    wt_status st = team_update(&k->ctx, id, &in, &e);
    if (st == WT_OK)
        printf("team %lld saved\n", (long long)id);
    return finish(k, st, &e);
}

static int cmd_demo(cli *k)
{
    demo_options opt = {20261123, DEMO_DEFAULT_RESIDENTS};
    int64_t v;
    const char *residents = opt_get(&k->o, "residents", NULL, NULL);
    if (residents && text_parse_int64(residents, &v) && v > 0 && v <= 10000000)
        opt.residents = (int)v;
    else if (residents)
        return fail("--residents takes a number from 1 to 10000000");
    if (text_parse_int64(opt_get(&k->o, "seed", NULL, "20261123"), &v))
        opt.seed = (uint64_t)v;
    const char *err = NULL;
    wt_status st = demo_generate(&k->ctx, &opt, &err);
    if (st == WT_CONFLICT) {
        printf("the database already holds data: demo not generated again\n");
        return 0;
    }
    if (st != WT_OK)
        return fail(err ? err : "demo generation failed");
    return 0;
}

static int cmd_backup(cli *k)
{
    const char *to = opt_get(&k->o, "to", NULL, opt_positional(&k->o, 1));
    if (!to)
        return fail("backup: --to FILE is required");
    if (access(to, F_OK) == 0)
        return fail("backup: the target file exists already; choose a new name");
    if (db_backup(k->c, to) != WT_OK) {
        unlink(to);
        return fail(db_last_error(k->c));
    }
    printf("backup written to %s\n", to);
    return 0;
}

/* Reads an optional numeric option; false (after a message) when it is not a number. */
static bool opt_id(cli *k, const char *name, int64_t *out)
{
    const char *v = opt_get(&k->o, name, NULL, NULL);
    *out = 0;
    if (!v)
        return true;
    if (text_parse_int64(v, out) && *out > 0)
        return true;
    fprintf(stderr, "wijkteam: --%s takes a number\n", name);
    return false;
}

static int cmd_audit_list(cli *k)
{
    audit_filter f = {0};
    int64_t limit = 0;
    if (!opt_id(k, "user", &f.user_id) || !opt_id(k, "person", &f.person_id) ||
        !opt_id(k, "household", &f.household_id) || !opt_id(k, "case", &f.case_id) || !opt_id(k, "limit", &limit))
        return 2;
    f.limit = limit > 0 && limit <= 100000 ? (int)limit : 100;
    f.since = opt_get(&k->o, "since", NULL, NULL);
    audit_row *rows;
    int n = 0;
    if (audit_db_query(k->c, &k->a, &f, &rows, &n) != WT_OK)
        return fail("cannot read the audit trail");
    printf("id\tat\tuser\trole\taction\tentity\tentity_id\thousehold\tperson\tcase\treason\n");
    for (int i = 0; i < n; i++) {
        const audit_row *r = &rows[i];
        printf("%lld\t%s\t%lld\t%s\t%s\t%s\t%lld\t%lld\t%lld\t%lld\t%s\n", (long long)r->id, r->at,
               (long long)r->user_id, r->role ? r->role : "", r->action, r->entity, (long long)r->entity_id,
               (long long)r->household_id, (long long)r->person_id, (long long)r->case_id, r->reason ? r->reason : "");
    }
    return 0;
}

static int cmd_audit(cli *k)
{
    const char *sub = opt_positional(&k->o, 1);
    if (sub && strcmp(sub, "list") == 0)
        return cmd_audit_list(k);
    if (!sub || strcmp(sub, "verify") != 0)
        return fail("audit: verify or list");
    int64_t broken = 0, checked = 0;
    if (audit_verify(k->c, &broken, &checked) != WT_OK)
        return fail("cannot read the audit trail");
    if (broken) {
        printf("audit trail BROKEN at entry %lld (after %lld good entries)\n", (long long)broken, (long long)checked);
        return 3;
    }
    printf("audit trail intact: %lld entries\n", (long long)checked);
    return 0;
}

static int cmd_routes(void)
{
    routes_register();
    int n = 0;
    const route *rs = router_all(&n);
    for (int i = 0; i < n; i++)
        printf("%s\t%s\t%s\n", rs[i].method, rs[i].pattern, (rs[i].flags & ROUTE_PUBLIC) ? "public" : "login");
    return 0;
}

static const char *default_static_dir(arena *a)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "static";
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    /* build/wijkteam finds build/static; build/san/wijkteam finds it one level up. */
    const char *here = arena_printf(a, "%s/static", exe);
    if (access(here, F_OK) == 0)
        return here;
    return arena_printf(a, "%s/../static", exe);
}

static int cmd_serve(cli *k)
{
    const char *url = opt_get(&k->o, "db", "WIJKTEAM_DB", "wijkteam.db");
    server_config cfg = {opt_get(&k->o, "listen", "WIJKTEAM_LISTEN", "127.0.0.1:8080"), 0,
                         opt_get(&k->o, "tls-cert", "WIJKTEAM_TLS_CERT", NULL),
                         opt_get(&k->o, "tls-key", "WIJKTEAM_TLS_KEY", NULL)};
    int64_t threads;
    if (text_parse_int64(opt_get(&k->o, "threads", "WIJKTEAM_THREADS", "0"), &threads) && threads >= 0 && threads <= 64)
        cfg.threads = (int)threads;
    long glass = 0;
    if (!casemember_parse_duration(opt_get(&k->o, "break-glass", "WIJKTEAM_BREAK_GLASS", "24h"), &glass))
        return fail("--break-glass: a duration such as 24h, 90m or 2d (at most 30 days)");
    casemember_set_emergency_seconds(glass);
    static_load(opt_get(&k->o, "static", "WIJKTEAM_STATIC", default_static_dir(&k->a)));
    bench_bare_enabled = opt_flag(&k->o, "bench");
    password_list_load(); /* the common passwords, indexed once before the first request */
    db_pool_init(url);
    routes_register();
    retention_daemon_start();
    int rc = server_run(&cfg);
    retention_daemon_stop();
    db_pool_shutdown();
    privacy_pdf_shutdown();
    static_free();
    return rc;
}

int cli_main(int argc, char **argv)
{
    if (sodium_init() < 0)
        return fail("cannot initialise libsodium");
    const char *lvl = getenv("WIJKTEAM_LOG");
    if (lvl)
        log_set_level(strcmp(lvl, "debug") == 0 ? LOG_DEBUG : strcmp(lvl, "warn") == 0 ? LOG_WARN : LOG_INFO);
    cli k;
    memset(&k, 0, sizeof k);
    k.o.argc = argc - 1;
    k.o.argv = argv + 1;
    arena_init(&k.a);
    const char *cmd = opt_positional(&k.o, 0);
    int rc;
    if (opt_flag(&k.o, "version")) {
        printf("wijkteam %s\n", WT_VERSION);
        rc = 0;
    } else if (!cmd || opt_flag(&k.o, "help") || strcmp(cmd, "help") == 0) {
        fputs(usage, cmd || opt_flag(&k.o, "help") ? stdout : stderr);
        rc = cmd || opt_flag(&k.o, "help") ? 0 : 2;
    } else if (strcmp(cmd, "routes") == 0) {
        rc = cmd_routes();
    } else if (strcmp(cmd, "migrate") == 0) {
        rc = dbtools_migrate(&k.o, &k.a);
    } else if (strcmp(cmd, "restore") == 0) {
        rc = dbtools_restore(&k.o, &k.a);
    } else if (strcmp(cmd, "check") == 0) {
        rc = dbtools_check(&k.o, &k.a);
    } else if (strcmp(cmd, "serve") == 0) {
        rc = open_db(&k);
        if (rc == 0) {
            db_close(k.c);
            k.c = NULL;
            rc = cmd_serve(&k);
        }
    } else if (strcmp(cmd, "init") == 0 || strcmp(cmd, "demo") == 0 || strcmp(cmd, "user") == 0 ||
               strcmp(cmd, "team") == 0 || strcmp(cmd, "backup") == 0 || strcmp(cmd, "audit") == 0) {
        rc = open_db(&k);
        if (rc == 0) {
            if (strcmp(cmd, "init") == 0) {
                int v = 0;
                migrate_version(k.c, &v);
                printf("schema at version %d\n", v);
            } else if (strcmp(cmd, "demo") == 0) {
                rc = cmd_demo(&k);
            } else if (strcmp(cmd, "user") == 0) {
                rc = cmd_user(&k);
            } else if (strcmp(cmd, "team") == 0) {
                rc = cmd_team(&k);
            } else if (strcmp(cmd, "backup") == 0) {
                rc = cmd_backup(&k);
            } else {
                rc = cmd_audit(&k);
            }
        }
    } else if (strcmp(cmd, "retention") == 0) {
        rc = open_db(&k);
        if (rc == 0)
            rc = retention_cli(&k.ctx, &k.o);
    } else if (strcmp(cmd, "assessment") == 0) {
        rc = open_db(&k);
        if (rc == 0)
            rc = assessment_cli(&k.ctx, &k.o);
    } else if (strcmp(cmd, "socialmap") == 0) {
        rc = open_db(&k);
        if (rc == 0)
            rc = socialmap_cli(&k.ctx, &k.o);
    } else {
        fprintf(stderr, "wijkteam: unknown command '%s'\n\n%s", cmd, usage);
        rc = 2;
    }
    if (k.c)
        db_close(k.c);
    arena_free(&k.a);
    return rc;
}
