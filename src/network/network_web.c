/*
 * network_web.c - the pages of the neighbourhood network:
 *   /households/{id}/network   eco-map, relations (add, end, remove), members (new resident), needs
 *   /persons/{id}/offers       what a resident offers, and how much he carries
 *   /persons/{id}/needs        what a resident needs
 *   /persons/{id}/network      everything recorded about a resident, and its removal
 *   /needs/{id}/proposals      who to ask, and why; the contacts recorded and their follow-up
 *   /actions/{id}/need         a plan action in the network or volunteer layer becomes a need
 *   /network                   the figures of the team's social fabric, connectors and helpers
 *   /frontdoor/{id}/offer      a front-door offer to help becomes an offer in the network (volunteers)
 * Every page asks the rules (network.h), which check access and log the reads.
 */
#include "../core/i18n.h"
#include "../core/text.h"
#include "../frontdoor/frontdoor.h"
#include "../household/household.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "network_web.h"
#include "../frontdoor/frontdoor.h"

#include <string.h>

/* ---- small helpers --------------------------------------------------------------------------------------------- */

static void fail(http_request *req, wt_status st)
{
    switch (st) {
    case WT_FORBIDDEN:
        page_error(req, 403, _("Het netwerk van bewoners is alleen zichtbaar voor de medewerkers van hun team."));
        break;
    case WT_NOTFOUND:
        page_error(req, 404, _("Dit gegeven bestaat niet of hoort niet bij uw team."));
        break;
    case WT_CONFLICT:
        page_error(req, 409, _("Dit botst met wat al is vastgelegd."));
        break;
    default:
        page_error(req, 503, _("Het netwerk is nu niet beschikbaar; probeer het zo opnieuw."));
        break;
    }
}

static int64_t form_int(http_request *req, const char *name)
{
    int64_t v = 0;
    const char *s = req_form(req, name);
    return s && text_parse_int64(s, &v) && v > 0 ? v : 0;
}

static option *code_options(arena *a, const net_code *table, const char *empty_label, int *n)
{
    int count = 0;
    while (table[count].code)
        count++;
    option *o = arena_alloc(a, sizeof(option) * (size_t)(count + 1));
    *n = 0;
    if (empty_label)
        o[(*n)++] = (option){"", empty_label};
    for (int i = 0; i < count; i++)
        o[(*n)++] = (option){table[i].code, _(table[i].label)};
    return o;
}

static void codes_select(http_request *req, const char *name, const char *label, const net_code *table,
                         const char *value, const errors *e, const char *empty_label)
{
    int n = 0;
    option *o = code_options(req->a, table, empty_label, &n);
    field_select(req, &(field){.name = name, .label = label, .value = value, .error = errors_get(e, name), .required = true},
                 o, n);
}

static void table_begin(http_request *req, const char *caption, const char *const *cols)
{
    buf *b = &req->out;
    html_printf(b, "<div class=\"wt-table-wrap\"><table class=\"utrecht-table\"><caption class=\"wt-visually-hidden\">%s</caption>"
                   "<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">", caption);
    for (int i = 0; cols[i]; i++)
        html_printf(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">%s</th>", cols[i]);
    html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
}

static void table_end(http_request *req)
{
    html_raw(&req->out, "</tbody></table></div>");
}

static void section(http_request *req, const char *id, const char *title)
{
    html_printf(&req->out,
                "<section class=\"wt-section\" aria-labelledby=\"h-%s\"><h2 class=\"utrecht-heading-2\" id=\"h-%s\">%s</h2>",
                id, id, title);
}

static void section_end(http_request *req)
{
    html_raw(&req->out, "</section>");
}

static void para(http_request *req, const char *text)
{
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>", text);
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "-";
}

static const char *strength_label(int s)
{
    return s == 1 ? _("zwak") : s == 3 ? _("sterk") : _("gewoon");
}

static const option strength_options[] = {{"2", N_("gewoon")}, {"1", N_("zwak")}, {"3", N_("sterk")}};

/* ---- the household's network ----------------------------------------------------------------------------------- */

static void relations_table(http_request *req, int64_t household_id, const net_relation *r, int n)
{
    buf *b = &req->out;
    static const char *const cols[] = {N_("Wie"), N_("Relatie"), N_("Met wie"), N_("Sterkte"), N_("Sinds"),
                                       N_("Bron en grondslag"), N_("Vastgelegd"), N_("Acties"), NULL};
    const char *tr[9];
    for (int i = 0; cols[i]; i++)
        tr[i] = _(cols[i]);
    tr[8] = NULL;
    table_begin(req, _("Relaties van de leden van het huishouden"), tr);
    for (int i = 0; i < n; i++) {
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%s%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s; %s%s%s</td><td class=\"utrecht-table__cell\">%s, %s</td>"
                    "<td class=\"utrecht-table__cell\">",
                    r[i].name_a, network_label(network_kinds, r[i].kind),
                    r[i].ended_on ? arena_printf(req->a, _(" (beëindigd op %s)"), r[i].ended_on) : "", r[i].name_b,
                    strength_label(r[i].strength), or_dash(r[i].since), network_label(network_sources, r[i].source),
                    network_label(network_grounds, r[i].legal_ground), r[i].ground_note ? ": " : "",
                    r[i].ground_note ? r[i].ground_note : "", r[i].recorded_by_name, date_display(req->a, r[i].recorded_at));
        const char *hh = arena_printf(req->a, "%lld", (long long)household_id);
        if (!r[i].ended_on)
            button_form(req, arena_printf(req->a, "/relations/%lld/end", (long long)r[i].id), _("Beëindigen"),
                        "household_id", hh);
        button_form(req, arena_printf(req->a, "/relations/%lld/remove", (long long)r[i].id), _("Verwijderen"),
                    "household_id", hh);
        html_raw(b, "</td></tr>");
    }
    table_end(req);
}

static void members_table(http_request *req, const household *h)
{
    buf *b = &req->out;
    const char *cols[] = {_("Bewoner"), _("Nieuw in de buurt"), _("Aanbod, vragen en gegevens"), NULL};
    table_begin(req, _("Leden van het huishouden"), cols);
    for (int i = 0; i < h->n_members; i++) {
        const person *p = &h->members[i];
        long long id = (long long)p->id;
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%s ",
                    person_full_name(req->a, p), p->is_new_resident ? _("ja, nieuw") : _("nee"));
        button_form(req, arena_printf(req->a, "/persons/%lld/new-resident", id),
                    p->is_new_resident ? _("Niet meer nieuw") : _("Markeer als nieuw"), "is_new",
                    p->is_new_resident ? "0" : "1");
        html_printf(b,
                    "</td><td class=\"utrecht-table__cell\"><a class=\"utrecht-link\" href=\"/persons/%lld/offers\">%s</a> | "
                    "<a class=\"utrecht-link\" href=\"/persons/%lld/needs\">%s</a> | "
                    "<a class=\"utrecht-link\" href=\"/persons/%lld/network\">%s</a></td></tr>",
                    id, _("Aanbod"), id, _("Hulpvragen"), id, _("Alles wat is vastgelegd"));
    }
    table_end(req);
}

