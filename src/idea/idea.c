/* idea.c - rules of residents' ideas for the neighbourhood (see idea.h). */
#include "idea.h"
#include "../access/audit.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "idea_db.h"

#include <string.h>

const presence_code idea_sources[] = {
    {"frontdoor", N_("Voordeur")},
    {"outreach", N_("Gesprek op straat / wijkronde")},
    {"other", N_("Anders")},
    {NULL, NULL},
};

const presence_code idea_statuses[] = {
    {"new", N_("Nieuw")},
    {"supported", N_("Gesteund")},
    {"became_activity", N_("Activiteit geworden")},
    {"not_pursued", N_("Niet doorgegaan")},
    {NULL, NULL},
};

bool idea_check_transition(const char *from, const char *to, const char *reason, int64_t activity_id, errors *e)
{
    if (!presence_code_valid(idea_statuses, to) || strcmp(to, "new") == 0) {
        errors_add(e, "status", _("Kies: steunen, activiteit geworden of niet doorgegaan."));
        return false;
    }
    if (from && strcmp(from, "became_activity") == 0) {
        errors_add(e, "status", _("Dit idee is al een activiteit geworden."));
        return false;
    }
    if (from && strcmp(from, to) == 0 && strcmp(to, "supported") == 0) {
        errors_add(e, "status", _("Dit idee wordt al gesteund."));
        return false;
    }
    if (strcmp(to, "not_pursued") == 0 && text_empty(reason)) {
        errors_add(e, "reason", _("Vul in waarom het idee niet doorgaat."));
        return false;
    }
    if (!presence_check_text(e, "reason", _("De reden"), reason, PRESENCE_LONG_MAX, false))
        return false;
    if (strcmp(to, "became_activity") == 0 && activity_id == 0) {
        errors_add(e, "activity_id", _("Kies de activiteit die uit het idee voortkwam."));
        return false;
    }
    return true;
}

static audit_subject subject_of(const wt_idea *i)
{
    return (audit_subject){i->household_id, i->person_id, 0};
}

wt_status idea_create(wt_ctx *ctx, const idea_input *in, errors *e, int64_t *id)
{
    int64_t team_id = ctx->who.team_id;
    wt_status st = presence_access(ctx, team_id);
    if (st != WT_OK)
        return st;
    presence_check_text(e, "title", _("De titel"), in->title, PRESENCE_SHORT_MAX, true);
    presence_check_text(e, "body", _("De toelichting"), in->body, PRESENCE_LONG_MAX, false);
    if (!presence_code_valid(idea_sources, in->source))
        errors_add(e, "source", _("Kies waar het idee binnenkwam."));
    int64_t household_id = 0;
    if (in->person_id) {
        int64_t person_team = 0;
        if (presence_person_of(ctx, in->person_id, &household_id, &person_team, NULL) != WT_OK ||
            person_team != team_id)
            errors_add(e, "person_id", _("Deze persoon bestaat niet of hoort niet bij uw team."));
    } else if (text_empty(in->brought_by_name)) {
        errors_add(e, "brought_by_name", _("Vul in wie het idee bracht."));
    }
    presence_check_text(e, "brought_by_name", _("De naam"), in->brought_by_name, 100, false);
    if (in->question_id) {
        bool ok = false;
        if (idea_db_question_ok(ctx->db, ctx->a, team_id, in->question_id, &ok) == WT_OK && !ok)
            errors_add(e, "question_id", _("Deze vraag van de voordeur bestaat niet of hoort niet bij uw team."));
    }
    if (e->count)
        return WT_INVALID;
    const char *now = date_now_iso(ctx->a);
    idea_row row = {team_id, text_trim(ctx->a, in->title), presence_clean(ctx->a, in->body), in->person_id,
                    in->person_id ? NULL : text_trim(ctx->a, in->brought_by_name), in->source, in->question_id,
                    ctx->who.user_id, now};
    st = idea_db_insert(ctx->db, &row, id);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_CREATE, "idea", *id, (audit_subject){household_id, in->person_id, 0});
    return st;
}

static wt_status idea_load(wt_ctx *ctx, int64_t id, wt_idea *out)
{
    if (!presence_allowed(ctx, 0))
        return WT_FORBIDDEN;
    wt_status st = idea_db_get(ctx->db, ctx->a, id, out);
    if (st == WT_OK)
        st = presence_access(ctx, out->team_id);
    return st;
}

wt_status idea_get(wt_ctx *ctx, int64_t id, wt_idea *out)
{
    wt_status st = idea_load(ctx, id, out);
    if (st == WT_OK)
        audit_log(ctx, AUDIT_READ, "idea", id, subject_of(out));
    return st;
}

wt_status idea_list(wt_ctx *ctx, const char *status, int limit, int offset, wt_idea **out, int *n, bool *more)
{
    wt_status st = presence_access(ctx, ctx->who.team_id);
    if (st != WT_OK)
        return st;
    if (status && !presence_code_valid(idea_statuses, status))
        status = NULL;
    st = idea_db_list(ctx->db, ctx->a, ctx->who.team_id, status, limit + 1, offset, out, n);
    *more = st == WT_OK && *n > limit;
    if (*more)
        *n = limit;
    for (int i = 0; st == WT_OK && i < *n; i++)
        if ((*out)[i].person_id)
            audit_log(ctx, AUDIT_READ, "idea", (*out)[i].id, subject_of(&(*out)[i]));
    return st;
}

wt_status idea_set_status(wt_ctx *ctx, int64_t id, const char *status, const char *reason, int64_t activity_id,
                          errors *e)
{
    wt_idea idea;
    wt_status st = idea_load(ctx, id, &idea);
    if (st != WT_OK)
        return st;
    if (!idea_check_transition(idea.status, status, reason, activity_id, e))
        return strcmp(idea.status, "became_activity") == 0 ? WT_CONFLICT : WT_INVALID;
    if (activity_id) {
        bool ok = false;
        st = idea_db_activity_ok(ctx->db, ctx->a, idea.team_id, activity_id, &ok);
        if (st != WT_OK)
            return st;
        if (!ok) {
            errors_add(e, "activity_id", _("Deze activiteit bestaat niet of hoort niet bij uw team."));
            return WT_INVALID;
        }
    }
    st = idea_db_set_status(ctx->db, id, status, presence_clean(ctx->a, reason),
                            strcmp(status, "became_activity") == 0 ? activity_id : 0, date_now_iso(ctx->a));
    if (st == WT_OK)
        audit_log(ctx, AUDIT_UPDATE, "idea", id, subject_of(&idea));
    return st;
}

wt_status idea_link_activity(wt_ctx *ctx, int64_t idea_id, int64_t activity_id, errors *e)
{
    wt_status st = idea_set_status(ctx, idea_id, "became_activity", NULL, activity_id, e);
    if (st == WT_NOTFOUND)
        errors_add(e, "idea_id", _("Dit idee bestaat niet of hoort niet bij uw team."));
    return st == WT_NOTFOUND ? WT_INVALID : st;
}
