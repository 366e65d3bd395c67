/*
 * privacy_web.c - the pages of the resident's rights (see privacy_web.h):
 *   GET  /persons/{id}/rights    access, correction and erasure of one resident
 *   GET  /persons/{id}/file.pdf  his complete file as a PDF for the resident
 *   POST /persons/{id}/erase     erasure (AVG art. 17)
 */
#include "privacy_web.h"
#include "../core/i18n.h"
#include "../http/html.h"
#include "../http/page.h"
#include "../http/router.h"
#include "../http/widgets.h"
#include "privacy.h"
#include "privacy_pdf.h"

#include <string.h>

static bool failed(http_request *req, wt_status st)
{
    return page_failed(req, st,
                       _("Alleen de regisseur van het huishouden en de teamleider kunnen de rechten van een bewoner "
                         "uitvoeren."),
                       _("Deze bewoner bestaat niet of hoort niet bij uw team."));
}

static void section_open(http_request *req, const char *id, const char *title)
{
    html_printf(&req->out, "<section aria-labelledby=\"%s\"><h2 class=\"utrecht-heading-2\" id=\"%s\">%s</h2>", id, id,
                title);
}

static void para(http_request *req, const char *text)
{
    html_printf(&req->out, "<p class=\"utrecht-paragraph\">%s</p>", text);
}

static void erase_form(http_request *req, const privacy_subject *s, const char *ground, const errors *e)
{
    int n = 0;
    while (privacy_erasure_grounds[2 * n])
        n++;
    option *opts = arena_alloc(req->a, sizeof(option) * (size_t)n);
    for (int i = 0; i < n; i++)
        opts[i] = (option){privacy_erasure_grounds[2 * i], _(privacy_erasure_grounds[2 * i + 1])};
    form_begin(req, arena_printf(req->a, "/persons/%lld/erase", (long long)s->person_id), NULL);
    field_select(req, &(field){.name = "ground", .label = _("Reden"), .value = ground, .required = true,
                               .error = e ? errors_get(e, "ground") : NULL}, opts, n);
    field_checkbox(req, "confirm",
                   _("De bewoner vraagt dit en weet dat wissen niet ongedaan kan worden gemaakt"), false);
    form_button(req, arena_printf(req->a, _("Alle gegevens van %s wissen"), s->name), false);
    form_end(req);
}

