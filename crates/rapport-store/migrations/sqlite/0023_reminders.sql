-- Session reminders to clients (issue 12): the organisation's default lead
-- time, each client's own choice, and one row per reminder queued in the
-- outbox. The UNIQUE session_id is the rule that a session gets one reminder,
-- however often the job runs and whichever instance runs it. Keep in step
-- with the other backend's 0023_reminders.sql.

-- One row (id = 1); absent: the default (24 hours). 0: reminders off.
CREATE TABLE reminder_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    lead_hours INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- A client's own choice; no row: the organisation's default. 0: off.
CREATE TABLE client_reminder_choices (
    client_id TEXT PRIMARY KEY REFERENCES clients(id),
    lead_hours INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE session_reminders (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL UNIQUE REFERENCES therapy_sessions(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    outbox_id TEXT NOT NULL REFERENCES outbox(id),
    lead_hours INTEGER NOT NULL,
    -- The session's date and time as the reminder gave them.
    session_date TEXT NOT NULL,
    session_time TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX session_reminders_by_client ON session_reminders (client_id, created_at);
