/*
 * socialmap_demo.c - the social map of the demo neighbourhood: about forty
 * organisations and a hundred services in and around Heechterp-Schieringen
 * (Leeuwarden): general practitioners, schools, the youth and family centre,
 * care providers, debt help, the food bank, the neighbourhood association,
 * sports clubs, churches, the police officer, the housing corporation and
 * specialised second-line care further away.
 *
 * Every name, address, telephone number and e-mail address is invented (the
 * web addresses end in .example). Everything is written through the rules
 * (socialmap_save_*), so the demo map passes the same checks as a map
 * maintained by hand. Identifiers are derived from the names, so the same
 * seed gives the same map; the seed only varies when each entry was last
 * checked (about one in nine not checked for over a year): organisations,
 * locations, services, their contacts and opening hours, and the terms of
 * the life domains, target groups, lines and the team's own categories.
 */
#include "socialmap_demo.h"
#include "../core/i18n.h"
#include "../core/text.h"
#include "socialmap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The middle of Heechterp-Schieringen; places are given in metres east and north of it. */
#define DEMO_LAT 53.2040
#define DEMO_LON 5.8260

typedef struct demo_org {
    const char *slug;
    const char *name;
    const char *description;
    const char *phone;
    const char *street; /* the (first) location */
    const char *postcode;
    const char *city;
    int east, north; /* metres from the middle of the neighbourhood */
} demo_org;

typedef struct demo_svc {
    const char *org;
    const char *name;
    const char *description;
    const char *domains; /* space-separated codes of sm_life_domains */
    const char *targets; /* of sm_target_groups */
    const char *line;    /* "first" / "second" */
    bool free_of_charge;
    const char *refer;       /* how to refer */
    const char *eligibility; /* for whom */
    const char *languages;   /* space-separated ISO codes */
    const char *days;        /* RRULE BYDAY: "MO,WE" weekly, "1TU" monthly; NULL: by appointment */
    const char *hours;       /* "09:00-12:00" */
    int min_age, max_age;    /* -1: none */
} demo_svc;

typedef struct demo_contact {
    const char *org;
    const char *service; /* NULL: the organisation's contact */
    const char *name;
    const char *title;
    const char *phone;
} demo_contact;

static const demo_org orgs[] = {
    {"huisarts-heechterp", "Huisartsenpraktijk Heechterp", "Huisartsenpraktijk met drie huisartsen, praktijkondersteuners en een assistente voor de wijk Heechterp.", "058 288 41 10", "Valeriusstraat 21", "8923 BK", "Leeuwarden", -320, 240},
    {"huisarts-schieringen", "Huisartsenpraktijk Schieringen", "Huisartsenpraktijk in het gezondheidscentrum van Schieringen.", "058 288 52 00", "Schieringerweg 140", "8924 CJ", "Leeuwarden", 380, -210},
    {"gezondheidscentrum-oost", "Gezondheidscentrum Oost", "Fysiotherapie, diëtetiek, logopedie en apotheek onder één dak.", "058 288 60 60", "Schieringerweg 142", "8924 CJ", "Leeuwarden", 395, -190},
    {"cjg", "Centrum voor Jeugd en Gezin Leeuwarden", "Het CJG helpt ouders, kinderen en jongeren met vragen over opgroeien en opvoeden, van zwangerschap tot 23 jaar.", "058 233 80 80", "Oostergoweg 12", "8923 AR", "Leeuwarden", -120, -380},
    {"obs-zeven-wouden", "OBS De Sân Wâlden", "Openbare basisschool voor de kinderen uit Heechterp en Schieringen, met voor- en vroegschoolse educatie.", "058 266 31 20", "Bildtsestraat 5", "8923 DB", "Leeuwarden", -210, 520},
    {"cbs-de-fontein", "CBS De Fontein", "Christelijke basisschool met een brede school en naschoolse activiteiten.", "058 266 44 90", "Schieringerweg 88", "8924 AE", "Leeuwarden", 120, 60},
    {"oostergo-college", "Oostergo College", "School voor vmbo, havo en vwo aan de oostkant van de stad, met een zorgteam.", "058 299 10 00", "Archipelweg 100", "8924 AM", "Leeuwarden", 1350, -640},
    {"buurtvereniging", "Buurtvereniging Heechterp-Schieringen", "Vereniging van en voor bewoners: buurtkamer, activiteiten en de klusdienst.", "06 2017 3344", "Heechterpplein 2", "8923 AX", "Leeuwarden", -40, 110},
    {"wijkcentrum", "Wijkcentrum De Skakel", "Het wijkcentrum: ontmoeting, cursussen en spreekuren van verschillende organisaties.", "058 288 70 70", "Heechterpplein 4", "8923 AX", "Leeuwarden", -30, 130},
    {"voedselbank", "Voedselbank Leeuwarden", "Tijdelijke hulp met voedselpakketten voor huishoudens die rond moeten komen van te weinig.", "058 212 45 45", "Zwettestraat 31", "8912 AW", "Leeuwarden", -1850, -820},
    {"kledingbank", "Kledingbank Oost", "Gratis kleding voor kinderen en volwassenen met een verwijzing.", "06 3855 1020", "Archipelweg 4", "8924 AG", "Leeuwarden", 900, -300},
    {"schuldhulp-gemeente", "Gemeente Leeuwarden - Geldzaken", "Schuldhulpverlening en budgetbeheer van de gemeente.", "14 058", "Oldehoofsterkerkhof 2", "8911 DH", "Leeuwarden", -2350, 160},
    {"humanitas", "Humanitas Leeuwarden", "Vrijwilligers helpen bij thuisadministratie, eenzaamheid en rouw.", "058 213 17 17", "Tesselschadestraat 9", "8913 HA", "Leeuwarden", -2050, -560},
    {"schuldhulpmaatje", "SchuldHulpMaatje Leeuwarden", "Getrainde vrijwilligers die mensen met geldzorgen begeleiden, samen met de kerken.", "06 4122 9090", "Heechterpplein 4", "8923 AX", "Leeuwarden", -30, 130},
    {"raadslieden", "Sociaal Raadslieden Leeuwarden", "Gratis hulp bij formulieren, toeslagen, bezwaar en brieven van instanties.", "058 215 55 66", "Zuiderplein 3", "8911 AN", "Leeuwarden", -2150, -250},
    {"thuiszorg-oost", "Thuiszorg Oost", "Wijkverpleging, persoonlijke verzorging en huishoudelijke hulp in Leeuwarden-Oost.", "058 288 90 90", "Schieringerweg 142", "8924 CJ", "Leeuwarden", 395, -190},
    {"mantelzorg", "Steunpunt Mantelzorg Leeuwarden", "Informatie, advies en ontspanning voor mantelzorgers, ook voor jonge mantelzorgers.", "058 234 56 00", "Nieuwestad 40", "8911 CX", "Leeuwarden", -2500, -60},
    {"woonstichting", "Woonstichting Oostergoo", "Woningcorporatie met zo'n 2.000 huurwoningen in Heechterp-Schieringen.", "058 299 99 00", "Valeriusplein 1", "8923 BA", "Leeuwarden", -260, 310},
    {"politie", "Politie Leeuwarden-Oost", "De wijkagent kent de buurt en is aanspreekpunt voor veiligheid en overlast.", "0900 8844", "Holstmeerweg 1", "8936 AS", "Leeuwarden", 1900, -2100},
    {"vv-schieringen", "VV Schieringen", "Voetbalvereniging met jeugdteams, walking football en een kantine voor de buurt.", "06 1299 8877", "Sportpark Kalverdijkje 2", "8924 NZ", "Leeuwarden", 1100, 450},
    {"gym-heechterp", "Gymnastiekvereniging Heechterp", "Gym, turnen en bewegen voor alle leeftijden.", "06 2433 1188", "Bildtsestraat 7", "8923 DB", "Leeuwarden", -200, 540},
    {"buurtsport", "Buurtsportcoach Leeuwarden", "Buurtsportcoaches van de gemeente helpen bewoners in beweging te komen.", "058 233 12 12", "Heechterpplein 4", "8923 AX", "Leeuwarden", -30, 130},
    {"pkn-oost", "Protestantse Gemeente Leeuwarden-Oost", "Kerkelijke gemeente met een actieve diaconie en een open inloop.", "058 266 12 34", "Schieringerweg 60", "8924 AC", "Leeuwarden", 40, 20},
    {"parochie", "Parochie Sint-Vitus", "Rooms-katholieke parochie; de caritas helpt mensen in nood.", "058 212 00 11", "Bagijnestraat 43", "8911 DN", "Leeuwarden", -2600, 120},
    {"moskee", "Stichting Moskee Al-Amal", "Moskee en gemeenschapshuis met huiswerkbegeleiding en activiteiten voor vrouwen.", "058 266 77 88", "Archipelweg 20", "8924 AH", "Leeuwarden", 980, -280},
    {"jongerenwerk", "Jongerenwerk Leeuwarden-Oost", "Jongerenwerkers in het jongerenhuis en op straat.", "06 5311 2200", "Heechterpplein 6", "8923 AX", "Leeuwarden", -20, 150},
    {"ouderenwerk", "Ouderenwerk Leeuwarden", "Ouderenadviseurs en activiteiten voor ouderen die zelfstandig wonen.", "058 213 40 40", "Heechterpplein 4", "8923 AX", "Leeuwarden", -30, 130},
    {"nieuwkomers", "Nieuwkomerspunt Leeuwarden", "Begeleiding van statushouders en nieuwkomers bij wonen, taal en werk.", "058 215 90 90", "Groeneweg 3", "8911 BD", "Leeuwarden", -2250, 340},
    {"bibliotheek", "Bibliotheek Leeuwarden-Oost", "Bibliotheek met Taalhuis en Digitaal Hulpplein.", "058 234 77 77", "Schieringerweg 90", "8924 AE", "Leeuwarden", 130, 70},
    {"werkplein", "Werkplein Leeuwarden", "Werk, inkomen en re-integratie: de gemeente en het UWV samen.", "058 233 88 00", "Tesselschadestraat 2", "8913 HA", "Leeuwarden", -2100, -600},
    {"peuteropvang", "Peuteropvang De Lytse Pôle", "Peuteropvang met voorschoolse educatie voor kinderen van 2 tot 4 jaar.", "058 266 31 25", "Bildtsestraat 5", "8923 DB", "Leeuwarden", -205, 525},
    {"speeltuin", "Speeltuinvereniging De Wâlden", "Speeltuin met vrijwilligers, open voor alle kinderen uit de buurt.", "06 4455 6677", "Tjerk Hiddesstraat 2", "8923 EA", "Leeuwarden", 260, 640},
    {"clientondersteuning", "Cliëntondersteuning Friesland", "Onafhankelijke cliëntondersteuning bij Wmo, Jeugdwet en Wet langdurige zorg.", "058 294 10 10", "Snekertrekweg 61", "8912 AA", "Leeuwarden", -3100, -1400},
    {"mindwerk", "Mindwerk GGZ", "Specialistische geestelijke gezondheidszorg voor volwassenen, met een crisisdienst.", "058 284 80 00", "Borniastraat 34", "8934 AD", "Leeuwarden", -1500, -2700},
    {"kwadrant", "Kwadrant Verslavingszorg", "Behandeling en begeleiding bij verslaving aan alcohol, drugs en gokken.", "058 284 60 00", "Borniastraat 38", "8934 AD", "Leeuwarden", -1480, -2720},
    {"jeugdhulp-noord", "Jeugdhulp Noord", "Specialistische jeugdhulp: gezinsbehandeling, jeugd-ggz en pleegzorg.", "058 239 20 00", "Harlingerstraatweg 70", "8914 AZ", "Leeuwarden", -4200, 700},
    {"veilig-thuis", "Veilig Thuis Friesland", "Advies- en meldpunt bij huiselijk geweld en kindermishandeling, dag en nacht bereikbaar.", "0800 2000", "Tesselschadestraat 4", "8913 HA", "Leeuwarden", -2080, -590},
    {"zorggroep", "Zorggroep De Wâlden", "Verpleeghuis, dagbesteding en casemanagement dementie.", "058 299 55 00", "Kalverdijkje 80", "8924 NB", "Leeuwarden", 1500, 900},
    {"beschermd-wonen", "Noorderstaete Beschermd Wonen", "Beschermd en begeleid wonen voor mensen met psychiatrische problemen.", "0513 64 20 00", "Oude Koemarkt 1", "8441 EN", "Heerenveen", 6400, -26900},
    {"opvang", "Stichting De Terp Opvang", "Nachtopvang en maatschappelijke opvang voor dak- en thuislozen.", "058 215 04 04", "Noordvliet 6", "8921 GD", "Leeuwarden", -2700, 900},
};

