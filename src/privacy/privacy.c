/* privacy.c - the rights of the resident: his file, erasure (see privacy.h). */
#include "privacy.h"
#include "../access/audit.h"
#include "../access/policy.h"
#include "../core/date.h"
#include "../core/i18n.h"
#include "../db/db.h"
#include "privacy_db.h"

#include <string.h>

/* How a column is shown: text as is, a date, a code (Dutch label), a yes/no flag. */
typedef enum { COL_TEXT, COL_DATE, COL_CODE, COL_FLAG } col_type;

typedef struct col_spec {
    const char *key;
    const char *label;
    col_type type;
} col_spec;

#define MAX_COLS 12

typedef struct section_spec {
    const char *key;
    const char *title;
    const char *about;
    col_spec cols[MAX_COLS];
} section_spec;

static const section_spec specs[] = {
    {"person", N_("Persoonsgegevens"), N_("Wat het wijkteam over u zelf heeft vastgelegd."),
     {{"given_name", N_("Voornaam"), COL_TEXT}, {"family_name", N_("Achternaam"), COL_TEXT},
      {"birth_date", N_("Geboortedatum"), COL_DATE}, {"bsn", N_("BSN"), COL_TEXT}, {"phone", N_("Telefoon"), COL_TEXT},
      {"email", N_("E-mail"), COL_TEXT}, {"is_volunteer", N_("Vrijwilliger"), COL_FLAG},
      {"is_informal_carer", N_("Mantelzorger"), COL_FLAG}, {"is_new_resident", N_("Nieuw in de wijk"), COL_FLAG},
      {"created_at", N_("Vastgelegd op"), COL_DATE}}},
    {"household", N_("Huishouden"), N_("Het huishouden waar u bij hoort."),
     {{"name", N_("Naam van het huishouden"), COL_TEXT}, {"address", N_("Adres"), COL_TEXT},
      {"postcode", N_("Postcode"), COL_TEXT}, {"town", N_("Plaats"), COL_TEXT}, {"team", N_("Wijkteam"), COL_TEXT},
      {"created_at", N_("Vastgelegd op"), COL_DATE}}},
    {"members", N_("Gezinsleden"), N_("De andere leden van uw huishouden (alleen hun naam)."),
     {{"name", N_("Naam"), COL_TEXT}}},
    {"cases", N_("Ondersteuning (casus)"), N_("De keren dat het wijkteam uw huishouden ondersteunde."),
     {{"opened_on", N_("Begonnen op"), COL_DATE}, {"status", N_("Status"), COL_CODE},
      {"reason", N_("Aanleiding"), COL_TEXT}, {"coordinator", N_("Regisseur"), COL_TEXT},
      {"closed_on", N_("Afgesloten op"), COL_DATE}, {"close_reason", N_("Reden van afsluiten"), COL_CODE},
      {"close_note", N_("Toelichting bij afsluiten"), COL_TEXT}}},
    {"handovers", N_("Overdrachten"), N_("Wanneer een andere medewerker uw regisseur werd."),
     {{"at", N_("Datum"), COL_DATE}, {"from", N_("Van"), COL_TEXT}, {"to", N_("Naar"), COL_TEXT},
      {"reason", N_("Reden"), COL_TEXT}}},
    {"plans", N_("Plan"), N_("Het plan van uw huishouden."),
     {{"case_opened_on", N_("Bij de ondersteuning vanaf"), COL_DATE}, {"strengths", N_("Sterke kanten"), COL_TEXT},
      {"agreed_on", N_("Afgesproken met u op"), COL_DATE}, {"version", N_("Versie"), COL_TEXT},
      {"updated_at", N_("Laatst gewijzigd"), COL_DATE}}},
    {"goals", N_("Doelen"), N_("De doelen in het plan."),
     {{"domain", N_("Levensgebied"), COL_CODE}, {"situation", N_("Situatie"), COL_TEXT},
      {"strength", N_("Wat al goed gaat"), COL_TEXT}, {"body", N_("Doel"), COL_TEXT}, {"status", N_("Status"), COL_CODE},
      {"created_at", N_("Vastgelegd op"), COL_DATE}}},
    {"actions", N_("Acties"), N_("Wie wat doet om de doelen te halen."),
     {{"goal", N_("Bij het doel"), COL_TEXT}, {"body", N_("Actie"), COL_TEXT}, {"layer", N_("Wie draagt het"), COL_CODE},
      {"performer", N_("Uitvoerder"), COL_TEXT}, {"due_on", N_("Klaar op"), COL_DATE},
      {"status", N_("Status"), COL_CODE}}},
    {"contacts", N_("Contacten"), N_("Gesprekken, bezoeken en telefoontjes met een korte samenvatting."),
     {{"happened_on", N_("Datum"), COL_DATE}, {"kind", N_("Soort"), COL_CODE}, {"minutes", N_("Minuten"), COL_TEXT},
      {"summary", N_("Samenvatting"), COL_TEXT}, {"worker", N_("Medewerker"), COL_TEXT}}},
    {"intake", N_("Intake"), N_("Het eerste gesprek over uw vraag, in uw eigen woorden."),
     {{"held_on", N_("Datum"), COL_DATE}, {"question", N_("Uw vraag"), COL_TEXT},
      {"strengths", N_("Sterke kanten"), COL_TEXT}, {"opportunities", N_("Kansen"), COL_TEXT},
      {"self_does", N_("Wat u zelf al doet"), COL_TEXT}, {"network_does", N_("Wat uw omgeving al doet"), COL_TEXT},
      {"own_goals", N_("Uw eigen doelen"), COL_TEXT}}},
    {"findings", N_("Situatie per levensgebied"), N_("Wat in de intake per levensgebied is besproken."),
     {{"domain", N_("Levensgebied"), COL_CODE}, {"situation", N_("Situatie"), COL_TEXT},
      {"strength", N_("Wat al goed gaat"), COL_TEXT}, {"wish", N_("Wens"), COL_TEXT}}},
    {"assessments", N_("Zelfredzaamheid"), N_("Scores op de zelfredzaamheidsmatrix."),
     {{"assessed_on", N_("Datum"), COL_DATE}, {"scale", N_("Matrix"), COL_TEXT}, {"domain", N_("Domein"), COL_TEXT},
      {"score", N_("Score (1-5)"), COL_TEXT}, {"note", N_("Toelichting"), COL_TEXT},
      {"assessment_note", N_("Toelichting bij de meting"), COL_TEXT}}},
    {"relations", N_("Relaties"), N_("Wie u kent volgens het wijkteam, en hoe het dat weet."),
     {{"other", N_("Met"), COL_TEXT}, {"kind", N_("Soort relatie"), COL_CODE}, {"strength", N_("Sterkte (1-3)"), COL_TEXT},
      {"since", N_("Sinds"), COL_DATE}, {"source", N_("Bron"), COL_CODE}, {"legal_ground", N_("Grondslag"), COL_CODE},
      {"ground_note", N_("Toelichting grondslag"), COL_TEXT}, {"note", N_("Notitie"), COL_TEXT},
      {"recorded_at", N_("Vastgelegd op"), COL_DATE}, {"ended_on", N_("Beëindigd op"), COL_DATE}}},
    {"offers", N_("Wat u aanbiedt"), N_("Waarmee u anderen in de wijk wilt helpen."),
     {{"skill", N_("Vaardigheid"), COL_CODE}, {"hours_per_week", N_("Uren per week"), COL_TEXT},
      {"note", N_("Notitie"), COL_TEXT}, {"active", N_("Actief"), COL_FLAG},
      {"legal_ground", N_("Grondslag"), COL_CODE}, {"recorded_at", N_("Vastgelegd op"), COL_DATE}}},
    {"load", N_("Hoeveel u al draagt"), N_("Hoeveel hulp u aan anderen kunt en wilt geven."),
     {{"capacity", N_("Aantal hulpvragen dat u aankunt"), COL_TEXT}, {"carries_much", N_("Draagt al veel"), COL_FLAG},
      {"active_matches", N_("Lopende hulp"), COL_TEXT}, {"note", N_("Notitie"), COL_TEXT},
      {"updated_at", N_("Bijgewerkt op"), COL_DATE}}},
    {"needs", N_("Hulpvragen"), N_("Waar u of uw huishouden hulp bij zoekt uit de buurt."),
     {{"skill", N_("Soort hulp"), COL_CODE}, {"body", N_("Vraag"), COL_TEXT}, {"source", N_("Herkomst"), COL_CODE},
      {"status", N_("Status"), COL_CODE}, {"created_at", N_("Vastgelegd op"), COL_DATE},
      {"closed_at", N_("Gesloten op"), COL_DATE}}},
    {"matches", N_("Gevraagd om te helpen"), N_("Wanneer het wijkteam u vroeg iemand te helpen."),
     {{"need", N_("Hulpvraag"), COL_TEXT}, {"status", N_("Status"), COL_CODE}, {"reasons", N_("Waarom u"), COL_TEXT},
      {"note", N_("Notitie"), COL_TEXT}, {"recorded_at", N_("Vastgelegd op"), COL_DATE}}},
    {"signals", N_("Signalen"), N_("Zorgen die het wijkteam over u of uw huishouden hoorde of zag, en wat ermee gebeurde."),
     {{"noticed_on", N_("Opgemerkt op"), COL_DATE}, {"kind", N_("Soort"), COL_CODE},
      {"noticed_by", N_("Opgemerkt door"), COL_CODE}, {"urgency", N_("Urgentie"), COL_CODE},
      {"description", N_("Beschrijving"), COL_TEXT}, {"status", N_("Status"), COL_CODE},
      {"outcome", N_("Afloop"), COL_CODE}, {"outcome_note", N_("Toelichting"), COL_TEXT},
      {"partner_name", N_("Doorgegeven aan"), COL_TEXT}, {"shared_what", N_("Wat is gedeeld"), COL_TEXT},
      {"legal_ground", N_("Grondslag"), COL_CODE}, {"closed_on", N_("Gesloten op"), COL_DATE}}},
    {"followups", N_("Opvolging van signalen"), N_("Bezoeken en telefoontjes naar aanleiding van een signaal."),
     {{"at", N_("Datum"), COL_DATE}, {"kind", N_("Soort"), COL_CODE}, {"contact_made", N_("Contact gehad"), COL_FLAG},
      {"note", N_("Notitie"), COL_TEXT}}},
    {"questions", N_("Vragen aan de voordeur"), N_("Vragen van uw huishouden die binnenkwamen bij het wijkteam."),
     {{"received_at", N_("Ontvangen op"), COL_DATE}, {"kind", N_("Soort"), COL_CODE},
      {"channel", N_("Hoe"), COL_CODE}, {"name", N_("Naam"), COL_TEXT}, {"contact", N_("Contactgegevens"), COL_TEXT},
      {"body", N_("Vraag"), COL_TEXT}, {"status", N_("Status"), COL_CODE}, {"outcome", N_("Afhandeling"), COL_TEXT}}},
    {"consents", N_("Toestemmingen"), N_("Waarvoor u of uw huishouden toestemming gaf om gegevens te delen."),
     {{"given_on", N_("Gegeven op"), COL_DATE}, {"given_by", N_("Gegeven door"), COL_TEXT},
      {"what", N_("Welke gegevens"), COL_TEXT}, {"with_whom", N_("Met wie"), COL_TEXT}, {"form", N_("Vorm"), COL_CODE},
      {"withdrawn_on", N_("Ingetrokken op"), COL_DATE}, {"withdrawn_note", N_("Toelichting intrekking"), COL_TEXT}}},
    {"referrals", N_("Verwijzingen"), N_("Naar welke organisaties het wijkteam u verwees, en op welke grond."),
     {{"sent_on", N_("Verstuurd op"), COL_DATE}, {"kind", N_("Soort"), COL_CODE},
      {"organisation", N_("Organisatie"), COL_TEXT}, {"reason", N_("Reden"), COL_TEXT},
      {"urgency", N_("Urgentie"), COL_CODE}, {"legal_ground", N_("Grondslag"), COL_CODE},
      {"status", N_("Status"), COL_CODE}, {"outcome", N_("Resultaat"), COL_TEXT}}},
    {"activities", N_("Activiteiten"), N_("Activiteiten in de wijk waar u aan meedeed."),
     {{"title", N_("Activiteit"), COL_TEXT}, {"starts_on", N_("Begint op"), COL_DATE}, {"role", N_("Rol"), COL_CODE},
      {"note", N_("Notitie"), COL_TEXT}}},
    {"ideas", N_("Ideeën"), N_("Ideeën voor de wijk die u aandroeg."),
     {{"title", N_("Idee"), COL_TEXT}, {"body", N_("Toelichting"), COL_TEXT}, {"status", N_("Status"), COL_CODE},
      {"created_at", N_("Vastgelegd op"), COL_DATE}}},
    {"visits", N_("Huisbezoeken tijdens rondes"), N_("Wat medewerkers noteerden bij uw adres tijdens een ronde door de wijk."),
     {{"recorded_at", N_("Datum"), COL_DATE}, {"outcome", N_("Uitkomst"), COL_CODE}, {"note", N_("Notitie"), COL_TEXT}}},
    {"audit", N_("Wie uw gegevens inzag of wijzigde"),
     N_("Het logboek: elke keer dat iemand uw gegevens bekeek, zocht, vastlegde, wijzigde of verwijderde."),
     {{"at", N_("Tijdstip (UTC)"), COL_TEXT}, {"user", N_("Medewerker"), COL_TEXT}, {"role", N_("Rol"), COL_CODE},
      {"action", N_("Handeling"), COL_CODE}, {"entity", N_("Gegevens"), COL_CODE}, {"reason", N_("Reden"), COL_TEXT}}},
};

