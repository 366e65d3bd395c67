/* activity.c - rules of collective activities (see activity.h). */
#include "activity.h"
#include "../access/audit.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../idea/idea.h"
#include "activity_db.h"

#include <ctype.h>
#include <string.h>

const presence_code activity_kinds[] = {
    {"course", N_("Cursus")},
    {"barbecue", N_("Buurtbarbecue")},
    {"walking_group", N_("Wandelgroep")},
    {"coffee_morning", N_("Koffieochtend")},
    {"homework_help", N_("Huiswerkbegeleiding")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

const presence_code activity_roles[] = {
    {"organiser", N_("Organisator")},
    {"volunteer", N_("Vrijwilliger")},
    {"participant", N_("Deelnemer")},
    {NULL, NULL},
};

/* ---- pure rules ---------------------------------------------------------------------------------------------- */

bool activity_parse_euros(const char *s, int64_t *cents)
{
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    if (strncmp(s, "\xe2\x82\xac", 3) == 0) /* € */
        s += 3;
    while (*s == ' ')
        s++;
    /* The last ',' or '.' followed by one or two digits is the decimal mark; other '.' group thousands. */
    const char *end = s + strlen(s);
    while (end > s && end[-1] == ' ')
        end--;
    if (end == s)
        return false;
    const char *dec = NULL;
    for (const char *p = end - 1; p > s && p >= end - 3; p--)
        if (*p == ',' || *p == '.') {
            dec = p;
            break;
        }
    if (dec && (end - dec - 1 < 1 || end - dec - 1 > 2))
        dec = NULL;
    int64_t whole = 0;
    int digits = 0;
    for (const char *p = s; p < (dec ? dec : end); p++) {
        if (*p == '.' && digits > 0)
            continue;
        if (!isdigit((unsigned char)*p) || digits >= 9)
            return false;
        whole = whole * 10 + (*p - '0');
        digits++;
    }
    if (digits == 0)
        return false;
    int64_t frac = 0;
    if (dec) {
        for (const char *p = dec + 1; p < end; p++) {
            if (!isdigit((unsigned char)*p))
                return false;
            frac = frac * 10 + (*p - '0');
        }
        if (end - dec - 1 == 1)
            frac *= 10;
    }
    *cents = whole * 100 + frac;
    return true;
}

char *activity_format_euros(arena *a, int64_t cents)
{
    return arena_printf(a, "\xe2\x82\xac %lld,%02lld", (long long)(cents / 100), (long long)(cents % 100));
}

bool activity_check_role(const activity_role_input *in, errors *e)
{
    int before = e->count;
    if (!presence_code_valid(activity_roles, in->role)) {
        errors_add(e, "role", _("Kies de rol: organisator, vrijwilliger of deelnemer."));
        return false;
    }
    int given = (in->person_id != 0) + !text_empty(in->name) + (in->anonymous_count != 0);
    if (given == 0)
        errors_add(e, "name", _("Vul de naam van de bewoner in, of (bij deelnemers) een aantal."));
    else if (given > 1)
        errors_add(e, "name", _("Geef een bewoner of een aantal, niet allebei."));
    presence_check_text(e, "name", _("De naam"), in->name, 100, false);
    presence_check_text(e, "note", _("De notitie"), in->note, PRESENCE_SHORT_MAX, false);
    if (in->anonymous_count && strcmp(in->role, "participant") != 0)
        errors_add(e, "anonymous_count", _("Alleen deelnemers kunnen anoniem geteld worden."));
    else if (in->anonymous_count < 0 || in->anonymous_count > ACTIVITY_MAX_ANONYMOUS)
        errors_add(e, "anonymous_count", _("Het aantal deelnemers is 1 tot en met 10000."));
    return e->count == before;
}

/* ---- checks -------------------------------------------------------------------------------------------------- */

static void check_dates(wt_ctx *ctx, const activity_input *in, errors *e)
{
    wt_date s, t;
    bool start_ok = false;
    if (text_empty(in->starts_on))
        errors_add(e, "starts_on", _("Vul de (eerste) datum van de activiteit in."));
    else if (!(start_ok = date_parse(in->starts_on, &s)))
        errors_add(e, "starts_on", _("De begindatum is geen geldige datum (JJJJ-MM-DD)."));
    if (!text_empty(in->ends_on)) {
        if (!date_parse(in->ends_on, &t))
            errors_add(e, "ends_on", _("De einddatum is geen geldige datum (JJJJ-MM-DD)."));
        else if (start_ok && date_compare(t, s) < 0)
            errors_add(e, "ends_on", _("De einddatum ligt vóór de begindatum."));
    }
    (void)ctx;
}

static void check_costs(const activity_input *in, errors *e, int64_t *cents)
{
    *cents = in->costs_cents;
    if (in->costs && !text_empty(in->costs) && !activity_parse_euros(in->costs, cents)) {
        errors_add(e, "costs", _("Vul de kosten in euro's in, zoals 45 of 45,50."));
        return;
    }
    if (*cents < 0 || *cents > ACTIVITY_MAX_COST_CENTS)
        errors_add(e, "costs", _("De kosten liggen tussen 0 en 1.000.000 euro."));
}

static bool person_in_team(wt_ctx *ctx, int64_t team_id, int64_t person_id, int64_t *household_id)
{
    int64_t person_team = 0;
    return presence_person_of(ctx, person_id, household_id, &person_team, NULL) == WT_OK && person_team == team_id;
}

static void check_people(wt_ctx *ctx, int64_t team_id, const activity_input *in, errors *e)
{
    int named = 0;
    for (int i = 0; i < in->n_organiser_names; i++)
        if (!text_empty(in->organiser_names[i])) {
            named++;
            presence_check_text(e, "organisers", _("De naam van een organisator"), in->organiser_names[i], 100, false);
        }
    for (int i = 0; i < in->n_organiser_persons; i++) {
        int64_t hh;
        if (!person_in_team(ctx, team_id, in->organiser_person_ids[i], &hh))
            errors_add(e, "organiser_person_ids", _("Een organisator bestaat niet of hoort niet bij uw team."));
    }
    if (named + in->n_organiser_persons == 0)
        errors_add(e, "organisers", _("Noem minstens één bewoner die de activiteit organiseert; de medewerker ondersteunt."));
    if (named + in->n_organiser_persons > ACTIVITY_MAX_NAMES || in->n_volunteer_names > ACTIVITY_MAX_NAMES)
        errors_add(e, "organisers", _("Noem hoogstens 10 organisatoren en 10 vrijwilligers; voeg er later meer toe."));
    for (int i = 0; i < in->n_volunteer_names; i++)
        presence_check_text(e, "volunteers", _("De naam van een vrijwilliger"), in->volunteer_names[i], 100, false);
    if (in->anonymous_participants < 0 || in->anonymous_participants > ACTIVITY_MAX_ANONYMOUS)
        errors_add(e, "anonymous_participants", _("Het aantal deelnemers is 0 tot en met 10000."));
}

/* ---- operations ---------------------------------------------------------------------------------------------- */

static wt_status add_role(wt_ctx *ctx, int64_t activity_id, const activity_role_input *r, int64_t household_id)
{
    int64_t id = 0;
    wt_status st = activity_db_add_role(ctx->db, activity_id, r, ctx->who.user_id, date_now_iso(ctx->a), &id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "activity_role", id, (audit_subject){household_id, r->person_id, 0});
    return st;
}

static wt_status add_initial_people(wt_ctx *ctx, int64_t team_id, int64_t id, const activity_input *in)
{
    wt_status st = WT_OK;
    for (int i = 0; st == WT_OK && i < in->n_organiser_persons; i++) {
        int64_t hh = 0;
        person_in_team(ctx, team_id, in->organiser_person_ids[i], &hh);
        st = add_role(ctx, id, &(activity_role_input){"organiser", in->organiser_person_ids[i], NULL, 0, NULL}, hh);
    }
    for (int i = 0; st == WT_OK && i < in->n_organiser_names; i++)
        if (!text_empty(in->organiser_names[i]))
            st = add_role(ctx, id,
                          &(activity_role_input){"organiser", 0, text_trim(ctx->a, in->organiser_names[i]), 0, NULL}, 0);
    for (int i = 0; st == WT_OK && i < in->n_volunteer_names; i++)
        if (!text_empty(in->volunteer_names[i]))
            st = add_role(ctx, id,
                          &(activity_role_input){"volunteer", 0, text_trim(ctx->a, in->volunteer_names[i]), 0, NULL}, 0);
    if (st == WT_OK && in->anonymous_participants > 0)
        st = add_role(ctx, id, &(activity_role_input){"participant", 0, NULL, in->anonymous_participants, NULL}, 0);
    return st;
}

wt_status activity_create(wt_ctx *ctx, const activity_input *in, errors *e, int64_t *id)
{
    int64_t team_id = ctx->who.team_id;
    wt_status st = presence_access(ctx, team_id);
    if (st != WT_OK)
        return st;
    presence_check_text(e, "title", _("De titel"), in->title, PRESENCE_SHORT_MAX, true);
    if (!presence_code_valid(activity_kinds, in->kind))
        errors_add(e, "kind", _("Kies wat voor activiteit het is."));
    presence_check_text(e, "description", _("De beschrijving"), in->description, PRESENCE_LONG_MAX, false);
    check_dates(ctx, in, e);
    presence_check_text(e, "schedule", _("Wanneer"), in->schedule, PRESENCE_SHORT_MAX, false);
    presence_check_text(e, "place", _("De plek"), in->place, PRESENCE_SHORT_MAX, true);
    int64_t cents = 0;
    check_costs(in, e, &cents);
    int64_t supporter = in->supported_by ? in->supported_by : ctx->who.user_id;
    bool ok = false;
    if (activity_db_worker_ok(ctx->db, ctx->a, team_id, supporter, &ok) == WT_OK && !ok)
        errors_add(e, "supported_by", _("Kies als ondersteuner een actieve medewerker van uw team."));
    check_people(ctx, team_id, in, e);
    if (e->count)
        return WT_INVALID;
    activity_row row = {
        .team_id = team_id, .title = text_trim(ctx->a, in->title), .kind = in->kind,
        .description = presence_clean(ctx->a, in->description), .starts_on = in->starts_on,
        .ends_on = presence_clean(ctx->a, in->ends_on), .schedule = presence_clean(ctx->a, in->schedule),
        .place = text_trim(ctx->a, in->place), .costs_cents = cents, .supported_by = supporter,
        .created_by = ctx->who.user_id, .created_at = date_now_iso(ctx->a),
    };
    st = activity_db_insert(ctx->db, &row, id);
    if (st == WT_OK)
        st = add_initial_people(ctx, team_id, *id, in);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "activity", *id, (audit_subject){0});
    if (st == WT_OK && in->idea_id)
        st = idea_link_activity(ctx, in->idea_id, *id, e);
    return st;
}

wt_status activity_get(wt_ctx *ctx, int64_t id, wt_activity *out)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    wt_status st = activity_db_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        st = presence_access(ctx, out->team_id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "activity", id, (audit_subject){0});
    return st;
}