static void relation_form(http_request *req, const household *h, const errors *e)
{
    buf *b = &req->out;
    const char *q = req_query(req, "q") ? req_query(req, "q") : req_form(req, "q");
    errors se;
    errors_init(&se, req->a);
    net_person_hit *hits = NULL;
    int nh = 0;
    wt_status st = WT_OK;
    if (q)
        st = network_person_search(&req->ctx, q, &se, &hits, &nh);
    form_begin_get(req, arena_printf(req->a, "/households/%lld/network", (long long)h->id), "wt-form--inline");
    field_text(req, &(field){.name = "q", .label = _("Zoek de andere bewoner op naam"), .value = q, .type = "search",
                             .error = errors_get(&se, "q"), .maxlength = 100, .required = true,
                             .hint = _("Voornaam of achternaam, binnen de huishoudens van uw team.")});
    form_button(req, _("Zoeken"), false);
    form_end(req);
    if (st != WT_OK && st != WT_INVALID) {
        para(req, _("Zoeken lukt nu niet; probeer het zo opnieuw."));
        return;
    }
    if (!q || se.count)
        return;
    if (nh == 0) {
        para(req, _("Geen bewoner gevonden met die naam in uw team."));
        return;
    }
    form_begin(req, arena_printf(req->a, "/households/%lld/relations", (long long)h->id), NULL);
    html_printf(b, "<input type=\"hidden\" name=\"q\" value=\"%s\">", q);
    int64_t chosen = form_int(req, "other_person_id");
    const char *err = errors_get(e, "other_person_id");
    html_printf(b, "<fieldset class=\"utrecht-form-fieldset\"%s><legend class=\"utrecht-form-fieldset__legend\">%s</legend>",
                err ? " aria-describedby=\"f-other_person_id-error\"" : "", _("Met wie"));
    if (err)
        html_printf(b, "<div class=\"utrecht-form-field-error-message\" id=\"f-other_person_id-error\">%s</div>", err);
    for (int i = 0; i < nh; i++) {
        const char *id = i == 0 ? "f-other_person_id" : arena_printf(req->a, "f-other_person_id-%d", i);
        html_printf(b,
                    "<div class=\"utrecht-form-field utrecht-form-field--radio\"><input class=\"utrecht-radio-button\" type=\"radio\""
                    " name=\"other_person_id\" id=\"%s\" value=\"%lld\"%s> <label class=\"utrecht-form-label\" for=\"%s\">%s"
                    " (%s, %s)</label></div>",
                    id, (long long)hits[i].id, chosen == hits[i].id || nh == 1 ? " checked" : "", id, hits[i].name,
                    or_dash(hits[i].birth_date), or_dash(hits[i].address));
    }
    html_raw(b, "</fieldset>");
    option *members = arena_alloc(req->a, sizeof(option) * (size_t)(h->n_members + 1));
    for (int i = 0; i < h->n_members; i++)
        members[i] = (option){arena_printf(req->a, "%lld", (long long)h->members[i].id), person_full_name(req->a, &h->members[i])};
    field_select(req, &(field){.name = "person_id", .label = _("Wie uit dit huishouden"), .value = req_form(req, "person_id"),
                               .error = errors_get(e, "person_id"), .required = true},
                 members, h->n_members);
    codes_select(req, "kind", _("Soort relatie (wie is wat van de ander)"), network_kinds, req_form(req, "kind"), e, NULL);
    option so[3];
    for (int i = 0; i < 3; i++)
        so[i] = (option){strength_options[i].value, _(strength_options[i].label)};
    field_select(req, &(field){.name = "strength", .label = _("Sterkte"), .value = req_form(req, "strength"),
                               .error = errors_get(e, "strength"), .required = true},
                 so, 3);
    field_text(req, &(field){.name = "since", .label = _("Sinds"), .type = "date", .value = req_form(req, "since"),
                             .error = errors_get(e, "since"), .hint = _("JJJJ-MM-DD")});
    codes_select(req, "source", _("Bron: wie vertelde of zag het"), network_sources, req_form(req, "source"), e, _("Kies"));
    codes_select(req, "legal_ground", _("Grondslag"), network_grounds, req_form(req, "legal_ground"), e, _("Kies"));
    field_text(req, &(field){.name = "ground_note", .label = _("Toelichting op de grondslag"),
                             .value = req_form(req, "ground_note"), .error = errors_get(e, "ground_note"), .maxlength = 200,
                             .hint = _("Bijvoorbeeld: mondeling toestemming gegeven bij het huisbezoek.")});
    field_textarea(req, &(field){.name = "note", .label = _("Notitie"), .value = req_form(req, "note"),
                                 .error = errors_get(e, "note"), .maxlength = 4000}, 3);
    form_button(req, _("Relatie vastleggen"), true);
    form_end(req);
}

static void needs_table(http_request *req, const net_need *nd, int n)
{
    buf *b = &req->out;
    const char *cols[] = {_("Hulpvraag"), _("Voor"), _("Vaardigheid"), _("Status"), _("Wie kan helpen"), NULL};
    table_begin(req, _("Hulpvragen aan de buurt"), cols);
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                    "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">"
                    "<a class=\"utrecht-link\" href=\"/needs/%lld/proposals\">%s<span class=\"wt-visually-hidden\">: %s</span></a></td></tr>",
                    nd[i].body, nd[i].person_name ? nd[i].person_name : nd[i].household_name,
                    network_label(network_skills, nd[i].skill), network_label(network_need_statuses, nd[i].status),
                    (long long)nd[i].id, _("Voorstellen en contacten"), nd[i].body);
    table_end(req);
}

