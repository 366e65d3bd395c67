-- Presence in the neighbourhood (src/round, src/signal, src/activity,
-- src/idea, src/timeentry): outreach rounds with their stops, early signals
-- and their follow-up, collective activities with the residents who organise
-- and join them, residents' ideas, and the time workers spend per block of
-- work. The team's agreed prevention share is team.prevention_share (0001).
--
-- Every lookup reads a bounded range of an index: a team's rounds by date, a
-- round's stops in walking order, what happened earlier at one address, a
-- team's signals by status and due date, the signals at one address or of one
-- person, a signal's follow-ups, a team's activities and ideas, a worker's
-- time per day.

-- The neighbourhoods of a team: an address belongs to the team's area when
-- its neighbourhood is the team's (see src/neighbourhood/presence.h).
CREATE INDEX neighbourhood_team ON neighbourhood(team_id);
CREATE INDEX address_street ON address(street, neighbourhood_code);

-- An outreach round: one or more workers walk a list of addresses.
CREATE TABLE round (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    planned_on TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('presence', 'welcome', 'signals', 'activity', 'other')),
    note TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'walking', 'done')),
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL
);
CREATE INDEX round_team ON round(team_id, planned_on);

CREATE TABLE round_worker (
    round_id INTEGER NOT NULL REFERENCES round(id),
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX round_worker_user ON round_worker(user_id);

-- One address on a round, in walking order (position 1, 2, ...), and what
-- happened there (outcome NULL while not yet visited).
CREATE TABLE round_stop (
    id {{ID}},
    round_id INTEGER NOT NULL REFERENCES round(id),
    address_id INTEGER NOT NULL REFERENCES address(id),
    position INTEGER NOT NULL CHECK (position >= 1),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('not_home_note_left', 'short_talk', 'concern',
                                                       'welcome_visit', 'skipped')),
    note TEXT,
    recorded_at TEXT,
    recorded_by INTEGER REFERENCES app_user(id),
    UNIQUE (round_id, address_id)
);
CREATE INDEX round_stop_round ON round_stop(round_id, position);
-- "What happened last time at this address."
CREATE INDEX round_stop_address ON round_stop(address_id, recorded_at);

-- An early signal about an address, a person, or (anonymous) neither: for
-- instance drug dealing around a square. next_due_on is the day a follow-up
-- is due (the last follow-up, or the day it was noticed, plus
-- follow_up_days); NULL once closed.
CREATE TABLE signal (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    address_id INTEGER REFERENCES address(id),
    person_id INTEGER REFERENCES person(id),
    anonymous INTEGER NOT NULL DEFAULT 0,
    place TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('neglected_garden', 'door_stays_shut', 'loneliness', 'debts',
                                       'domestic_tension', 'drug_nuisance', 'hemp_growing', 'child_neglect',
                                       'other')),
    noticed_by TEXT NOT NULL CHECK (noticed_by IN ('worker', 'neighbour', 'gp', 'school', 'police',
                                                   'housing_corporation', 'other')),
    urgency TEXT NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high')),
    description TEXT,
    noticed_on TEXT NOT NULL,
    follow_up_days INTEGER NOT NULL DEFAULT 7 CHECK (follow_up_days BETWEEN 1 AND 90),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'following', 'closed')),
    next_due_on TEXT,
    round_stop_id INTEGER REFERENCES round_stop(id),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('no_concern', 'light_support', 'passed_to_partner',
                                                       'became_case')),
    outcome_note TEXT,
    partner_name TEXT,
    partner_service_key TEXT,
    shared_what TEXT,
    legal_ground TEXT CHECK (legal_ground IS NULL OR legal_ground IN ('consent', 'legal_obligation',
                                                                      'public_task', 'vital_interest',
                                                                      'legitimate_interest')),
    case_id INTEGER REFERENCES cases(id),
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    closed_on TEXT,
    closed_by INTEGER REFERENCES app_user(id),
    CHECK (anonymous = 1 OR address_id IS NOT NULL OR person_id IS NOT NULL),
    CHECK (anonymous = 0 OR (address_id IS NULL AND person_id IS NULL)),
    CHECK (outcome IS NULL OR status = 'closed'),
    CHECK (outcome <> 'passed_to_partner' OR (shared_what IS NOT NULL AND legal_ground IS NOT NULL)),
    CHECK (outcome <> 'became_case' OR case_id IS NOT NULL)
);
-- The team's list by status, and the work queue of overdue follow-ups.
CREATE INDEX signal_team_due ON signal(team_id, status, next_due_on);
CREATE INDEX signal_team_closed ON signal(team_id, status, closed_on);
CREATE INDEX signal_address ON signal(address_id, status);
CREATE INDEX signal_person ON signal(person_id, status);
CREATE INDEX signal_case ON signal(case_id);

