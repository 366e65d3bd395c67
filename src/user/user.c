/* user.c - rules for users, passwords and login (see user.h). */
#include "user.h"
#include "password_list.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../db/db.h"
#include "user_db.h"

#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

const code_label user_disciplines[] = {
    {"social_worker", N_("Sociaal werker")},
    {"community_worker", N_("Opbouwwerker")},
    {"district_nurse", N_("Wijkverpleegkundige")},
    {"wmo_consultant", N_("Wmo-consulent")},
    {"youth_worker", N_("Jongerenwerker")},
    {"elderly_advisor", N_("Ouderenadviseur")},
    {"mental_health_nurse", N_("Sociaal-psychiatrisch verpleegkundige")},
    {"intercultural_worker", N_("Intercultureel werker")},
    {"welfare_worker", N_("Maatschappelijk werker")},
    {"debt_counsellor", N_("Schuldhulpverlener")},
    {"team_leader", N_("Teamleider")},
    {NULL, NULL},
};

const char *discipline_label(const char *code)
{
    for (const code_label *d = user_disciplines; code && d->code; d++)
        if (strcmp(d->code, code) == 0)
            return _(d->label);
    return "";
}

static bool valid_discipline(const char *code)
{
    for (const code_label *d = user_disciplines; d->code; d++)
        if (strcmp(d->code, code) == 0)
            return true;
    return false;
}

const char *password_problem(const char *password, const char *username)
{
    long len = password ? text_utf8_len(password) : 0;
    if (len < 0)
        return _("Het wachtwoord bevat ongeldige tekens.");
    if (len < PASSWORD_MIN)
        return _("Het wachtwoord moet minstens 12 tekens lang zijn.");
    if (len > PASSWORD_MAX)
        return _("Het wachtwoord mag hoogstens 128 tekens lang zijn.");
    bool common = password_list_has(password);
    bool is_username = username && text_ieq(password, username);
    bool one_char = true;
    for (const char *p = password; *p; p++)
        if (*p != password[0])
            one_char = false;
    if (common || one_char)
        return _("Dit wachtwoord is te bekend of te eenvoudig; kies een ander.");
    if (is_username)
        return _("Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam.");
    return NULL;
}

/*
 * Argon2id takes crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB) for each hash it makes or checks: one at a time,
 * so that logins at the same moment do not add up (the server stays under 100 MB with any number of threads)
 * and a flood of logins keeps one core busy, not all of them.
 */
static pthread_mutex_t pwhash_turn = PTHREAD_MUTEX_INITIALIZER;

char *password_hash(arena *a, const char *password)
{
    char out[crypto_pwhash_STRBYTES];
    pthread_mutex_lock(&pwhash_turn);
    int rc = crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    pthread_mutex_unlock(&pwhash_turn);
    return rc == 0 ? arena_strdup(a, out) : NULL;
}

bool password_verify(const char *hash, const char *password)
{
    /* libsodium reads a fixed-size buffer: never hand it a shorter string. */
    char h[crypto_pwhash_STRBYTES] = {0};
    if (!hash || strlen(hash) >= sizeof h)
        return false;
    memcpy(h, hash, strlen(hash));
    pthread_mutex_lock(&pwhash_turn);
    int rc = crypto_pwhash_str_verify(h, password, strlen(password));
    pthread_mutex_unlock(&pwhash_turn);
    return rc == 0;
}

static bool valid_username(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 64)
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-' && *s != '_')
            return false;
    return true;
}