static const demo_svc svcs[] = {
    /* general practitioners */
    {"huisarts-heechterp", "Huisartsenspreekuur Heechterp", "Spreekuur op afspraak bij de huisarts; spoed altijd dezelfde dag.", "health", "youth_family adults elderly", "first", true, "Bewoners bellen zelf voor een afspraak; bij zorgen kan het team met toestemming overleggen met de huisarts.", "Voor iedereen die bij de praktijk staat ingeschreven.", "nl fy", "MO,TU,WE,TH,FR", "08:00-17:00", -1, -1},
    {"huisarts-heechterp", "Praktijkondersteuner GGZ Heechterp", "Kortdurende begeleiding bij somberheid, stress, angst en slaapproblemen, zonder wachtlijst.", "health", "adults youth_family", "first", true, "Via de huisarts: de bewoner vraagt bij de assistente om een afspraak met de POH-GGZ.", "Volwassenen en jongeren vanaf 16 jaar met lichte psychische klachten.", "nl", "TU,TH", "09:00-16:00", 16, -1},
    {"huisarts-heechterp", "Ouderenconsulent huisartsenpraktijk", "Huisbezoek door de praktijkverpleegkundige bij kwetsbare ouderen: medicijnen, vallen, geheugen.", "health care", "elderly", "first", true, "Aanmelden door de huisarts, de wijkverpleging of het wijkteam.", "Thuiswonende ouderen vanaf 75 jaar die bij de praktijk staan ingeschreven.", "nl fy", "WE", "09:00-12:00", 75, -1},
    {"huisarts-schieringen", "Huisartsenspreekuur Schieringen", "Spreekuur op afspraak en een telefonisch spreekuur.", "health", "youth_family adults elderly", "first", true, "De bewoner belt zelf voor een afspraak.", "Voor ingeschreven patiënten.", "nl en", "MO,TU,WE,TH,FR", "08:00-17:00", -1, -1},
    {"huisarts-schieringen", "Praktijkondersteuner GGZ Schieringen", "Gesprekken bij psychische klachten, ook in het Engels en Arabisch.", "health", "adults migrants", "first", true, "Via de huisarts.", "Volwassenen met psychische klachten.", "nl en ar", "MO,WE", "09:00-17:00", 18, -1},
    {"huisarts-schieringen", "Diabetesspreekuur", "Controle en leefstijladvies bij diabetes type 2.", "health", "adults elderly", "first", true, "Via de huisarts.", "Patiënten met diabetes type 2.", "nl", "FR", "09:00-12:00", 18, -1},
    {"gezondheidscentrum-oost", "Fysiotherapie Oost", "Fysiotherapie, ook aan huis, en beweeggroepen bij artrose en COPD.", "health", "adults elderly", "first", false, "De bewoner maakt zelf een afspraak; een verwijzing is niet nodig.", "Iedereen; vergoeding afhankelijk van de aanvullende verzekering.", "nl", "MO,TU,WE,TH,FR", "08:00-18:00", -1, -1},
    {"gezondheidscentrum-oost", "Diëtist", "Voedingsadvies bij overgewicht, diabetes en ondervoeding.", "health", "youth_family adults elderly", "first", false, "Zonder verwijzing; de eerste drie uur vergoedt de basisverzekering.", "Iedereen.", "nl", "TU,TH", "09:00-17:00", -1, -1},
    {"gezondheidscentrum-oost", "Apotheek Oost", "Apotheek met medicijnrol en bezorging aan huis.", "health", "adults elderly", "first", true, "Recept van de huisarts of specialist.", "Iedereen.", "nl en pl", "MO,TU,WE,TH,FR", "08:00-17:30", -1, -1},
    {"gezondheidscentrum-oost", "Logopedie", "Logopedie bij taal- en spraakproblemen van kinderen en volwassenen.", "health youth", "youth_family", "first", false, "De ouder maakt zelf een afspraak.", "Kinderen en volwassenen.", "nl", "MO,WE", "08:30-16:30", -1, -1},
    /* youth and family */
    {"cjg", "Opvoedspreekuur CJG", "Vragen over opvoeden en opgroeien bespreken met een pedagoog, zonder indicatie.", "youth", "youth_family", "first", true, "Ouders lopen binnen of bellen; het wijkteam kan een warme overdracht afspreken.", "Ouders van kinderen van 0 tot 18 jaar.", "nl fy en", "WE", "13:00-16:00", -1, -1},
    {"cjg", "Consultatiebureau (JGZ 0-4)", "Groei, ontwikkeling en vaccinaties van baby's en peuters.", "youth health", "youth_family", "first", true, "Ouders krijgen vanzelf een uitnodiging na de geboorte.", "Kinderen van 0 tot 4 jaar en hun ouders.", "nl ar ti", "MO,TU,TH", "08:30-16:30", 0, 4},
    {"cjg", "Jeugdverpleegkundige op school", "Gezondheidsonderzoek en spreekuur op school voor leerlingen en ouders.", "youth health", "youth_family", "first", true, "Via de school of rechtstreeks bij het CJG.", "Leerlingen van 4 tot 18 jaar.", "nl", "TU", "09:00-12:00", 4, 18},
    {"cjg", "Cursus Positief Opvoeden", "Cursus van vier bijeenkomsten voor ouders: grenzen stellen, belonen, rust in huis.", "youth", "youth_family", "first", true, "Aanmelden bij het CJG.", "Ouders van kinderen van 2 tot 12 jaar.", "nl", "1TH", "19:30-21:30", -1, -1},
    {"cjg", "Stevig Ouderschap", "Huisbezoeken van een jeugdverpleegkundige bij ouders die het zwaar hebben na de geboorte.", "youth care", "youth_family", "first", true, "Aanmelden door de verloskundige, het consultatiebureau of het wijkteam.", "Ouders van een baby tot 18 maanden.", "nl", NULL, NULL, -1, -1},
    {"obs-zeven-wouden", "Basisonderwijs De Sân Wâlden", "Basisschool groep 1 tot en met 8 met een taalklas voor nieuwkomers.", "youth", "youth_family migrants", "first", true, "Ouders melden hun kind aan bij de directeur.", "Kinderen van 4 tot 12 jaar.", "nl fy", "MO,TU,WE,TH,FR", "08:30-14:30", 4, 12},
    {"obs-zeven-wouden", "Schoolmaatschappelijk werk", "Gesprekken met leerlingen en ouders als het thuis of op school niet goed gaat.", "youth care", "youth_family", "first", true, "Via de intern begeleider van de school.", "Leerlingen en hun ouders.", "nl", "TH", "08:30-12:00", 4, 12},
    {"cbs-de-fontein", "Basisonderwijs De Fontein", "Basisschool met een brede school: sport, muziek en huiswerkhulp na school.", "youth", "youth_family", "first", true, "Ouders melden hun kind aan bij de school.", "Kinderen van 4 tot 12 jaar.", "nl", "MO,TU,WE,TH,FR", "08:30-14:30", 4, 12},
    {"cbs-de-fontein", "Naschoolse activiteiten De Fontein", "Gratis activiteiten na schooltijd voor kinderen uit de buurt.", "youth participation", "youth_family", "first", true, "Kinderen schrijven zich in via de school.", "Kinderen van 6 tot 12 jaar.", "nl", "TU,TH", "14:30-16:00", 6, 12},
    {"oostergo-college", "Zorgteam Oostergo College", "Zorgcoördinator, mentor en schoolmaatschappelijk werk voor leerlingen die vastlopen.", "youth", "youth_family", "first", true, "De mentor of de ouder meldt de leerling bij de zorgcoördinator.", "Leerlingen van 12 tot 18 jaar.", "nl", "MO,TU,WE,TH,FR", "08:00-16:00", 12, 18},
    {"peuteropvang", "Voorschoolse educatie", "Peuteropvang met extra taalstimulering, vier dagdelen per week.", "youth", "youth_family migrants", "first", false, "Het consultatiebureau geeft een VVE-indicatie; ouders melden aan bij de peuteropvang.", "Kinderen van 2 tot 4 jaar.", "nl", "MO,TU,TH,FR", "08:30-12:30", 2, 4},
    {"speeltuin", "Speeltuin De Wâlden", "Speeltuin met vrijwilligers, zomeractiviteiten en een speel-o-theek.", "participation youth", "youth_family", "first", true, "Vrij toegankelijk.", "Kinderen tot 12 jaar met hun ouders.", "nl", "WE,SA", "13:00-17:00", 0, 12},
    {"jongerenwerk", "Jongerenhuis inloop", "Inloop voor jongeren: chillen, gamen, praten met een jongerenwerker.", "participation youth", "youth_family", "first", true, "Vrij toegankelijk; het wijkteam kan een jongere voorstellen aan de jongerenwerker.", "Jongeren van 12 tot 23 jaar.", "nl", "TU,WE,FR", "15:00-21:00", 12, 23},
    {"jongerenwerk", "Ambulant jongerenwerk", "Jongerenwerkers op straat: contact met groepen jongeren, signalen en overlast.", "youth participation", "youth_family", "first", true, "Signalen doorgeven aan het jongerenwerk; zij leggen zelf contact.", "Jongeren van 12 tot 23 jaar.", "nl", "MO,TH", "19:00-23:00", 12, 23},
    {"jongerenwerk", "Coaching naar werk en school", "Een jongerenwerker helpt jongeren zonder school of werk weer op weg.", "work youth", "youth_family", "first", true, "Aanmelden door de jongere zelf, de school of het wijkteam.", "Jongeren van 16 tot 27 jaar zonder startkwalificatie.", "nl", NULL, NULL, 16, 27},
    /* neighbourhood and participation */
    {"buurtvereniging", "Buurtkamer", "Ontmoetingsplek met koffie, een praatje en een luisterend oor.", "participation", "adults elderly", "first", true, "Vrij binnenlopen.", "Alle bewoners.", "nl fy", "MO,WE,FR", "10:00-12:00", -1, -1},
    {"buurtvereniging", "Klusdienst vrijwilligers", "Vrijwilligers helpen bij kleine klussen in en om het huis.", "housing participation", "elderly disabilities", "first", true, "Aanvragen bij de buurtvereniging; het wijkteam kan een klus doorgeven.", "Bewoners die het zelf niet kunnen en geen netwerk hebben.", "nl", NULL, NULL, -1, -1},
    {"buurtvereniging", "Buurtbarbecue en activiteiten", "Jaarlijkse buurtbarbecue, straatspeeldag en kerstmarkt, georganiseerd door bewoners.", "participation", "youth_family adults elderly", "first", true, "Meedoen of helpen: aanmelden bij de buurtvereniging.", "Alle bewoners.", "nl", NULL, NULL, -1, -1},
    {"wijkcentrum", "Taalcafé", "Nederlands oefenen in een ontspannen sfeer met vrijwilligers.", "participation", "migrants adults", "first", true, "Vrij binnenlopen.", "Anderstaligen die Nederlands willen oefenen.", "nl en ar ti uk", "TU", "14:00-16:00", 16, -1},
    {"wijkcentrum", "Koffieochtend voor senioren", "Wekelijkse koffieochtend met af en toe een spreker of uitje.", "participation", "elderly", "first", true, "Vrij binnenlopen.", "Ouderen uit de wijk.", "nl fy", "TH", "10:00-12:00", 55, -1},
    {"wijkcentrum", "Repair café", "Samen kapotte spullen repareren in plaats van weggooien.", "participation", "adults elderly", "first", true, "Vrij binnenlopen met het kapotte apparaat.", "Alle bewoners.", "nl", "2SA", "10:00-13:00", -1, -1},
    {"wijkcentrum", "Computerhulp", "Hulp met de computer, telefoon, DigiD en e-mail.", "participation", "elderly adults", "first", true, "Vrij binnenlopen.", "Iedereen die hulp wil bij digitale zaken.", "nl", "WE", "13:30-15:30", -1, -1},
    {"wijkcentrum", "Maaltijd in de wijk", "Samen eten voor een klein bedrag, elke eerste en derde vrijdag.", "participation", "elderly adults", "first", false, "Aanmelden uiterlijk woensdag bij het wijkcentrum.", "Alle bewoners; vooral voor wie vaak alleen eet.", "nl", "1FR,3FR", "17:30-19:30", -1, -1},
    {"buurtsport", "Bewegen in de buurt", "Laagdrempelig sporten met de buurtsportcoach, ook voor wie lang niet heeft bewogen.", "health participation", "adults elderly", "first", true, "Vrij aansluiten of aanmelden via het wijkteam.", "Volwassenen en ouderen.", "nl", "MO,TH", "10:00-11:00", 18, -1},
    {"buurtsport", "Jeugdsportfonds-aanvraag", "De buurtsportcoach vraagt contributie en sportkleding aan voor kinderen uit gezinnen met weinig geld.", "participation money youth", "youth_family", "first", true, "Aanvragen via de buurtsportcoach, school of het wijkteam.", "Kinderen van 4 tot 18 jaar uit gezinnen met een laag inkomen.", "nl", NULL, NULL, 4, 18},
    {"vv-schieringen", "Jeugdvoetbal", "Voetbal voor jongens en meisjes, van mini's tot onder 19.", "participation youth", "youth_family", "first", false, "Aanmelden bij de ledenadministratie; proeftrainingen gratis.", "Kinderen van 5 tot 18 jaar.", "nl", "TU,TH", "17:00-19:00", 5, 18},
    {"vv-schieringen", "Walking football 60+", "Voetbal in wandeltempo voor ouderen, met koffie na afloop.", "participation health", "elderly", "first", false, "Vrij meedoen; drie keer gratis proberen.", "Ouderen vanaf 60 jaar.", "nl", "WE", "10:00-11:30", 60, -1},
    {"gym-heechterp", "Bewegen voor ouderen", "Rustige gymles op de stoel en staand, voor balans en kracht.", "health participation", "elderly", "first", false, "Aanmelden bij de vereniging.", "Ouderen.", "nl", "TU", "10:00-11:00", 60, -1},
    {"gym-heechterp", "Turnen voor kinderen", "Turnen en gym voor kinderen.", "participation youth", "youth_family", "first", false, "Aanmelden bij de vereniging.", "Kinderen van 4 tot 12 jaar.", "nl", "WE", "15:00-17:00", 4, 12},
    {"bibliotheek", "Taalhuis", "Hulp bij lezen, schrijven en rekenen, en cursussen Nederlands.", "participation work", "adults migrants", "first", true, "Vrij binnenlopen of aanmelden via het wijkteam.", "Volwassenen die beter willen leren lezen en schrijven.", "nl en ar", "TU,TH", "10:00-12:00", 18, -1},
    {"bibliotheek", "Digitaal Hulpplein", "Hulp bij DigiD, de Belastingdienst, toeslagen en de gemeente online.", "money participation", "adults elderly", "first", true, "Vrij binnenlopen.", "Iedereen die vastloopt met digitale overheidszaken.", "nl", "WE", "10:00-12:00", -1, -1},
    {"speeltuin", "Speel-o-theek", "Speelgoed lenen voor een klein bedrag per jaar.", "youth participation", "youth_family", "first", false, "Lid worden bij de speeltuin.", "Gezinnen met kinderen.", "nl", "SA", "10:00-12:00", -1, -1},
    /* churches */
    {"pkn-oost", "Diaconie: noodhulp", "Eenmalige financiële hulp in noodsituaties, na overleg met een hulpverlener.", "money", "adults youth_family", "first", true, "Het wijkteam of de schuldhulpverlening neemt contact op met de diaconie.", "Huishoudens in acute financiële nood, ongeacht geloof.", "nl", NULL, NULL, -1, -1},
    {"pkn-oost", "Open kerk met koffie", "De kerk is open voor een kop koffie, een gesprek of stilte.", "participation", "adults elderly", "first", true, "Vrij binnenlopen.", "Iedereen.", "nl fy", "WE", "10:00-12:00", -1, -1},
    {"parochie", "Caritas: maaltijd voor alleenstaanden", "Maandelijkse maaltijd voor mensen die alleen zijn.", "participation", "elderly adults", "first", true, "Aanmelden bij het parochiesecretariaat.", "Alleenstaanden, ongeacht geloof.", "nl pl", "-1SU", "12:30-14:30", -1, -1},
    {"moskee", "Huiswerkbegeleiding", "Vrijwilligers helpen kinderen met huiswerk en lezen.", "youth participation", "youth_family migrants", "first", true, "Aanmelden bij de moskee.", "Kinderen van 6 tot 16 jaar.", "nl ar tr", "MO,WE", "16:00-18:00", 6, 16},
    {"moskee", "Vrouwenochtend", "Ontmoeting, voorlichting en taal voor vrouwen.", "participation", "migrants adults", "first", true, "Vrij binnenlopen.", "Vrouwen uit de wijk.", "nl ar tr so", "TH", "10:00-12:00", 16, -1},
    /* money and debts */
    {"voedselbank", "Voedselpakket", "Wekelijks een voedselpakket voor huishoudens die onder de norm leven, voor maximaal drie jaar.", "money", "youth_family adults elderly", "first", true, "Aanmelden door een hulpverlener (wijkteam, schuldhulp) met inkomsten en uitgaven.", "Huishoudens met weinig leefgeld na vaste lasten.", "nl en ar", "TH", "13:00-16:00", -1, -1},
    {"kledingbank", "Kledingbank", "Gratis kleding uitzoeken, vier keer per jaar.", "money", "youth_family adults", "first", true, "Verwijzing van het wijkteam, de voedselbank of de schuldhulpverlening.", "Huishoudens met een laag inkomen.", "nl", "SA", "10:00-13:00", -1, -1},
    {"schuldhulp-gemeente", "Schuldhulpverlening", "Een schuldhulpverlener brengt de schulden in kaart en zoekt een regeling met de schuldeisers.", "money", "adults youth_family elderly", "first", true, "De bewoner meldt zich aan via 14 058 of het wijkteam meldt aan met toestemming; binnen drie werkdagen een eerste gesprek.", "Inwoners van Leeuwarden met problematische schulden.", "nl en", "MO,TU,WE,TH,FR", "09:00-17:00", 18, -1},
    {"schuldhulp-gemeente", "Budgetbeheer", "De gemeente betaalt de vaste lasten van het inkomen en geeft leefgeld.", "money", "adults elderly", "first", true, "Na een gesprek bij de schuldhulpverlening.", "Inwoners die hun geld tijdelijk niet zelf kunnen beheren.", "nl", NULL, NULL, 18, -1},
    {"schuldhulp-gemeente", "Vroegsignalering betalingsachterstanden", "Bij een melding van een achterstand in huur, energie of zorgverzekering gaat een medewerker op huisbezoek.", "money housing", "adults youth_family elderly", "first", true, "Signalen komen vanzelf binnen van woningcorporaties en energieleveranciers.", "Huishoudens met een betalingsachterstand.", "nl", NULL, NULL, -1, -1},
    {"humanitas", "Thuisadministratie", "Een vrijwilliger helpt een jaar lang de administratie op orde te brengen en te houden.", "money", "adults elderly", "first", true, "Aanmelden door de bewoner zelf of het wijkteam.", "Mensen die overzicht over post en geld kwijt zijn, zonder grote schulden.", "nl", NULL, NULL, 18, -1},
    {"humanitas", "Maatjesproject tegen eenzaamheid", "Een vaste vrijwilliger komt regelmatig op bezoek of gaat samen op pad.", "participation", "elderly adults", "first", true, "Aanmelden door de bewoner of een hulpverlener.", "Mensen die zich eenzaam voelen.", "nl", NULL, NULL, 18, -1},
    {"humanitas", "Rouwgroep", "Gespreksgroep voor mensen die een dierbare hebben verloren.", "health participation", "adults elderly", "first", true, "Aanmelden bij Humanitas.", "Volwassenen na een verlies.", "nl", "2TU", "19:30-21:30", 18, -1},
    {"schuldhulpmaatje", "SchuldHulpMaatje", "Een getrainde vrijwilliger helpt bij geldzorgen, ook naast de schuldhulpverlening.", "money", "adults youth_family", "first", true, "Aanmelden via de website of het wijkteam.", "Iedereen met geldzorgen.", "nl", NULL, NULL, 18, -1},
    {"schuldhulpmaatje", "Cursus Geld de Baas", "Cursus van vijf avonden over budgetteren, sparen en papieren op orde.", "money", "adults", "first", true, "Aanmelden bij SchuldHulpMaatje.", "Volwassenen die grip op geld willen.", "nl", "1MO", "19:30-21:30", 18, -1},
    {"raadslieden", "Sociaal raadslieden spreekuur", "Uitleg van brieven, hulp bij toeslagen, bezwaarschriften en formulieren.", "money work", "adults elderly migrants", "first", true, "Vrij binnenlopen tijdens het spreekuur of bellen voor een afspraak.", "Inwoners van Leeuwarden.", "nl en ar", "MO,WE", "09:00-12:00", 18, -1},
    {"raadslieden", "Belastingaangifte-hulp", "Vrijwilligers vullen de belastingaangifte in voor mensen met een laag inkomen.", "money", "adults elderly", "first", true, "Afspraak maken in maart of april.", "Huishoudens met een laag inkomen.", "nl", "TU", "09:00-12:00", 18, -1},
    /* care and welfare */
    {"thuiszorg-oost", "Wijkverpleging", "Verpleging en verzorging thuis; de wijkverpleegkundige indiceert zelf.", "care health", "elderly disabilities adults", "first", true, "Aanmelden door de huisarts, het ziekenhuis, het wijkteam of de bewoner zelf.", "Mensen die thuis verpleging of verzorging nodig hebben.", "nl fy", NULL, NULL, -1, -1},
    {"thuiszorg-oost", "Huishoudelijke hulp (Wmo)", "Hulp bij het schoonhouden van het huis, met een Wmo-beschikking.", "care housing", "elderly disabilities", "first", false, "Via een Wmo-melding bij het wijkteam; eigen bijdrage volgens het abonnementstarief.", "Inwoners die het huishouden niet zelf kunnen doen.", "nl", NULL, NULL, 18, -1},
    {"thuiszorg-oost", "Alarmering en personenalarm", "Personenalarm met opvolging door de thuiszorg.", "care", "elderly disabilities", "first", false, "De bewoner of mantelzorger vraagt het aan bij de thuiszorg.", "Thuiswonende ouderen en mensen met een beperking.", "nl", NULL, NULL, -1, -1},
    {"mantelzorg", "Mantelzorgondersteuning", "Advies, een luisterend oor en de mantelzorgwaardering.", "care", "informal_carers", "first", true, "De mantelzorger meldt zich zelf aan, of het wijkteam met toestemming.", "Mantelzorgers in Leeuwarden.", "nl fy", "MO,TU,WE,TH", "09:00-16:00", -1, -1},
    {"mantelzorg", "Respijtzorg", "Een vrijwilliger neemt de zorg even over zodat de mantelzorger op adem kan komen.", "care", "informal_carers elderly", "first", true, "Aanvragen bij het steunpunt.", "Mantelzorgers die overbelast dreigen te raken.", "nl", NULL, NULL, -1, -1},
    {"mantelzorg", "Jonge mantelzorgers", "Uitjes en lotgenotencontact voor kinderen die thuis zorgen voor een ouder, broer of zus.", "care youth", "informal_carers youth_family", "first", true, "Aanmelden door de jongere, de ouder, school of het wijkteam.", "Jongeren van 8 tot 24 jaar.", "nl", "3WE", "14:00-17:00", 8, 24},
    {"ouderenwerk", "Ouderenadviseur", "Huisbezoek bij vragen over wonen, zorg, geld en eenzaamheid.", "care participation", "elderly", "first", true, "De oudere, een familielid of het wijkteam vraagt een huisbezoek aan.", "Ouderen vanaf 65 jaar.", "nl fy", NULL, NULL, 65, -1},
    {"ouderenwerk", "Valpreventie In Balans", "Cursus van tien weken om vallen te voorkomen.", "health", "elderly", "first", false, "Aanmelden bij het ouderenwerk; soms vergoed door de zorgverzekeraar.", "Ouderen die bang zijn om te vallen.", "nl", "MO", "14:00-15:30", 65, -1},
    {"clientondersteuning", "Onafhankelijke cliëntondersteuning", "Een cliëntondersteuner denkt mee en gaat mee naar gesprekken over zorg en ondersteuning.", "care", "adults elderly disabilities youth_family", "first", true, "De bewoner belt zelf; het wijkteam wijst hier altijd op bij een Wmo-melding.", "Iedereen die een gesprek heeft over Wmo, Jeugdwet of Wlz.", "nl", "MO,TU,WE,TH,FR", "09:00-17:00", -1, -1},
    /* housing */
    {"woonstichting", "Huurdersloket", "Vragen over huur, reparaties, woningruil en urgentie.", "housing", "adults elderly youth_family", "first", true, "Bewoners bellen of lopen binnen.", "Huurders van Woonstichting Oostergoo.", "nl en", "MO,TU,WE,TH", "09:00-12:30", -1, -1},
    {"woonstichting", "Betalingsregeling huurachterstand", "Afspraken over het aflossen van een huurachterstand om ontruiming te voorkomen.", "housing money", "adults youth_family", "first", true, "De huurder belt de huurincasso; het wijkteam kan met toestemming meebellen.", "Huurders met een huurachterstand.", "nl", "MO,WE,FR", "09:00-12:00", 18, -1},
    {"woonstichting", "Woonconsulent bij overlast", "Bemiddeling en afspraken bij burenoverlast en vervuilde woningen.", "housing", "adults", "first", true, "Melden bij het huurdersloket; de woonconsulent overlegt in het buurtnetwerk met het wijkteam en de wijkagent.", "Huurders en omwonenden.", "nl", NULL, NULL, -1, -1},
    {"woonstichting", "Buurtbemiddeling", "Getrainde vrijwilligers helpen buren een conflict samen op te lossen.", "housing participation", "adults elderly", "first", true, "Aanmelden door een van de buren, de corporatie of het wijkteam.", "Buren met een conflict.", "nl", NULL, NULL, 18, -1},
    /* police */
    {"politie", "Wijkagent Heechterp-Schieringen", "De wijkagent is aanspreekpunt voor veiligheid, overlast, drugs- en hennepsignalen.", "housing care", "adults youth_family elderly", "first", true, "Bellen met 0900-8844 en vragen naar de wijkagent; bij spoed 112. Het team deelt signalen in het buurtnetwerk.", "Bewoners en professionals in de wijk.", "nl", "WE", "13:00-15:00", -1, -1},
    {"politie", "Meld Misdaad Anoniem", "Anoniem melden van criminaliteit, zoals drugshandel of hennepteelt.", "housing", "adults", "first", true, "Anoniem bellen naar 0800-7000.", "Iedereen.", "nl en", NULL, NULL, -1, -1},
    /* work and income */
    {"werkplein", "Bijstandsuitkering aanvragen", "Aanvraag en begeleiding bij een bijstandsuitkering.", "work money", "adults", "first", true, "De bewoner vraagt zelf aan via de website of het Werkplein; het wijkteam kan helpen met de papieren.", "Inwoners zonder voldoende inkomen.", "nl en ar", "MO,TU,WE,TH,FR", "09:00-16:00", 18, -1},
    {"werkplein", "Werkcoach", "Een werkcoach helpt bij solliciteren, opleiding en een passende baan.", "work", "adults migrants", "first", true, "Via de klantmanager van het Werkplein.", "Werkzoekenden met een uitkering.", "nl", NULL, NULL, 18, -1},
    {"werkplein", "Participatieplek en vrijwilligerswerk", "Een plek om ervaring op te doen en mee te doen, met begeleiding.", "work participation", "adults disabilities", "first", true, "Via de klantmanager of het wijkteam.", "Inwoners die nog niet kunnen werken.", "nl", NULL, NULL, 18, -1},
    {"werkplein", "Bijzondere bijstand en minimaregelingen", "Vergoeding van bijzondere kosten, de Meedoenregeling en kwijtschelding.", "money", "adults youth_family elderly", "first", true, "Aanvragen via de website of met hulp van de sociaal raadslieden.", "Huishoudens met een inkomen tot 120% van het sociaal minimum.", "nl", NULL, NULL, 18, -1},
    {"nieuwkomers", "Begeleiding statushouders", "Begeleiding bij huisvesting, inburgering, geldzaken en de eerste stappen in de wijk.", "participation work money", "migrants", "first", true, "Aanmelden door de gemeente of het wijkteam.", "Statushouders in hun eerste jaren in Leeuwarden.", "nl en ar ti so uk", "MO,TU,WE,TH", "09:00-17:00", 18, -1},
    {"nieuwkomers", "Taalmaatje", "Een vrijwilliger oefent wekelijks Nederlands met een nieuwkomer.", "participation", "migrants", "first", true, "Aanmelden bij het Nieuwkomerspunt.", "Nieuwkomers die Nederlands leren.", "nl en ar ti uk", NULL, NULL, 16, -1},
    {"nieuwkomers", "Spreekuur Oekraïense vluchtelingen", "Informatie over wonen, werk, school en zorg voor ontheemden uit Oekraïne.", "participation work", "migrants", "first", true, "Vrij binnenlopen.", "Ontheemden uit Oekraïne.", "uk en nl", "FR", "13:00-16:00", -1, -1},
    /* second line */
    {"mindwerk", "Behandeling GGZ volwassenen", "Specialistische behandeling bij depressie, angst, trauma en persoonlijkheidsproblemen.", "health", "adults", "second", true, "Verwijzing van de huisarts nodig; het wijkteam bespreekt dit met de huisarts en de POH-GGZ.", "Volwassenen met ernstige psychische problemen.", "nl en", "MO,TU,WE,TH,FR", "08:30-17:00", 18, -1},
    {"mindwerk", "Crisisdienst GGZ", "Dag en nacht bereikbaar bij een psychische crisis.", "health", "adults youth_family", "second", true, "Via de huisarts of de huisartsenpost; bij direct gevaar 112.", "Iedereen in een acute psychische crisis.", "nl en", NULL, NULL, -1, -1},
    {"mindwerk", "FACT-team Leeuwarden-Oost", "Behandeling en begeleiding aan huis bij langdurige psychiatrische problemen.", "health care", "adults", "second", true, "Verwijzing door de huisarts of een GGZ-behandelaar; het wijkteam sluit aan bij het overleg.", "Volwassenen met ernstige psychiatrische aandoeningen.", "nl", NULL, NULL, 18, -1},
    {"kwadrant", "Ambulante verslavingszorg", "Behandeling bij verslaving aan alcohol, drugs, gokken of gamen.", "health", "adults youth_family", "second", true, "Verwijzing van de huisarts; voor een eerste adviesgesprek kan iedereen zelf bellen.", "Jongeren en volwassenen met een verslaving.", "nl en pl", "MO,TU,WE,TH,FR", "09:00-17:00", 16, -1},
    {"kwadrant", "Preventie en voorlichting verslaving", "Voorlichting en advies voor ouders, scholen en professionals.", "health youth", "youth_family", "first", true, "Vrij bellen of mailen.", "Ouders, jongeren en professionals.", "nl", NULL, NULL, -1, -1},
    {"jeugdhulp-noord", "Gezinsbehandeling", "Intensieve hulp thuis voor gezinnen met meerdere problemen.", "youth care", "youth_family", "second", true, "Met een beschikking jeugdhulp via het wijkteam.", "Gezinnen met kinderen tot 18 jaar.", "nl", NULL, NULL, 0, 18},
    {"jeugdhulp-noord", "Jeugd-GGZ", "Behandeling bij psychische problemen van kinderen en jongeren.", "youth health", "youth_family", "second", true, "Verwijzing van de huisarts of het wijkteam.", "Kinderen en jongeren tot 18 jaar.", "nl en", "MO,TU,WE,TH,FR", "08:30-17:00", 0, 18},
    {"jeugdhulp-noord", "Pleegzorg", "Tijdelijk opvang van een kind in een pleeggezin.", "youth", "youth_family", "second", true, "Via het wijkteam of de jeugdbescherming.", "Kinderen die tijdelijk niet thuis kunnen wonen.", "nl", NULL, NULL, 0, 18},
    {"veilig-thuis", "Advies en melding huiselijk geweld", "Advies en meldingen bij huiselijk geweld, kindermishandeling en ouderenmishandeling.", "care youth", "youth_family adults elderly", "second", true, "Professionals volgen de meldcode en bellen 0800-2000; dag en nacht bereikbaar.", "Iedereen die zich zorgen maakt over geweld in een gezin.", "nl en", NULL, NULL, -1, -1},
    {"zorggroep", "Dagbesteding ouderen", "Dagbesteding met activiteiten en zorg voor ouderen met geheugenproblemen.", "care participation", "elderly", "second", false, "Met een Wmo-beschikking via het wijkteam.", "Ouderen met dementie of somatische problemen.", "nl fy", "MO,TU,WE,TH,FR", "09:30-16:00", 60, -1},
    {"zorggroep", "Casemanagement dementie", "Een casemanager begeleidt mensen met dementie en hun mantelzorgers.", "care health", "elderly informal_carers", "second", true, "Na de diagnose via de huisarts of de geheugenpoli.", "Mensen met dementie en hun naasten.", "nl fy", NULL, NULL, -1, -1},
    {"zorggroep", "Verpleeghuiszorg", "Wonen met 24-uurszorg voor mensen met een Wlz-indicatie.", "care", "elderly", "second", false, "Met een Wlz-indicatie van het CIZ.", "Ouderen die niet meer thuis kunnen wonen.", "nl fy", NULL, NULL, 65, -1},
    {"beschermd-wonen", "Beschermd wonen", "Wonen met 24-uurs begeleiding voor mensen met psychiatrische problemen.", "housing care health", "adults", "second", false, "Aanvraag via het wijkteam en de centrumgemeente.", "Volwassenen die niet zelfstandig kunnen wonen.", "nl", NULL, NULL, 18, -1},
    {"beschermd-wonen", "Begeleid wonen in de wijk", "Ambulante begeleiding bij zelfstandig wonen na beschermd wonen.", "housing care", "adults", "second", false, "Met een Wmo-beschikking.", "Volwassenen die na beschermd wonen weer zelfstandig wonen.", "nl", NULL, NULL, 18, -1},
    {"opvang", "Nachtopvang", "Een slaapplek, maaltijd en douche voor dak- en thuislozen.", "housing", "adults", "second", true, "Aanmelden bij de centrale toegang maatschappelijke opvang; het wijkteam belt mee.", "Dakloze volwassenen met een binding met de regio.", "nl en pl", "MO,TU,WE,TH,FR,SA,SU", "20:00-23:59", 18, -1},
    {"opvang", "Housing First", "Eerst een eigen woning, dan begeleiding bij de andere problemen.", "housing care", "adults", "second", true, "Via de centrale toegang maatschappelijke opvang.", "Dakloze volwassenen met meervoudige problemen.", "nl", NULL, NULL, 18, -1},
};

