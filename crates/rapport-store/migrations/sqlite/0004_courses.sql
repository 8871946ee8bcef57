-- IPT courses (episodes of care): contract, status, contract and status
-- events, the initial-phase checklist, sessions, and versioned structured
-- clinical records (inventory, timeline, formulation, goals, worksheets...).
-- Keep in step with ../postgres/0004_courses.sql.

CREATE TABLE courses (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    protocol_id TEXT NOT NULL,
    planned_sessions INTEGER NOT NULL,
    frequency TEXT NOT NULL,
    session_minutes INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    planned_end_date TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT,
    -- A later issue adds groups; a course may belong to one.
    group_id TEXT,
    -- A maintenance course continues the acute course it follows.
    continues_course_id TEXT REFERENCES courses(id),
    version INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX courses_by_client ON courses (client_id, start_date);

CREATE TABLE course_events (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES courses(id),
    kind TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT NOT NULL,
    reason TEXT,
    by_user TEXT NOT NULL REFERENCES users(id),
    at TEXT NOT NULL
);
CREATE INDEX course_events_by_course ON course_events (course_id, at);

CREATE TABLE course_checklist (
    course_id TEXT NOT NULL REFERENCES courses(id),
    item TEXT NOT NULL,
    done_on TEXT NOT NULL,
    detail TEXT,
    code TEXT,
    note TEXT,
    recorded_by TEXT NOT NULL REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (course_id, item)
);

CREATE TABLE therapy_sessions (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES courses(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    session_date TEXT NOT NULL,
    session_time TEXT NOT NULL,
    modality TEXT NOT NULL,
    attendance TEXT NOT NULL,
    duration_minutes INTEGER,
    version INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX therapy_sessions_by_course ON therapy_sessions (course_id, session_date);

CREATE TABLE clinical_records (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    course_id TEXT REFERENCES courses(id),
    session_id TEXT REFERENCES therapy_sessions(id),
    parent_id TEXT REFERENCES clinical_records(id),
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id),
    updated_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE INDEX clinical_records_by_client ON clinical_records (client_id, kind);
CREATE INDEX clinical_records_by_course ON clinical_records (course_id, kind);
CREATE INDEX clinical_records_by_parent ON clinical_records (parent_id);

-- Every version of every record, including the first and a removal.
CREATE TABLE clinical_record_versions (
    record_id TEXT NOT NULL REFERENCES clinical_records(id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    change TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users(id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (record_id, version)
);
