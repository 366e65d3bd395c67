/*
 * activity_web.c - the pages of collective activities: the list, planning an
 * activity with its resident organisers (from an idea, when it grew from
 * one), the activity's page with organisers, volunteers and participants,
 * adding people, and recording what it brought.
 */
#include "activity_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../idea/idea.h"
#include "../plan/plan.h"
#include "../neighbourhood/presence_web.h"
#include "../user/user.h"
#include "activity.h"

#include <string.h>

#define ORGANISER_FIELDS 3
#define VOLUNTEER_FIELDS 2

static int query_offset(http_request *req)
{
    int64_t v = 0;
    return text_parse_int64(req_query(req, "offset"), &v) && v > 0 && v < 100000 ? (int)v : 0;
}

static const char *when_of(http_request *req, const wt_activity *a)
{
    const char *s = presence_day(req, a->starts_on);
    if (a->ends_on && strcmp(a->ends_on, a->starts_on) != 0)
        s = arena_printf(req->a, _("%s tot en met %s"), s, presence_day(req, a->ends_on));
    return a->schedule ? arena_printf(req->a, "%s (%s)", s, a->schedule) : s;
}

/* ---- list ------------------------------------------------------------------------------------------------------ */

static void get_activities(http_request *req)
{
    bool past = req_query(req, "eerder") != NULL;
    int offset = query_offset(req);
    wt_activity *acts;
    int n = 0;
    bool more = false;
    if (presence_web_failed(req, activity_list(&req->ctx, !past, ACTIVITY_PAGE, offset, &acts, &n, &more)))
        return;
    page_begin(req, _("Activiteiten"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Activiteiten"));
    html_printf(b, "<p class=\"wt-actions\"><a class=\"utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action\" href=\"/activities/new\">%s</a> "
                   "<a class=\"utrecht-link\" href=\"%s\">%s</a></p>",
                _("Activiteit plannen"), past ? "/activities" : "/activities?eerder=1",
                past ? _("Komende activiteiten") : _("Eerdere activiteiten"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Geen activiteiten in deze lijst."));
    } else {
        html_printf(b,
                    "<div class=\"wt-table-wrap\"><table class=\"utrecht-table utrecht-table--html-table\">"
                    "<caption class=\"utrecht-table__caption\">%s</caption><thead class=\"utrecht-table__header\"><tr>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th><th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                    "</tr></thead><tbody class=\"utrecht-table__body\">",
                    past ? _("Eerdere activiteiten, nieuwste eerst") : _("Komende activiteiten"), _("Activiteit"),
                    _("Wanneer"), _("Waar"), _("Mensen"));
        for (int i = 0; i < n; i++)
            html_printf(b,
                        "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                        "<a class=\"utrecht-link\" href=\"/activities/%lld\">%s</a></th><td class=\"utrecht-table__cell\">%s</td>"
                        "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td></tr>",
                        (long long)acts[i].id, acts[i].title, when_of(req, &acts[i]), acts[i].place,
                        arena_printf(req->a, _("%d organisatoren, %d vrijwilligers, %d deelnemers"), acts[i].organisers,
                                     acts[i].volunteers, acts[i].participants));
        html_raw(b, "</tbody></table></div>");
    }
    presence_pager(req, past ? "/activities?eerder=1" : "/activities", offset, ACTIVITY_PAGE, more);
    page_end(req);
}

/* ---- plan ------------------------------------------------------------------------------------------------------ */

static void supporter_select(http_request *req, const errors *e, bool posted)
{
    user *users;
    int n = 0;
    if (user_list_coordinators(&req->ctx, req->ctx.who.team_id, &users, &n) != WT_OK || n == 0)
        return;
    option *opts = arena_alloc(req->a, sizeof(option) * (size_t)n);
    for (int i = 0; i < n; i++)
        opts[i] = (option){arena_printf(req->a, "%lld", (long long)users[i].id), users[i].display_name};
    field_select(req, &(field){.name = "supported_by", .label = _("Medewerker die ondersteunt"),
                               .value = posted ? req_form(req, "supported_by")
                                               : arena_printf(req->a, "%lld", (long long)req->ctx.who.user_id),
                               .error = presence_err(e, "supported_by")},
                 opts, n);
}

static void name_fields(http_request *req, const char *name, const char *label, int count, const errors *e)
{
    buf *b = &req->out;
    const char *err = presence_err(e, name);
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wt-names\"%s>"
                   "<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">%s</legend>",
                err ? arena_printf(req->a, " aria-describedby=\"f-%s-error\"", name) : "", label);
    if (err)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-%s-error\">%s</div>", name, err);
    for (int i = 0; i < count; i++)
        field_text(req, &(field){.name = arena_printf(req->a, "%s", name),
                                 .id = i == 0 ? name : arena_printf(req->a, "%s-%d", name, i + 1),
                                 .label = arena_printf(req->a, _("Naam %d"), i + 1),
                                 .value = kv_get_nth(&req->form, name, i), .maxlength = 100, .autocomplete = "off",
                                 .required = i == 0 && strcmp(name, "organisers") == 0});
    html_raw(b, "</fieldset>");
}

static void activity_form(http_request *req, const wt_idea *idea, const errors *e)
{
    bool posted = strcmp(req->method, "POST") == 0;
    char today[11];
    date_format(date_today(), today);
    page_begin(req, _("Activiteit plannen"));
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Activiteit plannen"));
    error_summary(req, e);
    form_begin(req, "/activities", NULL);
    if (idea)
        html_printf(b, "<input type=\"hidden\" name=\"idea_id\" value=\"%lld\"><p class=\"wt-fixed\"><span class=\"wt-stop__label\">%s</span> %s</p>",
                    (long long)idea->id, _("Uit het idee:"), idea->title);
    field_text(req, &(field){.name = "title", .label = _("Titel"), .required = true, .maxlength = PRESENCE_SHORT_MAX,
                             .value = posted ? req_form(req, "title") : idea ? idea->title : NULL,
                             .error = presence_err(e, "title")});
    presence_choices(req, "kind", _("Soort activiteit"), activity_kinds, req_form(req, "kind"), presence_err(e, "kind"), NULL);
    field_text(req, &(field){.name = "starts_on", .label = _("Datum"), .type = "date", .required = true,
                             .value = posted ? req_form(req, "starts_on") : today, .error = presence_err(e, "starts_on")});
    field_text(req, &(field){.name = "ends_on", .label = _("Tot en met"), .type = "date", .value = req_form(req, "ends_on"),
                             .hint = _("Alleen bij een reeks, zoals een cursus."), .error = presence_err(e, "ends_on")});
    field_text(req, &(field){.name = "schedule", .label = _("Tijd"), .value = req_form(req, "schedule"),
                             .hint = _("Zoals: 17:00 tot 21:00, of elke dinsdag 10:00."), .maxlength = PRESENCE_SHORT_MAX,
                             .error = presence_err(e, "schedule")});
    field_text(req, &(field){.name = "place", .label = _("Plek"), .required = true, .value = req_form(req, "place"),
                             .maxlength = PRESENCE_SHORT_MAX, .error = presence_err(e, "place")});
    name_fields(req, "organisers", _("Bewoners die organiseren"), ORGANISER_FIELDS, e);
    name_fields(req, "volunteers", _("Vrijwilligers"), VOLUNTEER_FIELDS, e);
    supporter_select(req, e, posted);
    field_text(req, &(field){.name = "costs", .label = _("Kosten (euro)"), .value = req_form(req, "costs"),
                             .hint = _("Zoals 45 of 45,50."), .maxlength = 20, .error = presence_err(e, "costs"),
                             .autocomplete = "off"});
    field_textarea(req, &(field){.name = "description", .label = _("Beschrijving"),
                                 .value = posted ? req_form(req, "description") : idea ? idea->body : NULL,
                                 .maxlength = PRESENCE_LONG_MAX, .error = presence_err(e, "description")},
                   3);
    form_button(req, _("Activiteit plannen"), true);
    form_end(req);
    page_end(req);
}

static void get_activity_new(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    int64_t idea_id = presence_query_id(req, "idee");
    wt_idea idea;
    if (idea_id && presence_web_failed(req, idea_get(&req->ctx, idea_id, &idea)))
        return;
    activity_form(req, idea_id ? &idea : NULL, NULL);
}

static const char **form_list(http_request *req, const char *key, int *n)
{
    *n = kv_count(&req->form, key);
    if (*n > ACTIVITY_MAX_NAMES + 5)
        *n = ACTIVITY_MAX_NAMES + 5;
    const char **out = arena_alloc(req->a, sizeof(char *) * (size_t)(*n + 1));
    for (int i = 0; i < *n; i++)
        out[i] = kv_get_nth(&req->form, key, i);
    return out;
}

static void post_activities(http_request *req)
{
    if (!presence_allowed(&req->ctx, 0)) {
        presence_web_failed(req, WT_FORBIDDEN);
        return;
    }
    errors e;
    errors_init(&e, req->a);
    activity_input in = {
        .title = req_form(req, "title"), .kind = req_form(req, "kind"), .description = req_form(req, "description"),
        .starts_on = req_form(req, "starts_on"), .ends_on = req_form(req, "ends_on"),
        .schedule = req_form(req, "schedule"), .place = req_form(req, "place"), .costs = req_form(req, "costs"),
        .supported_by = presence_form_id(req, "supported_by"), .idea_id = presence_form_id(req, "idea_id"),
    };
    in.organiser_names = form_list(req, "organisers", &in.n_organiser_names);
    in.volunteer_names = form_list(req, "volunteers", &in.n_volunteer_names);
    int64_t id = 0;
    wt_status st = activity_create(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        wt_idea idea;
        bool has_idea = in.idea_id && idea_get(&req->ctx, in.idea_id, &idea) == WT_OK;
        req->status = st == WT_INVALID ? 400 : 409;
        activity_form(req, has_idea ? &idea : NULL, &e);
        req->status = st == WT_INVALID ? 400 : 409;
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/activities/%lld", (long long)id), "created");
}

/* ---- the activity ---------------------------------------------------------------------------------------------- */

static void people_list(http_request *req, const activity_person *p, int n, const char *role, const char *heading)
{
    buf *b = &req->out;
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><ul class=\"utrecht-unordered-list\">", heading);
    int shown = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(p[i].role, role) != 0)
            continue;
        shown++;
        if (p[i].anonymous_count)
            html_printf(b, "<li>%s</li>", arena_printf(req->a, _("%d deelnemers (anoniem geteld)"), p[i].anonymous_count));
        else if (p[i].household_id)
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/households/%lld\">%s</a></li>", (long long)p[i].household_id,
                        p[i].name ? p[i].name : "");
        else
            html_printf(b, "<li>%s</li>", p[i].name ? p[i].name : "");
    }
    if (!shown)
        html_printf(b, "<li>%s</li>", _("nog niemand"));
    html_raw(b, "</ul>");
}

