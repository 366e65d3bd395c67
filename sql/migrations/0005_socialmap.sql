-- The social map (sociale kaart) after Open Referral HSDS 3.0.
--
-- One table per HSDS resource, named sm_<resource> (HSDS "address" is
-- sm_address: "address" holds the households' addresses), keyed by the HSDS
-- string id (a UUID), with the HSDS field names as column names (quoted, as
-- some are SQL words: "interval", "option", "count"). Tabular references are
-- foreign keys, except self-references (parent organisation, parent term),
-- which the importer checks itself.
--
-- wijkteam's own columns sit beside the HSDS ones and are never published:
-- sm_service.life_domains / target_groups / line are derived from attributes
-- that point at wijkteam's own taxonomies (seeded below with fixed ids, so an
-- export carries them as plain HSDS), free_of_charge from cost options; the
-- date a service was last checked is HSDS's assured_date; organisations and
-- locations carry last_checked. Search: name_folded (diacritics folded) and
-- the word index sm_service_word (folded words with a weight), and a
-- latitude/longitude index for the bounding box of a distance search.

CREATE TABLE sm_organization (
    id TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT,
    "description" TEXT NOT NULL,
    "email" TEXT,
    "website" TEXT,
    "tax_status" TEXT,
    "tax_id" TEXT,
    "year_incorporated" DOUBLE PRECISION,
    "legal_status" TEXT,
    "logo" TEXT,
    "uri" TEXT,
    "parent_organization_id" TEXT,
    -- wijkteam: not part of HSDS, never published
    last_checked TEXT,
    internal_note TEXT,
    name_folded TEXT NOT NULL DEFAULT '',
    updated_at TEXT
);
CREATE INDEX sm_organization_parent_organization ON sm_organization(parent_organization_id);
CREATE TABLE sm_program (
    id TEXT PRIMARY KEY,
    "organization_id" TEXT NOT NULL REFERENCES sm_organization(id),
    "name" TEXT NOT NULL,
    "alternate_name" TEXT,
    "description" TEXT NOT NULL
);
CREATE INDEX sm_program_organization ON sm_program(organization_id);
CREATE TABLE sm_taxonomy (
    id TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "uri" TEXT,
    "version" TEXT
);
CREATE TABLE sm_taxonomy_term (
    id TEXT PRIMARY KEY,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "parent_id" TEXT,
    "taxonomy" TEXT,
    "language" TEXT,
    "taxonomy_id" TEXT REFERENCES sm_taxonomy(id),
    "term_uri" TEXT
);
CREATE INDEX sm_taxonomy_term_parent ON sm_taxonomy_term(parent_id);
CREATE INDEX sm_taxonomy_term_taxonomy ON sm_taxonomy_term(taxonomy_id);
CREATE TABLE sm_service (
    id TEXT PRIMARY KEY,
    "organization_id" TEXT NOT NULL REFERENCES sm_organization(id),
    "program_id" TEXT REFERENCES sm_program(id),
    "name" TEXT NOT NULL,
    "alternate_name" TEXT,
    "description" TEXT,
    "url" TEXT,
    "email" TEXT,
    "status" TEXT NOT NULL CHECK ("status" IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    "interpretation_services" TEXT,
    "application_process" TEXT,
    "fees_description" TEXT,
    "wait_time" TEXT,
    "fees" TEXT,
    "accreditations" TEXT,
    "eligibility_description" TEXT,
    "minimum_age" DOUBLE PRECISION,
    "maximum_age" DOUBLE PRECISION,
    "assured_date" TEXT,
    "assurer_email" TEXT,
    "licenses" TEXT,
    "alert" TEXT,
    "last_modified" TEXT,
    -- wijkteam: derived from attributes and cost options (kept by the rules), and internal fields
    life_domains TEXT NOT NULL DEFAULT '',
    target_groups TEXT NOT NULL DEFAULT '',
    line TEXT CHECK (line IN ('first', 'second')),
    free_of_charge INTEGER NOT NULL DEFAULT 0,
    published INTEGER NOT NULL DEFAULT 1,
    internal_note TEXT,
    name_folded TEXT NOT NULL DEFAULT '',
    updated_at TEXT
);
CREATE INDEX sm_service_organization ON sm_service(organization_id);
CREATE INDEX sm_service_program ON sm_service(program_id);
CREATE TABLE sm_location (
    id TEXT PRIMARY KEY,
    "location_type" TEXT NOT NULL CHECK ("location_type" IN ('physical', 'postal', 'virtual')),
    "url" TEXT,
    "organization_id" TEXT REFERENCES sm_organization(id),
    "name" TEXT,
    "alternate_name" TEXT,
    "description" TEXT,
    "transportation" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "external_identifier" TEXT,
    "external_identifier_type" TEXT,
    -- wijkteam
    last_checked TEXT,
    updated_at TEXT
);
CREATE INDEX sm_location_organization ON sm_location(organization_id);
CREATE TABLE sm_service_at_location (
    id TEXT PRIMARY KEY,
    "service_id" TEXT NOT NULL REFERENCES sm_service(id),
    "location_id" TEXT NOT NULL REFERENCES sm_location(id),
    "description" TEXT
);
CREATE INDEX sm_service_at_location_service ON sm_service_at_location(service_id);
CREATE INDEX sm_service_at_location_location ON sm_service_at_location(location_id);
CREATE TABLE sm_contact (
    id TEXT PRIMARY KEY,
    "organization_id" TEXT REFERENCES sm_organization(id),
    "service_id" TEXT REFERENCES sm_service(id),
    "service_at_location_id" TEXT REFERENCES sm_service_at_location(id),
    "location_id" TEXT REFERENCES sm_location(id),
    "name" TEXT,
    "title" TEXT,
    "department" TEXT,
    "email" TEXT
);
CREATE INDEX sm_contact_organization ON sm_contact(organization_id);
CREATE INDEX sm_contact_service ON sm_contact(service_id);
CREATE INDEX sm_contact_service_at_location ON sm_contact(service_at_location_id);
CREATE INDEX sm_contact_location ON sm_contact(location_id);
CREATE TABLE sm_phone (
    id TEXT PRIMARY KEY,
    "location_id" TEXT REFERENCES sm_location(id),
    "service_id" TEXT REFERENCES sm_service(id),
    "organization_id" TEXT REFERENCES sm_organization(id),
    "contact_id" TEXT REFERENCES sm_contact(id),
    "service_at_location_id" TEXT REFERENCES sm_service_at_location(id),
    "number" TEXT NOT NULL,
    "extension" DOUBLE PRECISION,
    "type" TEXT,
    "description" TEXT
);
CREATE INDEX sm_phone_location ON sm_phone(location_id);
CREATE INDEX sm_phone_service ON sm_phone(service_id);
CREATE INDEX sm_phone_organization ON sm_phone(organization_id);
CREATE INDEX sm_phone_contact ON sm_phone(contact_id);
CREATE INDEX sm_phone_service_at_location ON sm_phone(service_at_location_id);
CREATE TABLE sm_address (
    id TEXT PRIMARY KEY,
    "location_id" TEXT REFERENCES sm_location(id),
    "attention" TEXT,
    "address_1" TEXT NOT NULL,
    "address_2" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT,
    "state_province" TEXT NOT NULL,
    "postal_code" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "address_type" TEXT NOT NULL CHECK ("address_type" IN ('physical', 'postal', 'virtual'))
);
CREATE INDEX sm_address_location ON sm_address(location_id);
CREATE TABLE sm_schedule (
    id TEXT PRIMARY KEY,
    "service_id" TEXT REFERENCES sm_service(id),
    "location_id" TEXT REFERENCES sm_location(id),
    "service_at_location_id" TEXT REFERENCES sm_service_at_location(id),
    "valid_from" TEXT,
    "valid_to" TEXT,
    "dtstart" TEXT,
    "timezone" DOUBLE PRECISION,
    "until" TEXT,
    "count" DOUBLE PRECISION,
    "wkst" TEXT CHECK ("wkst" IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
    "freq" TEXT CHECK ("freq" IN ('WEEKLY', 'MONTHLY')),
    "interval" DOUBLE PRECISION,
    "byday" TEXT,
    "byweekno" TEXT,
    "bymonthday" TEXT,
    "byyearday" TEXT,
    "description" TEXT,
    "opens_at" TEXT,
    "closes_at" TEXT,
    "schedule_link" TEXT,
    "attending_type" TEXT,
    "notes" TEXT
);
CREATE INDEX sm_schedule_service ON sm_schedule(service_id);
CREATE INDEX sm_schedule_location ON sm_schedule(location_id);
CREATE INDEX sm_schedule_service_at_location ON sm_schedule(service_at_location_id);
CREATE TABLE sm_funding (
    id TEXT PRIMARY KEY,
    "organization_id" TEXT REFERENCES sm_organization(id),
    "service_id" TEXT REFERENCES sm_service(id),
    "source" TEXT
);
CREATE INDEX sm_funding_organization ON sm_funding(organization_id);
CREATE INDEX sm_funding_service ON sm_funding(service_id);
CREATE TABLE sm_service_area (
    id TEXT PRIMARY KEY,
    "service_id" TEXT REFERENCES sm_service(id),
    "name" TEXT,
    "description" TEXT,
    "extent" TEXT,
    "extent_type" TEXT,
    "uri" TEXT
);
CREATE INDEX sm_service_area_service ON sm_service_area(service_id);
CREATE TABLE sm_required_document (
    id TEXT PRIMARY KEY,
    "service_id" TEXT REFERENCES sm_service(id),
    "document" TEXT,
    "uri" TEXT
);
CREATE INDEX sm_required_document_service ON sm_required_document(service_id);
CREATE TABLE sm_language (
    id TEXT PRIMARY KEY,
    "service_id" TEXT REFERENCES sm_service(id),
    "location_id" TEXT REFERENCES sm_location(id),
    "phone_id" TEXT REFERENCES sm_phone(id),
    "name" TEXT,
    "code" TEXT,
    "note" TEXT
);
CREATE INDEX sm_language_service ON sm_language(service_id);
CREATE INDEX sm_language_location ON sm_language(location_id);
CREATE INDEX sm_language_phone ON sm_language(phone_id);
CREATE TABLE sm_accessibility (
    id TEXT PRIMARY KEY,
    "location_id" TEXT REFERENCES sm_location(id),
    "description" TEXT,
    "details" TEXT,
    "url" TEXT
);
CREATE INDEX sm_accessibility_location ON sm_accessibility(location_id);
CREATE TABLE sm_cost_option (
    id TEXT PRIMARY KEY,
    "service_id" TEXT NOT NULL REFERENCES sm_service(id),
    "valid_from" TEXT,
    "valid_to" TEXT,
    "option" TEXT,
    "currency" TEXT,
    "amount" DOUBLE PRECISION,
    "amount_description" TEXT
);
CREATE INDEX sm_cost_option_service ON sm_cost_option(service_id);
CREATE TABLE sm_organization_identifier (
    id TEXT PRIMARY KEY,
    "organization_id" TEXT NOT NULL REFERENCES sm_organization(id),
    "identifier_scheme" TEXT,
    "identifier_type" TEXT NOT NULL,
    "identifier" TEXT NOT NULL
);
CREATE INDEX sm_organization_identifier_organization ON sm_organization_identifier(organization_id);
CREATE TABLE sm_attribute (
    id TEXT PRIMARY KEY,
    "link_id" TEXT NOT NULL,
    "taxonomy_term_id" TEXT NOT NULL REFERENCES sm_taxonomy_term(id),
    "link_type" TEXT,
    "link_entity" TEXT NOT NULL,
    "value" TEXT
);
CREATE INDEX sm_attribute_taxonomy_term ON sm_attribute(taxonomy_term_id);
CREATE TABLE sm_metadata (
    id TEXT PRIMARY KEY,
    "resource_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "last_action_date" TEXT NOT NULL,
    "last_action_type" TEXT NOT NULL,
    "field_name" TEXT NOT NULL,
    "previous_value" TEXT NOT NULL,
    "replacement_value" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL
);
CREATE TABLE sm_meta_table_description (
    id TEXT PRIMARY KEY,
    "name" TEXT,
    "language" TEXT,
    "character_set" TEXT
);

-- Search on a service's folded words: one row per (word, service), weight 3
-- for a word of the name, 2 of the organisation or alternate name, 1 of the
-- description, eligibility and categories. A query word is a prefix range.
CREATE TABLE sm_service_word (
    word TEXT NOT NULL,
    service_id TEXT NOT NULL REFERENCES sm_service(id),
    weight INTEGER NOT NULL,
    PRIMARY KEY (word, service_id)
);
CREATE INDEX sm_service_word_service ON sm_service_word(service_id, word);

CREATE INDEX sm_attribute_link ON sm_attribute(link_id, taxonomy_term_id);
CREATE INDEX sm_language_code ON sm_language(code, service_id);
CREATE INDEX sm_address_postal_code ON sm_address(postal_code);
CREATE INDEX sm_location_latlon ON sm_location(latitude, longitude);
CREATE INDEX sm_location_checked ON sm_location(last_checked);
CREATE INDEX sm_service_name ON sm_service(name_folded);
CREATE INDEX sm_service_assured ON sm_service(assured_date);
CREATE INDEX sm_organization_name ON sm_organization(name_folded);
CREATE INDEX sm_organization_checked ON sm_organization(last_checked);
CREATE INDEX sm_metadata_resource ON sm_metadata(resource_id);

-- wijkteam's own taxonomies: life domains (the codes of goal.domain), target
-- groups, first or second line, and the team's own categories.
INSERT INTO sm_taxonomy (id, "name", "description", "version") VALUES
('5e1f0000-0000-4000-8000-000000000001', 'Levensgebieden', 'De levensgebieden waarop het sociaal wijkteam werkt.', '1'),
('5e1f0000-0000-4000-8000-000000000002', 'Doelgroepen', 'Voor wie een voorziening bedoeld is.', '1'),
('5e1f0000-0000-4000-8000-000000000003', 'Lijn', 'Eerste lijn (vrij toegankelijk) of tweede lijn (specialistisch, na verwijzing).', '1'),
('5e1f0000-0000-4000-8000-000000000004', 'Eigen categorieën', 'Categorieën die het team zelf bijhoudt.', '1');
INSERT INTO sm_taxonomy_term (id, "code", "name", "description", "taxonomy", "taxonomy_id", "language") VALUES
('5e1f0001-0000-4000-8000-000000000001', 'care', 'Zorg en welzijn', 'Zorg, ondersteuning en welzijn.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0001-0000-4000-8000-000000000002', 'youth', 'Jeugd en opvoeding', 'Opgroeien en opvoeden.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0001-0000-4000-8000-000000000003', 'housing', 'Wonen', 'Woning, woonomgeving en huisvesting.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0001-0000-4000-8000-000000000004', 'work', 'Werk en inkomen', 'Werk, dagbesteding, uitkering en inkomen.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0001-0000-4000-8000-000000000005', 'money', 'Geld en schulden', 'Geldzaken, administratie en schulden.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0001-0000-4000-8000-000000000006', 'health', 'Gezondheid', 'Lichamelijke en psychische gezondheid.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0001-0000-4000-8000-000000000007', 'participation', 'Meedoen', 'Sociale contacten, vrije tijd en meedoen in de wijk.', 'Levensgebieden', '5e1f0000-0000-4000-8000-000000000001', 'nl'),
('5e1f0002-0000-4000-8000-000000000001', 'youth_family', 'Jeugd en gezin', 'Kinderen, jongeren en hun ouders.', 'Doelgroepen', '5e1f0000-0000-4000-8000-000000000002', 'nl'),
('5e1f0002-0000-4000-8000-000000000002', 'adults', 'Volwassenen', 'Volwassenen.', 'Doelgroepen', '5e1f0000-0000-4000-8000-000000000002', 'nl'),
('5e1f0002-0000-4000-8000-000000000003', 'elderly', 'Ouderen', 'Ouderen.', 'Doelgroepen', '5e1f0000-0000-4000-8000-000000000002', 'nl'),
('5e1f0002-0000-4000-8000-000000000004', 'migrants', 'Nieuwkomers en migranten', 'Nieuwkomers, statushouders en migranten.', 'Doelgroepen', '5e1f0000-0000-4000-8000-000000000002', 'nl'),
('5e1f0002-0000-4000-8000-000000000005', 'informal_carers', 'Mantelzorgers', 'Mantelzorgers.', 'Doelgroepen', '5e1f0000-0000-4000-8000-000000000002', 'nl'),
('5e1f0002-0000-4000-8000-000000000006', 'disabilities', 'Mensen met een beperking', 'Mensen met een lichamelijke of verstandelijke beperking.', 'Doelgroepen', '5e1f0000-0000-4000-8000-000000000002', 'nl'),
('5e1f0003-0000-4000-8000-000000000001', 'first', 'Eerste lijn', 'Vrij toegankelijk, zonder verwijzing.', 'Lijn', '5e1f0000-0000-4000-8000-000000000003', 'nl'),
('5e1f0003-0000-4000-8000-000000000002', 'second', 'Tweede lijn', 'Specialistische hulp, na verwijzing.', 'Lijn', '5e1f0000-0000-4000-8000-000000000003', 'nl');
