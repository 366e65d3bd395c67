/* casemember_web.c - need-to-know on the pages (see casemember_web.h). */
#include "casemember_web.h"
#include "../case/case_web.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "../user/user.h"
#include "casemember.h"

#include <string.h>

#define ACCESS_LOG_LINES 15 /* the newest groups; the whole log is in GET /api/v1/cases/{id}/access-log and the file */

static const char *when(http_request *req, const char *ts)
{
    return ts ? date_display_time(req->a, ts) : "";
}

/* "24 uur", "90 minuten", "30 seconden": how long an emergency access lasts. */
static const char *duration_text(http_request *req)
{
    long s = casemember_emergency_seconds();
    if (s % 3600 == 0)
        return arena_printf(req->a, "%ld %s", s / 3600, _("uur"));
    if (s % 60 == 0)
        return arena_printf(req->a, "%ld %s", s / 60, s == 60 ? _("minuut") : _("minuten"));
    return arena_printf(req->a, "%ld %s", s, s == 1 ? _("seconde") : _("seconden"));
}

/* ---- forms --------------------------------------------------------------------------------------------------------- */

static void member_form(http_request *req, int64_t case_id, int64_t team_id, const case_form *f)
{
    int n = 0;
    option *opts = case_form_team_options(req, team_id, _("Kies een teamlid"), &n);
    form_begin(req, arena_printf(req->a, "/cases/%lld/members", (long long)case_id), NULL);
    field_select(req, &(field){.name = "user_id", .id = case_form_id(req, f, "user_id"), .label = _("Teamlid"),
                               .required = true, .value = case_form_value(req, f, "user_id", ""),
                               .error = case_form_error(f, "user_id")},
                 opts, n);
    field_textarea(req, &(field){.name = "reason", .id = case_form_id(req, f, "reason"),
                                 .label = _("Waarom moet dit teamlid de casus zien?"), .required = true,
                                 .value = case_form_value(req, f, "reason", ""), .error = case_form_error(f, "reason"),
                                 .hint = _("De reden komt in het logboek."), .maxlength = CASE_TEXT_MAX},
                   3);
    form_button(req, _("Toevoegen aan de casus"), true);
    form_end(req);
}

static void emergency_form(http_request *req, int64_t case_id, const case_form *f)
{
    form_begin(req, arena_printf(req->a, "/cases/%lld/emergency-access", (long long)case_id), NULL);
    field_textarea(req, &(field){.name = "reason", .id = case_form_id(req, f, "reason"),
                                 .label = _("Wat is de noodsituatie?"), .required = true,
                                 .value = case_form_value(req, f, "reason", ""), .error = case_form_error(f, "reason"),
                                 .hint = _("Bijvoorbeeld: de bewoner belt in crisis en de regisseur is niet bereikbaar."),
                                 .maxlength = CASE_TEXT_MAX},
                   3);
    form_button(req, _("Noodtoegang openen"), true);
    form_end(req);
}

/* ---- the "known to the team" page ---------------------------------------------------------------------------------- */

