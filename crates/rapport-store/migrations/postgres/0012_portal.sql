-- Client-facing measurement: single-use measure links (no account) and the
-- organisation's crisis resources shown to clients.
-- Keep in step with ../sqlite/0012_portal.sql (same tables, same columns).

-- One line per resource, e.g. "Samaritans 116 123 (free, 24 hours)".
ALTER TABLE organisation ADD COLUMN crisis_resources TEXT;

CREATE TABLE measure_links (
    id TEXT PRIMARY KEY,
    -- SHA-256 of the random token; the token itself is never stored.
    token_hash TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL REFERENCES clients(id),
    instrument_id TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    response_id TEXT REFERENCES measure_responses(id)
);
CREATE INDEX measure_links_by_client ON measure_links (client_id, created_at);