static void validate_user(wt_ctx *ctx, const user_input *in, int64_t self_id, errors *e)
{
    bool taken = false;
    if (text_empty(in->username))
        errors_add(e, "username", _("Vul een gebruikersnaam in."));
    else if (!valid_username(in->username))
        errors_add(e, "username", _("Een gebruikersnaam heeft 2 tot 64 letters, cijfers, punten, streepjes of liggende streepjes."));
    else if (user_db_username_taken(ctx->db, ctx->a, in->username, self_id, &taken) == WT_OK && taken)
        errors_add(e, "username", _("Deze gebruikersnaam bestaat al."));
    long dl = text_utf8_len(in->display_name ? in->display_name : "");
    if (text_empty(in->display_name))
        errors_add(e, "display_name", _("Vul de naam in."));
    else if (dl < 0 || dl > 100)
        errors_add(e, "display_name", _("De naam mag hoogstens 100 tekens lang zijn."));
    wt_role r = role_from_code(in->role);
    if (r == ROLE_NONE)
        errors_add(e, "role", _("Kies een rol."));
    if (in->discipline && *in->discipline && !valid_discipline(in->discipline))
        errors_add(e, "discipline", _("Kies een discipline uit de lijst."));
    if ((r == ROLE_WORKER || r == ROLE_TEAMLEADER) && in->team_id == 0)
        errors_add(e, "team_id", _("Een sociaal werker of teamleider hoort bij een team."));
    if (in->team_id) {
        bool exists = false;
        if (user_db_team_exists(ctx->db, ctx->a, in->team_id, &exists) == WT_OK && !exists)
            errors_add(e, "team_id", _("Dit team bestaat niet."));
    }
}

static bool is_admin_or_cli(const wt_ctx *ctx)
{
    return (ctx->who.user_id == 0 && ctx->who.role == ROLE_ADMIN) || policy_allows(&ctx->who, PERM_USER_ADMIN, POLICY_NO_TARGET);
}

static user_input normalised(const user_input *in)
{
    user_input n = *in;
    if (n.discipline && !*n.discipline)
        n.discipline = NULL;
    return n;
}

wt_status user_create(wt_ctx *ctx, const user_input *in_raw, errors *e, int64_t *id)
{
    if (!is_admin_or_cli(ctx))
        return WT_FORBIDDEN;
    user_input in = normalised(in_raw);
    validate_user(ctx, &in, 0, e);
    const char *problem = password_problem(in.password, in.username);
    if (problem)
        errors_add(e, "password", problem);
    if (e->count)
        return WT_INVALID;
    char *hash = password_hash(ctx->a, in.password);
    if (!hash)
        return WT_DBERROR;
    wt_status st = user_db_insert(ctx->db, &in, hash, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "user", *id, (audit_subject){0});
    return st;
}

wt_status user_update(wt_ctx *ctx, int64_t id, const user_input *in_raw, errors *e)
{
    if (!is_admin_or_cli(ctx))
        return WT_FORBIDDEN;
    user existing;
    wt_status st = user_db_get(ctx->db, ctx->a, id, &existing);
    if (st != WT_OK)
        return st;
    user_input in = normalised(in_raw);
    if (ctx->who.user_id != 0 && ctx->who.user_id == id && role_from_code(in.role) != ROLE_ADMIN)
        errors_add(e, "role", _("U kunt uw eigen rol van beheerder niet wijzigen; vraag dat een andere beheerder."));
    validate_user(ctx, &in, id, e);
    if (e->count)
        return WT_INVALID;
    st = user_db_update(ctx->db, id, &in);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "user", id, (audit_subject){0});
    return st;
}

wt_status user_set_password(wt_ctx *ctx, int64_t id, const char *password, errors *e)
{
    user existing;
    bool self = ctx->who.user_id != 0 && ctx->who.user_id == id;
    if (!self && !is_admin_or_cli(ctx))
        return WT_FORBIDDEN;
    wt_status st = user_db_get(ctx->db, ctx->a, id, &existing);
    if (st != WT_OK)
        return st;
    const char *problem = password_problem(password, existing.username);
    if (problem) {
        errors_add(e, "password", problem);
        return WT_INVALID;
    }
    char *hash = password_hash(ctx->a, password);
    if (!hash)
        return WT_DBERROR;
    st = user_db_set_password(ctx->db, id, hash);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "user_password", id, (audit_subject){0});
    return st;
}

