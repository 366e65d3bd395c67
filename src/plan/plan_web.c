/*
 * plan_web.c - the plan on the case page and its forms (see plan_web.h).
 *
 * The plan reads top-down the way a coordinator talks it through with the
 * household: is it agreed, who carries the work (the layers at a glance), the
 * household's strengths, then the goals per life domain with their actions.
 * Forms sit in <details> blocks; a form with errors comes back on its own page.
 */
#include "plan_web.h"
#include "../activity/activity.h"
#include "../case/case_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"

#include <string.h>

static bool writable(http_request *req, const wt_case *c)
{
    return case_is_open(c) && case_access_loaded(&req->ctx, c, PERM_CASE_WRITE) == WT_OK;
}

static const char *id_text(http_request *req, int64_t id)
{
    return id ? arena_printf(req->a, "%lld", (long long)id) : "";
}

/* ---- forms -------------------------------------------------------------------------------------------------------- */

static void strengths_form(http_request *req, const wt_case *c, const plan_view *p, const case_form *f)
{
    form_begin(req, arena_printf(req->a, "/cases/%lld/plan", (long long)c->id), NULL);
    field_textarea(req, &(field){.name = "strengths", .id = case_form_id(req, f, "strengths"),
                                 .label = _("Krachten van het huishouden"),
                                 .hint = _("Wat gaat goed, wat kan het huishouden zelf, wie staan om hen heen?"),
                                 .value = case_form_value(req, f, "strengths", p ? p->strengths : ""),
                                 .error = case_form_error(f, "strengths"), .maxlength = CASE_TEXT_MAX},
                   4);
    form_button(req, _("Krachten opslaan"), true);
    form_end(req);
}

static void agree_form(http_request *req, const wt_case *c, const case_form *f)
{
    form_begin(req, arena_printf(req->a, "/cases/%lld/plan/agree", (long long)c->id), NULL);
    field_text(req, &(field){.name = "agreed_on", .id = case_form_id(req, f, "agreed_on"), .type = "date",
                             .label = _("Afgesproken met de bewoner op"), .required = true,
                             .value = case_form_value(req, f, "agreed_on", date_today_iso(req->a)),
                             .error = case_form_error(f, "agreed_on")});
    form_button(req, _("Plan als afgesproken markeren"), true);
    form_end(req);
}

/* The fields of a goal; with status only when changing an existing goal. */
static void goal_fields(http_request *req, const case_form *f, const plan_goal *g)
{
    int n = 0;
    option *domains = case_form_options(req, plan_domains, g ? NULL : _("Kies een levensgebied"), &n);
    field_select(req, &(field){.name = "domain", .id = case_form_id(req, f, "domain"), .label = _("Levensgebied"),
                               .required = true, .value = case_form_value(req, f, "domain", g ? g->domain : ""),
                               .error = case_form_error(f, "domain")},
                 domains, n);
    field_textarea(req, &(field){.name = "situation", .id = case_form_id(req, f, "situation"), .label = _("Situatie"),
                                 .hint = _("Wat speelt er op dit gebied?"),
                                 .value = case_form_value(req, f, "situation", g ? g->situation : ""),
                                 .error = case_form_error(f, "situation"), .maxlength = CASE_TEXT_MAX},
                   3);
    field_textarea(req, &(field){.name = "strength", .id = case_form_id(req, f, "strength"),
                                 .label = _("Kracht op dit gebied"),
                                 .hint = _("Wat lukt al, wat kan de bewoner zelf of met zijn netwerk?"),
                                 .value = case_form_value(req, f, "strength", g ? g->strength : ""),
                                 .error = case_form_error(f, "strength"), .maxlength = CASE_TEXT_MAX},
                   3);
    field_text(req, &(field){.name = "body", .id = case_form_id(req, f, "body"), .label = _("Doel"), .required = true,
                             .hint = _("Wat wil de bewoner bereiken, in zijn eigen woorden."),
                             .value = case_form_value(req, f, "body", g ? g->body : ""),
                             .error = case_form_error(f, "body"), .maxlength = PLAN_GOAL_MAX});
    if (g) {
        option *st = case_form_options(req, plan_goal_statuses, NULL, &n);
        field_select(req, &(field){.name = "status", .id = case_form_id(req, f, "status"), .label = _("Stand"),
                                   .required = true, .value = case_form_value(req, f, "status", g->status),
                                   .error = case_form_error(f, "status")},
                     st, n);
    }
}

