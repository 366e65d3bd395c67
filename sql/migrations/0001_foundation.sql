-- The foundation: teams, users, sessions, addresses, households, persons,
-- the front door, cases with one coordinator, the one plan, contacts, and the
-- append-only, hash-chained audit trail. See src/db/migrate.h for the markers.

CREATE TABLE team (
    id {{ID}},
    name TEXT NOT NULL UNIQUE,
    municipality TEXT NOT NULL,
    district_code TEXT,
    prevention_share INTEGER NOT NULL DEFAULT 40 CHECK (prevention_share BETWEEN 0 AND 100),
    created_at TEXT NOT NULL
);

CREATE TABLE neighbourhood (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    district_code TEXT NOT NULL,
    municipality TEXT NOT NULL,
    team_id INTEGER REFERENCES team(id)
);

CREATE TABLE app_user (
    id {{ID}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('worker', 'teamleader', 'admin', 'policy')),
    discipline TEXT,
    team_id INTEGER REFERENCES team(id),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX app_user_team ON app_user(team_id);

CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    kind TEXT NOT NULL CHECK (kind IN ('web', 'api')),
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
);
CREATE INDEX "session_user" ON session(user_id);

CREATE TABLE login_failure (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at INTEGER NOT NULL
);

CREATE TABLE address (
    id {{ID}},
    postcode TEXT NOT NULL,
    house_number INTEGER NOT NULL,
    house_letter TEXT NOT NULL DEFAULT '',
    addition TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL,
    town TEXT NOT NULL,
    neighbourhood_code TEXT REFERENCES neighbourhood(code),
    lat REAL,
    lon REAL,
    UNIQUE (postcode, house_number, house_letter, addition)
);
CREATE INDEX address_neighbourhood ON address(neighbourhood_code);

CREATE TABLE household (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    address_id INTEGER REFERENCES address(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES app_user(id)
);
CREATE INDEX household_address ON household(address_id);
CREATE INDEX household_team ON household(team_id);

CREATE TABLE person (
    id {{ID}},
    household_id INTEGER NOT NULL REFERENCES household(id),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    family_folded TEXT NOT NULL,
    birth_date TEXT,
    bsn TEXT,
    phone TEXT,
    email TEXT,
    is_volunteer INTEGER NOT NULL DEFAULT 0,
    is_informal_carer INTEGER NOT NULL DEFAULT 0,
    is_new_resident INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX person_household ON person(household_id);
CREATE INDEX person_family ON person(family_folded);
CREATE INDEX person_birth ON person(birth_date);
CREATE UNIQUE INDEX person_bsn ON person(bsn) WHERE bsn IS NOT NULL;

CREATE TABLE question (
    id {{ID}},
    team_id INTEGER NOT NULL REFERENCES team(id),
    kind TEXT NOT NULL CHECK (kind IN ('question', 'idea', 'offer')),
    channel TEXT NOT NULL CHECK (channel IN ('walk_in', 'phone', 'outreach', 'web', 'email')),
    name TEXT NOT NULL,
    contact TEXT,
    body TEXT NOT NULL,
    household_id INTEGER REFERENCES household(id),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handled', 'case')),
    outcome TEXT,
    received_at TEXT NOT NULL,
    created_by INTEGER REFERENCES app_user(id)
);
CREATE INDEX question_team ON question(team_id, status);

CREATE TABLE cases (
    id {{ID}},
    household_id INTEGER NOT NULL REFERENCES household(id),
    team_id INTEGER NOT NULL REFERENCES team(id),
    coordinator_id INTEGER NOT NULL REFERENCES app_user(id),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    reason TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    close_reason TEXT,
    close_note TEXT
);
-- One household, one case: at most one open case per household.
CREATE UNIQUE INDEX cases_one_open ON cases(household_id) WHERE status = 'open';
CREATE INDEX cases_team ON cases(team_id, status);
CREATE INDEX cases_coordinator ON cases(coordinator_id, status);

CREATE TABLE case_handover (
    id {{ID}},
    case_id INTEGER NOT NULL REFERENCES cases(id),
    from_user_id INTEGER NOT NULL REFERENCES app_user(id),
    to_user_id INTEGER NOT NULL REFERENCES app_user(id),
    by_user_id INTEGER NOT NULL REFERENCES app_user(id),
    at TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX case_handover_case ON case_handover(case_id);

-- One case, one plan.
CREATE TABLE plan (
    id {{ID}},
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    strengths TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    agreed_on TEXT,
    agreed_version INTEGER,
    updated_at TEXT NOT NULL
);

CREATE TABLE goal (
    id {{ID}},
    plan_id INTEGER NOT NULL REFERENCES plan(id),
    domain TEXT NOT NULL CHECK (domain IN ('care', 'youth', 'housing', 'work', 'money', 'health', 'participation')),
    situation TEXT NOT NULL DEFAULT '',
    strength TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'achieved', 'dropped')),
    created_at TEXT NOT NULL
);
CREATE INDEX goal_plan ON goal(plan_id);

CREATE TABLE action (
    id {{ID}},
    goal_id INTEGER NOT NULL REFERENCES goal(id),
    body TEXT NOT NULL,
    layer TEXT NOT NULL CHECK (layer IN ('self', 'network', 'volunteer', 'team', 'second_line')),
    performer TEXT NOT NULL,
    performer_user_id INTEGER REFERENCES app_user(id),
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    created_at TEXT NOT NULL
);
CREATE INDEX action_goal ON action(goal_id);
CREATE INDEX action_performer ON action(performer_user_id, status, due_on);

CREATE TABLE contact (
    id {{ID}},
    case_id INTEGER NOT NULL REFERENCES cases(id),
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'phone', 'meeting', 'other')),
    happened_on TEXT NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX contact_case ON contact(case_id, happened_on);

-- The audit trail (NEN 7513): who did what to whose data, when, and why.
-- Each row carries the hash of the previous one; rows can be added, never
-- changed or removed by the application.
CREATE TABLE audit (
    id {{ID}},
    at TEXT NOT NULL,
    user_id INTEGER,
    role TEXT,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    household_id INTEGER,
    person_id INTEGER,
    case_id INTEGER,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_case ON audit(case_id);
CREATE INDEX audit_person ON audit(person_id);
CREATE INDEX audit_household ON audit(household_id);
CREATE INDEX audit_user ON audit(user_id, at);

-- @sqlite
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
-- @end
-- @postgresql
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION audit_append_only();
-- @end
