-- The social map's service page counts the referrals a service received and
-- how many were accepted (aggregates only): read from an index on the service
-- instead of scanning every referral.
CREATE INDEX referral_service ON referral(service_id, kind);