/*
 * The households pointed here by an action of their plan. Everyone who sees the activity sees how many
 * (a number names no one); which households only those who may see their case (need-to-know), because
 * being on a plan is case content.
 */
static void pointed_block(http_request *req, const wt_activity *a)
{
    int count = 0, n = 0;
    plan_pointed *known = NULL;
    if (plan_pointed_to_activity(&req->ctx, a->id, &count, &known, &n) != WT_OK)
        return;
    buf *b = &req->out;
    html_printf(b, "<h3 class=\"utrecht-heading-3\" id=\"h-verwezen\">%s</h3>", _("Via een plan verwezen"));
    if (count == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>", _("Nog niemand via zijn plan naar deze activiteit verwezen."));
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                count == 1 ? _("1 huishouden is via zijn plan naar deze activiteit verwezen.")
                           : arena_printf(req->a, _("%d huishoudens zijn via hun plan naar deze activiteit verwezen."), count));
    if (n > 0) {
        html_raw(b, "<ul class=\"utrecht-unordered-list\">");
        for (int i = 0; i < n; i++)
            html_printf(b, "<li><a class=\"utrecht-link\" href=\"/cases/%lld#h-plan\">%s</a>: %s</li>",
                        (long long)known[i].case_id, known[i].household_name, known[i].action_body);
        html_raw(b, "</ul>");
    }
    if (count > n)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                    _("Wie dat zijn, zien alleen de medewerkers van hun casus."));
}

