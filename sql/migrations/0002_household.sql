-- Indexes for finding households and persons, and for the front door's
-- queue: every search and list reads a bounded range of an index, never a
-- whole table that grows with the city.

-- Name search: a prefix of the folded full name ("fatma celik") or of the
-- folded family name ("celik", "de vries") is a range on these indexes.
CREATE INDEX person_name ON person(name_folded);

-- The front door: a team's questions by status, newest first.
CREATE INDEX question_team_received ON question(team_id, status, received_at);
CREATE INDEX question_household ON question(household_id);