static const demo_contact contacts[] = {
    {"politie", "Wijkagent Heechterp-Schieringen", "Jelle de Boer", "Wijkagent", "06 1000 2233"},
    {"schuldhulp-gemeente", "Schuldhulpverlening", "Anouk Terpstra", "Schuldhulpverlener, vast contact voor het wijkteam", "058 233 45 67"},
    {"cjg", "Opvoedspreekuur CJG", "Esther Wijnia", "Pedagoog", "058 233 80 81"},
    {"woonstichting", "Woonconsulent bij overlast", "Sjoerd Hiemstra", "Woonconsulent", "058 299 99 12"},
    {"voedselbank", "Voedselpakket", "Riemke Bosma", "Coördinator intake", "058 212 45 46"},
    {"mindwerk", NULL, "Dr. Karin Veenstra", "Psychiater, consultatie voor huisartsen en wijkteams", "058 284 80 10"},
    {"huisarts-heechterp", NULL, "Mirjam Kuipers", "Praktijkmanager", "058 288 41 11"},
    {"mantelzorg", "Mantelzorgondersteuning", "Hans Zijlstra", "Mantelzorgconsulent", "058 234 56 01"},
};

static const char *const demo_hosts_suffix = ".example";

/* A small deterministic mix of the seed and a text (FNV-1a). */
static uint64_t mix(uint64_t seed, const char *s)
{
    uint64_t h = 1469598103934665603ull ^ seed;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ^ (h >> 29);
}

