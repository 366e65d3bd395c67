/* team.c - team rules (see team.h). */
#include "team.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "team_db.h"

#include <string.h>

static bool may_admin(const wt_ctx *ctx)
{
    return (ctx->who.user_id == 0 && ctx->who.role == ROLE_ADMIN) || policy_allows(&ctx->who, PERM_USER_ADMIN, POLICY_NO_TARGET);
}

static void validate(wt_ctx *ctx, const team_input *in, int64_t self, errors *e)
{
    bool taken = false;
    long nl = in->name ? text_utf8_len(in->name) : 0;
    if (text_empty(in->name))
        errors_add(e, "name", _("Vul de naam van het team in."));
    else if (nl < 0 || nl > 100)
        errors_add(e, "name", _("De naam mag hoogstens 100 tekens lang zijn."));
    else if (team_db_name_taken(ctx->db, ctx->a, in->name, self, &taken) == WT_OK && taken)
        errors_add(e, "name", _("Er is al een team met deze naam."));
    if (text_empty(in->municipality))
        errors_add(e, "municipality", _("Vul de gemeente in."));
    else if (text_utf8_len(in->municipality) > 100 || text_utf8_len(in->municipality) < 0)
        errors_add(e, "municipality", _("De gemeente mag hoogstens 100 tekens lang zijn."));
    if (in->district_code && *in->district_code) {
        const char *d = in->district_code;
        bool ok = strlen(d) == 8 && strncmp(d, "WK", 2) == 0;
        for (int i = 2; ok && i < 8; i++)
            ok = d[i] >= '0' && d[i] <= '9';
        if (!ok)
            errors_add(e, "district_code", _("Een wijkcode van het CBS ziet eruit als WK008001."));
    }
    if (in->prevention_share < 0 || in->prevention_share > 100)
        errors_add(e, "prevention_share", _("Het aandeel preventie is een percentage van 0 tot 100."));
    if (in->set_neighbourhoods && in->n_neighbourhoods > TEAM_NEIGHBOURHOODS_MAX)
        errors_add(e, "neighbourhoods", _("Een team heeft hoogstens 500 buurten."));
    for (int i = 0; in->set_neighbourhoods && i < in->n_neighbourhoods && i < TEAM_NEIGHBOURHOODS_MAX; i++) {
        bool exists = false;
        const char *code = in->neighbourhoods[i] ? in->neighbourhoods[i] : "";
        if (strlen(code) > 20 || (team_db_neighbourhood_exists(ctx->db, ctx->a, code, &exists) == WT_OK && !exists)) {
            errors_add(e, "neighbourhoods", _("Kies buurten uit de lijst; een van de gekozen buurten bestaat niet."));
            break;
        }
    }
}

/* Writes the team's neighbourhoods when the input sets them, and logs it. */
static wt_status save_neighbourhoods(wt_ctx *ctx, int64_t id, const team_input *in)
{
    if (!in->set_neighbourhoods)
        return WT_OK;
    wt_status st = team_db_set_neighbourhoods(ctx->db, id, in->neighbourhoods, in->n_neighbourhoods);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "team_neighbourhoods", id, (audit_subject){0});
    return st;
}

wt_status team_create(wt_ctx *ctx, const team_input *in_raw, errors *e, int64_t *id)
{
    if (!may_admin(ctx))
        return WT_FORBIDDEN;
    team_input in = *in_raw;
    if (in.prevention_share == -1)
        in.prevention_share = 40;
    if (in.district_code && !*in.district_code)
        in.district_code = NULL;
    validate(ctx, &in, 0, e);
    if (e->count)
        return WT_INVALID;
    wt_status st = team_db_insert(ctx->db, &in, date_now_iso(ctx->a), id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "team", *id, (audit_subject){0});
    if (st == WT_OK)
        st = save_neighbourhoods(ctx, *id, &in);
    return st;
}

wt_status team_update(wt_ctx *ctx, int64_t id, const team_input *in_raw, errors *e)
{
    if (!may_admin(ctx))
        return WT_FORBIDDEN;
    team existing;
    wt_status st = team_db_get(ctx->db, ctx->a, id, &existing);
    if (st != WT_OK)
        return st;
    team_input in = *in_raw;
    if (in.prevention_share == -1)
        in.prevention_share = existing.prevention_share;
    if (in.district_code && !*in.district_code)
        in.district_code = NULL;
    validate(ctx, &in, id, e);
    if (e->count)
        return WT_INVALID;
    st = team_db_update(ctx->db, id, &in);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "team", id, (audit_subject){0});
    if (st == WT_OK)
        st = save_neighbourhoods(ctx, id, &in);
    return st;
}