static void known_body(http_request *req, const case_known *k, const case_form *member_f, const case_form *glass_f)
{
    buf *b = &req->out;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", k->household_name);
    html_printf(b,
                "<div class=\"wt-status\"><p class=\"utrecht-paragraph\"><strong>%s</strong></p>"
                "<p class=\"utrecht-paragraph\">%s <strong>%s</strong>. %s</p></div>",
                _("Dit huishouden is bekend bij het team."), _("Regisseur:"), k->coordinator_name,
                strcmp(k->status, "open") == 0 ? _("De casus is open.") : _("De casus is gesloten."));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("U ziet de inhoud van deze casus niet. Alleen de regisseur en de teamleden die aan de casus zijn "
                  "toegevoegd zien het plan, de contacten, de intake, de gezinsleden en hun netwerk: wie dat nodig "
                  "heeft voor zijn werk (need-to-know)."));
    html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s <strong>%s</strong> %s</p>",
                _("Toegang vragen"), _("Vraag de regisseur,"), k->coordinator_name,
                _("of de teamleider om u aan de casus toe te voegen. Zij leggen vast waarom u de casus ziet."));
    if (k->may_add_members) {
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2><p class=\"utrecht-paragraph\">%s</p>",
                    _("Teamlid toevoegen"),
                    _("Als teamleider voegt u een teamlid (ook uzelf) aan de casus toe, met een reden."));
        member_form(req, k->id, k->team_id, member_f);
    }
    if (k->may_break_glass) {
        html_printf(b, "<h2 class=\"utrecht-heading-2\">%s</h2>", _("Noodtoegang"));
        html_printf(b, "<p class=\"utrecht-paragraph\">%s %s. %s</p>",
                    _("Alleen in een noodsituatie, als de regisseur niet bereikbaar is: u ziet de casus dan"),
                    duration_text(req),
                    _("Uw naam, de tijd en uw reden worden vastgelegd in het logboek en gemeld aan de regisseur en de "
                      "teamleider."));
        emergency_form(req, k->id, glass_f);
    }
}

static void known_page(http_request *req, int64_t case_id)
{
    case_known k;
    wt_status st = case_known_get(&req->ctx, case_id, &k);
    if (st != WT_OK) {
        req->ctx.need_to_know_case = 0;
        page_error(req, 403, _("U hebt geen toegang tot de inhoud van deze casus."));
        return;
    }
    page_begin(req, arena_printf(req->a, "%s - %s", _("Bekend bij het team"), k.household_name));
    known_body(req, &k, &(case_form){.prefix = "tl-"}, &(case_form){.prefix = "nt-"});
    page_end(req);
    req->status = 403;
}

/* ---- the case page ------------------------------------------------------------------------------------------------- */

void casemember_web_case_banner(http_request *req, const wt_case *c)
{
    if (c->tie != TIE_EMERGENCY || c->coordinator_id == req->ctx.who.user_id)
        return;
    html_printf(&req->out,
                "<div class=\"wt-warning\" role=\"status\"><p class=\"utrecht-paragraph\"><strong>%s</strong> %s %s. %s</p></div>",
                _("U kijkt via noodtoegang,"), _("tot"), when(req, c->emergency_until),
                _("Alles wat u hier ziet en doet wordt met uw reden vastgelegd."));
}

void casemember_web_case_nav(http_request *req, const wt_case *c)
{
    (void)c;
    html_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#h-toegang\">%s</a></li>", _("Toegang"));
}

static void members_block(http_request *req, const wt_case *c, bool manage)
{
    buf *b = &req->out;
    case_member_rec *m = NULL;
    int n = 0;
    if (casemember_list(&req->ctx, c->id, &m, &n) != WT_OK)
        n = 0;
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Wie ziet deze casus"));
    html_printf(b, "<ul class=\"utrecht-unordered-list\"><li>%s (%s)</li>", c->coordinator_name, _("regisseur"));
    int active = 0;
    for (int i = 0; i < n; i++) {
        if (m[i].ended_at)
            continue;
        active++;
        html_printf(b, "<li>%s, %s %s %s %s: %s", m[i].user_name, _("toegevoegd door"), m[i].added_by_name,
                    _("op"), when(req, m[i].added_at), m[i].reason);
        if (manage)
            button_form(req, arena_printf(req->a, "/cases/%lld/members/%lld/end", (long long)c->id, (long long)m[i].id),
                        arena_printf(req->a, "%s %s", _("Lidmaatschap beëindigen van"), m[i].user_name), NULL, NULL);
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>");
    if (active == 0)
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                    _("Er zijn geen teamleden aan de casus toegevoegd; alleen de regisseur ziet de inhoud."));
    if (n > active) {
        html_printf(b, "<details class=\"wt-details\"><summary>%s (%d)</summary><ul class=\"utrecht-unordered-list\">",
                    _("Eerdere leden"), n - active);
        for (int i = 0; i < n; i++)
            if (m[i].ended_at)
                html_printf(b, "<li>%s: %s %s, %s %s %s</li>", m[i].user_name, _("toegevoegd"),
                            when(req, m[i].added_at), _("beëindigd"), when(req, m[i].ended_at),
                            *m[i].ended_by_name ? arena_printf(req->a, "%s %s", _("door"), m[i].ended_by_name) : "");
        html_raw(b, "</ul></details>");
    }
    if (manage) {
        html_printf(b, "<details class=\"wt-details\"><summary>%s</summary>", _("Teamlid toevoegen"));
        member_form(req, c->id, c->team_id, &(case_form){.prefix = "cm-"});
        html_raw(b, "</details>");
    }
}

