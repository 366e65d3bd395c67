-- The resident's rights and retention (src/privacy/, src/retention/).
--
-- retention_rule: how long each kind of data is kept after the case it
-- belongs to was closed (or, for signals, front door questions and the
-- network, after the record itself was closed or ended). One row per kind;
-- the defaults follow the VNG's Selectielijst gemeenten 2020 (see the README,
-- "Privacy en beveiliging"), the municipality sets its own with
-- `wijkteam retention set`. legal = 1: a legal retention obligation (the
-- Archiefwet and the selection list), so erasure on request waits until the
-- period has passed (AVG art. 17 lid 3); legal = 0: the period is a maximum
-- only. What happens to each kind (delete or anonymise) is fixed in
-- src/retention/retention.c.
--
-- privacy_log: what the retention runs and the erasures did, in counts per
-- table, never the data itself. person_ref is the number of the person whose
-- data was erased (no foreign key: his row is gone).

CREATE TABLE retention_rule (
    kind TEXT PRIMARY KEY CHECK (kind IN ('contact', 'plan', 'intake', 'assessment', 'signal', 'case',
                                          'household', 'question', 'network')),
    years INTEGER NOT NULL CHECK (years BETWEEN 0 AND 100),
    legal INTEGER NOT NULL CHECK (legal IN (0, 1)),
    updated_at TEXT NOT NULL,
    updated_by INTEGER REFERENCES app_user(id)
);

INSERT INTO retention_rule (kind, years, legal, updated_at) VALUES
    ('contact', 5, 1, '2026-01-01T00:00:00Z'),
    ('plan', 5, 1, '2026-01-01T00:00:00Z'),
    ('intake', 5, 1, '2026-01-01T00:00:00Z'),
    ('assessment', 5, 1, '2026-01-01T00:00:00Z'),
    ('case', 5, 1, '2026-01-01T00:00:00Z'),
    ('household', 5, 1, '2026-01-01T00:00:00Z'),
    ('signal', 2, 0, '2026-01-01T00:00:00Z'),
    ('question', 2, 0, '2026-01-01T00:00:00Z'),
    ('network', 2, 0, '2026-01-01T00:00:00Z');

CREATE TABLE privacy_log (
    id {{ID}},
    at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('retention', 'erasure', 'access')),
    dry_run INTEGER NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),
    user_id INTEGER REFERENCES app_user(id),
    person_ref INTEGER,
    summary TEXT NOT NULL
);
CREATE INDEX privacy_log_at ON privacy_log(kind, at);

-- A household whose members were all erased keeps its row (its anonymised
-- cases count in the figures) without a name.
ALTER TABLE household ADD COLUMN anonymised_on TEXT;

-- Retention reads closed cases by date, signals and questions by status and date.
CREATE INDEX cases_closed ON cases(status, closed_on);
CREATE INDEX relation_ended ON relation(ended_on);
CREATE INDEX need_closed ON need(status, closed_at);