static void goal_form(http_request *req, const wt_case *c, const plan_goal *g, const case_form *f)
{
    if (g)
        form_begin(req, arena_printf(req->a, "/goals/%lld", (long long)g->id), NULL);
    else
        form_begin(req, arena_printf(req->a, "/cases/%lld/goals", (long long)c->id), NULL);
    goal_fields(req, f, g);
    form_button(req, g ? _("Doel opslaan") : _("Doel toevoegen"), true);
    form_end(req);
}

/*
 * The team's activities that are still to come or running, for an action of the network or volunteer
 * layer to point to; the action's own activity stays a choice when it is over.
 */
static option *activity_options(http_request *req, const plan_action *x, int *n)
{
    wt_activity *acts = NULL;
    int na = 0;
    bool more = false;
    if (activity_list(&req->ctx, true, PLAN_ACTIVITY_CHOICES, 0, &acts, &na, &more) != WT_OK)
        na = 0;
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(na + 2));
    *n = 0;
    o[(*n)++] = (option){"", _("Geen activiteit")};
    bool own_listed = !x || !x->activity_id;
    for (int i = 0; i < na; i++) {
        own_listed = own_listed || acts[i].id == x->activity_id;
        o[(*n)++] = (option){id_text(req, acts[i].id),
                             arena_printf(req->a, "%s (%s %s)", acts[i].title, _("vanaf"), case_web_date(req, acts[i].starts_on))};
    }
    if (!own_listed)
        o[(*n)++] = (option){id_text(req, x->activity_id), x->activity_title ? x->activity_title : id_text(req, x->activity_id)};
    return o;
}

/* The fields of an action; with status only when changing an existing one. */
static void action_fields(http_request *req, const wt_case *c, const case_form *f, const plan_action *x)
{
    int n = 0;
    option *layers = case_form_options(req, plan_layers, x ? NULL : _("Kies wie de actie draagt"), &n);
    field_text(req, &(field){.name = "body", .id = case_form_id(req, f, "body"), .label = _("Actie"), .required = true,
                             .value = case_form_value(req, f, "body", x ? x->body : ""),
                             .error = case_form_error(f, "body"), .maxlength = PLAN_GOAL_MAX});
    field_select(req, &(field){.name = "layer", .id = case_form_id(req, f, "layer"), .label = _("Wie draagt de actie"),
                               .required = true,
                               .hint = _("Eerst wat de bewoner zelf kan, dan zijn eigen netwerk, vrijwilligers of buren, "
                                         "het wijkteam, en pas dan een specialist."),
                               .value = case_form_value(req, f, "layer", x ? x->layer : ""),
                               .error = case_form_error(f, "layer")},
                 layers, n);
    field_text(req, &(field){.name = "performer", .id = case_form_id(req, f, "performer"), .label = _("Uitvoerder"),
                             .required = true,
                             .hint = _("Naam van wie het doet: de bewoner, iemand uit zijn netwerk, een buurvrouw, een "
                                       "organisatie. Doet een teamlid het, kies dan hieronder wie; dan geldt diens naam."),
                             .value = case_form_value(req, f, "performer", x ? x->performer : ""),
                             .error = case_form_error(f, "performer"), .maxlength = PLAN_NAME_MAX});
    option *team = case_form_team_options(req, c->team_id, _("Geen teamlid"), &n);
    field_select(req, &(field){.name = "performer_user_id", .id = case_form_id(req, f, "performer_user_id"),
                               .label = _("Teamlid dat de actie uitvoert"),
                               .value = case_form_value(req, f, "performer_user_id",
                                                        x ? id_text(req, x->performer_user_id) : ""),
                               .error = case_form_error(f, "performer_user_id")},
                 team, n);
    field_text(req, &(field){.name = "due_on", .id = case_form_id(req, f, "due_on"), .type = "date",
                             .label = _("Streefdatum"), .value = case_form_value(req, f, "due_on", x ? x->due_on : ""),
                             .error = case_form_error(f, "due_on")});
    option *acts = activity_options(req, x, &n);
    field_select(req, &(field){.name = "activity_id", .id = case_form_id(req, f, "activity_id"),
                               .label = _("Verwijzen naar een activiteit in de wijk"),
                               .hint = _("Alleen bij een actie van het eigen netwerk of van vrijwilligers of buren: "
                                         "bijvoorbeeld meedoen met de wandelgroep of de koffieochtend."),
                               .value = case_form_value(req, f, "activity_id", x ? id_text(req, x->activity_id) : ""),
                               .error = case_form_error(f, "activity_id")},
                 acts, n);
    if (x) {
        option *st = case_form_options(req, plan_action_statuses, NULL, &n);
        field_select(req, &(field){.name = "status", .id = case_form_id(req, f, "status"), .label = _("Stand"),
                                   .required = true, .value = case_form_value(req, f, "status", x->status),
                                   .error = case_form_error(f, "status")},
                     st, n);
    }
}