/* The date of the last check: mostly within the year; one in nine over a year ago. */
static const char *checked_on(arena *a, uint64_t seed, const char *what)
{
    uint64_t h = mix(seed, what);
    long days = h % 9 == 0 ? 380 + (long)(h / 9 % 400) : (long)(h / 9 % 330);
    char d[11];
    date_format(date_add_days(date_today(), -days), d);
    return arena_strdup(a, d);
}

static const char *org_id(arena *a, const char *slug)
{
    return sm_uuid_derived(a, arena_printf(a, "demo:organization:%s", slug));
}

static const char *location_id(arena *a, const char *slug)
{
    return sm_uuid_derived(a, arena_printf(a, "demo:location:%s", slug));
}

static const char *service_id(arena *a, const char *slug, const char *name)
{
    return sm_uuid_derived(a, arena_printf(a, "demo:service:%s:%s", slug, name));
}

/* "Huisartsenpraktijk Heechterp" -> "info@huisarts-heechterp.example" etc. */
static const char *host_of(arena *a, const char *slug)
{
    return arena_printf(a, "%s%s", slug, demo_hosts_suffix);
}

static const char *num(arena *a, double v)
{
    return arena_printf(a, "%.6f", v);
}

static wt_status demo_organisation(wt_ctx *ctx, const demo_org *o, uint64_t seed, errors *e)
{
    arena *a = ctx->a;
    hsds_row org = hsds_row_new(a, hsds_resource_by_name("organization"));
    hsds_set_raw(&org, "id", org_id(a, o->slug));
    hsds_set_raw(&org, "name", o->name);
    hsds_set_raw(&org, "description", o->description);
    hsds_set_raw(&org, "email", arena_printf(a, "info@%s", host_of(a, o->slug)));
    hsds_set_raw(&org, "website", arena_printf(a, "https://www.%s", host_of(a, o->slug)));
    wt_status st = socialmap_save_organization(ctx, &org, o->phone, checked_on(a, seed, o->slug), NULL, e);
    if (st != WT_OK)
        return st;
    hsds_row loc = hsds_row_new(a, hsds_resource_by_name("location"));
    hsds_row addr = hsds_row_new(a, hsds_resource_by_name("address"));
    hsds_set_raw(&loc, "id", location_id(a, o->slug));
    hsds_set_raw(&loc, "organization_id", org_id(a, o->slug));
    hsds_set_raw(&loc, "name", o->name);
    hsds_set_raw(&loc, "location_type", "physical");
    hsds_set_raw(&loc, "latitude", num(a, DEMO_LAT + o->north / 111320.0));
    hsds_set_raw(&loc, "longitude", num(a, DEMO_LON + o->east / (111320.0 * cos(DEMO_LAT * M_PI / 180.0))));
    if (o->north < 2000 && o->north > -3000)
        hsds_set_raw(&loc, "transportation", _("Stadsbus lijn 2 en 3, halte op loopafstand; parkeren voor de deur."));
    hsds_set_raw(&addr, "address_1", o->street);
    hsds_set_raw(&addr, "postal_code", o->postcode);
    hsds_set_raw(&addr, "city", o->city);
    hsds_set_raw(&addr, "state_province", "Fryslân");
    hsds_set_raw(&addr, "country", "NL");
    return socialmap_save_location(ctx, &loc, &addr, checked_on(a, seed, arena_printf(a, "loc:%s", o->slug)), e);
}