static void need_form(http_request *req, const char *action, const household *h, const errors *e)
{
    form_begin(req, action, NULL);
    if (h) {
        option *o = arena_alloc(req->a, sizeof(option) * (size_t)(h->n_members + 2));
        o[0] = (option){"", _("het huishouden als geheel")};
        for (int i = 0; i < h->n_members; i++)
            o[i + 1] = (option){arena_printf(req->a, "%lld", (long long)h->members[i].id), person_full_name(req->a, &h->members[i])};
        field_select(req, &(field){.name = "person_id", .label = _("Voor wie"), .value = req_form(req, "person_id"),
                                   .error = errors_get(e, "person_id")},
                     o, h->n_members + 1);
    }
    codes_select(req, "skill", _("Welke hulp is nodig"), network_skills, req_form(req, "skill"), e, _("Kies"));
    field_text(req, &(field){.name = "body", .label = _("Wat is er nodig"), .value = req_form(req, "body"),
                             .error = errors_get(e, "body"), .required = true, .maxlength = 200,
                             .hint = _("Bijvoorbeeld: hulp bij de post en de rekeningen, een uur per week.")});
    field_text(req, &(field){.name = "question_id", .label = _("Nummer van de vraag bij de voordeur"), .type = "number",
                             .value = req_form(req, "question_id"), .error = errors_get(e, "question_id")});
    form_button(req, _("Hulpvraag vastleggen"), true);
    form_end(req);
}

static void household_page(http_request *req, int64_t id, const errors *e)
{
    household h;
    wt_status st = household_get(&req->ctx, id, &h);
    net_relation *rels = NULL;
    int nr = 0;
    bool ended = req_query(req, "beeindigd") != NULL;
    if (st == WT_OK)
        st = network_relations_of_household(&req->ctx, id, ended, &rels, &nr);
    net_need *needs = NULL;
    int nn = 0;
    if (st == WT_OK)
        st = network_needs_of_household(&req->ctx, id, &needs, &nn);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    buf *b = &req->out;
    page_begin(req, arena_printf(req->a, _("Netwerk van %s"), h.name));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", arena_printf(req->a, _("Netwerk van %s"), h.name));
    error_summary(req, e);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld\">%s</a> | %s</p>",
                (long long)id, _("Naar het huishouden"), h.addr.id ? address_format(req->a, &h.addr) : _("geen adres"));
    para(req, _("Deze gegevens gaan over mensen die vaak geen cliënt zijn. Alleen uw team ziet ze; elke inzage wordt vastgelegd."));

    section(req, "ecogram", _("Ecogram"));
    int64_t *mids = arena_alloc(req->a, sizeof(int64_t) * (size_t)(h.n_members + 1));
    for (int i = 0; i < h.n_members; i++)
        mids[i] = h.members[i].id;
    html_raw(b, "<figure class=\"wt-ecomap\">");
    network_svg_ecomap(b, req->a, h.name, mids, h.n_members, rels, nr);
    html_printf(b, "<figcaption>%s</figcaption></figure>", _("Het ecogram toont de huidige relaties; de tabel hieronder is de tekstversie."));
    section_end(req);

    section(req, "relaties", _("Relaties"));
    if (nr == 0)
        para(req, _("Er zijn nog geen relaties vastgelegd."));
    else
        relations_table(req, id, rels, nr);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld/network%s\">%s</a></p>",
                (long long)id, ended ? "" : "?beeindigd=1", ended ? _("Alleen huidige relaties") : _("Ook beëindigde relaties tonen"));
    section_end(req);

    section(req, "bewoners", _("Bewoners van dit huishouden"));
    members_table(req, &h);
    section_end(req);

    html_raw(b, "<section class=\"wt-section\" aria-labelledby=\"h-relatie-toevoegen\" id=\"relatie-toevoegen\">");
    html_printf(b, "<h2 class=\"utrecht-heading-2\" id=\"h-relatie-toevoegen\">%s</h2>", _("Relatie vastleggen"));
    relation_form(req, &h, e);
    section_end(req);

    section(req, "hulpvragen", _("Hulpvragen aan de buurt"));
    if (nn == 0)
        para(req, _("Er zijn geen hulpvragen aan de buurt."));
    else
        needs_table(req, needs, nn);
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Nieuwe hulpvraag"));
    need_form(req, arena_printf(req->a, "/households/%lld/needs", (long long)id), &h, e);
    section_end(req);
    page_end(req);
}

static void get_household_network(http_request *req)
{
    errors none;
    errors_init(&none, req->a);
    household_page(req, req->ids[0], &none);
}

