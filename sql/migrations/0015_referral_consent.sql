-- Consents and referrals as the rules use them (src/consent, src/referral).
--
-- consent: what data (a set of codes " contact question plan ", see
-- consent_data_kinds), with which party (a social-map organisation,
-- organization_id, or a named party, with_whom), for which purpose (a code,
-- see consent_purposes), given on a day by a member of the household;
-- withdrawn_on / withdrawn_by / withdrawn_note once withdrawn (never deleted).
--
-- referral: the data it shares (shared, the same codes as consent.what) and
-- the explanation of a legal ground (legal_note) when it relies on one
-- instead of a consent. referral_waiting: the work queue's "waiting for an
-- answer" (status sent) per case.

ALTER TABLE consent ADD COLUMN purpose TEXT NOT NULL DEFAULT 'referral';
ALTER TABLE consent ADD COLUMN organization_id TEXT;
ALTER TABLE consent ADD COLUMN withdrawn_by INTEGER REFERENCES app_user(id);
ALTER TABLE referral ADD COLUMN shared TEXT NOT NULL DEFAULT '';
ALTER TABLE referral ADD COLUMN legal_note TEXT;
CREATE INDEX referral_status ON referral(status, case_id);