static void emergencies_block(http_request *req, const wt_case *c)
{
    buf *b = &req->out;
    case_emergency_rec *e = NULL;
    int n = 0;
    if (casemember_emergencies(&req->ctx, c->id, &e, &n) != WT_OK)
        return;
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Noodtoegang"));
    if (n == 0) {
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", _("Niemand heeft noodtoegang gevraagd."));
        return;
    }
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<li><p class=\"utrecht-paragraph\"><strong>%s</strong> %s %s, %s %s%s</p>"
                    "<p class=\"utrecht-paragraph wt-pre\">%s</p></li>",
                    e[i].user_name, _("op"), when(req, e[i].granted_at), _("geldig tot"), when(req, e[i].expires_at),
                    e[i].active ? _(" (nog geldig)") : "", e[i].reason);
    html_raw(b, "</ul>");
}

static void access_log_block(http_request *req, const wt_case *c)
{
    buf *b = &req->out;
    case_access_line *l = NULL;
    int n = 0;
    if (casemember_access_log(&req->ctx, c->id, ACCESS_LOG_LINES, &l, &n) != WT_OK)
        return;
    html_printf(b, "<h3 class=\"utrecht-heading-3\" id=\"h-wie-keek\">%s</h3>", _("Wie keek er"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p>",
                _("Uit het logboek: wie deze casus of dit huishouden bekeek of wijzigde, wanneer, wat en waarom."));
    html_printf(b,
                "<div class=\"wt-table-wrap\"><table class=\"utrecht-table\" aria-labelledby=\"h-wie-keek\">"
                "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>"
                "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th></tr></thead>"
                "<tbody class=\"utrecht-table__body\">",
                _("Wanneer"), _("Wie"), _("Wat"), _("Reden"));
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s (%s)</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td></tr>",
                    when(req, l[i].at), l[i].user_name, role_label(role_from_code(l[i].role)), l[i].what,
                    l[i].reason ? l[i].reason : "");
    html_raw(b, "</tbody></table></div>");
}

void casemember_web_case_section(http_request *req, const wt_case *c)
{
    buf *b = &req->out;
    html_printf(b,
                "<section class=\"wt-section\" aria-labelledby=\"h-toegang\"><h2 class=\"utrecht-heading-2\" id=\"h-toegang\">%s</h2>",
                _("Toegang"));
    /* A closed case is read-only on its page: no forms (the team leader can still add a member from the known page). */
    members_block(req, c, case_is_open(c) && case_access_loaded(&req->ctx, c, PERM_CASE_MEMBERS) == WT_OK);
    if (case_access_loaded(&req->ctx, c, PERM_CASE_ACCESS_LOG) == WT_OK) {
        emergencies_block(req, c);
        access_log_block(req, c);
    }
    html_raw(b, "</section>");
}

/* ---- the start page ------------------------------------------------------------------------------------------------ */

