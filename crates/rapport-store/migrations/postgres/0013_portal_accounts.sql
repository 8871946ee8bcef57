-- The client portal: client accounts, invitations, what the care team shares,
-- the client's between-session diary and their reflections on the shared plan.
-- Keep in step with ../sqlite/0013_portal_accounts.sql (same tables, same columns).

-- What the portal shows this client (set by the care team).
ALTER TABLE clients ADD COLUMN portal_chart_hidden BIGINT NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN portal_plan_shared BIGINT NOT NULL DEFAULT 0;

-- A client's sign-in: a users row with role 'client', tied to exactly one client.
CREATE TABLE portal_accounts (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    client_id TEXT NOT NULL UNIQUE REFERENCES clients(id),
    created_at TEXT NOT NULL
);

-- An invitation: a short one-time code (printed or e-mailed), stored only as SHA-256.
CREATE TABLE portal_invites (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL REFERENCES clients(id),
    -- Where it was e-mailed; null for a printed invitation.
    email TEXT,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX portal_invites_by_client ON portal_invites (client_id, created_at);

-- Between-session diary: mood and interpersonal events, written by the client.
CREATE TABLE diary_entries (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    entry_date TEXT NOT NULL,
    mood BIGINT,
    person TEXT,
    event TEXT,
    effect TEXT,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX diary_by_client ON diary_entries (client_id, entry_date);

-- The client's own words on the formulation and goals shared with them.
CREATE TABLE portal_reflections (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients(id),
    course_id TEXT REFERENCES courses(id),
    topic TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX reflections_by_client ON portal_reflections (client_id, created_at);
