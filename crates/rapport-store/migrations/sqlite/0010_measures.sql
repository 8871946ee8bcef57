-- Measures and the risk loop: scored responses, risk flags, structured risk
-- assessments, versioned safety plans and the notification outbox.
-- Keep in step with ../postgres/0010_measures.sql (same tables, same columns).
-- course_id has no foreign key on purpose: courses arrive in a parallel migration.

CREATE TABLE measure_responses (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    course_id TEXT,
    instrument_id TEXT NOT NULL,
    instrument_version TEXT NOT NULL,
    scoring_version TEXT NOT NULL,
    -- JSON arrays: option codes chosen (null = missing) and the derived item scores.
    answers TEXT NOT NULL,
    item_scores TEXT NOT NULL,
    -- JSON array of unscored answers (PHQ-9 difficulty), or NULL.
    unscored_answers TEXT,
    raw_total INTEGER,
    total INTEGER,
    band TEXT,
    band_set TEXT,
    subscores TEXT NOT NULL,
    flags TEXT NOT NULL,
    complete INTEGER NOT NULL,
    prorated INTEGER NOT NULL,
    completed_at TEXT NOT NULL,
    entered_by TEXT REFERENCES users(id),
    mode TEXT NOT NULL CHECK (mode IN ('in_session', 'on_behalf', 'portal', 'link')),
    created_at TEXT NOT NULL
);
CREATE INDEX measure_responses_by_client ON measure_responses (client_id, completed_at, id);

CREATE TABLE risk_assessments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    flag_id TEXT NOT NULL,
    ideation TEXT NOT NULL,
    plan TEXT NOT NULL,
    intent TEXT NOT NULL,
    means TEXT NOT NULL,
    history TEXT NOT NULL,
    protective_factors TEXT NOT NULL,
    risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'moderate', 'high', 'imminent')),
    actions TEXT,
    assessed_by TEXT NOT NULL REFERENCES users(id),
    assessed_at TEXT NOT NULL
);
CREATE INDEX risk_assessments_by_flag ON risk_assessments (flag_id);

CREATE TABLE safety_plans (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    version INTEGER NOT NULL,
    warning_signs TEXT NOT NULL,
    coping_strategies TEXT NOT NULL,
    distractions TEXT NOT NULL,
    people_to_ask TEXT NOT NULL,
    professionals TEXT NOT NULL,
    environment_safety TEXT NOT NULL,
    reasons_for_living TEXT NOT NULL,
    shared_with_client INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (client_id, version)
);

CREATE TABLE risk_flags (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    response_id TEXT REFERENCES measure_responses(id),
    -- 'measure' (a positive risk item) or 'clinician' (a risk recorded by staff).
    source TEXT NOT NULL CHECK (source IN ('measure', 'clinician')),
    instrument_id TEXT,
    -- The (first) positive item's number; NULL for a risk recorded by a clinician.
    item INTEGER,
    -- JSON array of the positive items: [{"item", "score", "rule"}].
    items TEXT NOT NULL,
    detail TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'closed')),
    raised_at TEXT NOT NULL,
    raised_by TEXT REFERENCES users(id),
    acknowledged_at TEXT,
    acknowledged_by TEXT REFERENCES users(id),
    escalated_at TEXT,
    escalated_to TEXT,
    assessment_id TEXT REFERENCES risk_assessments(id),
    safety_plan_id TEXT REFERENCES safety_plans(id),
    closed_at TEXT,
    closed_by TEXT REFERENCES users(id),
    closing_note TEXT,
    CHECK (status <> 'closed' OR (assessment_id IS NOT NULL AND safety_plan_id IS NOT NULL
                                  AND closed_at IS NOT NULL AND closed_by IS NOT NULL))
);
CREATE INDEX risk_flags_by_status ON risk_flags (status, raised_at);
CREATE INDEX risk_flags_by_client ON risk_flags (client_id, status);

-- Flags are never deleted.
CREATE TRIGGER risk_flags_no_delete BEFORE DELETE ON risk_flags
BEGIN
    SELECT RAISE(ABORT, 'risk flags cannot be deleted');
END;

CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient_user_id TEXT REFERENCES users(id),
    recipient_email TEXT,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    client_id TEXT,
    risk_flag_id TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, created_at);
