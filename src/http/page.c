/* page.c - the page frame and error pages (see page.h). */
#include "page.h"
#include "../core/i18n.h"
#include "html.h"
#include "static_files.h"

#include <string.h>

typedef struct nav_item {
    const char *href;
    const char *label;
    unsigned roles; /* bit per wt_role */
} nav_item;

#define R(x) (1u << (x))
static const nav_item nav[] = {
    {"/", N_("Start"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER) | R(ROLE_ADMIN) | R(ROLE_POLICY)},
    {"/search", N_("Zoeken"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER)},
    {"/frontdoor", N_("Voordeur"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER)},
    {"/cases", N_("Casussen"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER)},
    {"/households/new", N_("Nieuw huishouden"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER)},
    {"/neighbourhood", N_("Wijk"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER)},
    {"/network", N_("Netwerk"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER)},
    {"/team", N_("Team"), R(ROLE_TEAMLEADER)},
    {"/figures", N_("Cijfers"), R(ROLE_TEAMLEADER) | R(ROLE_POLICY)},
    {"/socialmap", N_("Sociale kaart"), R(ROLE_WORKER) | R(ROLE_TEAMLEADER) | R(ROLE_ADMIN) | R(ROLE_POLICY)},
    {"/admin/users", N_("Gebruikers"), R(ROLE_ADMIN)},
    {"/admin/teams", N_("Teams"), R(ROLE_ADMIN)},
};