#define N_SECTIONS ((int)(sizeof specs / sizeof specs[0]))

/* Dutch labels of the codes stored in the tables (one list: a code means the same everywhere). */
static const char *const codes[] = {
    "open", N_("open"), "closed", N_("gesloten"), "visit", N_("bezoek"), "phone", N_("telefoon"),
    "meeting", N_("overleg"), "other", N_("anders"), "care", N_("zorg"), "youth", N_("jeugd"),
    "housing", N_("wonen"), "work", N_("werk"), "money", N_("geld"), "health", N_("gezondheid"),
    "participation", N_("meedoen"), "achieved", N_("bereikt"), "dropped", N_("losgelaten"),
    "self", N_("u zelf"), "network", N_("uw netwerk"), "volunteer", N_("vrijwilliger"), "team", N_("het wijkteam"),
    "second_line", N_("specialistische hulp"), "planned", N_("gepland"), "in_progress", N_("bezig"),
    "done", N_("gedaan"), "cancelled", N_("vervallen"), "family", N_("familie"), "friend", N_("vriend"),
    "neighbour", N_("buur"), "acquaintance", N_("kennis"), "informal_carer_of", N_("mantelzorger van"),
    "volunteer_for", N_("vrijwilliger voor"), "conflict", N_("conflict"), "worker_observed", N_("gezien door een medewerker"),
    "resident_self", N_("u zelf"), "partner_org", N_("een partnerorganisatie"), "consent", N_("toestemming"),
    "public_task", N_("publieke taak"), "legitimate_interest", N_("gerechtvaardigd belang"),
    "vital_interest", N_("vitaal belang"), "legal_obligation", N_("wettelijke plicht"),
    "administration", N_("administratie"), "odd_jobs", N_("klussen"), "transport", N_("vervoer"),
    "language", N_("taal"), "company", N_("gezelschap"), "child_care", N_("kinderopvang"),
    "shopping", N_("boodschappen"), "cooking", N_("koken"), "technology", N_("techniek"), "matched", N_("gekoppeld"),
    "action", N_("actie in het plan"), "question", N_("vraag"), "worker", N_("medewerker"),
    "proposed", N_("voorgesteld"), "asked", N_("gevraagd"), "accepted", N_("geaccepteerd"),
    "declined", N_("afgewezen"), "ended", N_("beëindigd"), "neglected_garden", N_("verwaarloosde tuin"),
    "door_stays_shut", N_("deur blijft dicht"), "loneliness", N_("eenzaamheid"), "debts", N_("schulden"),
    "domestic_tension", N_("spanningen thuis"), "drug_nuisance", N_("drugsoverlast"), "hemp_growing", N_("hennepteelt"),
    "child_neglect", N_("verwaarlozing van een kind"), "gp", N_("huisarts"), "school", N_("school"),
    "police", N_("politie"), "housing_corporation", N_("woningcorporatie"), "low", N_("laag"), "normal", N_("normaal"),
    "high", N_("hoog"), "following", N_("wordt gevolgd"), "no_concern", N_("geen zorg"),
    "light_support", N_("lichte ondersteuning"), "passed_to_partner", N_("doorgegeven aan een partner"),
    "became_case", N_("ondersteuning gestart"), "idea", N_("idee"), "offer", N_("aanbod"),
    "walk_in", N_("binnengelopen"), "outreach", N_("op straat of bij u thuis"), "web", N_("website"),
    "email", N_("e-mail"), "handled", N_("afgehandeld"), "case", N_("ondersteuning gestart"),
    "verbal", N_("mondeling"), "written", N_("schriftelijk"), "digital", N_("digitaal"), "referral", N_("verwijzing"),
    "consultation", N_("advies gevraagd"), "soon", N_("binnenkort"), "urgent", N_("dringend"), "sent", N_("verstuurd"),
    "started", N_("gestart"), "organiser", N_("organisator"), "participant", N_("deelnemer"), "new", N_("nieuw"),
    "supported", N_("ondersteund"), "became_activity", N_("activiteit geworden"), "not_pursued", N_("niet doorgezet"),
    "not_home_note_left", N_("niet thuis, briefje achtergelaten"), "short_talk", N_("kort gesprek"),
    "concern", N_("zorg"), "welcome_visit", N_("welkomstbezoek"), "skipped", N_("overgeslagen"),
    "goals_achieved", N_("doelen bereikt"), "referred_second_line", N_("doorverwezen naar specialistische hulp"),
    "resident_withdrew", N_("u wilde stoppen"), "moved_away", N_("verhuisd"), "no_longer_needed", N_("hulp niet meer nodig"),
    "teamleader", N_("teamleider"), "admin", N_("beheerder"), "policy", N_("beleidsmedewerker"),
    "read", N_("ingezien"), "search", N_("gezocht"), "create", N_("vastgelegd"), "update", N_("gewijzigd"),
    "delete", N_("verwijderd"), "export", N_("overzicht gemaakt"), "person", N_("persoonsgegevens"),
    "household", N_("huishouden"), "plan", N_("plan"), "goal", N_("doel"), "contact", N_("contact"),
    "intake", N_("intake"), "assessment", N_("zelfredzaamheid"), "relation", N_("relatie"), "need", N_("hulpvraag"),
    "signal", N_("signaal"), "person_file", N_("dit overzicht"), "retention", N_("bewaartermijn"),
    NULL,
};