void casemember_web_home_section(http_request *req)
{
    buf *b = &req->out;
    case_emergency_rec *e = NULL;
    int n = 0;
    if (casemember_reports(&req->ctx, &e, &n) != WT_OK || n == 0)
        return;
    html_printf(b,
                "<section class=\"wt-section\" aria-labelledby=\"h-noodtoegang\"><h2 class=\"utrecht-heading-2\" id=\"h-noodtoegang\">%s</h2>",
                _("Noodtoegang tot casussen"));
    html_printf(b, "<p class=\"utrecht-paragraph\">%s</p><ul class=\"wt-timeline\">",
                req->ctx.who.role == ROLE_TEAMLEADER
                    ? _("Teamleden die de afgelopen twee weken noodtoegang namen tot een casus van het team.")
                    : _("Teamleden die de afgelopen twee weken noodtoegang namen tot een casus waarvan u de regisseur bent."));
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<li><p class=\"utrecht-paragraph\"><strong>%s</strong> %s <a class=\"utrecht-link\" href=\"/cases/%lld#h-toegang\">%s</a>"
                    " %s %s.</p><p class=\"utrecht-paragraph wt-pre\">%s</p></li>",
                    e[i].user_name, _("opende"), (long long)e[i].case_id, e[i].household_name, _("op"),
                    when(req, e[i].granted_at), e[i].reason);
    html_raw(b, "</ul></section>");
}

/* ---- posts --------------------------------------------------------------------------------------------------------- */

static int64_t form_int(http_request *req, const char *name)
{
    int64_t v = 0;
    const char *s = req_form(req, name);
    return s && text_parse_int64(s, &v) && v > 0 ? v : 0;
}

/* A form that came back with errors, on its own page (also for a team leader who does not read the case). */
static void form_page(http_request *req, const char *title, const errors *e, bool member)
{
    case_known k;
    if (case_web_failed(req, case_known_get(&req->ctx, req->ids[0], &k), NULL))
        return;
    req->status = 400;
    page_begin(req, title);
    html_printf(&req->out, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/cases/%lld\">%s %s</a></p>",
                (long long)k.id, _("Terug naar de casus van"), k.household_name);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    error_summary(req, e);
    if (member)
        member_form(req, k.id, k.team_id, &(case_form){.e = e, .posted = true});
    else
        emergency_form(req, k.id, &(case_form){.e = e, .posted = true});
    page_end(req);
    req->status = 400;
}

static void post_member(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t id = 0;
    wt_status st = casemember_add(&req->ctx, req->ids[0], form_int(req, "user_id"), req_form(req, "reason"), &e, &id);
    if (st == WT_INVALID) {
        form_page(req, _("Teamlid toevoegen"), &e, true);
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "case_member_added", "h-toegang");
}

static void post_member_end(http_request *req)
{
    if (case_web_failed(req, casemember_end(&req->ctx, req->ids[0], req->ids[1]), NULL))
        return;
    case_web_redirect(req, req->ids[0], "case_member_ended", "h-toegang");
}

static void post_emergency(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t id = 0;
    const char *until = NULL;
    wt_status st = casemember_break_glass(&req->ctx, req->ids[0], req_form(req, "reason"), &e, &id, &until);
    if (st == WT_INVALID) {
        form_page(req, _("Noodtoegang"), &e, false);
        return;
    }
    if (st == WT_CONFLICT) { /* access already: nothing to break */
        resp_redirect(req, arena_printf(req->a, "/cases/%lld", (long long)req->ids[0]));
        return;
    }
    if (case_web_failed(req, st, &e))
        return;
    case_web_redirect(req, req->ids[0], "emergency", NULL);
}

void casemember_web_routes(void)
{
    page_set_need_to_know(known_page);
    router_add("POST", "/cases/{id}/members", post_member, 0);
    router_add("POST", "/cases/{id}/members/{id}/end", post_member_end, 0);
    router_add("POST", "/cases/{id}/emergency-access", post_emergency, 0);
}