CREATE TABLE signal_followup (
    id {{ID}},
    signal_id INTEGER NOT NULL REFERENCES signal(id),
    at TEXT NOT NULL,
    by_user_id INTEGER NOT NULL REFERENCES app_user(id),
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'phone', 'other')),
    contact_made INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX signal_followup_signal ON signal_followup(signal_id, at);

-- A collective activity, organised by residents with a worker supporting.
CREATE TABLE activity (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('course', 'barbecue', 'walking_group', 'coffee_morning', 'homework_help',
                                       'other')),
    description TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    schedule TEXT,
    place TEXT NOT NULL,
    costs_cents INTEGER NOT NULL DEFAULT 0 CHECK (costs_cents >= 0),
    supported_by INTEGER REFERENCES app_user(id),
    outcome TEXT,
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX activity_team ON activity(team_id, starts_on);

-- Who takes part: a known resident (person_id), a resident by the name he
-- gave (name), or a number of people counted anonymously (anonymous_count).
CREATE TABLE activity_role (
    id {{ID}},
    activity_id INTEGER NOT NULL REFERENCES activity(id),
    person_id INTEGER REFERENCES person(id),
    name TEXT,
    role TEXT NOT NULL CHECK (role IN ('organiser', 'volunteer', 'participant')),
    anonymous_count INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_count >= 0),
    note TEXT,
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    CHECK ((person_id IS NOT NULL AND anonymous_count = 0) OR (person_id IS NULL AND name IS NOT NULL
           AND anonymous_count = 0) OR (person_id IS NULL AND name IS NULL AND anonymous_count > 0))
);
CREATE INDEX activity_role_activity ON activity_role(activity_id, role);
CREATE INDEX activity_role_person ON activity_role(person_id);

-- A resident's idea for the neighbourhood, and what became of it.
CREATE TABLE idea (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    title TEXT NOT NULL,
    body TEXT,
    brought_by_person_id INTEGER REFERENCES person(id),
    brought_by_name TEXT,
    source TEXT NOT NULL CHECK (source IN ('frontdoor', 'outreach', 'other')),
    question_id INTEGER REFERENCES question(id),
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'supported', 'became_activity', 'not_pursued')),
    reason TEXT,
    activity_id INTEGER REFERENCES activity(id),
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (brought_by_person_id IS NOT NULL OR brought_by_name IS NOT NULL),
    CHECK (status <> 'became_activity' OR activity_id IS NOT NULL),
    CHECK (status <> 'not_pursued' OR reason IS NOT NULL)
);
CREATE INDEX idea_team ON idea(team_id, status, created_at);
CREATE INDEX idea_activity ON idea(activity_id);

-- Time per worker per day, in blocks; one row per block and day.
CREATE TABLE time_entry (
    id {{ID}},
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    day TEXT NOT NULL,
    block TEXT NOT NULL CHECK (block IN ('casework', 'outreach', 'collective', 'consultation', 'other')),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    updated_at TEXT NOT NULL,
    UNIQUE (user_id, day, block)
);