/* Splits a space-separated list into an array (arena). */
static const char **words(arena *a, const char *list, int *n)
{
    *n = 0;
    const char **out = arena_alloc(a, sizeof(char *) * 16);
    char *copy = arena_strdup(a, list ? list : "");
    for (char *save = NULL, *t = strtok_r(copy, " ", &save); t && *n < 16; t = strtok_r(NULL, " ", &save))
        out[(*n)++] = t;
    return out;
}

static wt_status demo_schedule(wt_ctx *ctx, const char *sid, const demo_svc *s, uint64_t seed, errors *e)
{
    arena *a = ctx->a;
    if (!s->days)
        return WT_OK;
    hsds_row sc = hsds_row_new(a, hsds_resource_by_name("schedule"));
    bool monthly = s->days[0] == '-' || (s->days[0] >= '1' && s->days[0] <= '5');
    hsds_set_raw(&sc, "id", sm_uuid_derived(a, arena_printf(a, "%s:schedule", sid)));
    hsds_set_raw(&sc, "service_id", sid);
    hsds_set_raw(&sc, "freq", monthly ? "MONTHLY" : "WEEKLY");
    hsds_set_raw(&sc, "byday", s->days);
    hsds_set_raw(&sc, "wkst", "MO");
    if (s->hours) {
        hsds_set_raw(&sc, "opens_at", arena_strndup(a, s->hours, 5));
        hsds_set_raw(&sc, "closes_at", arena_strdup(a, s->hours + 6));
    }
    return socialmap_save_schedule(ctx, &sc, checked_on(a, seed, hsds_get(&sc, "id")), e);
}

