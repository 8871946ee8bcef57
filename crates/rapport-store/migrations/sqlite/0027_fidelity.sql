-- Supervision and fidelity (issue 14): ratings of sessions with a fidelity
-- checklist, supervision meetings with their supervisees, cases and action
-- points, training records, and session recordings for review.
-- Keep in step with ../postgres/0027_fidelity.sql.

CREATE TABLE fidelity_ratings (
    id TEXT PRIMARY KEY,
    -- Exactly one of the two: an individual session or a group meeting.
    session_id TEXT REFERENCES therapy_sessions(id),
    group_session_id TEXT REFERENCES group_sessions(id),
    course_id TEXT REFERENCES courses(id),
    group_id TEXT REFERENCES therapy_groups(id),
    -- Whose work is rated (the session's clinician or facilitator).
    clinician_id TEXT NOT NULL REFERENCES users(id),
    rater_id TEXT NOT NULL REFERENCES users(id),
    rater_kind TEXT NOT NULL CHECK (rater_kind IN ('self', 'supervisor', 'peer')),
    checklist_id TEXT NOT NULL,
    checklist_version TEXT NOT NULL,
    -- JSON object: item id -> point.
    ratings TEXT NOT NULL,
    -- The mean of the rated items, times 1000 (integers on both databases).
    mean_milli INTEGER NOT NULL,
    pass INTEGER NOT NULL,
    comment TEXT,
    rated_at TEXT NOT NULL
);
CREATE INDEX fidelity_ratings_by_session ON fidelity_ratings (session_id, rated_at);
CREATE INDEX fidelity_ratings_by_group_session ON fidelity_ratings (group_session_id, rated_at);
CREATE INDEX fidelity_ratings_by_clinician ON fidelity_ratings (clinician_id, rated_at);

CREATE TABLE supervision_meetings (
    id TEXT PRIMARY KEY,
    supervisor_id TEXT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'group')),
    held_on TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    decisions TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX supervision_meetings_by_supervisor ON supervision_meetings (supervisor_id, held_on);

CREATE TABLE supervision_attendees (
    meeting_id TEXT NOT NULL REFERENCES supervision_meetings(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX supervision_attendees_by_user ON supervision_attendees (user_id);

CREATE TABLE supervision_cases (
    meeting_id TEXT NOT NULL REFERENCES supervision_meetings(id),
    course_id TEXT REFERENCES courses(id),
    group_id TEXT REFERENCES therapy_groups(id),
    note TEXT
);
CREATE INDEX supervision_cases_by_meeting ON supervision_cases (meeting_id);

CREATE TABLE supervision_actions (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES supervision_meetings(id),
    text TEXT NOT NULL,
    owner_id TEXT REFERENCES users(id),
    due_on TEXT,
    done_at TEXT
);
CREATE INDEX supervision_actions_by_meeting ON supervision_actions (meeting_id);

CREATE TABLE trainings (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    course_name TEXT NOT NULL,
    -- Hours times 10 (so 7.5 hours is 75).
    hours_tenths INTEGER NOT NULL,
    trainer TEXT,
    held_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX trainings_by_user ON trainings (user_id, held_on);

CREATE TABLE certifications (
    user_id TEXT NOT NULL REFERENCES users(id),
    pathway_id TEXT NOT NULL,
    certified_on TEXT NOT NULL,
    expires_on TEXT,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    -- The day the renewal reminder went out (a renewal replaces the row, so it starts blank).
    renewal_reminded_on TEXT,
    PRIMARY KEY (user_id, pathway_id)
);

CREATE TABLE session_recordings (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES therapy_sessions(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    uploaded_by TEXT NOT NULL REFERENCES users(id),
    consent_note TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    -- The audio, or NULL once deleted after the retention period.
    audio BLOB,
    uploaded_at TEXT NOT NULL,
    delete_after TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX session_recordings_by_session ON session_recordings (session_id);
CREATE INDEX session_recordings_due ON session_recordings (delete_after);

-- Organisation settings: how long session recordings are kept (0: the
-- organisation does not take recordings), and whether clinicians and
-- facilitators must self-rate each session they run.
ALTER TABLE organisation ADD COLUMN recording_retention_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisation ADD COLUMN require_self_rating INTEGER NOT NULL DEFAULT 0;