static void action_form(http_request *req, const wt_case *c, int64_t goal_id, const plan_action *x, const case_form *f)
{
    if (x)
        form_begin(req, arena_printf(req->a, "/actions/%lld", (long long)x->id), NULL);
    else
        form_begin(req, arena_printf(req->a, "/goals/%lld/actions", (long long)goal_id), NULL);
    action_fields(req, c, f, x);
    form_button(req, x ? _("Actie opslaan") : _("Actie toevoegen"), true);
    form_end(req);
}

/* ---- the plan on the case page ------------------------------------------------------------------------------------ */

static void agreement_block(http_request *req, const plan_view *p)
{
    buf *b = &req->out;
    if (!p->agreed_on) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-status\"><strong>%s</strong> %s</p>",
                    _("Nog niet afgesproken met de bewoner."),
                    _("Bespreek het plan met het huishouden en markeer het daarna als afgesproken."));
        return;
    }
    if (plan_agreement_outdated(p->version, p->agreed_on, p->agreed_version)) {
        html_printf(b,
                    "<div class=\"wt-warning\"><p class=\"utrecht-paragraph\"><strong>%s %s</strong> (%s %d). %s %d. %s</p></div>",
                    _("Afgesproken met de bewoner op"), case_web_date(req, p->agreed_on), _("versie"), p->agreed_version,
                    _("De afspraak betreft een eerdere versie: het plan is daarna gewijzigd en is nu versie"), p->version,
                    _("Bespreek de wijzigingen met de bewoner."));
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph wt-status wt-status--ok\"><strong>%s %s</strong> (%s %d).</p>",
                _("Afgesproken met de bewoner op"), case_web_date(req, p->agreed_on), _("versie"), p->version);
}

/* The layers at a glance: how many actions each layer carries, from the resident himself to a specialist. */
static void layers_block(http_request *req, const plan_view *p)
{
    buf *b = &req->out;
    html_printf(b, "<h3 class=\"utrecht-heading-3\" id=\"h-lagen\">%s</h3>", _("Wie draagt de acties"));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Eerst wat de bewoner zelf kan, dan zijn netwerk, vrijwilligers of buren, het wijkteam, en pas dan een specialist."));
    html_raw(b, "<ol class=\"wt-layers\" aria-labelledby=\"h-lagen\">");
    for (int i = 0; i < PLAN_LAYERS; i++)
        html_printf(b, "<li class=\"wt-layers__item%s\"><span class=\"wt-layer wt-layer--%s\">%s</span> "
                       "<span class=\"wt-layers__count\">%d</span><span class=\"wt-visually-hidden\"> %s</span></li>",
                    p->layer_counts[i] ? "" : " wt-layers__item--none", plan_layers[i].code, _(plan_layers[i].label),
                    p->layer_counts[i], p->layer_counts[i] == 1 ? _("actie") : _("acties"));
    html_raw(b, "</ol>");
}