static const char *code_label(const char *code)
{
    for (int i = 0; code && codes[i]; i += 2)
        if (strcmp(codes[i], code) == 0)
            return _(codes[i + 1]);
    return code;
}

static const char *display(arena *a, col_type t, const char *v)
{
    if (!v || !*v)
        return NULL;
    switch (t) {
    case COL_DATE:
        return strlen(v) >= 10 ? date_display(a, arena_strndup(a, v, 10)) : v;
    case COL_CODE:
        return code_label(v);
    case COL_FLAG:
        return strcmp(v, "0") == 0 ? _("nee") : _("ja");
    case COL_TEXT:
        break;
    }
    return v;
}

static policy_target target_of(const privacy_subject *s)
{
    return (policy_target){.team_id = s->team_id, .coordinator_id = s->coordinator_id};
}

wt_status privacy_subject_get(wt_ctx *ctx, int64_t person_id, privacy_subject *out)
{
    memset(out, 0, sizeof(*out));
    db_result r;
    wt_status st = privacy_db_subject(ctx->db, ctx->a, person_id, &r);
    if (st != WT_OK)
        return st;
    if (r.nrows == 0)
        return WT_NOTFOUND;
    *out = (privacy_subject){db_get_int(&r, 0, 0), db_get_int(&r, 0, 1), db_get_int(&r, 0, 2), db_get_int(&r, 0, 6),
                             db_get(&r, 0, 3), db_get(&r, 0, 4)};
    /* Another team does not learn that the person exists. */
    if (ctx->who.team_id != out->team_id)
        return (ctx->who.role == ROLE_WORKER || ctx->who.role == ROLE_TEAMLEADER) ? WT_NOTFOUND : WT_FORBIDDEN;
    if (!policy_allows(&ctx->who, PERM_SUBJECT_RIGHTS, target_of(out)))
        return WT_FORBIDDEN;
    return WT_OK;
}

