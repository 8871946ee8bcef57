-- Foundation: organisation, accounts, sessions, tokens, clients, care teams,
-- break-glass and the hash-chained audit log.
-- Timestamps are fixed-width RFC 3339 text (see rapport_core::time); ids are UUIDv7 text.
-- Keep in step with ../sqlite/0001_foundation.sql (same tables, same columns).

CREATE TABLE organisation (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    idle_timeout_minutes BIGINT NOT NULL DEFAULT 30,
    absolute_lifetime_hours BIGINT NOT NULL DEFAULT 12,
    break_glass_hours BIGINT NOT NULL DEFAULT 4,
    updated_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    practises BIGINT NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE supervision (
    supervisor_id TEXT NOT NULL REFERENCES users(id),
    clinician_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (supervisor_id, clinician_id)
);
CREATE INDEX supervision_by_clinician ON supervision (clinician_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at TEXT NOT NULL
);

CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    legal_name TEXT,
    date_of_birth TEXT,
    pronouns TEXT,
    email TEXT,
    phone TEXT,
    address TEXT,
    preferred_language TEXT,
    emergency_contact_name TEXT,
    emergency_contact_relationship TEXT,
    emergency_contact_phone TEXT,
    consent_notes TEXT,
    external_ids TEXT NOT NULL,
    status TEXT NOT NULL,
    responsible_clinician_id TEXT NOT NULL REFERENCES users(id),
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX clients_by_sort_name ON clients (sort_name);

CREATE TABLE care_team (
    client_id TEXT NOT NULL REFERENCES clients(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    responsible BIGINT NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    PRIMARY KEY (client_id, user_id)
);
CREATE INDEX care_team_by_user ON care_team (user_id, client_id);

CREATE TABLE break_glass (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    client_id TEXT NOT NULL REFERENCES clients(id),
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    reviewed_by TEXT REFERENCES users(id),
    reviewed_at TEXT,
    review_note TEXT
);
CREATE INDEX break_glass_by_user_client ON break_glass (user_id, client_id, expires_at);

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id TEXT,
    client_id TEXT,
    ip TEXT,
    user_agent TEXT,
    outcome TEXT NOT NULL,
    detail TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_by_client ON audit_log (client_id, seq);
CREATE INDEX audit_by_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_by_action ON audit_log (action, seq);
