-- The case page at city scale (issue 6: a page may not grow with the data).
-- Its list of members (the active ones and those whose membership ended) had
-- only the partial index of the active memberships (case_member_active) to go
-- by, so it read the whole table: every membership of the city. This index
-- makes it one short range of the case. (The emergency accesses of a case
-- already have case_emergency_case; casemember_db.c now asks for them so that
-- it is used.)
CREATE INDEX case_member_case ON case_member(case_id);