wt_status user_set_disabled(wt_ctx *ctx, int64_t id, bool disabled)
{
    if (!is_admin_or_cli(ctx))
        return WT_FORBIDDEN;
    if (disabled && ctx->who.user_id == id)
        return WT_CONFLICT; /* an administrator cannot lock himself out */
    user existing;
    wt_status st = user_db_get(ctx->db, ctx->a, id, &existing);
    if (st == WT_OK)
        st = user_db_set_disabled(ctx->db, id, disabled);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, disabled ? "user_disabled" : "user_enabled", id, (audit_subject){0});
    return st;
}

wt_status user_get(wt_ctx *ctx, int64_t id, user *out)
{
    if (!is_admin_or_cli(ctx) && ctx->who.user_id != id) {
        /* Team members may see each other's name and discipline. */
        wt_status st = user_db_get(ctx->db, ctx->a, id, out);
        if (st != WT_OK)
            return st;
        return out->team_id == ctx->who.team_id && ctx->who.team_id ? WT_OK : WT_NOTFOUND;
    }
    return user_db_get(ctx->db, ctx->a, id, out);
}

wt_status user_list(wt_ctx *ctx, int64_t team_id, user **out, int *n)
{
    if (is_admin_or_cli(ctx))
        return user_db_list(ctx->db, ctx->a, team_id, false, out, n);
    if (ctx->who.team_id && (team_id == 0 || team_id == ctx->who.team_id) &&
        (ctx->who.role == ROLE_WORKER || ctx->who.role == ROLE_TEAMLEADER))
        return user_db_list(ctx->db, ctx->a, ctx->who.team_id, false, out, n);
    return WT_FORBIDDEN;
}

wt_status user_list_coordinators(wt_ctx *ctx, int64_t team_id, user **out, int *n)
{
    if (!policy_allows(&ctx->who, PERM_CASE_READ, (policy_target){.team_id = team_id}))
        return WT_FORBIDDEN;
    return user_db_list(ctx->db, ctx->a, team_id, true, out, n);
}

/* Free failures per account; an address (an office behind one NAT) gets more. */
#define THROTTLE_FREE_ACCOUNT 5
#define THROTTLE_FREE_ADDRESS 30
#define THROTTLE_MAX 900

/* Seconds still to wait before another attempt for this key. */
static int throttle_wait(wt_ctx *ctx, const char *key, int free_failures, int64_t now)
{
    int failures = 0;
    int64_t last = 0;
    if (login_db_failures(ctx->db, ctx->a, key, &failures, &last) != WT_OK || failures < free_failures)
        return 0;
    int shift = failures - free_failures;
    int64_t delay = shift >= 10 ? THROTTLE_MAX : (int64_t)1 << shift;
    if (delay > THROTTLE_MAX)
        delay = THROTTLE_MAX;
    int64_t until = last + delay;
    return until > now ? (int)(until - now) : 0;
}

