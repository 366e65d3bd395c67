-- Contacts, opening hours and taxonomy terms carry the date they were last checked, as services
-- (assured_date), organisations and locations (last_checked) do; entries not checked for a year are
-- flagged. Like the other last_checked columns these are wijkteam's own and never published: the
-- HSDS export and API read only the HSDS fields (hsds_model.c), an import leaves them as they are.
ALTER TABLE sm_contact ADD COLUMN last_checked TEXT;
ALTER TABLE sm_schedule ADD COLUMN last_checked TEXT;
ALTER TABLE sm_taxonomy_term ADD COLUMN last_checked TEXT;
CREATE INDEX sm_contact_checked ON sm_contact(last_checked);
CREATE INDEX sm_schedule_checked ON sm_schedule(last_checked);
CREATE INDEX sm_taxonomy_term_checked ON sm_taxonomy_term(last_checked);

-- A map that was there before: a contact or schedule was last checked when the entry it belongs to was
-- (the service, else the organisation or location); terms were never checked on their own.
UPDATE sm_contact SET last_checked = COALESCE(
    (SELECT s.assured_date FROM sm_service s WHERE s.id = sm_contact.service_id),
    (SELECT o.last_checked FROM sm_organization o WHERE o.id = sm_contact.organization_id),
    (SELECT l.last_checked FROM sm_location l WHERE l.id = sm_contact.location_id));
UPDATE sm_schedule SET last_checked = COALESCE(
    (SELECT s.assured_date FROM sm_service s WHERE s.id = sm_schedule.service_id),
    (SELECT l.last_checked FROM sm_location l WHERE l.id = sm_schedule.location_id),
    (SELECT s.assured_date FROM sm_service_at_location sal JOIN sm_service s ON s.id = sal.service_id
      WHERE sal.id = sm_schedule.service_at_location_id));
