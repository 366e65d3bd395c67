/*
 * intake_web.c - the intake on the case page and its form (see intake_web.h).
 *
 * On the case page the intake reads as the household told it: the question in
 * its own words first, then strengths and what is already done, then per life
 * domain the situation, the strength and the wish, each with one button that
 * makes it a goal of the plan. The form is one page; each life domain sits in
 * a <details> block that is open when it has content or an error.
 */
#include "intake_web.h"
#include "../case/case_web.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../plan/plan.h"
#include "intake.h"

#include <string.h>

static const intake_finding *finding_of(const intake *it, const char *domain)
{
    for (int i = 0; it && i < it->n_findings; i++)
        if (strcmp(it->findings[i].domain, domain) == 0)
            return &it->findings[i];
    return NULL;
}

/* ---- the section on the case page --------------------------------------------------------------------------------- */

static void fact(http_request *req, const char *label, const char *value)
{
    if (!text_empty(value))
        html_printf(&req->out, "<dt>%s</dt><dd class=\"wt-pre\">%s</dd>", label, value);
}

static void goal_button(http_request *req, const intake_finding *f)
{
    const char *id = arena_printf(req->a, "fg-%lld", (long long)f->id);
    form_begin(req, arena_printf(req->a, "/intakes/findings/%lld/goal", (long long)f->id), "wt-form--inline");
    field_text(req, &(field){.name = "body", .id = id, .label = _("Doel in het plan"), .value = f->wish,
                             .maxlength = PLAN_GOAL_MAX, .required = true});
    html_printf(&req->out, "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\">%s"
                           "<span class=\"wt-visually-hidden\"> (%s)</span></button>",
                _("Maak er een doel van"), plan_label(plan_domains, f->domain));
    form_end(req);
}

static void finding_item(http_request *req, const intake_finding *f, bool can_write)
{
    buf *b = &req->out;
    html_printf(b, "<li><p class=\"utrecht-paragraph\"><strong>%s</strong></p><dl class=\"wt-facts\">",
                plan_label(plan_domains, f->domain));
    fact(req, _("Situatie"), f->situation);
    fact(req, _("Kracht"), f->strength);
    fact(req, _("Wens"), f->wish);
    html_raw(b, "</dl>");
    if (f->goal_id)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"#goal-%lld\">%s</a></p>",
                    (long long)f->goal_id, _("Is een doel in het plan"));
    else if (can_write)
        goal_button(req, f);
    html_raw(b, "</li>");
}

void intake_case_section(http_request *req, const wt_case *c)
{
    intake it;
    wt_case cc;
    if (intake_get(&req->ctx, c->id, &it, &cc) != WT_OK)
        return;
    buf *b = &req->out;
    bool can_write = case_is_open(c) && case_access_loaded(&req->ctx, c, PERM_CASE_WRITE) == WT_OK;
    html_printf(b, "<section class=\"wt-section\" aria-labelledby=\"h-intake\"><h2 class=\"utrecht-heading-2\" id=\"h-intake\">%s</h2>",
                _("Intake"));
    if (!it.id) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog geen intake vastgelegd."));
        if (can_write)
            html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld/intake\">%s</a></p>",
                        (long long)c->id, _("Intake vastleggen"));
        html_raw(b, "</section>");
        return;
    }
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s %s, %s %s.</p>", _("Gehouden op"),
                date_display(req->a, it.held_on), _("vastgelegd door"), it.created_by_name);
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3><blockquote class=\"wt-quote wt-pre\">%s</blockquote>",
                _("De vraag, in eigen woorden"), it.question);
    html_raw(b, "<dl class=\"wt-facts\">");
    fact(req, _("Krachten"), it.strengths);
    fact(req, _("Kansen"), it.opportunities);
    fact(req, _("Doet zelf al"), it.self_does);
    fact(req, _("Netwerk doet al"), it.network_does);
    fact(req, _("Eigen doelen"), it.own_goals);
    html_raw(b, "</dl>");
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Per levensgebied"));
    if (it.n_findings == 0)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Nog geen levensgebieden beschreven."));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < it.n_findings; i++)
        finding_item(req, &it.findings[i], can_write);
    html_raw(b, "</ul>");
    if (can_write)
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld/intake\">%s</a></p>",
                    (long long)c->id, _("Intake aanvullen of wijzigen"));
    html_raw(b, "</section>");
}