static wt_status fill_section(wt_ctx *ctx, const section_spec *sp, const privacy_subject *s, pf_section *out)
{
    db_result r;
    wt_status st = privacy_db_section(ctx->db, ctx->a, sp->key, s->person_id, s->household_id, &r);
    if (st != WT_OK)
        return st;
    int ncols = 0;
    while (ncols < MAX_COLS && sp->cols[ncols].key)
        ncols++;
    if (r.ncols != ncols && r.nrows > 0)
        return WT_DBERROR;
    out->key = sp->key;
    out->title = _(sp->title);
    out->about = _(sp->about);
    out->n = r.nrows;
    out->records = arena_alloc(ctx->a, sizeof(pf_record) * (size_t)(r.nrows + 1));
    for (int i = 0; i < r.nrows; i++) {
        pf_record *rec = &out->records[i];
        rec->n = ncols;
        rec->fields = arena_alloc(ctx->a, sizeof(pf_field) * (size_t)ncols);
        for (int j = 0; j < ncols; j++) {
            const char *v = db_get(&r, i, j);
            rec->fields[j] = (pf_field){sp->cols[j].key, _(sp->cols[j].label), v,
                                        display(ctx->a, sp->cols[j].type, v)};
        }
    }
    return WT_OK;
}

wt_status privacy_person_file(wt_ctx *ctx, int64_t person_id, pf_file *out)
{
    memset(out, 0, sizeof(*out));
    privacy_subject s;
    wt_status st = privacy_subject_get(ctx, person_id, &s);
    if (st != WT_OK)
        return st;
    out->person_id = s.person_id;
    out->household_id = s.household_id;
    out->name = s.name;
    out->generated_at = date_now_iso(ctx->a);
    out->generated_by = ctx->who.display_name;
    out->sections = arena_alloc(ctx->a, sizeof(pf_section) * N_SECTIONS);
    for (int i = 0; st == WT_OK && i < N_SECTIONS; i++)
        st = fill_section(ctx, &specs[i], &s, &out->sections[out->n++]);
    if (st != WT_OK)
        return st;
    const pf_section *hh = &out->sections[1];
    out->team_name = hh->n ? hh->records[0].fields[4].value : NULL;
    audit_log(ctx, AUDIT_EXPORT, "person_file", person_id, (audit_subject){s.household_id, person_id, 0});
    return WT_OK;
}