static void post_household_relation(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t strength = 0;
    const char *s = req_form(req, "strength");
    if (s && *s && (!text_parse_int64(s, &strength) || strength < 1 || strength > 3))
        strength = -1;
    relation_input in = {form_int(req, "person_id"), form_int(req, "other_person_id"), req_form(req, "kind"), (int)strength,
                         req_form(req, "since"), req_form(req, "source"), req_form(req, "legal_ground"),
                         req_form(req, "ground_note"), req_form(req, "note")};
    /* The member must belong to the household of this page. */
    household h;
    wt_status st = household_get(&req->ctx, req->ids[0], &h);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    bool member = false;
    for (int i = 0; i < h.n_members; i++)
        member = member || h.members[i].id == in.person_id;
    if (!member)
        errors_add(&e, "person_id", _("Kies wie uit dit huishouden de relatie heeft."));
    int64_t id = 0;
    st = e.count ? WT_INVALID : network_relation_add(&req->ctx, &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        household_page(req, req->ids[0], &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld/network", (long long)req->ids[0]), "created");
}

static const char *back_to_household(http_request *req)
{
    int64_t hh = form_int(req, "household_id");
    return hh ? arena_printf(req->a, "/households/%lld/network", (long long)hh) : "/network";
}

static void post_relation_end(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = network_relation_end(&req->ctx, req->ids[0], req_form(req, "ended_on"), &e);
    if (st == WT_INVALID) {
        page_error(req, 400, e.head ? e.head->message : _("Controleer de invoer."));
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, back_to_household(req), "saved");
}

static void post_relation_remove(http_request *req)
{
    wt_status st = network_relation_remove(&req->ctx, req->ids[0]);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, back_to_household(req), "saved");
}

static void post_new_resident(http_request *req)
{
    const char *v = req_form(req, "is_new");
    int64_t hh = 0;
    wt_status st = network_person_access(&req->ctx, true, req->ids[0], &hh, NULL);
    if (st == WT_OK)
        st = network_set_new_resident(&req->ctx, req->ids[0], v && strcmp(v, "1") == 0);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld/network", (long long)hh), "saved");
}

static need_input need_from_form(http_request *req, int64_t household_id, int64_t person_id)
{
    int64_t q = 0;
    const char *qs = req_form(req, "question_id");
    need_input in = {household_id, person_id ? person_id : form_int(req, "person_id"), req_form(req, "skill"),
                     req_form(req, "body"), 0};
    if (qs && *qs && (!text_parse_int64(qs, &q) || q <= 0))
        q = -1;
    in.question_id = q;
    return in;
}

static void person_page(http_request *req, int64_t person_id, const errors *e);

static void post_need(http_request *req, int64_t household_id, int64_t person_id)
{
    errors e;
    errors_init(&e, req->a);
    need_input in = need_from_form(req, household_id, person_id);
    int64_t id = 0;
    wt_status st;
    if (in.question_id < 0) {
        errors_add(&e, "question_id", _("Het nummer van de vraag is een heel getal."));
        st = WT_INVALID;
    } else {
        st = network_need_add(&req->ctx, &in, &e, &id);
    }
    if (st == WT_INVALID) {
        req->status = 400;
        if (person_id)
            person_page(req, person_id, &e);
        else
            household_page(req, household_id, &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/needs/%lld/proposals", (long long)id), "created");
}

static void post_household_need(http_request *req)
{
    post_need(req, req->ids[0], 0);
}

/* ---- one person: offers, load, needs --------------------------------------------------------------------------- */

static void offers_block(http_request *req, int64_t person_id, const net_offer *o, int n, const net_load *load,
                         const errors *e)
{
    buf *b = &req->out;
    section(req, "aanbod", _("Aanbod"));
    if (n == 0)
        para(req, _("Er is geen aanbod vastgelegd."));
    else {
        const char *cols[] = {_("Vaardigheid"), _("Uren per week"), _("Notitie"), _("Vastgelegd door"), _("Actief"),
                              _("Acties"), NULL};
        table_begin(req, _("Aanbod van deze bewoner"), cols);
        for (int i = 0; i < n; i++) {
            html_printf(b,
                        "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                        "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td>"
                        "<td class=\"utrecht-table__cell\">%s (%s)</td>"
                        "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">",
                        network_label(network_skills, o[i].skill),
                        o[i].hours_per_week >= 0 ? arena_printf(req->a, "%d", o[i].hours_per_week) : "-", or_dash(o[i].note),
                        network_label(network_offer_sources, o[i].source ? o[i].source : "worker"),
                        network_label(network_grounds, o[i].legal_ground), o[i].active ? _("ja") : _("nee"));
            button_form(req, arena_printf(req->a, "/offers/%lld/active", (long long)o[i].id),
                        o[i].active ? _("Pauzeren") : _("Weer actief"), "active", o[i].active ? "0" : "1");
            button_form(req, arena_printf(req->a, "/offers/%lld/remove", (long long)o[i].id), _("Verwijderen"), NULL, NULL);
            html_raw(b, "</td></tr>");
        }
        table_end(req);
    }
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Nieuw aanbod"));
    form_begin(req, arena_printf(req->a, "/persons/%lld/offers", (long long)person_id), NULL);
    codes_select(req, "skill", _("Vaardigheid"), network_skills, req_form(req, "skill"), e, _("Kies"));
    field_text(req, &(field){.name = "hours_per_week", .label = _("Uren per week"), .type = "number",
                             .value = req_form(req, "hours_per_week"), .error = errors_get(e, "hours_per_week")});
    field_text(req, &(field){.name = "note", .label = _("Notitie"), .value = req_form(req, "note"),
                             .error = errors_get(e, "note"), .maxlength = 200});
    codes_select(req, "legal_ground", _("Grondslag"), network_grounds, req_form(req, "legal_ground"), e, NULL);
    form_button(req, _("Aanbod vastleggen"), true);
    form_end(req);
    section_end(req);

    section(req, "belasting", _("Belasting"));
    html_printf(b,
                "<dl class=\"wt-facts\"><dt>%s</dt><dd>%d</dd><dt>%s</dt><dd>%d</dd><dt>%s</dt><dd>%d</dd><dt>%s</dt><dd>%s</dd></dl>",
                _("Lopende koppelingen"), load->active_matches, _("Zorgt voor (mantelzorg, vrijwilligerswerk)"),
                load->cares_for, _("Kan tegelijk aan"), load->capacity, _("Aan zijn grens"),
                load->at_limit ? _("ja: wordt niet voorgesteld") : _("nee"));
    form_begin(req, arena_printf(req->a, "/persons/%lld/load", (long long)person_id), NULL);
    field_text(req, &(field){.name = "capacity", .label = _("Hoeveel hulpvragen tegelijk"), .type = "number",
                             .value = req_form(req, "capacity") ? req_form(req, "capacity")
                                                                : arena_printf(req->a, "%d", load->capacity),
                             .error = errors_get(e, "capacity"), .required = true});
    field_checkbox(req, "carries_much", _("Draagt al veel (niet voorstellen)"), load->carries_much);
    form_button(req, _("Belasting opslaan"), false);
    form_end(req);
    section_end(req);
}

static void person_page(http_request *req, int64_t person_id, const errors *e)
{
    int64_t hh = 0;
    const char *name = NULL;
    net_offer *offers = NULL;
    int no = 0;
    net_load load;
    net_need *needs = NULL;
    int nn = 0;
    wt_status st = network_person_access(&req->ctx, false, person_id, &hh, &name);
    if (st == WT_OK)
        st = network_offers_of_person(&req->ctx, person_id, &offers, &no, &load);
    if (st == WT_OK)
        st = network_needs_of_person(&req->ctx, person_id, &needs, &nn);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    buf *b = &req->out;
    page_begin(req, arena_printf(req->a, _("Aanbod en hulpvragen van %s"), name));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", arena_printf(req->a, _("Aanbod en hulpvragen van %s"), name));
    error_summary(req, e);
    html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/households/%lld/network\">%s</a></p>",
                (long long)hh, _("Naar het netwerk van het huishouden"));
    offers_block(req, person_id, offers, no, &load, e);
    section(req, "hulpvragen", _("Hulpvragen"));
    if (nn == 0)
        para(req, _("Er zijn geen hulpvragen van deze bewoner."));
    else
        needs_table(req, needs, nn);
    html_printf(b, "<h3 class=\"utrecht-heading-3\">%s</h3>", _("Nieuwe hulpvraag"));
    need_form(req, arena_printf(req->a, "/persons/%lld/needs", (long long)person_id), NULL, e);
    section_end(req);
    page_end(req);
}

static void get_person_offers(http_request *req)
{
    errors none;
    errors_init(&none, req->a);
    person_page(req, req->ids[0], &none);
}

static void post_person_offer(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    offer_input in = {req_form(req, "skill"), req_form(req, "hours_per_week"), req_form(req, "note"),
                      req_form(req, "legal_ground"), NULL};
    int64_t id = 0;
    wt_status st = network_offer_add(&req->ctx, req->ids[0], &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        person_page(req, req->ids[0], &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/persons/%lld/offers", (long long)req->ids[0]), "created");
}

static void post_person_load(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = network_load_set(&req->ctx, req->ids[0], req_form(req, "capacity"), req_form(req, "carries_much") != NULL, &e);
    if (st == WT_INVALID) {
        req->status = 400;
        person_page(req, req->ids[0], &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/persons/%lld/offers", (long long)req->ids[0]), "saved");
}

static void post_offer_active(http_request *req)
{
    const char *v = req_form(req, "active");
    int64_t person_id = 0;
    wt_status st = network_offer_set_active(&req->ctx, req->ids[0], v && strcmp(v, "1") == 0, &person_id);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/persons/%lld/offers", (long long)person_id), "saved");
}

static void post_offer_remove(http_request *req)
{
    int64_t person_id = 0;
    wt_status st = network_offer_remove(&req->ctx, req->ids[0], &person_id);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/persons/%lld/offers", (long long)person_id), "saved");
}

static void post_person_need(http_request *req)
{
    post_need(req, 0, req->ids[0]);
}

/* ---- everything about one resident ----------------------------------------------------------------------------- */

static void get_person_network(http_request *req)
{
    net_person_data d;
    wt_status st = network_person_data(&req->ctx, req->ids[0], &d);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    buf *b = &req->out;
    const char *title = arena_printf(req->a, _("Wat over %s is vastgelegd in het netwerk"), d.name);
    page_begin(req, title);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    para(req, _("Dit overzicht is er voor de bewoner die wil weten wat over hem is vastgelegd (inzage), en om het te laten verwijderen."));
    section(req, "relaties", _("Relaties"));
    if (d.n_relations == 0)
        para(req, _("Geen relaties."));
    else
        relations_table(req, d.household_id, d.relations, d.n_relations);
    section_end(req);
    section(req, "aanbod", _("Aanbod"));
    if (d.n_offers == 0)
        para(req, _("Geen aanbod."));
    for (int i = 0; i < d.n_offers; i++)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s (%s), %s: %s</p>", network_label(network_skills, d.offers[i].skill),
                    d.offers[i].active ? _("actief") : _("gepauzeerd"), _("grondslag"),
                    network_label(network_grounds, d.offers[i].legal_ground));
    section_end(req);
    section(req, "vragen", _("Hulpvragen"));
    if (d.n_needs == 0)
        para(req, _("Geen hulpvragen."));
    else
        needs_table(req, d.needs, d.n_needs);
    section_end(req);
    section(req, "gevraagd", _("Gevraagd om te helpen"));
    if (d.n_matches == 0)
        para(req, _("Nooit gevraagd."));
    for (int i = 0; i < d.n_matches; i++)
        html_printf(b, "<p class=\"utrecht-paragraph\">%s: %s (%s)</p>", d.matches[i].household_name, d.matches[i].need_body,
                    network_label(network_match_statuses, d.matches[i].status));
    section_end(req);
    section(req, "verwijderen", _("Verwijderen"));
    para(req, _("Op verzoek van de bewoner: verwijder alle relaties, aanbod, hulpvragen en koppelingen van deze bewoner. Het logboek houdt bij dat dit is gebeurd."));
    button_form(req, arena_printf(req->a, "/persons/%lld/network/remove", (long long)d.person_id),
                _("Alles over deze bewoner uit het netwerk verwijderen"), NULL, NULL);
    section_end(req);
    page_end(req);
}

static void post_person_network_remove(http_request *req)
{
    int64_t hh = 0;
    wt_status st = network_person_access(&req->ctx, true, req->ids[0], &hh, NULL);
    if (st == WT_OK)
        st = network_person_data_remove(&req->ctx, req->ids[0]);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld/network", (long long)hh), "saved");
}

/* ---- a need: proposals and matches ----------------------------------------------------------------------------- */

static void proposals_block(http_request *req, int64_t need_id, const net_candidate *c, int n, int ex_conflict, int ex_limit)
{
    buf *b = &req->out;
    section(req, "voorstellen", _("Wie kunt u vragen?"));
    if (n == 0)
        para(req, _("Er is nu niemand in uw team met deze vaardigheid die gevraagd kan worden."));
    else {
        const char *cols[] = {_("Bewoner"), _("Waarom"), _("Vastleggen"), NULL};
        table_begin(req, _("Voorstellen, de beste eerst"), cols);
        for (int i = 0; i < n; i++) {
            html_printf(b,
                        "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                        "<td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">",
                        c[i].name, c[i].reasons);
            html_printf(b,
                        "<form method=\"post\" action=\"/needs/%lld/matches\" class=\"wt-inline-form\">"
                        "<input type=\"hidden\" name=\"_csrf\" value=\"%s\"><input type=\"hidden\" name=\"offerer_id\" value=\"%lld\">"
                        "<input type=\"hidden\" name=\"status\" value=\"asked\"><input type=\"hidden\" name=\"reasons\" value=\"%s\">"
                        "<button type=\"submit\" class=\"utrecht-button utrecht-button--secondary-action\">%s"
                        "<span class=\"wt-visually-hidden\"> %s</span></button></form>",
                        (long long)need_id, req->session.csrf ? req->session.csrf : "", (long long)c[i].person_id,
                        c[i].reasons, _("Gevraagd"), c[i].name);
            html_raw(b, "</td></tr>");
        }
        table_end(req);
    }
    if (ex_conflict || ex_limit)
        para(req, arena_printf(req->a, _("Niet voorgesteld: %d wegens een conflict met het huishouden, %d omdat ze aan hun grens zitten."),
                               ex_conflict, ex_limit));
    section_end(req);
}

static void matches_block(http_request *req, const net_match *m, int n, const errors *e)
{
    buf *b = &req->out;
    section(req, "contacten", _("Gevraagd en resultaat"));
    if (n == 0)
        para(req, _("Nog niemand gevraagd."));
    for (int i = 0; i < n; i++) {
        html_printf(b, "<div class=\"wt-card\" id=\"match-%lld\"><h3 class=\"utrecht-heading-3\">%s: %s</h3>",
                    (long long)m[i].id, m[i].offerer_name, network_label(network_match_statuses, m[i].status));
        html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>", or_dash(m[i].reasons));
        html_printf(b, "<p class=\"utrecht-paragraph\">%s %s. %s %s</p>", _("Opvolgen op"), or_dash(m[i].follow_up_on),
                    _("Vastgelegd door"), m[i].recorded_by_name);
        form_begin(req, arena_printf(req->a, "/matches/%lld", (long long)m[i].id), NULL);
        int no = 0;
        option *o = code_options(req->a, network_match_statuses, NULL, &no);
        const char *sid = arena_printf(req->a, "status-%lld", (long long)m[i].id);
        field_select(req, &(field){.name = "status", .id = sid, .label = _("Status"), .value = m[i].status,
                                   .error = errors_get(e, "status"), .required = true}, o, no);
        field_text(req, &(field){.name = "follow_up_on", .id = arena_printf(req->a, "fu-%lld", (long long)m[i].id),
                                 .label = _("Opvolgen op"), .type = "date", .value = m[i].follow_up_on,
                                 .error = errors_get(e, "follow_up_on")});
        field_textarea(req, &(field){.name = "note", .id = arena_printf(req->a, "note-%lld", (long long)m[i].id),
                                     .label = _("Wat kwam eruit"), .value = m[i].note, .maxlength = 4000}, 2);
        form_button(req, _("Bijwerken"), false);
        form_end(req);
        html_raw(b, "</div>");
    }
    section_end(req);
}

static void need_page(http_request *req, int64_t need_id, const errors *e)
{
    net_need need;
    net_candidate *c = NULL;
    int nc = 0, exc = 0, exl = 0;
    wt_status st = network_proposals(&req->ctx, need_id, &need, &c, &nc, &exc, &exl);
    net_match *m = NULL;
    int nm = 0;
    if (st == WT_OK)
        st = network_matches_of_need(&req->ctx, need_id, &m, &nm);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    buf *b = &req->out;
    const char *title = arena_printf(req->a, _("Hulpvraag: %s"), need.body);
    page_begin(req, title);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    error_summary(req, e);
    html_printf(b,
                "<dl class=\"wt-facts\"><dt>%s</dt><dd><a class=\"utrecht-link\" href=\"/households/%lld/network\">%s</a></dd>"
                "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>",
                _("Voor"), (long long)need.household_id, need.person_name ? need.person_name : need.household_name,
                _("Vaardigheid"), network_label(network_skills, need.skill), _("Status"),
                network_label(network_need_statuses, need.status), _("Herkomst"),
                strcmp(need.source, "action") == 0 ? _("actie uit het plan")
                : strcmp(need.source, "question") == 0 ? _("vraag bij de voordeur") : _("medewerker"));
    proposals_block(req, need_id, c, nc, exc, exl);
    matches_block(req, m, nm, e);
    section(req, "status", _("Hulpvraag afronden"));
    form_begin(req, arena_printf(req->a, "/needs/%lld/status", (long long)need_id), "wt-form--inline");
    int no = 0;
    option *o = code_options(req->a, network_need_statuses, NULL, &no);
    field_select(req, &(field){.name = "status", .id = "need-status", .label = _("Status van de hulpvraag"), .value = need.status,
                               .required = true}, o, no);
    form_button(req, _("Opslaan"), false);
    form_end(req);
    button_form(req, arena_printf(req->a, "/needs/%lld/remove", (long long)need_id), _("Hulpvraag verwijderen"), NULL, NULL);
    section_end(req);
    page_end(req);
}

static void get_need_proposals(http_request *req)
{
    errors none;
    errors_init(&none, req->a);
    need_page(req, req->ids[0], &none);
}

static void post_need_match(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    match_input in = {form_int(req, "offerer_id"), req_form(req, "status"), req_form(req, "reasons"), req_form(req, "note"),
                      req_form(req, "follow_up_on")};
    int64_t id = 0;
    wt_status st = network_match_add(&req->ctx, req->ids[0], &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        need_page(req, req->ids[0], &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/needs/%lld/proposals", (long long)req->ids[0]), "created");
}

static void post_match(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    match_input in = {0, req_form(req, "status"), NULL, req_form(req, "note") ? req_form(req, "note") : "",
                      req_form(req, "follow_up_on")};
    int64_t need_id = 0;
    wt_status st = network_match_update(&req->ctx, req->ids[0], &in, &e, &need_id);
    if (st == WT_INVALID && need_id) {
        req->status = 400;
        need_page(req, need_id, &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st == WT_INVALID ? WT_NOTFOUND : st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/needs/%lld/proposals", (long long)need_id), "saved");
}

static void post_need_status(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    wt_status st = network_need_set_status(&req->ctx, req->ids[0], req_form(req, "status"), &e);
    if (st == WT_INVALID) {
        req->status = 400;
        need_page(req, req->ids[0], &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/needs/%lld/proposals", (long long)req->ids[0]), "saved");
}

static void post_need_remove(http_request *req)
{
    int64_t hh = 0;
    wt_status st = network_need_remove(&req->ctx, req->ids[0], &hh);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/households/%lld/network", (long long)hh), "saved");
}

static void post_action_need(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    int64_t id = 0;
    wt_status st = network_need_from_action(&req->ctx, req->ids[0], req_form(req, "skill"), &e, &id);
    if (st == WT_INVALID) {
        page_error(req, 400, e.head ? e.head->message : _("Controleer de invoer."));
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/needs/%lld/proposals", (long long)id), "created");
}

/* ---- the team's figures ---------------------------------------------------------------------------------------- */

static void figure_row(http_request *req, const char *label, int now, int before, bool has_before)
{
    html_printf(&req->out, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">%s</th>"
                           "<td class=\"utrecht-table__cell\">%d</td>", label, now);
    if (has_before)
        html_printf(&req->out, "<td class=\"utrecht-table__cell\">%d</td><td class=\"utrecht-table__cell\">%+d</td>", before,
                    now - before);
    html_raw(&req->out, "</tr>");
}

static void figures_table(http_request *req, const net_figures *f)
{
    bool hb = f->compare_on != NULL;
    const char *cols_b[] = {_("Kengetal"), _("Nu"), hb ? f->compare_on : NULL, _("Verschil"), NULL};
    const char *cols[] = {_("Kengetal"), _("Nu"), NULL};
    table_begin(req, _("Kengetallen van het sociale weefsel"), hb ? cols_b : cols);
    figure_row(req, _("Bewoners"), f->now.residents, f->before.residents, hb);
    figure_row(req, _("Relaties (zonder conflicten)"), f->now.relations, f->before.relations, hb);
    figure_row(req, _("Conflicten"), f->now.conflicts, f->before.conflicts, hb);
    figure_row(req, _("Bewoners zonder enige relatie"), f->now.isolated, f->before.isolated, hb);
    figure_row(req, _("van wie 75 of ouder en alleenwonend"), f->now.isolated_elderly_alone, f->before.isolated_elderly_alone, hb);
    figure_row(req, _("Groepen (twee of meer bewoners die elkaar via via kennen)"), f->now.clusters, f->before.clusters, hb);
    figure_row(req, _("Grootste groep"), f->now.largest_cluster, f->before.largest_cluster, hb);
    figure_row(req, _("Gemeenschappen (clusters die onderling sterk verbonden zijn)"), f->now.communities,
               f->before.communities, hb);
    table_end(req);
}

static void person_link(http_request *req, const net_person_ref *p)
{
    html_printf(&req->out, "<a class=\"utrecht-link\" href=\"/households/%lld/network\">%s</a>", (long long)p->household_id,
                p->name);
}

/* What a helper did lately: "administratie: geaccepteerd (12 november 2026)", "organisator van <Wandelgroep> (vanaf ...)". */
static void helper_recent(http_request *req, const net_person_ref *h)
{
    buf *b = &req->out;
    if (h->n_recent == 0) {
        html_text(b, _("niets in de laatste 90 dagen"));
        return;
    }
    html_raw(b, "<ul class=\"utrecht-unordered-list\">");
    for (int k = 0; k < h->n_recent; k++) {
        const net_recent *r = &h->recent[k];
        if (r->activity)
            html_printf(b, "<li>%s <a class=\"utrecht-link\" href=\"/activities/%lld\">%s</a> (%s %s)</li>",
                        strcmp(r->state, "organiser") == 0 ? _("organiseert") : _("helpt bij"),
                        (long long)r->activity_id, r->what, _("vanaf"), date_display(req->a, r->on));
        else
            html_printf(b, "<li>%s: %s (%s)</li>", network_label(network_skills, r->what),
                        network_label(network_match_statuses, r->state), date_display(req->a, r->on));
    }
    html_raw(b, "</ul>");
}

static void get_network(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    net_figures f;
    const char *cmp = req_query(req, "compare_on");
    wt_status st = network_figures(&req->ctx, cmp, &e, &f);
    net_person_ref *helpers = NULL;
    int nh = 0;
    if (st == WT_INVALID) {
        errors again;
        errors_init(&again, req->a);
        req->status = 400;
        st = network_figures(&req->ctx, NULL, &again, &f);
    }
    if (st == WT_OK)
        st = network_helpers(&req->ctx, &helpers, &nh);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    int status = req->status;
    buf *b = &req->out;
    page_begin(req, _("Het netwerk van de wijk"));
    req->status = status ? status : 200;
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Het netwerk van de wijk"));
    error_summary(req, &e);
    para(req, _("Kengetallen over de bewoners van de huishoudens van uw team, berekend uit de relaties die het team vastlegde."));
    form_begin_get(req, "/network", "wt-form--inline");
    field_text(req, &(field){.name = "compare_on", .label = _("Vergelijk met de situatie op"), .type = "date",
                             .value = req_query(req, "compare_on"), .error = errors_get(&e, "compare_on"), .hint = _("JJJJ-MM-DD")});
    form_button(req, _("Vergelijken"), false);
    form_end(req);
    section(req, "kengetallen", _("Kengetallen"));
    figures_table(req, &f);
    section_end(req);

    section(req, "verbinders", _("Verbinders"));
    para(req, _("Bewoners die groepen met elkaar verbinden die elkaar anders niet zouden kennen (hoogste tussenpositie)."));
    if (f.n_connectors == 0)
        para(req, _("Nog geen verbinders: er zijn te weinig relaties vastgelegd."));
    else {
        const char *cols[] = {_("Bewoner"), _("Relaties"), _("Onmisbare schakel"), _("Geholpen (90 dagen)"), NULL};
        table_begin(req, _("Verbinders"), cols);
        for (int i = 0; i < f.n_connectors; i++) {
            html_raw(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">");
            person_link(req, &f.connectors[i]);
            html_printf(b, "</th><td class=\"utrecht-table__cell\">%d</td><td class=\"utrecht-table__cell\">%s</td>"
                           "<td class=\"utrecht-table__cell\">%d</td></tr>",
                        f.connectors[i].degree, f.connectors[i].bridge ? _("ja") : _("nee"), f.connectors[i].recent_matches);
        }
        table_end(req);
    }
    section_end(req);

    section(req, "vrijwilligers", _("Vrijwilligers en helpers"));
    if (nh == 0)
        para(req, _("Er is nog geen aanbod vastgelegd."));
    else {
        const char *cols[] = {_("Bewoner"), _("Actief aanbod"), _("Geholpen (90 dagen)"), _("Onlangs gedaan"), NULL};
        table_begin(req, _("Vrijwilligers en helpers"), cols);
        for (int i = 0; i < nh; i++) {
            html_printf(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">"
                           "<a class=\"utrecht-link\" href=\"/persons/%lld/offers\">%s</a></th><td class=\"utrecht-table__cell\">%d</td>"
                           "<td class=\"utrecht-table__cell\">%d</td><td class=\"utrecht-table__cell\">",
                        (long long)helpers[i].person_id, helpers[i].name, helpers[i].degree, helpers[i].recent_matches);
            helper_recent(req, &helpers[i]);
            html_raw(b, "</td></tr>");
        }
        table_end(req);
    }
    section_end(req);

    section(req, "zonder-relaties", _("Bewoners zonder relaties"));
    if (f.now.isolated == 0)
        para(req, _("Iedere bewoner heeft minstens één relatie die het team kent."));
    else
        para(req, arena_printf(req->a, _("De eerste %d van %d; ouderen die alleen wonen staan bovenaan."), f.n_isolated,
                               f.now.isolated));
    if (f.n_isolated) {
        const char *cols[] = {_("Bewoner"), _("Leeftijd"), _("Woont alleen"), NULL};
        table_begin(req, _("Bewoners zonder relaties"), cols);
        for (int i = 0; i < f.n_isolated; i++) {
            html_raw(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">");
            person_link(req, &f.isolated[i]);
            html_printf(b, "</th><td class=\"utrecht-table__cell\">%s</td><td class=\"utrecht-table__cell\">%s</td></tr>",
                        f.isolated[i].age >= 0 ? arena_printf(req->a, "%d", f.isolated[i].age) : "-",
                        f.isolated[i].alone ? _("ja") : _("nee"));
        }
        table_end(req);
    }
    section_end(req);

    section(req, "conflicten", _("Conflicten"));
    if (f.n_conflicts == 0)
        para(req, _("Geen conflicten vastgelegd."));
    else {
        const char *cols[] = {_("Tussen"), _("En"), NULL};
        table_begin(req, _("Conflicten"), cols);
        for (int i = 0; i < f.n_conflicts; i++) {
            html_raw(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">");
            person_link(req, &f.conflicts[i].a);
            html_raw(b, "</th><td class=\"utrecht-table__cell\">");
            person_link(req, &f.conflicts[i].b);
            html_raw(b, "</td></tr>");
        }
        table_end(req);
    }
    section_end(req);
    page_end(req);
    req->status = status ? status : 200;
}

/* ---- volunteers through the front door ------------------------------------------------------------------------- */

/* A front-door offer to help becomes an offer of one of the linked household's members, in one step. */
static void question_offer_page(http_request *req, int64_t question_id, const errors *e)
{
    question q;
    wt_status st = network_may(&req->ctx, true) ? question_get(&req->ctx, question_id, &q) : WT_FORBIDDEN;
    int64_t *ids = NULL;
    const char **names = NULL;
    int n = 0;
    if (st == WT_OK && strcmp(q.kind, "offer") != 0)
        st = WT_NOTFOUND;
    if (st == WT_OK && q.household_id)
        st = network_members(&req->ctx, q.household_id, &ids, &names, &n);
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    buf *b = &req->out;
    page_begin(req, _("Aanbod uit de voordeur vastleggen"));
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", _("Aanbod uit de voordeur vastleggen"));
    error_summary(req, e);
    html_printf(b, "<dl class=\"wt-facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd class=\"wt-pre\">%s</dd></dl>", _("Van"),
                q.name, _("In eigen woorden"), q.body);
    if (!q.household_id) {
        para(req, _("Koppel de vraag eerst aan het huishouden van deze bewoner (of registreer het); kies dan wie helpt."));
        html_printf(b, "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/frontdoor/%lld\">%s</a></p>",
                    (long long)question_id, _("Terug naar de vraag"));
        page_end(req);
        return;
    }
    form_begin(req, arena_printf(req->a, "/frontdoor/%lld/offer", (long long)question_id), NULL);
    option *o = arena_alloc(req->a, sizeof(option) * (size_t)(n + 1));
    o[0] = (option){"", _("Kies")};
    for (int i = 0; i < n; i++)
        o[i + 1] = (option){arena_printf(req->a, "%lld", (long long)ids[i]), names[i]};
    field_select(req, &(field){.name = "person_id", .label = _("Wie biedt hulp aan"), .value = req_form(req, "person_id"),
                               .error = errors_get(e, "person_id"), .required = true}, o, n + 1);
    codes_select(req, "skill", _("Vaardigheid"), network_skills, req_form(req, "skill"), e, _("Kies"));
    field_text(req, &(field){.name = "hours_per_week", .label = _("Uren per week"), .type = "number",
                             .value = req_form(req, "hours_per_week"), .error = errors_get(e, "hours_per_week")});
    field_text(req, &(field){.name = "note", .label = _("Notitie"), .value = req_form(req, "note"),
                             .error = errors_get(e, "note"), .maxlength = 200});
    codes_select(req, "legal_ground", _("Grondslag"), network_grounds, req_form(req, "legal_ground"), e, NULL);
    form_button(req, _("Aanbod vastleggen"), true);
    form_end(req);
    page_end(req);
}

static void get_question_offer(http_request *req)
{
    errors none;
    errors_init(&none, req->a);
    question_offer_page(req, req->ids[0], &none);
}

static void post_question_offer(http_request *req)
{
    errors e;
    errors_init(&e, req->a);
    offer_input in = {req_form(req, "skill"), req_form(req, "hours_per_week"), req_form(req, "note"),
                      req_form(req, "legal_ground"), NULL};
    int64_t id = 0, person_id = form_int(req, "person_id");
    wt_status st = network_offer_from_question(&req->ctx, req->ids[0], person_id, &in, &e, &id);
    if (st == WT_INVALID) {
        req->status = 400;
        question_offer_page(req, req->ids[0], &e);
        return;
    }
    if (st != WT_OK) {
        fail(req, st);
        return;
    }
    page_redirect_notice(req, arena_printf(req->a, "/persons/%lld/offers", (long long)person_id), "created");
}

/* ---- the start page: match follow-ups, followed up like actions ------------------------------------------------ */

void network_home_block(http_request *req)
{
    net_match *m = NULL;
    int n = 0;
    wt_status st = network_matches_due_for(&req->ctx, NETWORK_DUE_DAYS, &m, &n);
    if (st != WT_OK || n == 0)
        return;
    buf *b = &req->out;
    section(req, "koppelingen", _("Koppelingen om op te volgen"));
    html_printf(b, "<p class=\"utrecht-paragraph wt-muted\">%s</p>",
                _("Bewoners die u vroeg om te helpen: vraag na hoe het gaat en leg het resultaat vast."));
    html_raw(b, "<ul class=\"wt-timeline\">");
    for (int i = 0; i < n; i++) {
        html_printf(b, "<li><p class=\"utrecht-paragraph\"><span class=\"wt-layer wt-layer--network\">%s</span> %s %s %s</p>",
                    network_label(network_match_statuses, m[i].status), m[i].offerer_name, _("voor"), m[i].need_body);
        html_raw(b, "<p class=\"utrecht-paragraph\">");
        if (m[i].overdue)
            html_printf(b, "<strong class=\"wt-overdue\">%s</strong> ", _("Te laat."));
        html_printf(b, "%s %s. ", _("Opvolgen op"), date_display(req->a, m[i].follow_up_on));
        html_printf(b,
                    "<a class=\"utrecht-link\" href=\"/needs/%lld/proposals#match-%lld\">%s<span class=\"wt-visually-hidden\">: %s, %s</span></a></p></li>",
                    (long long)m[i].need_id, (long long)m[i].id, _("Opvolging vastleggen"), m[i].offerer_name,
                    m[i].household_name);
    }
    html_raw(b, "</ul>");
    section_end(req);
}

void network_web_routes(void)
{
    router_add("GET", "/households/{id}/network", get_household_network, 0);
    router_add("POST", "/households/{id}/relations", post_household_relation, 0);
    router_add("POST", "/households/{id}/needs", post_household_need, 0);
    router_add("POST", "/relations/{id}/end", post_relation_end, 0);
    router_add("POST", "/relations/{id}/remove", post_relation_remove, 0);
    router_add("POST", "/persons/{id}/new-resident", post_new_resident, 0);
    router_add("GET", "/persons/{id}/offers", get_person_offers, 0);
    router_add("POST", "/persons/{id}/offers", post_person_offer, 0);
    router_add("POST", "/persons/{id}/load", post_person_load, 0);
    router_add("GET", "/persons/{id}/needs", get_person_offers, 0);
    router_add("POST", "/persons/{id}/needs", post_person_need, 0);
    router_add("GET", "/persons/{id}/network", get_person_network, 0);
    router_add("POST", "/persons/{id}/network/remove", post_person_network_remove, 0);
    router_add("POST", "/offers/{id}/active", post_offer_active, 0);
    router_add("POST", "/offers/{id}/remove", post_offer_remove, 0);
    router_add("POST", "/actions/{id}/need", post_action_need, 0);
    router_add("GET", "/needs/{id}/proposals", get_need_proposals, 0);
    router_add("POST", "/needs/{id}/matches", post_need_match, 0);
    router_add("POST", "/needs/{id}/status", post_need_status, 0);
    router_add("POST", "/needs/{id}/remove", post_need_remove, 0);
    router_add("POST", "/matches/{id}", post_match, 0);
    router_add("GET", "/network", get_network, 0);
    router_add("GET", "/frontdoor/{id}/offer", get_question_offer, 0);
    router_add("POST", "/frontdoor/{id}/offer", post_question_offer, 0);
}