/* ---- the form ----------------------------------------------------------------------------------------------------- */

static void text_area(http_request *req, const case_form *f, const char *name, const char *label, const char *hint,
                      const char *value, bool required, int rows)
{
    field_textarea(req, &(field){.name = name, .label = label, .hint = hint, .required = required,
                                 .value = case_form_value(req, f, name, value), .error = case_form_error(f, name),
                                 .maxlength = INTAKE_TEXT_MAX},
                   rows);
}

static bool domain_has_error(const case_form *f, const char *code)
{
    if (!f->e)
        return false;
    const char *prefix = code;
    for (const field_error *fe = f->e->head; fe; fe = fe->next)
        if (strncmp(fe->field, "findings.", 9) == 0 && strncmp(fe->field + 9, prefix, strlen(prefix)) == 0)
            return true;
    return false;
}

static void domain_block(http_request *req, const case_form *f, const intake *it, int k)
{
    const char *code = plan_domains[k].code;
    const intake_finding *fd = finding_of(it, code);
    const char *n_sit = arena_printf(req->a, "findings.%s.situation", code);
    const char *n_str = arena_printf(req->a, "findings.%s.strength", code);
    const char *n_wish = arena_printf(req->a, "findings.%s.wish", code);
    bool open = fd || domain_has_error(f, code) || (f->posted && !text_empty(kv_get(&req->form, n_sit)));
    html_printf(&req->out, "<details class=\"wt-details\"%s><summary>%s%s</summary>", open ? " open" : "",
                plan_label(plan_domains, code), fd && fd->goal_id ? _(" (is een doel in het plan)") : "");
    html_printf(&req->out, "<input type=\"hidden\" name=\"findings\" value=\"%s\">", code);
    text_area(req, f, n_sit, _("Situatie"), _("Wat speelt er op dit gebied?"), fd ? fd->situation : "", false, 3);
    text_area(req, f, n_str, _("Kracht"), _("Wat gaat goed, wat kan de bewoner hier zelf?"), fd ? fd->strength : "",
              false, 2);
    text_area(req, f, n_wish, _("Wens"), _("Wat wil de bewoner hier bereiken? Dit kan een doel in het plan worden."),
              fd ? fd->wish : "", false, 2);
    html_raw(&req->out, "</details>");
}

static void intake_form(http_request *req, const wt_case *c, const intake *it, const case_form *f)
{
    form_begin(req, arena_printf(req->a, "/cases/%lld/intake", (long long)c->id), NULL);
    field_text(req, &(field){.name = "held_on", .label = _("Datum van de intake"), .type = "date", .required = true,
                             .value = case_form_value(req, f, "held_on", it->id ? it->held_on : date_today_iso(req->a)),
                             .error = case_form_error(f, "held_on")});
    text_area(req, f, "question", _("De vraag in eigen woorden"),
              _("Schrijf op hoe de bewoner het zelf zegt, niet in vaktaal."), it->question, true, 4);
    text_area(req, f, "strengths", _("Krachten"), _("Wat gaat goed? Waar is het huishouden trots op?"), it->strengths,
              false, 3);
    text_area(req, f, "opportunities", _("Kansen"), _("Wat kan helpen: mensen, plekken, gelegenheden."),
              it->opportunities, false, 3);
    text_area(req, f, "self_does", _("Wat de bewoner zelf al doet"), NULL, it->self_does, false, 2);
    text_area(req, f, "network_does", _("Wat het netwerk al doet"), _("Familie, vrienden, buren, vrijwilligers."),
              it->network_does, false, 2);
    text_area(req, f, "own_goals", _("Eigen doelen"), _("Wat wil de bewoner zelf bereiken?"), it->own_goals, false, 3);
    html_printf(&req->out, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Situatie per levensgebied"),
                _("Beschrijf alleen de gebieden die ter sprake kwamen; een leeg gebied wordt niet bewaard."));
    for (int k = 0; k < INTAKE_DOMAINS && plan_domains[k].code; k++)
        domain_block(req, f, it, k);
    form_button(req, _("Intake opslaan"), true);
    form_end(req);
}