static void action_item(http_request *req, const plan_action *x, bool can_write)
{
    buf *b = &req->out;
    html_printf(b, "<li class=\"wt-action\"><p class=\"utrecht-paragraph\"><span class=\"wt-layer wt-layer--%s\">%s</span> %s</p>",
                x->layer, plan_label(plan_layers, x->layer), x->body);
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s. %s %s.", _("Uitvoerder:"), x->performer, _("Stand:"),
                plan_label(plan_action_statuses, x->status));
    if (x->due_on)
        html_printf(b, " %s %s.", _("Streefdatum:"), case_web_date(req, x->due_on));
    if (x->due == DUE_OVERDUE)
        html_printf(b, " <strong class=\"wt-overdue\">%s</strong>", _("Te laat."));
    else if (x->due == DUE_SOON)
        html_printf(b, " <strong>%s</strong>", _("Binnenkort."));
    html_raw(b, "</p>");
    if (x->activity_id)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s <a class=\"utrecht-link\" href=\"/activities/%lld\">%s</a></p>",
                    _("Activiteit:"), (long long)x->activity_id, x->activity_title ? x->activity_title : "");
    if (can_write) {
        /* A div, not a p: a <form> may not sit inside a paragraph. */
        html_printf(b, "<div class=\"wt-action__tools\"><a class=\"utrecht-link\" href=\"/actions/%lld\">%s"
                       "<span class=\"wt-visually-hidden\">: %s</span></a>",
                    (long long)x->id, _("Actie wijzigen"), x->body);
        if (strcmp(x->status, "planned") == 0 || strcmp(x->status, "in_progress") == 0)
            html_printf(b, " <a class=\"utrecht-link\" href=\"/actions/%lld/referrals/new\">%s"
                           "<span class=\"wt-visually-hidden\">: %s</span></a>",
                        (long long)x->id, _("Verwijzen"), x->body);
        if (strcmp(x->status, "planned") == 0 || strcmp(x->status, "in_progress") == 0)
            html_printf(b,
                        " <form method=\"post\" action=\"/actions/%lld\" class=\"wt-inline-form\">"
                        "<input type=\"hidden\" name=\"_csrf\" value=\"%s\"><input type=\"hidden\" name=\"status\" value=\"done\">"
                        "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\">%s"
                        "<span class=\"wt-visually-hidden\">: %s</span></button></form>",
                        (long long)x->id, req->session.csrf ? req->session.csrf : "", _("Klaar"), x->body);
        html_raw(b, "</div>");
    }
    html_raw(b, "</li>");
}

static void goal_card(http_request *req, const wt_case *c, const plan_goal *g, bool can_write)
{
    buf *b = &req->out;
    html_printf(b, "<article class=\"wt-card wt-goal\" aria-labelledby=\"goal-%lld\">", (long long)g->id);
    html_printf(b, "<h4 class=\"utrecht-heading-4\" id=\"goal-%lld\">%s: %s</h4>", (long long)g->id,
                plan_label(plan_domains, g->domain), g->body);
    html_printf(b, "<p class=\"utrecht-paragraph\">%s <strong>%s</strong></p>", _("Stand van het doel:"),
                plan_label(plan_goal_statuses, g->status));
    if (!text_empty(g->situation) || !text_empty(g->strength)) {
        html_raw(b, "<dl class=\"wt-facts\">");
        if (!text_empty(g->situation))
            html_printf(b, "<dt>%s</dt><dd class=\"wt-pre\">%s</dd>", _("Situatie"), g->situation);
        if (!text_empty(g->strength))
            html_printf(b, "<dt>%s</dt><dd class=\"wt-pre\">%s</dd>", _("Kracht"), g->strength);
        html_raw(b, "</dl>");
    }
    if (g->n_actions > 0) {
        html_printf(b, "<ul class=\"wt-actions\" aria-label=\"%s\">", _("Acties"));
        for (int i = 0; i < g->n_actions; i++)
            action_item(req, &g->actions[i], can_write);
        html_raw(b, "</ul>");
    } else {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog geen acties bij dit doel."));
    }
    if (can_write) {
        if (strcmp(g->status, "open") == 0) {
            html_printf(b, "<details class=\"wt-details\"><summary>%s<span class=\"wt-visually-hidden\">: %s</span></summary>",
                        _("Actie toevoegen"), g->body);
            action_form(req, c, g->id, NULL, &(case_form){.prefix = arena_printf(req->a, "a%lld-", (long long)g->id)});
            html_raw(b, "</details>");
        }
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/goals/%lld\">%s"
                       "<span class=\"wt-visually-hidden\">: %s</span></a></p>",
                    (long long)g->id, _("Doel wijzigen"), g->body);
    }
    html_raw(b, "</article>");
}