const char *const privacy_erasure_grounds[] = {
    "request", N_("De bewoner vraagt erom (AVG art. 17 lid 1 b, c)"),
    "not_needed", N_("De gegevens zijn niet meer nodig (AVG art. 17 lid 1 a)"),
    "unlawful", N_("De gegevens zijn onrechtmatig verwerkt (AVG art. 17 lid 1 d)"),
    NULL,
};

static bool ground_valid(const char *g)
{
    for (int i = 0; g && privacy_erasure_grounds[i]; i += 2)
        if (strcmp(privacy_erasure_grounds[i], g) == 0)
            return true;
    return false;
}

wt_status privacy_erasure_check_get(wt_ctx *ctx, int64_t person_id, privacy_erasure_check *out)
{
    memset(out, 0, sizeof(*out));
    privacy_subject s;
    wt_status st = privacy_subject_get(ctx, person_id, &s);
    if (st == WT_OK)
        st = retention_legal_hold(ctx, s.household_id, &out->open_case, out->hold_until, &out->hold_kind);
    if (st != WT_OK)
        return st;
    if (out->open_case)
        out->why = _("Het huishouden krijgt nu ondersteuning (de casus is open). Sluit eerst de casus af; "
                     "zolang de ondersteuning loopt zijn de gegevens nodig.");
    else if (out->hold_until[0])
        out->why = arena_printf(ctx->a,
                                _("Voor het dossier van dit huishouden geldt een wettelijke bewaartermijn tot %s "
                                  "(%s). Tot die dag mag het niet worden gewist (AVG art. 17 lid 3)."),
                                date_display(ctx->a, out->hold_until),
                                retention_default(out->hold_kind) ? _(retention_default(out->hold_kind)->label)
                                                                  : out->hold_kind);
    out->allowed = !out->why;
    return WT_OK;
}