static void get_intake(http_request *req)
{
    intake it;
    wt_case c;
    if (case_web_failed(req, intake_get(&req->ctx, req->ids[0], &it, &c), NULL))
        return;
    if (case_web_failed(req, case_access_loaded(&req->ctx, &c, PERM_CASE_WRITE), NULL))
        return;
    case_web_form_page_begin(req, &c, it.id ? _("Intake wijzigen") : _("Intake vastleggen"), NULL);
    if (!case_is_open(&c))
        html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>", _("De casus is gesloten; de intake kan niet meer worden gewijzigd."));
    else
        intake_form(req, &c, &it, &(case_form){0});
    page_end(req);
}

/* The form's findings: one hidden "findings" field per domain names the fields that belong to it. */
static void input_from_form(http_request *req, intake_input *in)
{
    memset(in, 0, sizeof(*in));
    in->held_on = req_form(req, "held_on");
    in->question = kv_get(&req->form, "question");
    in->strengths = kv_get(&req->form, "strengths");
    in->opportunities = kv_get(&req->form, "opportunities");
    in->self_does = kv_get(&req->form, "self_does");
    in->network_does = kv_get(&req->form, "network_does");
    in->own_goals = kv_get(&req->form, "own_goals");
    int n = kv_count(&req->form, "findings");
    in->findings = arena_alloc(req->a, sizeof(intake_finding_input) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        const char *d = kv_get_nth(&req->form, "findings", i);
        in->findings[in->n_findings++] = (intake_finding_input){
            d, kv_get(&req->form, arena_printf(req->a, "findings.%s.situation", d)),
            kv_get(&req->form, arena_printf(req->a, "findings.%s.strength", d)),
            kv_get(&req->form, arena_printf(req->a, "findings.%s.wish", d))};
    }
}

static void post_intake(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    intake_input in;
    input_from_form(req, &in);
    int64_t id = 0;
    wt_status st = intake_save(&req->ctx, req->ids[0], &in, &e, &id);
    if (st == WT_INVALID) {
        intake it;
        wt_case c;
        if (case_web_failed(req, intake_get(&req->ctx, req->ids[0], &it, &c), NULL))
            return;
        case_web_form_page_begin(req, &c, it.id ? _("Intake wijzigen") : _("Intake vastleggen"), &e);
        intake_form(req, &c, &it, &(case_form){.e = &e, .posted = true});
        page_end(req);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "intake", "h-intake");
}

static void post_goal(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t goal_id = 0, case_id = 0;
    wt_status st = intake_goal_from_finding(&req->ctx, req->ids[0], req_form(req, "body"), &e, &goal_id, &case_id);
    if (st == WT_INVALID) {
        intake_finding f;
        wt_case c;
        if (case_web_failed(req, intake_finding_get(&req->ctx, req->ids[0], PERM_CASE_WRITE, &f, &c), NULL))
            return;
        case_web_form_page_begin(req, &c, _("Doel uit de intake"), &e);
        html_printf(&req->out, "<p class=\"utrecht-paragraph\"><strong>%s</strong>: %s</p>",
                    plan_label(plan_domains, f.domain), f.situation);
        form_begin(req, arena_printf(req->a, "/intakes/findings/%lld/goal", (long long)f.id), NULL);
        field_text(req, &(field){.name = "body", .label = _("Doel in het plan"), .required = true,
                                 .value = kv_get(&req->form, "body"), .error = errors_get(&e, "body"),
                                 .maxlength = PLAN_GOAL_MAX});
        form_button(req, _("Maak er een doel van"), true);
        form_end(req);
        page_end(req);
        req->status = 400;
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, case_id, "goal", arena_printf(req->a, "goal-%lld", (long long)goal_id));
}

void intake_web_routes(void)
{
    router_add("GET", "/cases/{id}/intake", get_intake, 0);
    router_add("POST", "/cases/{id}/intake", post_intake, 0);
    router_add("POST", "/intakes/findings/{id}/goal", post_goal, 0);
}