static bool nav_current(const char *path, const char *href)
{
    if (strcmp(href, "/") == 0)
        return strcmp(path, "/") == 0;
    size_t n = strlen(href);
    return strncmp(path, href, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static void page_nav(http_request *req)
{
    buf *b = &req->out;
    wt_role role = req->ctx.who.role;
    if (role == ROLE_NONE)
        return;
    html_raw(b, "<nav class=\"wt-nav\" aria-label=\"");
    html_text(b, _("Hoofdmenu"));
    html_raw(b, "\"><ul class=\"utrecht-nav-list wt-nav__list\">");
    for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
        if (!(nav[i].roles & R(role)))
            continue;
        bool cur = nav_current(req->path, nav[i].href);
        html_printf(b, "<li class=\"wt-nav__item\"><a class=\"utrecht-link wt-nav__link%s\" href=\"%s\"",
                    cur ? " wt-nav__link--current" : "", nav[i].href);
        if (cur)
            html_raw(b, " aria-current=\"page\"");
        html_printf(b, ">%s</a></li>", _(nav[i].label));
    }
    html_raw(b, "</ul></nav>");
}

static void page_user_box(http_request *req)
{
    buf *b = &req->out;
    if (req->ctx.who.role == ROLE_NONE)
        return;
    html_printf(b, "<div class=\"wt-user\"><a class=\"utrecht-link wt-user__name\" href=\"/account\">%s</a> <span class=\"wt-user__role\">(%s)</span>",
                req->ctx.who.display_name ? req->ctx.who.display_name : "", role_label(req->ctx.who.role));
    html_printf(b,
                "<form method=\"post\" action=\"/logout\" class=\"wt-inline-form\">"
                "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">"
                "<button type=\"submit\" class=\"utrecht-button utrecht-button--subtle\">%s</button></form></div>",
                req->session.csrf ? req->session.csrf : "", _("Uitloggen"));
}

void page_begin(http_request *req, const char *title)
{
    buf *b = &req->out;
    req->status = req->status ? req->status : 200;
    req->content_type = "text/html; charset=utf-8";
    req->no_store = true;
    html_printf(b,
                "<!DOCTYPE html>\n<html lang=\"nl\" class=\"utrecht-theme\"><head><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                "<title>%s - %s</title>"
                "<link rel=\"stylesheet\" href=\"%s\"><link rel=\"stylesheet\" href=\"%s\">"
                "<link rel=\"stylesheet\" href=\"%s\"></head>",
                title, _("wijkteam"), static_url("utrecht-theme.css"), static_url("utrecht.css"),
                static_url("app.css"));
    html_printf(b,
                "<body class=\"utrecht-document utrecht-page-body\"><a class=\"wt-skip-link utrecht-link\" href=\"#inhoud\">%s</a>"
                "<div class=\"utrecht-page wt-page\"><header class=\"utrecht-page-header wt-header\">"
                "<div class=\"wt-header__top\"><a class=\"wt-logo utrecht-link\" href=\"/\">%s</a>",
                _("Naar de inhoud"), _("wijkteam"));
    page_user_box(req);
    html_raw(b, "</div>");
    page_nav(req);
    html_raw(b, "</header><main id=\"inhoud\" class=\"utrecht-page-content wt-main\" tabindex=\"-1\">");
    page_notice_from_query(req);
}

void page_end(http_request *req)
{
    html_printf(&req->out,
                "</main><footer class=\"wt-footer\"><p>%s</p></footer></div></body></html>\n",
                _("wijkteam - informatiesysteem van het sociaal wijkteam. Alle inzage in persoonsgegevens wordt vastgelegd."));
}

static page_need_to_know_fn need_to_know_page;

void page_set_need_to_know(page_need_to_know_fn fn)
{
    need_to_know_page = fn;
}

void page_error(http_request *req, int status, const char *message)
{
    if (status == 403 && req->ctx.need_to_know_case && need_to_know_page) {
        int64_t case_id = req->ctx.need_to_know_case;
        req->ctx.need_to_know_case = 0;
        buf_reset(&req->out);
        req->status = 403;
        need_to_know_page(req, case_id);
        req->status = 403;
        return;
    }
    const char *title;
    switch (status) {
    case 400: title = _("Ongeldig verzoek"); break;
    case 403: title = _("Geen toegang"); break;
    case 404: title = _("Niet gevonden"); break;
    case 405: title = _("Methode niet toegestaan"); break;
    case 409: title = _("Conflict"); break;
    case 413: title = _("Te groot"); break;
    case 503: title = _("Tijdelijk niet beschikbaar"); break;
    default: title = _("Er ging iets mis"); break;
    }
    buf_reset(&req->out);
    req->status = status;
    page_begin(req, title);
    html_printf(&req->out, "<h1 class=\"utrecht-heading-1\">%s</h1><p class=\"utrecht-paragraph\">%s</p>"
                           "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"/\">%s</a></p>",
                title, message, _("Naar de startpagina"));
    page_end(req);
    req->status = status;
}

bool page_failed(http_request *req, wt_status st, const char *forbidden, const char *notfound)
{
    switch (st) {
    case WT_OK:
        return false;
    case WT_FORBIDDEN:
        page_error(req, 403, forbidden);
        break;
    case WT_NOTFOUND:
        page_error(req, 404, notfound);
        break;
    case WT_CONFLICT:
        page_error(req, 409, _("Dit botst met bestaande gegevens; er is niets opgeslagen."));
        break;
    case WT_UNAVAILABLE:
        page_error(req, 503, _("De database is tijdelijk niet bereikbaar; probeer het opnieuw."));
        break;
    default:
        page_error(req, 500, _("Er ging iets mis; er is niets opgeslagen. Probeer het opnieuw."));
        break;
    }
    return true;
}

static const struct { const char *code; const char *text; } notices[] = {
    {"saved", N_("De wijzigingen zijn opgeslagen.")},
    {"created", N_("Het is vastgelegd.")},
    {"case_opened", N_("De casus is geopend. U bent de regisseur, tenzij u iemand anders koos.")},
    {"case_closed", N_("De casus is gesloten.")},
    {"handover", N_("De regie is overgedragen.")},
    {"contact", N_("Het contact staat op de tijdlijn.")},
    {"goal", N_("Het doel is aan het plan toegevoegd.")},
    {"action", N_("De actie is aan het doel toegevoegd.")},
    {"agreed", N_("Het plan is gemarkeerd als afgesproken met de bewoner.")},
    {"logged_out", N_("U bent uitgelogd.")},
    {"password_changed", N_("Uw wachtwoord is gewijzigd. Log in met het nieuwe wachtwoord.")},
    {"logged_out_everywhere", N_("U bent op alle apparaten uitgelogd.")},
    {"mfa_on", N_("Tweestapsverificatie staat aan.")},
    {"mfa_off", N_("Tweestapsverificatie staat uit.")},
    {"member", N_("Het gezinslid is toegevoegd.")},
    {"household", N_("Het huishouden is geregistreerd.")},
    {"question", N_("De vraag is geregistreerd.")},
    {"linked", N_("De vraag is aan het huishouden gekoppeld.")},
    {"stop_saved", N_("Vastgelegd. Door naar het volgende adres.")},
    {"round_done", N_("De ronde is afgerond.")},
    {"signal", N_("Het signaal is vastgelegd.")},
    {"followup", N_("De opvolging is vastgelegd.")},
    {"signal_closed", N_("Het signaal is afgesloten.")},
    {"signal_case", N_("Het signaal is een casus geworden; zijn geschiedenis staat bij de casus.")},
    {"time_saved", N_("De tijd van deze dag is opgeslagen.")},
    {"user_created", N_("De gebruiker is aangemaakt. Geef het wachtwoord op een veilige manier door, niet per e-mail.")},
    {"user_saved", N_("De gegevens van de gebruiker zijn opgeslagen.")},
    {"password_set", N_("Het nieuwe wachtwoord is ingesteld; de sessies van de gebruiker zijn beëindigd.")},
    {"user_disabled", N_("Het account is geblokkeerd; de gebruiker is overal uitgelogd.")},
    {"user_enabled", N_("Het account is gedeblokkeerd; de gebruiker kan weer inloggen.")},
    {"mfa_reset", N_("De tweestapsverificatie van de gebruiker is uitgezet; de gebruiker kan haar opnieuw instellen op Mijn account.")},
    {"team_created", N_("Het team is aangemaakt.")},
    {"team_saved", N_("De gegevens van het team zijn opgeslagen.")},
    {"assessment", N_("De meting is opgeslagen.")},
    {"intake", N_("De intake is opgeslagen.")},
    {"referral", N_("De verwijzing is vastgelegd.")},
    {"referral_step", N_("De stap van de verwijzing is vastgelegd.")},
    {"consent", N_("De toestemming is vastgelegd.")},
    {"consent_withdrawn", N_("De toestemming is ingetrokken; de verwijzingen die erop steunen tonen dat.")},
    {"checked", N_("Gemarkeerd als vandaag gecontroleerd.")},
    {"removed", N_("Het is verwijderd.")},
    {"erased", N_("De gegevens van de bewoner zijn gewist. Het logboek houdt bij dat er is gewist en hoeveel, niet wat.")},
    {"case_member_added", N_("Het teamlid is aan de casus toegevoegd en ziet nu de inhoud.")},
    {"case_member_ended", N_("Het lidmaatschap is beëindigd; dit teamlid ziet de inhoud niet meer.")},
    {"emergency", N_("U hebt noodtoegang. Uw reden is vastgelegd en gemeld aan de regisseur en de teamleider.")},
};

void page_notice_from_query(http_request *req)
{
    const char *code = req_query(req, "melding");
    if (!code)
        return;
    for (size_t i = 0; i < sizeof notices / sizeof notices[0]; i++) {
        if (strcmp(notices[i].code, code) == 0) {
            html_printf(&req->out,
                        "<div class=\"utrecht-alert utrecht-alert--ok wt-alert\" role=\"status\"><p class=\"utrecht-paragraph\">%s</p></div>",
                        _(notices[i].text));
            return;
        }
    }
}

void page_redirect_notice(http_request *req, const char *location, const char *notice_code)
{
    const char *sep = strchr(location, '?') ? "&" : "?";
    resp_redirect(req, arena_printf(req->a, "%s%smelding=%s", location, sep, notice_code));
}