void plan_web_section(http_request *req, const wt_case *c, const plan_view *p)
{
    buf *b = &req->out;
    bool can_write = writable(req, c);
    agreement_block(req, p);
    layers_block(req, p);
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Krachten van het huishouden"));
    if (text_empty(p->strengths))
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog niet beschreven."));
    else
        html_printf(b, "<p class=\"utrecht-paragraph wt-pre\">%s</p>", p->strengths);
    if (can_write) {
        html_printf(b, "<details class=\"wt-details\"><summary>%s</summary>", _("Krachten bewerken"));
        strengths_form(req, c, p, &(case_form){.prefix = "pl-"});
        html_raw(b, "</details>");
    }
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Doelen"));
    if (p->n_goals == 0)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog geen doelen."));
    for (int i = 0; i < p->n_goals; i++)
        goal_card(req, c, &p->goals[i], can_write);
    if (can_write) {
        html_printf(b, "<details class=\"wt-details\"><summary>%s</summary>", _("Doel toevoegen"));
        goal_form(req, c, NULL, &(case_form){.prefix = "ng-"});
        html_raw(b, "</details>");
        if (p->n_goals > 0) {
            html_printf(b, "<details class=\"wt-details\"><summary>%s</summary>", _("Plan afspreken met de bewoner"));
            agree_form(req, c, &(case_form){.prefix = "ag-"});
            html_raw(b, "</details>");
        }
    }
}

/* ---- handlers ----------------------------------------------------------------------------------------------------- */

/* The page of a form that came back with errors (status 400). */
static bool error_page_begin(http_request *req, int64_t case_id, const char *title, const errors *e, wt_case *c)
{
    if (case_web_failed(req, case_get(&req->ctx, case_id, c), NULL))
        return false;
    req->status = 400;
    case_web_form_page_begin(req, c, title, e);
    return true;
}

static void error_page_end(http_request *req)
{
    page_end(req);
    req->status = 400;
}

/* Under the title of an action's form: the goal it serves. */
static void goal_context(http_request *req, const plan_goal *g)
{
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s <strong>%s: %s</strong></p>", _("Bij het doel"),
                plan_label(plan_domains, g->domain), g->body);
}

static void post_strengths(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = plan_set_strengths(&req->ctx, req->ids[0], req_form(req, "strengths"), &e);
    wt_case c;
    if (st == WT_INVALID && error_page_begin(req, req->ids[0], _("Krachten van het huishouden"), &e, &c)) {
        strengths_form(req, &c, NULL, &(case_form){.e = &e, .posted = true});
        error_page_end(req);
        return;
    }
    if (st == WT_INVALID || case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "saved", "h-plan");
}

static void post_agree(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = plan_agree(&req->ctx, req->ids[0], req_form(req, "agreed_on"), &e);
    wt_case c;
    if (st == WT_INVALID && error_page_begin(req, req->ids[0], _("Plan afspreken met de bewoner"), &e, &c)) {
        agree_form(req, &c, &(case_form){.e = &e, .posted = true});
        error_page_end(req);
        return;
    }
    if (st == WT_INVALID || case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "agreed", "h-plan");
}

static void goal_input_from_form(http_request *req, goal_input *in)
{
    in->domain = req_form(req, "domain");
    in->situation = kv_get(&req->form, "situation");
    in->strength = kv_get(&req->form, "strength");
    in->body = req_form(req, "body");
    in->status = req_form(req, "status");
}

static void post_goal(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    goal_input in = {0};
    goal_input_from_form(req, &in);
    in.status = NULL;
    int64_t id = 0;
    wt_status st = plan_add_goal(&req->ctx, req->ids[0], &in, &e, &id);
    wt_case c;
    if (st == WT_INVALID && error_page_begin(req, req->ids[0], _("Doel toevoegen"), &e, &c)) {
        goal_form(req, &c, NULL, &(case_form){.e = &e, .posted = true});
        error_page_end(req);
        return;
    }
    if (st == WT_INVALID || case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "goal", arena_printf(req->a, "goal-%lld", (long long)id));
}

/* The goal page: change the goal; its actions with links. */
static void goal_page(http_request *req, const wt_case *c, const plan_goal *g, const case_form *f)
{
    case_web_form_page_begin(req, c, _("Doel wijzigen"), f ? f->e : NULL);
    if (!case_is_open(c)) {
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>", _("De casus is gesloten; het plan kan niet meer worden gewijzigd."));
        return;
    }
    goal_form(req, c, g, f);
}

static void get_goal(http_request *req)
{
    plan_goal g;
    wt_case c;
    if (case_web_failed(req, plan_goal_get(&req->ctx, req->ids[0], &g, &c), NULL))
        return;
    goal_page(req, &c, &g, NULL);
    page_end(req);
}

static void post_goal_update(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    goal_input in = {0};
    goal_input_from_form(req, &in);
    int64_t case_id = 0;
    wt_status st = plan_update_goal(&req->ctx, req->ids[0], &in, &e, &case_id);
    if (st == WT_INVALID) {
        plan_goal g;
        wt_case c;
        if (case_web_failed(req, plan_goal_get(&req->ctx, req->ids[0], &g, &c), NULL))
            return;
        req->status = 400;
        goal_page(req, &c, &g, &(case_form){.e = &e, .posted = true});
        error_page_end(req);
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, case_id, "saved", arena_printf(req->a, "goal-%lld", (long long)req->ids[0]));
}