static void rights_page(http_request *req, const privacy_subject *s, const char *ground, const errors *e)
{
    privacy_erasure_check chk;
    if (failed(req, privacy_erasure_check_get(&req->ctx, s->person_id, &chk)))
        return;
    buf *b = &req->out;
    const char *title = arena_printf(req->a, _("Rechten van %s"), s->name);
    page_begin(req, title);
    html_printf(b, "<h1 class=\"utrecht-heading-1\">%s</h1>", title);
    error_summary(req, e);
    para(req, _("Iedere bewoner mag weten wat het wijkteam over hem heeft vastgelegd, mag fouten laten verbeteren en "
                "mag vragen zijn gegevens te wissen (AVG artikel 15, 16 en 17). Beantwoord een verzoek binnen een "
                "maand. Alles wat u hier doet, staat in het logboek."));

    section_open(req, "inzage", _("Inzage"));
    para(req, _("Het overzicht bevat alles over deze bewoner: zijn gegevens, zijn huishouden, de ondersteuning met "
                "plan, contacten en intake, zelfredzaamheid, netwerk, signalen, voordeurvragen, toestemmingen en "
                "verwijzingen, en wie zijn gegevens inzag of wijzigde. Geef het aan de bewoner zelf."));
    html_printf(b,
                "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/persons/%lld/file.pdf\" download>%s</a>"
                "</p>",
                (long long)s->person_id, _("Overzicht voor de bewoner downloaden (PDF)"));
    para(req, _("Voor een ander systeem: hetzelfde overzicht als JSON via de API (GET /api/v1/persons/{id}/file)."));
    html_raw(b, "</section>");

    section_open(req, "verbeteren", _("Verbeteren"));
    html_printf(b,
                "<p class=\"utrecht-paragraph\">%s <a class=\"utrecht-link\" href=\"/persons/%lld/edit\">%s</a>. %s "
                "<a class=\"utrecht-link\" href=\"/households/%lld\">%s</a>.</p>",
                _("Naam, geboortedatum, BSN en contactgegevens verbetert u bij"), (long long)s->person_id,
                _("Gegevens wijzigen"), _("Plan, contacten, intake, netwerk en signalen verbetert u op hun eigen pagina, via"),
                (long long)s->household_id, _("het huishouden"));
    html_raw(b, "</section>");

    html_printf(b, "<section aria-labelledby=\"f-erase\"><h2 class=\"utrecht-heading-2\" id=\"f-erase\">%s</h2>",
                _("Wissen"));
    para(req, _("Wissen verwijdert alles over deze bewoner: zijn persoonsgegevens, netwerk, metingen, signalen en "
                "toestemmingen. Was hij het laatste lid van zijn huishouden, dan verdwijnt ook het dossier van het "
                "huishouden; de casus blijft zonder inhoud bestaan voor de cijfers. Het logboek houdt bij dat er is "
                "gewist en hoeveel, niet wat."));
    if (!chk.allowed)
        html_printf(b, "<div class=\"utrecht-alert utrecht-alert--warning wt-alert\" role=\"status\">"
                       "<p class=\"utrecht-paragraph\">%s</p></div>",
                    chk.why);
    else
        erase_form(req, s, ground, e);
    html_raw(b, "</section>");
    page_end(req);
}

static void get_rights(http_request *req)
{
    privacy_subject s;
    if (failed(req, privacy_subject_get(&req->ctx, req->ids[0], &s)))
        return;
    req->no_store = true;
    rights_page(req, &s, NULL, NULL);
}

static void get_file_pdf(http_request *req)
{
    pf_file f;
    if (failed(req, privacy_person_file(&req->ctx, req->ids[0], &f)))
        return;
    buf pdf = BUF_INIT;
    if (privacy_pdf(&f, req->a, &pdf) != WT_OK) {
        buf_free(&pdf);
        page_error(req, 500, _("Het overzicht kon niet worden gemaakt."));
        return;
    }
    req->status = 200;
    req->content_type = "application/pdf";
    req->no_store = true;
    buf_reset(&req->out);
    buf_append(&req->out, pdf.data, pdf.len);
    buf_free(&pdf);
    resp_header(req, "Content-Disposition",
                arena_printf(req->a, "attachment; filename=\"inzage-%lld.pdf\"", (long long)f.person_id));
}

static void post_erase(http_request *req)
{
    const char *ground = req_form(req, "ground");
    bool confirmed = req_form(req, "confirm") != NULL;
    errors e;
    errors_init(&e, req->a);
    retention_tally removed;
    int64_t hh = 0;
    bool left = false;
    wt_status st = privacy_person_erase(&req->ctx, req->ids[0], ground, confirmed, &e, &removed, &hh, &left);
    if (st == WT_INVALID || st == WT_CONFLICT) {
        privacy_subject s;
        if (failed(req, privacy_subject_get(&req->ctx, req->ids[0], &s)))
            return;
        rights_page(req, &s, ground, &e);
        req->status = st == WT_INVALID ? 400 : 409;
        return;
    }
    if (failed(req, st))
        return;
    page_redirect_notice(req, left ? arena_printf(req->a, "/households/%lld", (long long)hh) : "/", "erased");
}

void privacy_web_routes(void)
{
    router_add("GET", "/persons/{id}/rights", get_rights, 0);
    router_add("GET", "/persons/{id}/file.pdf", get_file_pdf, 0);
    router_add("POST", "/persons/{id}/erase", post_erase, 0);
}
