-- Indexes for the case list, the work queue and the team's caseload, so that
-- none of them scans a table that grows with the city.

-- The case list of a team: by status, newest first.
CREATE INDEX cases_team_opened ON cases(team_id, status, opened_on);
-- "Cases handed to me recently" on the start page.
CREATE INDEX case_handover_to ON case_handover(to_user_id, at);
