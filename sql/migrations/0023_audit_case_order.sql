-- Who looked at a case (the case page, issue 7) reads the newest entries of the
-- audit trail about the case and about its household: with the id in these
-- indexes each is a short backward walk of one index range, however long the
-- trail grows (it grows with every page anybody opens).
DROP INDEX audit_case;
DROP INDEX audit_household;
CREATE INDEX audit_case ON audit(case_id, id);
CREATE INDEX audit_household ON audit(household_id, id);