/* Reads an action from the form: a field that is absent stays unchanged. */
static void action_input_from_form(http_request *req, action_input *in, errors *e)
{
    in->body = kv_get(&req->form, "body");
    in->layer = kv_get(&req->form, "layer");
    in->performer = kv_get(&req->form, "performer");
    in->status = kv_get(&req->form, "status");
    const char *due = kv_get(&req->form, "due_on");
    in->has_due_on = due != NULL;
    in->due_on = due ? text_trim(req->a, due) : NULL;
    const char *act = req_form(req, "activity_id");
    in->has_activity = act != NULL;
    in->activity_id = 0;
    if (act && *act && (!text_parse_int64(act, &in->activity_id) || in->activity_id <= 0)) {
        errors_add(e, "activity_id", _("Kies een activiteit uit de lijst."));
        in->activity_id = 0;
    }
    const char *pu = req_form(req, "performer_user_id");
    in->has_performer_user = pu != NULL;
    in->performer_user_id = 0;
    if (pu && *pu && (!text_parse_int64(pu, &in->performer_user_id) || in->performer_user_id <= 0)) {
        errors_add(e, "performer_user_id", _("Kies een teamlid uit de lijst."));
        in->performer_user_id = 0;
    }
}

static void post_action(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    action_input in = {0};
    action_input_from_form(req, &in, &e);
    in.status = NULL;
    int64_t id = 0, case_id = 0;
    wt_status st = plan_add_action(&req->ctx, req->ids[0], &in, &e, &id, &case_id);
    if (st == WT_INVALID) {
        plan_goal g;
        wt_case c;
        if (case_web_failed(req, plan_goal_get(&req->ctx, req->ids[0], &g, &c), NULL))
            return;
        req->status = 400;
        case_web_form_page_begin(req, &c, _("Actie toevoegen"), &e);
        goal_context(req, &g);
        action_form(req, &c, g.id, NULL, &(case_form){.e = &e, .posted = true});
        error_page_end(req);
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, case_id, "action", arena_printf(req->a, "goal-%lld", (long long)req->ids[0]));
}

static void action_page(http_request *req, const wt_case *c, const plan_action *x, const case_form *f)
{
    case_web_form_page_begin(req, c, _("Actie wijzigen"), f ? f->e : NULL);
    plan_goal g;
    wt_case gc;
    if (plan_goal_get(&req->ctx, x->goal_id, &g, &gc) == WT_OK)
        goal_context(req, &g);
    if (!case_is_open(c)) {
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>", _("De casus is gesloten; het plan kan niet meer worden gewijzigd."));
        return;
    }
    action_form(req, c, x->goal_id, x, f);
}

static void get_action(http_request *req)
{
    plan_action x;
    wt_case c;
    if (case_web_failed(req, plan_action_get(&req->ctx, req->ids[0], &x, &c), NULL))
        return;
    action_page(req, &c, &x, NULL);
    page_end(req);
}

static void post_action_update(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    action_input in = {0};
    action_input_from_form(req, &in, &e);
    int64_t case_id = 0;
    wt_status st = plan_update_action(&req->ctx, req->ids[0], &in, &e, &case_id);
    if (st == WT_INVALID) {
        plan_action x;
        wt_case c;
        if (case_web_failed(req, plan_action_get(&req->ctx, req->ids[0], &x, &c), NULL))
            return;
        req->status = 400;
        action_page(req, &c, &x, &(case_form){.e = &e, .posted = true});
        error_page_end(req);
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, case_id, "saved", "h-plan");
}

void plan_web_routes(void)
{
    router_add("POST", "/cases/{id}/plan", post_strengths, 0);
    router_add("POST", "/cases/{id}/plan/agree", post_agree, 0);
    router_add("POST", "/cases/{id}/goals", post_goal, 0);
    router_add("GET", "/goals/{id}", get_goal, 0);
    router_add("POST", "/goals/{id}", post_goal_update, 0);
    router_add("POST", "/goals/{id}/actions", post_action, 0);
    router_add("GET", "/actions/{id}", get_action, 0);
    router_add("POST", "/actions/{id}", post_action_update, 0);
}