wt_status activity_people(wt_ctx *ctx, const wt_activity *act, activity_person **out, int *n)
{
    wt_status st = presence_access(ctx, act->team_id);
    if (st == WT_OK)
        st = activity_db_people(ctx->db, ctx->a, act->id, out, n);
    for (int i = 0; st == WT_OK && i < *n; i++)
        if ((*out)[i].person_id)
            audit_log(ctx, AUDIT_READ, "activity_role", (*out)[i].id,
                      (audit_subject){(*out)[i].household_id, (*out)[i].person_id, 0});
    return st;
}

wt_status activity_add_role(wt_ctx *ctx, int64_t id, const activity_role_input *in, errors *e)
{
    wt_activity act;
    wt_status st = activity_get(ctx, id, &act);
    if (st != WT_OK)
        return st;
    if (!activity_check_role(in, e))
        return WT_INVALID;
    int64_t hh = 0;
    if (in->person_id && !person_in_team(ctx, act.team_id, in->person_id, &hh)) {
        errors_add(e, "person_id", _("Deze persoon bestaat niet of hoort niet bij uw team."));
        return WT_INVALID;
    }
    activity_role_input r = *in;
    r.name = presence_clean(ctx->a, in->name);
    r.note = presence_clean(ctx->a, in->note);
    if (r.person_id) {
        bool exists = false;
        st = activity_db_has_person(ctx->db, ctx->a, id, r.person_id, r.role, &exists);
        if (st != WT_OK || exists)
            return st;
    }
    return add_role(ctx, id, &r, hh);
}

