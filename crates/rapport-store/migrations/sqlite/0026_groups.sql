-- Group IPT (issue 13): sites, facilitators' sites, groups with their
-- facilitators, members, meetings and attendance, screenings, and the
-- transitive supervision used for visibility (cascaded supervision).
-- Keep in step with ../postgres/0026_groups.sql.

CREATE TABLE sites (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- "village", "school", "clinic", ... (free text, optional).
    kind TEXT,
    created_at TEXT NOT NULL
);

ALTER TABLE users ADD COLUMN site_id TEXT REFERENCES sites(id);
ALTER TABLE clients ADD COLUMN site_id TEXT REFERENCES sites(id);

-- Everyone each supervisor supervises directly or down a chain (master
-- trainer -> supervisor -> facilitator); rebuilt from `supervision` in the
-- transaction that changes it. Visibility reads this; escalation and shared
-- process notes still use the direct `supervision` rows.
CREATE TABLE supervision_reach (
    supervisor_id TEXT NOT NULL REFERENCES users(id),
    clinician_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (supervisor_id, clinician_id)
);
CREATE INDEX supervision_reach_by_clinician ON supervision_reach (clinician_id);
INSERT INTO supervision_reach (supervisor_id, clinician_id) SELECT supervisor_id, clinician_id FROM supervision;

CREATE TABLE therapy_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    site_id TEXT REFERENCES sites(id),
    protocol_id TEXT NOT NULL,
    planned_sessions INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    -- Local time of the weekly meeting, "HH:MM", if planned.
    meeting_time TEXT,
    single_gender INTEGER NOT NULL DEFAULT 0,
    closed_at TEXT,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX therapy_groups_by_site ON therapy_groups (site_id);

CREATE TABLE group_facilitators (
    group_id TEXT NOT NULL REFERENCES therapy_groups(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_facilitators_by_user ON group_facilitators (user_id, group_id);

CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES therapy_groups(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    status TEXT NOT NULL CHECK (status IN
        ('awaiting_pre_group', 'pre_group_done', 'active', 'completed', 'dropped_out', 'referred')),
    status_reason TEXT,
    -- JSON array of problem-area ids (one or two), from the pre-group session.
    problem_areas TEXT NOT NULL,
    goal TEXT,
    consent INTEGER NOT NULL DEFAULT 0,
    pre_group_on TEXT,
    parent_session_on TEXT,
    baseline_response_id TEXT REFERENCES measure_responses(id),
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (group_id, client_id)
);
CREATE INDEX group_members_by_client ON group_members (client_id);

CREATE TABLE group_sessions (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES therapy_groups(id),
    number INTEGER NOT NULL,
    phase TEXT NOT NULL,
    held_on TEXT NOT NULL,
    group_note TEXT,
    task TEXT,
    -- JSON array of the agenda items (by position) the facilitator ticked.
    agenda_done TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (group_id, number)
);

CREATE TABLE group_attendance (
    session_id TEXT NOT NULL REFERENCES group_sessions(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    attended INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (session_id, client_id)
);
CREATE INDEX group_attendance_by_client ON group_attendance (client_id);

ALTER TABLE measure_responses ADD COLUMN group_session_id TEXT REFERENCES group_sessions(id);

CREATE TABLE screenings (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    site_id TEXT REFERENCES sites(id),
    protocol_id TEXT NOT NULL,
    response_id TEXT NOT NULL REFERENCES measure_responses(id),
    total INTEGER,
    risk_positive INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('eligible', 'not_eligible', 'referred')),
    note TEXT,
    screened_by TEXT NOT NULL REFERENCES users(id),
    screened_at TEXT NOT NULL
);
CREATE INDEX screenings_by_client ON screenings (client_id, screened_at);
CREATE INDEX screenings_by_site ON screenings (site_id, screened_at);
