-- The neighbourhood network (src/network/): who knows whom, who offers what,
-- who needs what, and who was asked to help whom. Personal data about people
-- who may not be clients: every row records where it came from and on which
-- legal ground (AVG art. 6) it is kept, and it belongs to the team of the
-- person's household; nothing here is shown outside that team.
--
-- Every lookup reads a bounded range of an index: a person's relations, a
-- team's relations (the team's subgraph for the figures), a team's offers of
-- one skill, a household's needs, a helper's matches, a worker's follow-ups.

-- A relation between two residents. Undirected kinds are stored once with
-- person_a < person_b; the directed kinds (informal_carer_of, volunteer_for)
-- read "person_a is carer of / volunteer for person_b". An ended relation is
-- kept (ended_on) so the figures can show change over time; a removal at the
-- resident's request deletes the row.
CREATE TABLE relation (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    person_a INTEGER NOT NULL REFERENCES person(id),
    person_b INTEGER NOT NULL REFERENCES person(id),
    kind TEXT NOT NULL CHECK (kind IN ('family', 'friend', 'neighbour', 'acquaintance', 'informal_carer_of',
                                       'volunteer_for', 'conflict')),
    strength INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
    since TEXT,
    source TEXT NOT NULL CHECK (source IN ('worker_observed', 'resident_self', 'neighbour', 'family',
                                           'partner_org', 'other')),
    legal_ground TEXT NOT NULL CHECK (legal_ground IN ('consent', 'public_task', 'legitimate_interest',
                                                       'vital_interest')),
    ground_note TEXT,
    note TEXT,
    recorded_by INTEGER REFERENCES app_user(id),
    recorded_at TEXT NOT NULL,
    ended_on TEXT,
    ended_by INTEGER REFERENCES app_user(id),
    CHECK (person_a <> person_b),
    CHECK (kind IN ('informal_carer_of', 'volunteer_for') OR person_a < person_b)
);
-- One current relation of a kind between two people.
CREATE UNIQUE INDEX relation_current ON relation(person_a, person_b, kind) WHERE ended_on IS NULL;
CREATE INDEX relation_a ON relation(person_a, ended_on);
CREATE INDEX relation_b ON relation(person_b, ended_on);
-- The team's subgraph for the figures, also as it was on an earlier date.
CREATE INDEX relation_team ON relation(team_id, recorded_at);

-- What a resident can and wants to offer.
CREATE TABLE offer (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    skill TEXT NOT NULL CHECK (skill IN ('administration', 'odd_jobs', 'transport', 'language', 'company',
                                         'child_care', 'shopping', 'cooking', 'technology', 'other')),
    hours_per_week INTEGER CHECK (hours_per_week BETWEEN 0 AND 40),
    note TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    legal_ground TEXT NOT NULL DEFAULT 'consent' CHECK (legal_ground IN ('consent', 'public_task',
                                                                        'legitimate_interest', 'vital_interest')),
    recorded_by INTEGER REFERENCES app_user(id),
    recorded_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX offer_person ON offer(person_id, active);
-- Matching: the team's active offers of one skill.
CREATE INDEX offer_team_skill ON offer(team_id, skill, active);

-- How much a helper (volunteer, informal carer, neighbour) can carry: his
-- stated capacity, the worker's judgement that he already carries much, and
-- the number of accepted matches (recounted on every change of his matches).
CREATE TABLE helper_load (
    person_id INTEGER PRIMARY KEY REFERENCES person(id),
    capacity INTEGER NOT NULL DEFAULT 2 CHECK (capacity BETWEEN 0 AND 20),
    carries_much INTEGER NOT NULL DEFAULT 0,
    active_matches INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    updated_by INTEGER REFERENCES app_user(id),
    updated_at TEXT NOT NULL
);

-- What a household (or one of its members) needs help with, from a plan
-- action in the network or volunteer layer, from a front door question, or
-- noted by a worker.
CREATE TABLE need (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    household_id INTEGER NOT NULL REFERENCES household(id),
    person_id INTEGER REFERENCES person(id),
    skill TEXT NOT NULL CHECK (skill IN ('administration', 'odd_jobs', 'transport', 'language', 'company',
                                         'child_care', 'shopping', 'cooking', 'technology', 'other')),
    body TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('action', 'question', 'worker')),
    action_id INTEGER REFERENCES action(id),
    question_id INTEGER REFERENCES question(id),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'matched', 'closed')),
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX need_household ON need(household_id, status);
CREATE INDEX need_person ON need(person_id);
CREATE INDEX need_team ON need(team_id, status, created_at);
CREATE INDEX need_action ON need(action_id);

-- A neighbour asked to meet a need, and what came of it; followed up like an action.
CREATE TABLE network_match (
    id {{ID}},
    need_id INTEGER NOT NULL REFERENCES need(id),
    offerer_id INTEGER NOT NULL REFERENCES person(id),
    status TEXT NOT NULL CHECK (status IN ('proposed', 'asked', 'accepted', 'declined', 'ended')),
    reasons TEXT NOT NULL DEFAULT '',
    note TEXT,
    follow_up_on TEXT,
    recorded_by INTEGER REFERENCES app_user(id),
    recorded_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX network_match_one ON network_match(need_id, offerer_id);
CREATE INDEX network_match_offerer ON network_match(offerer_id, status);
-- The work queue: a worker's matches to follow up, by date.
CREATE INDEX network_match_follow_up ON network_match(recorded_by, status, follow_up_on);