wt_status activity_set_outcome(wt_ctx *ctx, int64_t id, const char *outcome, const char *costs, errors *e)
{
    wt_activity act;
    wt_status st = activity_get(ctx, id, &act);
    if (st != WT_OK)
        return st;
    presence_check_text(e, "outcome", _("Wat het opleverde"), outcome, PRESENCE_LONG_MAX, true);
    int64_t cents = act.costs_cents;
    if (costs && !text_empty(costs)) {
        activity_input ci = {.costs = costs};
        check_costs(&ci, e, &cents);
    }
    if (e->count)
        return WT_INVALID;
    st = activity_db_set_outcome(ctx->db, id, text_trim(ctx->a, outcome), cents);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "activity", id, (audit_subject){0});
    return st;
}

wt_status activity_list(wt_ctx *ctx, bool upcoming, int limit, int offset, wt_activity **out, int *n, bool *more)
{
    wt_status st = presence_access(ctx, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    char today[11];
    date_format(date_today(), today);
    st = activity_db_list(ctx->db, ctx->a, ctx->who.team_id, upcoming, today, limit + 1, offset, out, n);
    *more = st == WT_OK && *n > limit;
    if (*more)
        *n = limit;
    return st;
}

wt_status activity_refer_person(wt_ctx *ctx, int64_t activity_id, int64_t person_id, errors *e)
{
    activity_role_input in = {.role = "participant", .person_id = person_id};
    wt_status st = activity_add_role(ctx, activity_id, &in, e);
    if (st == WT_INVALID && errors_get(e, "person_id"))
        return WT_NOTFOUND;
    return st;
}
