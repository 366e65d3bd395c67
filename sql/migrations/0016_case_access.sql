-- Need-to-know (issue 7): who may see the content of a case besides its
-- coordinator. A worker or team leader of the team is added to a case by the
-- coordinator or the team leader, with a reason; the membership can be ended
-- (ended_at), and stays recorded. "Break the glass" gives a team member access
-- for a limited time in an emergency, with a reason; each such access is kept
-- and reported to the coordinator and the team leader.

CREATE TABLE case_member (
    id {{ID}},
    case_id INTEGER NOT NULL REFERENCES cases(id),
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    reason TEXT NOT NULL,
    added_by INTEGER NOT NULL REFERENCES app_user(id),
    added_at TEXT NOT NULL,
    ended_at TEXT,
    ended_by INTEGER REFERENCES app_user(id)
);
-- A user is at most once an active member of a case.
CREATE UNIQUE INDEX case_member_active ON case_member(case_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX case_member_user ON case_member(user_id, ended_at);

CREATE TABLE case_emergency (
    id {{ID}},
    case_id INTEGER NOT NULL REFERENCES cases(id),
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    reason TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX case_emergency_case ON case_emergency(case_id, user_id, expires_at);
CREATE INDEX case_emergency_granted ON case_emergency(granted_at);

-- The case that governs access to a household (its open case, else its latest).
CREATE INDEX cases_household ON cases(household_id, opened_on);

-- A colleague who carries out an action of a plan needs to see its case: the
-- performers already on record become members (the coordinator added them).
INSERT INTO case_member (case_id, user_id, reason, added_by, added_at)
SELECT DISTINCT p.case_id, a.performer_user_id, 'Voert een actie uit in het plan.', c.coordinator_id,
       c.opened_on || 'T00:00:00Z'
FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id JOIN cases c ON c.id = p.case_id
WHERE a.performer_user_id IS NOT NULL AND a.performer_user_id <> c.coordinator_id;
