-- Programme outcomes (issue 16): a read model with one row per course or
-- group membership, and one per risk flag, kept up to date in the transaction
-- of every write that changes a client's record (rapport-store/src/reports.rs)
-- and rebuilt from scratch by `rapport reports rebuild`.
-- Keep in step with ../postgres/0031_outcome_reports.sql.

CREATE TABLE outcome_rows (
    -- 'c:<course id>' or 'g:<group id>:<client id>'.
    key TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    course_id TEXT,
    group_id TEXT,
    format TEXT NOT NULL,
    site_id TEXT,
    clinician_id TEXT,
    protocol_id TEXT NOT NULL,
    area1 TEXT,
    area2 TEXT,
    started_on TEXT NOT NULL,
    ended_on TEXT,
    ended_quarter TEXT,
    planned INTEGER NOT NULL,
    attended INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    -- 0/1 columns: every figure of the dashboard is a sum.
    engaged INTEGER NOT NULL,
    finished INTEGER NOT NULL,
    dropout INTEGER NOT NULL,
    paired INTEGER NOT NULL,
    phq9_first INTEGER,
    phq9_last INTEGER,
    gad7_first INTEGER,
    gad7_last INTEGER,
    case_at_start INTEGER NOT NULL,
    recovered INTEGER NOT NULL,
    reliably_improved INTEGER NOT NULL,
    reliably_recovered INTEGER NOT NULL,
    reliably_deteriorated INTEGER NOT NULL,
    phq9_eligible INTEGER NOT NULL,
    phq9_response INTEGER NOT NULL,
    phq9_remission INTEGER NOT NULL,
    phq9_change INTEGER,
    gad7_change INTEGER,
    flags_raised INTEGER NOT NULL,
    fidelity_rated INTEGER NOT NULL,
    fidelity_passed INTEGER NOT NULL
);
CREATE INDEX outcome_rows_by_client ON outcome_rows (client_id);
CREATE INDEX outcome_rows_by_end ON outcome_rows (ended_on);
CREATE INDEX outcome_rows_by_start ON outcome_rows (started_on);
CREATE INDEX outcome_rows_by_clinician ON outcome_rows (clinician_id, ended_on);

CREATE TABLE outcome_flags (
    flag_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    -- The course (row key) the flag was raised in, when there was one.
    row_key TEXT,
    format TEXT,
    site_id TEXT,
    clinician_id TEXT,
    protocol_id TEXT,
    area1 TEXT,
    area2 TEXT,
    raised_at TEXT NOT NULL,
    -- When acknowledgement / assessment was done (closing does both), or NULL.
    acknowledged_at TEXT,
    assessed_at TEXT,
    ack_minutes INTEGER,
    assess_minutes INTEGER
);
CREATE INDEX outcome_flags_by_client ON outcome_flags (client_id);
CREATE INDEX outcome_flags_by_raised ON outcome_flags (raised_at);
CREATE INDEX outcome_flags_waiting ON outcome_flags (acknowledged_at, raised_at);

-- When the read model was last rebuilt from scratch; NULL until the first
-- rebuild (an upgraded database with data is rebuilt when the server starts).
CREATE TABLE outcome_model (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    built_at TEXT
);
INSERT INTO outcome_model (id, built_at) VALUES (1, NULL);