wt_status team_get(wt_ctx *ctx, int64_t id, team *out)
{
    if (!may_admin(ctx) && ctx->who.team_id != id)
        return WT_NOTFOUND;
    return team_db_get(ctx->db, ctx->a, id, out);
}

wt_status team_list(wt_ctx *ctx, team **out, int *n)
{
    if (may_admin(ctx) || ctx->who.role == ROLE_POLICY)
        return team_db_list(ctx->db, ctx->a, out, n);
    if (!ctx->who.team_id)
        return WT_FORBIDDEN;
    *out = arena_alloc(ctx->a, sizeof(team));
    *n = 1;
    return team_db_get(ctx->db, ctx->a, ctx->who.team_id, *out);
}

void team_check_composition(team_composition *c)
{
    c->too_small = c->professionals < TEAM_MIN_SIZE;
    c->too_large = c->professionals > TEAM_MAX_SIZE;
    c->no_community_worker = true;
    for (int i = 0; i < c->n_disciplines; i++)
        if (strcmp(c->by_discipline[i].discipline, "community_worker") == 0 && c->by_discipline[i].count > 0)
            c->no_community_worker = false;
}

wt_status team_composition_of(wt_ctx *ctx, int64_t team_id, team_composition *out)
{
    if (!policy_allows(&ctx->who, PERM_TEAM_OVERVIEW, (policy_target){.team_id = team_id}) && !may_admin(ctx))
        return WT_FORBIDDEN;
    memset(out, 0, sizeof(*out));
    wt_status st = team_db_disciplines(ctx->db, ctx->a, team_id, &out->by_discipline, &out->n_disciplines);
    if (st != WT_OK)
        return st;
    for (int i = 0; i < out->n_disciplines; i++)
        out->professionals += out->by_discipline[i].count;
    team_check_composition(out);
    return WT_OK;
}

wt_status team_check_admin(wt_ctx *ctx)
{
    return may_admin(ctx) ? WT_OK : WT_FORBIDDEN;
}

wt_status team_neighbourhoods(wt_ctx *ctx, int64_t team_id, const char *municipality, neighbourhood **out, int *n)
{
    if (!may_admin(ctx))
        return WT_FORBIDDEN;
    return team_db_neighbourhoods(ctx->db, ctx->a, team_id, municipality, out, n);
}

wt_status team_add_neighbourhood(wt_ctx *ctx, const neighbourhood *in, errors *e)
{
    if (!may_admin(ctx))
        return WT_FORBIDDEN;
    const char *code = in->code ? in->code : "";
    bool ok = strlen(code) == 10 && strncmp(code, "BU", 2) == 0;
    for (int i = 2; ok && i < 10; i++)
        ok = code[i] >= '0' && code[i] <= '9';
    bool exists = false;
    if (!ok)
        errors_add(e, "code", _("Een buurtcode van het CBS ziet eruit als BU00800301."));
    else if (team_db_neighbourhood_exists(ctx->db, ctx->a, code, &exists) == WT_OK && exists)
        errors_add(e, "code", _("Deze buurt bestaat al."));
    long nl = in->name ? text_utf8_len(in->name) : 0;
    if (text_empty(in->name))
        errors_add(e, "name", _("Vul de naam van de buurt in."));
    else if (nl < 0 || nl > 100)
        errors_add(e, "name", _("De naam mag hoogstens 100 tekens lang zijn."));
    long ml = in->municipality ? text_utf8_len(in->municipality) : 0;
    if (text_empty(in->municipality))
        errors_add(e, "municipality", _("Vul de gemeente in."));
    else if (ml < 0 || ml > 100)
        errors_add(e, "municipality", _("De gemeente mag hoogstens 100 tekens lang zijn."));
    team t;
    if (in->team_id && team_db_get(ctx->db, ctx->a, in->team_id, &t) == WT_NOTFOUND)
        errors_add(e, "team_id", _("Dit team bestaat niet."));
    if (e->count)
        return WT_INVALID;
    neighbourhood nb = *in;
    nb.district_code = arena_printf(ctx->a, "WK%.6s", code + 2);
    wt_status st = team_db_neighbourhood_insert(ctx->db, &nb);
    if (st == WT_OK && in->team_id)
        audit_log(ctx, AUDIT_UPDATE, "team_neighbourhoods", in->team_id, (audit_subject){0});
    return st;
}