static wt_status demo_service(wt_ctx *ctx, const demo_svc *s, uint64_t seed, errors *e)
{
    arena *a = ctx->a;
    const char *sid = service_id(a, s->org, s->name);
    hsds_row svc = hsds_row_new(a, hsds_resource_by_name("service"));
    hsds_set_raw(&svc, "id", sid);
    hsds_set_raw(&svc, "organization_id", org_id(a, s->org));
    hsds_set_raw(&svc, "name", s->name);
    hsds_set_raw(&svc, "description", s->description);
    hsds_set_raw(&svc, "status", "active");
    hsds_set_raw(&svc, "application_process", s->refer);
    hsds_set_raw(&svc, "eligibility_description", s->eligibility);
    if (!s->free_of_charge)
        hsds_set_raw(&svc, "fees_description", _("Eigen bijdrage of contributie; vraag naar de regeling voor een laag inkomen."));
    if (s->min_age >= 0)
        hsds_set_raw(&svc, "minimum_age", arena_printf(a, "%d", s->min_age));
    if (s->max_age >= 0)
        hsds_set_raw(&svc, "maximum_age", arena_printf(a, "%d", s->max_age));
    hsds_set_raw(&svc, "assured_date", checked_on(a, seed, sid));
    hsds_set_raw(&svc, "last_modified", date_now_iso(a));
    sm_service_extra x = {0};
    x.domains = words(a, s->domains, &x.n_domains);
    x.targets = words(a, s->targets, &x.n_targets);
    x.languages = words(a, s->languages, &x.n_languages);
    x.line = s->line;
    x.free_of_charge = s->free_of_charge;
    x.published = true;
    const char *loc = location_id(a, s->org);
    x.location_ids = &loc;
    x.n_location_ids = 1;
    wt_status st = socialmap_save_service(ctx, &svc, &x, e);
    if (st == WT_OK)
        st = demo_schedule(ctx, sid, s, seed, e);
    return st;
}