wt_status user_login(wt_ctx *ctx, const char *username, const char *password, const char *client_ip,
                     login_result *result, int *wait_seconds, user *u)
{
    /* Keys hold no readable personal data: the username is hashed. */
    unsigned char h[16];
    const char *uname = username ? username : "";
    crypto_generichash(h, sizeof h, (const unsigned char *)uname, strlen(uname), NULL, 0);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    const char *user_key = arena_printf(ctx->a, "user:%s", hex);
    const char *ip_key = arena_printf(ctx->a, "ip:%s", client_ip ? client_ip : "");
    int64_t now = (int64_t)time(NULL);

    *result = LOGIN_BAD;
    *wait_seconds = 0;
    int w1 = throttle_wait(ctx, user_key, THROTTLE_FREE_ACCOUNT, now);
    int w2 = throttle_wait(ctx, ip_key, THROTTLE_FREE_ADDRESS, now);
    if (w1 || w2) {
        *result = LOGIN_THROTTLED;
        *wait_seconds = w1 > w2 ? w1 : w2;
        return WT_OK;
    }
    const char *hash = NULL;
    wt_status st = user_db_by_username(ctx->db, ctx->a, uname, u, &hash);
    if (st != WT_OK && st != WT_NOTFOUND)
        return st;
    /* Verify even for unknown users, so timing does not tell which names exist. */
    static const char dummy[] =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2kA0sZ3b4CFkY6nt9c6eRQ8Qf2z6e4m6mZc3Xq2d9wA";
    bool ok = password_verify(st == WT_OK ? hash : dummy, password ? password : "");
    if (st == WT_OK && ok && !u->disabled) {
        *result = LOGIN_OK;
        login_db_clear(ctx->db, user_key);
        login_db_clear(ctx->db, ip_key);
        ctx->who.user_id = u->id;
        ctx->who.role = u->role;
        audit_log(ctx, AUDIT_CREATE, "login", u->id, (audit_subject){0});
        return WT_OK;
    }
    login_db_record_failure(ctx->db, user_key, now);
    login_db_record_failure(ctx->db, ip_key, now);
    return WT_OK;
}

void user_to_actor(const user *u, actor *who)
{
    who->user_id = u->id;
    who->role = u->role;
    who->team_id = u->team_id;
    who->display_name = u->display_name;
    who->discipline = u->discipline;
}

wt_status user_change_own_password(wt_ctx *ctx, const char *current, const char *new_password, errors *e)
{
    if (ctx->who.user_id == 0)
        return WT_FORBIDDEN;
    user u;
    const char *hash = NULL;
    wt_status st = user_db_get(ctx->db, ctx->a, ctx->who.user_id, &u);
    if (st == WT_OK)
        st = user_db_by_username(ctx->db, ctx->a, u.username, &u, &hash);
    if (st != WT_OK)
        return st;
    if (!password_verify(hash, current ? current : ""))
        errors_add(e, "current_password", _("Het huidige wachtwoord klopt niet."));
    else if (new_password && current && strcmp(new_password, current) == 0)
        errors_add(e, "password", _("Kies een ander wachtwoord dan het huidige."));
    if (e->count)
        return WT_INVALID;
    return user_set_password(ctx, u.id, new_password ? new_password : "", e);
}

/* ---- The administrator's pages and API ---- */

wt_status user_check_admin(wt_ctx *ctx)
{
    return is_admin_or_cli(ctx) ? WT_OK : WT_FORBIDDEN;
}

wt_status user_list_page(wt_ctx *ctx, const user_filter *f, user **out, int *n, bool *more, errors *e)
{
    if (!is_admin_or_cli(ctx))
        return WT_FORBIDDEN;
    int limit = f->limit >= 1 && f->limit <= 500 ? f->limit : USER_PAGE;
    int offset = f->offset > 0 ? f->offset : 0;
    const char *q = text_trim(ctx->a, f->q ? f->q : "");
    long ql = text_utf8_len(q);
    if (ql < 0 || ql > USER_QUERY_MAX) {
        errors_add(e, "q", _("Zoek met hoogstens 100 tekens."));
        return WT_INVALID;
    }
    *more = false;
    wt_status st = user_db_list_page(ctx->db, ctx->a, f->team_id, *q ? q : NULL, limit + 1, offset, out, n);
    if (st != WT_OK)
        return st;
    if (*n > limit) {
        *n = limit;
        *more = true;
    }
    audit_log(ctx, AUDIT_SEARCH, "user", 0, (audit_subject){0});
    return WT_OK;
}

wt_status user_admin_get(wt_ctx *ctx, int64_t id, user *out)
{
    if (!is_admin_or_cli(ctx))
        return WT_FORBIDDEN;
    wt_status st = user_db_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "user", id, (audit_subject){0});
    return st;
}