static void role_form(http_request *req, const wt_activity *a, const errors *e)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-mensen\"><h2 class=\"utrecht-heading-2\" id=\"h-mensen\">%s</h2>",
                _("Iemand toevoegen"));
    form_begin(req, arena_printf(req->a, "/activities/%lld/roles", (long long)a->id), NULL);
    presence_choices(req, "role", _("Rol"), activity_roles, e ? req_form(req, "role") : "participant",
                     presence_err(e, "role"), NULL);
    field_text(req, &(field){.name = "name", .label = _("Naam van de bewoner"), .value = e ? req_form(req, "name") : NULL,
                             .error = presence_err(e, "name"), .maxlength = 100, .autocomplete = "off"});
    field_text(req, &(field){.name = "anonymous_count", .label = _("Of: aantal deelnemers (anoniem geteld)"),
                             .type = "number", .value = e ? req_form(req, "anonymous_count") : NULL,
                             .error = presence_err(e, "anonymous_count"), .maxlength = 5});
    form_button(req, _("Toevoegen"), true);
    form_end(req);
    html_raw(b, "</section>");
}

static void outcome_form(http_request *req, const wt_activity *a, const errors *e)
{
    buf *b = &req->out;
    html_printf(b, "<section class=\"wt-card\" aria-labelledby=\"h-opbrengst\"><h2 class=\"utrecht-heading-2\" id=\"h-opbrengst\">%s</h2>",
                _("Wat het opleverde"));
    form_begin(req, arena_printf(req->a, "/activities/%lld/outcome", (long long)a->id), NULL);
    field_textarea(req, &(field){.name = "outcome", .label = _("Wat heeft het opgeleverd?"),
                                 .value = e ? req_form(req, "outcome") : a->outcome, .required = true,
                                 .error = presence_err(e, "outcome"), .maxlength = PRESENCE_LONG_MAX},
                   3);
    field_text(req, &(field){.name = "costs", .label = _("Kosten (euro)"),
                             .value = e ? req_form(req, "costs") : arena_printf(req->a, "%lld,%02lld", (long long)(a->costs_cents / 100), (long long)(a->costs_cents % 100)),
                             .error = presence_err(e, "costs"), .maxlength = 20, .id = "outcome-costs"});
    form_button(req, _("Opslaan"), true);
    form_end(req);
    html_raw(b, "</section>");
}