wt_status privacy_person_erase(wt_ctx *ctx, int64_t person_id, const char *ground, bool confirmed, errors *e,
                               retention_tally *removed, int64_t *household_id, bool *household_left)
{
    memset(removed, 0, sizeof(*removed));
    privacy_erasure_check chk;
    wt_status st = privacy_erasure_check_get(ctx, person_id, &chk);
    if (st != WT_OK)
        return st;
    if (!ground_valid(ground))
        errors_add(e, "ground", _("Kies de reden van het wissen."));
    if (!confirmed)
        errors_add(e, "confirm", _("Bevestig dat de bewoner is verteld wat wissen betekent: het kan niet ongedaan worden."));
    if (e->count)
        return WT_INVALID;
    if (!chk.allowed) {
        errors_add(e, "erase", chk.why);
        return WT_CONFLICT;
    }
    privacy_subject s;
    st = privacy_subject_get(ctx, person_id, &s);
    if (st == WT_OK)
        st = retention_erase_person(ctx, person_id, removed);
    if (st == WT_OK)
        st = retention_log_add(ctx, "erasure", false, person_id,
                               arena_printf(ctx->a, "ground=%s %s", ground, retention_tally_text(ctx->a, removed)));
    *household_id = s.household_id;
    *household_left = retention_tally_get(removed, "household") == 0;
    return st;
}
