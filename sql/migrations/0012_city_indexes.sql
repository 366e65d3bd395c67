-- Indexes the main pages need when the data is a city (wijkteam demo
-- --residents 1000000; checked with EXPLAIN QUERY PLAN, see README
-- "Performance"): every page reads a bounded range of an index.

-- The start page: the open cases a worker coordinates, newest first, read in
-- order from the index instead of sorting all of the team's open cases.
CREATE INDEX cases_coordinator_opened ON cases(coordinator_id, status, opened_on);