static wt_status demo_contact_row(wt_ctx *ctx, const demo_contact *c, uint64_t seed, errors *e)
{
    arena *a = ctx->a;
    hsds_row row = hsds_row_new(a, hsds_resource_by_name("contact"));
    const char *owner = c->service ? service_id(a, c->org, c->service) : org_id(a, c->org);
    hsds_set_raw(&row, "id", sm_uuid_derived(a, arena_printf(a, "%s:contact:%s", owner, c->name)));
    hsds_set_raw(&row, c->service ? "service_id" : "organization_id", owner);
    hsds_set_raw(&row, "name", c->name);
    hsds_set_raw(&row, "title", c->title);
    return socialmap_save_contact(ctx, &row, c->phone, checked_on(a, seed, hsds_get(&row, "id")), e);
}

/* Own categories of the team, to show that the team keeps its own; and when each term was last checked. */
static wt_status demo_terms(wt_ctx *ctx, uint64_t seed, errors *e)
{
    static const char *const names[][2] = {
        {"Vaste partner in het buurtnetwerk", "Organisaties waarmee het team maandelijks overlegt."},
        {"Inloop zonder afspraak", "Bewoners kunnen zonder afspraak binnenlopen."},
    };
    wt_status st = WT_OK;
    for (size_t i = 0; st == WT_OK && i < sizeof names / sizeof names[0]; i++) {
        hsds_row t = hsds_row_new(ctx->a, hsds_resource_by_name("taxonomy_term"));
        hsds_set_raw(&t, "id", sm_uuid_derived(ctx->a, arena_printf(ctx->a, "demo:term:%s", names[i][0])));
        hsds_set_raw(&t, "name", names[i][0]);
        hsds_set_raw(&t, "description", names[i][1]);
        hsds_set_raw(&t, "taxonomy_id", SM_TAXONOMY_OWN);
        hsds_set_raw(&t, "language", "nl");
        st = socialmap_save_term(ctx, &t, checked_on(ctx->a, seed, hsds_get(&t, "id")), e);
    }
    static const char *const fixed[] = {SM_TAXONOMY_DOMAINS, SM_TAXONOMY_TARGETS, SM_TAXONOMY_LINE};
    for (size_t k = 0; st == WT_OK && k < sizeof fixed / sizeof fixed[0]; k++) {
        hsds_row *terms;
        int n = 0;
        st = socialmap_terms(ctx, fixed[k], &terms, &n);
        for (int i = 0; st == WT_OK && i < n; i++) {
            const char *id = hsds_get(&terms[i], "id");
            st = socialmap_set_checked(ctx, "taxonomy_term", id, checked_on(ctx->a, seed, id), e);
        }
    }
    return st;
}

int socialmap_demo_services(void)
{
    return (int)(sizeof svcs / sizeof svcs[0]);
}

wt_status socialmap_demo(wt_ctx *ctx, uint64_t seed, const char **err)
{
    errors e;
    errors_init(&e, ctx->a);
    wt_status st = demo_terms(ctx, seed, &e);
    for (size_t i = 0; st == WT_OK && i < sizeof orgs / sizeof orgs[0]; i++)
        st = demo_organisation(ctx, &orgs[i], seed, &e);
    for (size_t i = 0; st == WT_OK && i < sizeof svcs / sizeof svcs[0]; i++)
        st = demo_service(ctx, &svcs[i], seed, &e);
    for (size_t i = 0; st == WT_OK && i < sizeof contacts / sizeof contacts[0]; i++)
        st = demo_contact_row(ctx, &contacts[i], seed, &e);
    if (st != WT_OK && err)
        *err = e.head ? arena_printf(ctx->a, "demo social map: %s: %s", e.head->field, e.head->message)
                      : "demo social map: cannot write";
    return st;
}
