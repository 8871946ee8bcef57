-- Session notes (issue 3, item 8): the structured progress note of a session
-- (draft, then signed and final), every saved version of it, its addenda
-- (append-only), and the psychotherapy (process) note, private to its author.
-- Keep in step with ../postgres/0006_notes.sql.

CREATE TABLE progress_notes (
    id TEXT PRIMARY KEY,
    -- One progress note per session.
    session_id TEXT NOT NULL UNIQUE REFERENCES therapy_sessions(id),
    course_id TEXT NOT NULL REFERENCES courses(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    -- Mood since the last session, 0-10.
    mood INTEGER,
    -- JSON array of {"text", "effect"}: interpersonal events linked to mood.
    events TEXT NOT NULL,
    problem_area_work TEXT,
    -- JSON array of technique codes (ipt-model.md section 8).
    techniques TEXT NOT NULL,
    work_set TEXT,
    work_reviewed TEXT,
    -- none_identified | identified
    risk TEXT,
    risk_detail TEXT,
    plan TEXT,
    -- draft | signed
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    author_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users(id),
    updated_at TEXT NOT NULL,
    signed_by TEXT REFERENCES users(id),
    signed_at TEXT
);
CREATE INDEX progress_notes_by_course ON progress_notes (course_id, status);

-- Every saved version (a later save never loses an earlier one), as JSON.
CREATE TABLE progress_note_versions (
    note_id TEXT NOT NULL REFERENCES progress_notes(id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES users(id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (note_id, version)
);

CREATE TABLE progress_note_addenda (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL REFERENCES progress_notes(id),
    text TEXT NOT NULL,
    author_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX progress_note_addenda_by_note ON progress_note_addenda (note_id, created_at);

-- The store only ever updates drafts (UPDATE ... WHERE status = 'draft'); these
-- triggers make the database itself refuse to change a signed note, or to change
-- or delete an addendum or a saved version, whoever asks.
CREATE TRIGGER progress_notes_signed_are_final BEFORE UPDATE ON progress_notes
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a signed progress note cannot be changed');
END;
CREATE TRIGGER progress_notes_signed_are_kept BEFORE DELETE ON progress_notes
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'a signed progress note cannot be deleted');
END;
CREATE TRIGGER progress_note_addenda_no_update BEFORE UPDATE ON progress_note_addenda
BEGIN
    SELECT RAISE(ABORT, 'addenda are append-only');
END;
CREATE TRIGGER progress_note_addenda_no_delete BEFORE DELETE ON progress_note_addenda
BEGIN
    SELECT RAISE(ABORT, 'addenda are append-only');
END;
CREATE TRIGGER progress_note_versions_no_update BEFORE UPDATE ON progress_note_versions
BEGIN
    SELECT RAISE(ABORT, 'saved versions are append-only');
END;
CREATE TRIGGER progress_note_versions_no_delete BEFORE DELETE ON progress_note_versions
BEGIN
    SELECT RAISE(ABORT, 'saved versions are append-only');
END;

-- Psychotherapy (process) notes: one per session and author, kept apart from
-- the record. Readable by the author, and by the author's supervisor only while
-- shared. Never exported.
CREATE TABLE process_notes (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES therapy_sessions(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    author_id TEXT NOT NULL REFERENCES users(id),
    text TEXT NOT NULL,
    shared_with_supervisor INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (session_id, author_id)
);
