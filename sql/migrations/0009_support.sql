-- Support of a case: the intake (vraagverheldering), the consents of the
-- household for sharing data, and referrals to the second line.
--
-- intake: one per case, told once by the household and read by every team
-- member on the case; its findings per life domain (the plan's life domains)
-- can each become a goal of the plan (goal_id).
--
-- consent: what data may be shared, with whom, given on which day by which
-- member of the household; withdrawn_on once withdrawn (never deleted).
--
-- referral: from an action of the plan to an organisation, optionally a
-- service of the social map (HSDS string ids; deliberately no foreign key, the
-- social map's tables may be absent or land later). A referral needs a consent
-- or a recorded legal ground; an anonymous specialist consultation needs
-- neither. Its status and the date of each step are columns; referral_event
-- keeps every change.

CREATE TABLE intake (
    id {{ID}},
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
    household_id INTEGER NOT NULL REFERENCES household(id),
    held_on TEXT NOT NULL,
    question TEXT NOT NULL,
    strengths TEXT NOT NULL DEFAULT '',
    opportunities TEXT NOT NULL DEFAULT '',
    self_does TEXT NOT NULL DEFAULT '',
    network_does TEXT NOT NULL DEFAULT '',
    own_goals TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES app_user(id),
    updated_at TEXT NOT NULL
);
CREATE INDEX intake_household ON intake(household_id);

CREATE TABLE intake_finding (
    id {{ID}},
    intake_id INTEGER NOT NULL REFERENCES intake(id),
    domain TEXT NOT NULL CHECK (domain IN ('care', 'youth', 'housing', 'work', 'money', 'health', 'participation')),
    situation TEXT NOT NULL,
    strength TEXT NOT NULL DEFAULT '',
    wish TEXT NOT NULL DEFAULT '',
    goal_id INTEGER REFERENCES goal(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (intake_id, domain)
);

CREATE TABLE consent (
    id {{ID}},
    household_id INTEGER NOT NULL REFERENCES household(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    what TEXT NOT NULL,
    with_whom TEXT NOT NULL,
    given_on TEXT NOT NULL,
    form TEXT NOT NULL CHECK (form IN ('verbal', 'written', 'digital')),
    withdrawn_on TEXT,
    withdrawn_note TEXT,
    recorded_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL
);
CREATE INDEX consent_household ON consent(household_id, given_on);

CREATE TABLE referral (
    id {{ID}},
    action_id INTEGER NOT NULL REFERENCES action(id),
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('referral', 'consultation')),
    organisation TEXT NOT NULL,
    organization_id TEXT,
    service_id TEXT,
    reason TEXT NOT NULL,
    urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'soon', 'urgent')),
    consent_id INTEGER REFERENCES consent(id),
    legal_ground TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    status TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'started', 'ended', 'declined')),
    sent_on TEXT NOT NULL,
    accepted_on TEXT,
    started_on TEXT,
    ended_on TEXT,
    declined_on TEXT,
    outcome TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (consent_id IS NOT NULL OR legal_ground IS NOT NULL OR (kind = 'consultation' AND anonymous = 1))
);
CREATE INDEX referral_case ON referral(case_id, sent_on);
CREATE INDEX referral_action ON referral(action_id);
CREATE INDEX referral_consent ON referral(consent_id);

CREATE TABLE referral_event (
    id {{ID}},
    referral_id INTEGER NOT NULL REFERENCES referral(id),
    status TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES app_user(id),
    at TEXT NOT NULL
);
CREATE INDEX referral_event_referral ON referral_event(referral_id);
