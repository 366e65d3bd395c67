/* presence.c - code tables, text checks, access and the team's area for the presence domains (see presence.h). */
#include "presence.h"
#include "../access/policy.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "presence_db.h"

#include <ctype.h>
#include <string.h>

const char *presence_label(const presence_code *table, const char *code)
{
    for (const presence_code *c = table; code && c->code; c++)
        if (strcmp(c->code, code) == 0)
            return _(c->label);
    return "";
}

bool presence_code_valid(const presence_code *table, const char *code)
{
    for (const presence_code *c = table; code && c->code; c++)
        if (strcmp(c->code, code) == 0)
            return true;
    return false;
}

bool presence_check_text(errors *e, const char *field, const char *label, const char *value, long max,
                         bool required)
{
    if (text_empty(value)) {
        if (required) {
            errors_add(e, field, arena_printf(e->a, _("%s is verplicht."), label));
            return false;
        }
        return true;
    }
    long n = text_utf8_len(value);
    if (n < 0) {
        errors_add(e, field, arena_printf(e->a, _("%s bevat ongeldige tekens."), label));
        return false;
    }
    if (n > max) {
        errors_add(e, field, arena_printf(e->a, _("%s mag hoogstens %ld tekens lang zijn."), label, max));
        return false;
    }
    return true;
}

const char *presence_clean(arena *a, const char *s)
{
    if (!s || text_empty(s))
        return NULL;
    return text_trim(a, s);
}

bool presence_allowed(const wt_ctx *ctx, int64_t team_id)
{
    if (ctx->who.team_id == 0)
        return false;
    return policy_allows(&ctx->who, PERM_PRESENCE, (policy_target){.team_id = team_id ? team_id : ctx->who.team_id});
}

wt_status presence_access(const wt_ctx *ctx, int64_t team_id)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    return presence_allowed(ctx, team_id) ? WT_OK : WT_NOTFOUND;
}

char *presence_address_label(arena *a, const presence_address *ad)
{
    const char *letter = ad->house_letter ? ad->house_letter : "";
    const char *add = ad->addition ? ad->addition : "";
    return arena_printf(a, "%s %d%s%s%s%s", ad->street ? ad->street : "", ad->house_number, *letter ? " " : "",
                        letter, *add ? "-" : "", add);
}

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

bool presence_parse_address_key(const char *s, address_key *out)
{
    memset(out, 0, sizeof *out);
    if (!s)
        return false;
    const char *p = skip_space(s);
    for (int i = 0; i < 4; i++, p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        out->postcode[i] = *p;
    }
    if (out->postcode[0] == '0')
        return false;
    p = skip_space(p);
    for (int i = 0; i < 2; i++, p++) {
        if (!isalpha((unsigned char)*p))
            return false;
        out->postcode[4 + i] = (char)toupper((unsigned char)*p);
    }
    p = skip_space(p);
    long n = 0;
    int digits = 0;
    while (isdigit((unsigned char)*p) && digits < 6) {
        n = n * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (digits == 0 || digits > 5 || n < 1 || isdigit((unsigned char)*p))
        return false;
    out->house_number = (int)n;
    p = skip_space(p);
    if (isalpha((unsigned char)*p)) {
        out->house_letter[0] = (char)toupper((unsigned char)*p);
        p = skip_space(p + 1);
    }
    if (*p == '-') {
        p = skip_space(p + 1);
        int k = 0;
        while (isalnum((unsigned char)*p) && k < 4)
            out->addition[k++] = (char)toupper((unsigned char)*p++);
        if (k == 0)
            return false;
        p = skip_space(p);
    }
    return *p == '\0';
}

bool presence_area_rule(int64_t team_id, int64_t neighbourhood_team_id, bool team_household_lives_there)
{
    if (neighbourhood_team_id)
        return neighbourhood_team_id == team_id;
    return team_household_lives_there;
}

wt_status presence_address_get(wt_ctx *ctx, int64_t team_id, int64_t address_id, presence_address *out)
{
    int64_t nb_team = 0;
    bool lives = false;
    wt_status st = presence_db_address(ctx->db, ctx->a, team_id, address_id, out, &nb_team, &lives);
    if (st != WT_OK)
        return st;
    return presence_area_rule(team_id, nb_team, lives) ? WT_OK : WT_NOTFOUND;
}

wt_status presence_address_find(wt_ctx *ctx, int64_t team_id, const char *typed, const char *field, errors *e,
                                int64_t *id)
{
    address_key k;
    *id = 0;
    if (!presence_parse_address_key(typed, &k)) {
        errors_add(e, field, _("Typ postcode en huisnummer, zoals 8923 AB 12."));
        return WT_INVALID;
    }
    int64_t found = 0;
    wt_status st = presence_db_address_by_key(ctx->db, ctx->a, &k, &found);
    if (st != WT_OK)
        return st;
    if (!found) {
        errors_add(e, field, arena_printf(ctx->a, _("Het adres %s %d%s%s%s is niet bekend."), k.postcode,
                                          k.house_number, k.house_letter, *k.addition ? "-" : "", k.addition));
        return WT_INVALID;
    }
    presence_address ad;
    st = presence_address_get(ctx, team_id, found, &ad);
    if (st == WT_NOTFOUND) {
        errors_add(e, field, arena_printf(ctx->a, _("Het adres %s %d%s%s%s ligt buiten het werkgebied van uw team."),
                                          k.postcode, k.house_number, k.house_letter, *k.addition ? "-" : "",
                                          k.addition));
        return WT_INVALID;
    }
    if (st == WT_OK)
        *id = found;
    return st;
}

wt_status presence_team_streets(wt_ctx *ctx, int64_t team_id, int max, const char ***out, int *n)
{
    return presence_db_team_streets(ctx->db, ctx->a, team_id, max, out, n);
}

wt_status presence_street_addresses(wt_ctx *ctx, int64_t team_id, const char *street, int max, int64_t **ids,
                                    int *n)
{
    return presence_db_street_addresses(ctx->db, ctx->a, team_id, street, max, ids, n);
}

wt_status presence_person_of(wt_ctx *ctx, int64_t person_id, int64_t *household_id, int64_t *team_id,
                             const char **name)
{
    return presence_db_person(ctx->db, ctx->a, person_id, household_id, team_id, name);
}

long presence_week_start(long day)
{
    /* 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday. */
    long wd = ((day % 7) + 7 + 3) % 7;
    return day - wd;
}