static void activity_page(http_request *req, int64_t id, const errors *role_e, const errors *out_e)
{
    wt_activity a;
    activity_person *people;
    int n = 0;
    int status = req->status;
    if (presence_web_failed(req, activity_get(&req->ctx, id, &a)) ||
        presence_web_failed(req, activity_people(&req->ctx, &a, &people, &n)))
        return;
    page_begin(req, a.title);
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", a.title);
    error_summary(req, role_e ? role_e : out_e);
    html_raw(b, "<dl class=\"wt-facts\">");
    presence_fact(req, _("Soort"), presence_label(activity_kinds, a.kind));
    presence_fact(req, _("Wanneer"), when_of(req, &a));
    presence_fact(req, _("Plek"), a.place);
    presence_fact(req, _("Ondersteuning"), a.supported_by_name);
    presence_fact(req, _("Kosten"), activity_format_euros(req->a, a.costs_cents));
    presence_fact(req, _("Beschrijving"), a.description);
    presence_fact(req, _("Opgeleverd"), a.outcome);
    html_raw(b, "</dl>");
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Mensen"));
    people_list(req, people, n, "organiser", _("Organisatoren (bewoners)"));
    people_list(req, people, n, "volunteer", _("Vrijwilligers"));
    people_list(req, people, n, "participant", arena_printf(req->a, _("Deelnemers (%d)"), a.participants));
    pointed_block(req, &a);
    html_raw(b, "<div class=\"wt-grid\">");
    role_form(req, &a, role_e);
    outcome_form(req, &a, out_e);
    html_raw(b, "</div>");
    html_printf(b, "<p><a class=\"utrecht-link\" href=\"/activities\">%s</a></p>", _("Terug naar de activiteiten"));
    page_end(req);
    if (status)
        req->status = status;
}

static void get_activity(http_request *req)
{
    activity_page(req, req->ids[0], NULL, NULL);
}

static void post_role(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t count = 0;
    const char *c = req_form(req, "anonymous_count");
    if (c && *c && (!text_parse_int64(c, &count) || count < 1 || count > ACTIVITY_MAX_ANONYMOUS))
        errors_add(&e, "anonymous_count", _("Het aantal deelnemers is 1 tot en met 10000."));
    activity_role_input in = {.role = req_form(req, "role"), .name = req_form(req, "name"),
                              .anonymous_count = (int)(count > 0 && count <= ACTIVITY_MAX_ANONYMOUS ? count : 0)};
    wt_status st = e.count ? WT_INVALID : activity_add_role(&req->ctx, req->ids[0], &in, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        activity_page(req, req->ids[0], &e, NULL);
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/activities/%lld", (long long)req->ids[0]), "saved");
}

static void post_outcome(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = activity_set_outcome(&req->ctx, req->ids[0], req_form(req, "outcome"), req_form(req, "costs"), &e);
    if (st == WT_INVALID) {
        req->status = 400;
        activity_page(req, req->ids[0], NULL, &e);
        return;
    }
    if (presence_web_failed(req, st))
        return;
    page_redirect_notice(req, arena_printf(req->a, "/activities/%lld", (long long)req->ids[0]), "saved");
}

void activity_web_routes(void)
{
    router_add("GET", "/activities", get_activities, 0);
    router_add("GET", "/activities/new", get_activity_new, 0);
    router_add("POST", "/activities", post_activities, 0);
    router_add("GET", "/activities/{id}", get_activity, 0);
    router_add("POST", "/activities/{id}/roles", post_role, 0);
    router_add("POST", "/activities/{id}/outcome", post_outcome, 0);
}
