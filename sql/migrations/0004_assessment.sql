-- The self-sufficiency matrix (Zelfredzaamheid-Matrix, ZRM) as data, and the
-- assessments of persons with it. A scale has ordered domains; each domain has
-- a description per score 1..5, and the scale has a generic label per score.
-- Another version (e.g. youth 12-18) is loaded as data with
-- `wijkteam assessment load FILE`, never by changing code.
-- The rows of the ZRM 2017 below are generated from sql/data/zrm-2017.json (the
-- same format the loader reads; a unit test keeps both in step).

CREATE TABLE assessment_scale (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE TABLE assessment_domain (
    id {{ID}},
    scale_id INTEGER NOT NULL REFERENCES assessment_scale(id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    UNIQUE (scale_id, code),
    UNIQUE (scale_id, position)
);

-- domain_id NULL: the generic label of a score for the whole scale.
CREATE TABLE assessment_level (
    id {{ID}},
    scale_id INTEGER NOT NULL REFERENCES assessment_scale(id),
    domain_id INTEGER REFERENCES assessment_domain(id),
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    label TEXT,
    description TEXT NOT NULL DEFAULT '',
    CHECK (domain_id IS NOT NULL OR label IS NOT NULL)
);
CREATE INDEX assessment_level_scale ON assessment_level(scale_id, domain_id, score);

CREATE TABLE assessment (
    id {{ID}},
    person_id INTEGER NOT NULL REFERENCES person(id),
    case_id INTEGER REFERENCES cases(id),
    scale_id INTEGER NOT NULL REFERENCES assessment_scale(id),
    assessed_on TEXT NOT NULL,
    assessed_by INTEGER REFERENCES app_user(id),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
-- A person's history in date order; the latest assessment of each person.
CREATE INDEX assessment_person_date ON assessment(person_id, assessed_on);
CREATE INDEX assessment_case ON assessment(case_id);

-- score NULL: the domain was not assessed this time.
CREATE TABLE assessment_score (
    assessment_id INTEGER NOT NULL REFERENCES assessment(id),
    domain_id INTEGER NOT NULL REFERENCES assessment_domain(id),
    score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, domain_id)
);

-- ---- The ZRM 2017 (13 domains) --------------------------------------------------------------------------------------

INSERT INTO assessment_scale (code, name, version, description, active, created_at)
VALUES ('zrm-2017', 'Zelfredzaamheid-Matrix', '2017',
        'De Zelfredzaamheid-Matrix (versie 2017) voor volwassenen: 13 levensdomeinen, elk gescoord van 1 (acute problematiek) tot 5 (volledig zelfredzaam). Omschrijvingen in eigen woorden van wijkteam.', 1, '2026-01-01T00:00:00Z');
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT id, NULL, 1, 'acute problematiek', 'Er is direct ingrijpen nodig: de situatie is onveilig of ontspoord.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT id, NULL, 2, 'niet zelfredzaam', 'Zonder hulp lukt het niet; er is een duidelijk probleem dat niet vanzelf overgaat.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT id, NULL, 3, 'beperkt zelfredzaam', 'Het lukt gedeeltelijk, met hulp van anderen of van een voorziening.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT id, NULL, 4, 'voldoende zelfredzaam', 'Het lukt zelf, al gaat het niet altijd vanzelf.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT id, NULL, 5, 'volledig zelfredzaam', 'Het lukt helemaal zelf, zonder hulp.' FROM assessment_scale WHERE code = 'zrm-2017';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 1, 'finances', 'Financiën', 'Inkomen, vaste lasten, schulden en het beheer van geld.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Groeiende, onoverzichtelijke schulden of geen inkomen; directe dreiging van afsluiting of beslag.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'finances';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Het inkomen is niet genoeg of het geld wordt ongepland uitgegeven; schulden groeien en worden niet zelf aangepakt.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'finances';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Het inkomen is toereikend met hulp; schulden zitten in een regeling of er is bewind of budgetbeheer.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'finances';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Het inkomen dekt de vaste lasten; oude schulden lopen volgens afspraak af; regelt geld zelf.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'finances';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Ruim voldoende inkomen en ruimte om te sparen; geen schulden; beheert geld zelfstandig.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'finances';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 2, 'work_education', 'Werk & opleiding', 'Betaald werk, een opleiding of een traject richting werk.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Geen werk, geen opleiding en geen inkomen uit een uitkering; geen zicht op mogelijkheden.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'work_education';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Geen werk of opleiding; wel een uitkering of inschrijving, maar er worden geen stappen gezet.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'work_education';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Vrijwilligerswerk, een werkervaringsplek, traject of opleiding met veel begeleiding, of werk dat onzeker is.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'work_education';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Werk of opleiding die redelijk past; af en toe is steun nodig om het vol te houden.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'work_education';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Passend, stabiel werk of een opleiding die goed loopt, zonder hulp.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'work_education';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 3, 'time_use', 'Tijdsbesteding', 'De invulling van de dag en een ritme van slapen, eten en bezigheden.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Geen dagritme: dag en nacht lopen door elkaar en er is geen enkele bezigheid.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'time_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Nauwelijks structuur; de dag gaat grotendeels voorbij zonder doel of plezier.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'time_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Enige structuur, vooral dankzij anderen; weinig bezigheden die voldoening geven.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'time_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Een redelijk ritme en bezigheden die voldoening geven, soms met een steuntje.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'time_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Een gevarieerde, zelf gekozen dagbesteding en een gezond ritme.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'time_use';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 4, 'housing', 'Huisvesting', 'Een veilige, betaalbare en passende plek om te wonen.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Dakloos, of de woning is onveilig of onbewoonbaar; uitzetting staat direct voor de deur.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'housing';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Een tijdelijke of onzekere slaapplek (opvang, bij anderen op de bank) of een dreigende uitzetting.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'housing';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Een vaste woonplek met risico''s: huurachterstand, slechte staat of niet passend; of begeleid wonen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'housing';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Een veilige en passende woning; de huur is op orde; hooguit kleine zorgen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'housing';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Een veilige, passende en betaalbare woning, zelfstandig en voor de lange termijn.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'housing';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 5, 'domestic_relations', 'Huiselijke relaties', 'De verhoudingen binnen het huishouden: partner, kinderen en huisgenoten.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Huiselijk geweld of kindermishandeling; thuis is het acuut onveilig.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'domestic_relations';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Ernstige, aanhoudende spanningen of conflicten; het huishouden functioneert niet meer.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'domestic_relations';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Regelmatig spanning of ruzie; met hulp van buiten blijven de verhoudingen werkbaar.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'domestic_relations';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Af en toe spanning, die de gezinsleden zelf oplossen; de relaties geven steun.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'domestic_relations';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'De relaties thuis zijn stabiel, veilig en steunend.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'domestic_relations';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 6, 'mental_health', 'Geestelijke gezondheid', 'Psychisch welbevinden en het omgaan met psychische klachten.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Acuut gevaar voor zichzelf of anderen, bijvoorbeeld bij een psychose of suïcidale gedachten.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'mental_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Ernstige psychische klachten die het dagelijks leven sterk beperken, zonder passende behandeling.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'mental_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Psychische klachten die het functioneren beperken; behandeling loopt of is nodig.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'mental_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Lichte klachten die goed te hanteren zijn; zo nodig is er hulp die werkt.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'mental_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Geen psychische klachten die het dagelijks leven raken; veerkrachtig.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'mental_health';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 7, 'physical_health', 'Lichamelijke gezondheid', 'Lichamelijke klachten, ziekte of beperking en de zorg daarvoor.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Acute lichamelijke nood of ernstige ziekte zonder enige zorg.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'physical_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Ernstige klachten of een chronische ziekte die het leven sterk beperken; zorg ontbreekt of wordt gemeden.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'physical_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Klachten of ziekte die het functioneren beperken; zorg is geregeld maar loopt niet altijd goed.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'physical_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Lichte klachten of een chronische aandoening die goed onder controle is.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'physical_health';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Een goede lichamelijke gezondheid, of klachten die het leven niet beperken.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'physical_health';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 8, 'substance_use', 'Middelengebruik', 'Alcohol, drugs, medicijnen, en ook gokken of gamen.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Verslaving met acute gevolgen: gezondheid, veiligheid of woning zijn direct in gevaar.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'substance_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Gebruik dat werk, gezin of gezondheid ernstig schaadt, zonder behandeling.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'substance_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Gebruik dat problemen geeft; in behandeling of bezig met minderen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'substance_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Gebruik zonder duidelijke problemen, of al langere tijd stabiel hersteld.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'substance_use';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Geen gebruik, of verantwoord gebruik zonder gevolgen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'substance_use';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 9, 'basic_adl', 'Basale ADL', 'De persoonlijke verzorging: wassen, aankleden, eten, naar het toilet, bewegen in huis.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Kan zichzelf niet verzorgen en krijgt geen hulp; er is sprake van verwaarlozing of gevaar.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'basic_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Heeft bij de meeste verzorging hulp nodig, die niet of onvoldoende geregeld is.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'basic_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Heeft bij een deel van de verzorging hulp nodig; die hulp is geregeld.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'basic_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Verzorgt zichzelf, soms met een hulpmiddel of met wat extra moeite.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'basic_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Verzorgt zichzelf volledig, zonder hulp.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'basic_adl';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 10, 'instrumental_adl', 'Instrumentele ADL', 'Het huishouden draaien: boodschappen, koken, schoonmaken, vervoer, telefoon en post.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Het huishouden is volledig ontspoord: vervuiling of gevaar, en geen hulp.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'instrumental_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Veel huishoudelijke taken lukken niet, en hulp ontbreekt of schiet tekort.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'instrumental_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Een deel van de taken lukt; voor de rest is hulp geregeld.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'instrumental_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Doet het huishouden zelf, met af en toe een beetje hulp.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'instrumental_adl';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Doet alle taken van het huishouden zelfstandig.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'instrumental_adl';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 11, 'social_network', 'Sociaal netwerk', 'Familie, vrienden, buren en kennissen op wie iemand kan terugvallen.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Volledig geïsoleerd, of het netwerk is schadelijk (misbruik, uitbuiting).'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_network';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Nauwelijks contacten; er is niemand om op terug te vallen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_network';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Enkele contacten, maar weinig steun als het moeilijk wordt.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_network';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Een netwerk met een paar mensen die echt steun bieden.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_network';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Een ruim netwerk van steunende mensen; geeft zelf ook steun aan anderen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_network';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 12, 'social_participation', 'Maatschappelijke participatie', 'Meedoen in de buurt en de samenleving: verenigingen, vrijwilligerswerk, activiteiten.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Doet nergens aan mee; wordt buitengesloten of vermijdt elk contact buiten huis.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_participation';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Neemt nauwelijks deel aan activiteiten buiten huis.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_participation';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Doet af en toe mee, meestal na aansporing of met begeleiding.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_participation';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Doet regelmatig en uit zichzelf mee aan activiteiten.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_participation';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Doet actief mee, bijvoorbeeld als vrijwilliger of organisator.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'social_participation';

INSERT INTO assessment_domain (scale_id, position, code, name, description)
SELECT id, 13, 'justice', 'Justitie', 'Contact met politie en justitie: strafbare feiten, lopende zaken en straffen.' FROM assessment_scale WHERE code = 'zrm-2017';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 1, NULL, 'Recent strafbaar gedrag of een zaak met acute gevolgen, zoals aanhouding of detentie.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'justice';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 2, NULL, 'Herhaald in aanraking met politie of justitie; zaken of straffen lopen.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'justice';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 3, NULL, 'Een lopende zaak of voorwaardelijke straf; houdt zich met hulp aan de afspraken.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'justice';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 4, NULL, 'Geen recente contacten met politie of justitie; oude zaken zijn afgerond.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'justice';
INSERT INTO assessment_level (scale_id, domain_id, score, label, description)
SELECT d.scale_id, d.id, 5, NULL, 'Geen contact met politie of justitie.'
FROM assessment_domain d JOIN assessment_scale s ON s.id = d.scale_id WHERE s.code = 'zrm-2017' AND d.code = 'justice';
