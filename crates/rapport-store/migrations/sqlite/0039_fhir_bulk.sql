-- SMART Backend Services and Bulk Data $export (issue 17, decision 43).
-- Keep in step with ../postgres/0039_fhir_bulk.sql.

-- A machine client an administrator registered: its public keys (a JWKS, as
-- pasted) verify the JWT it signs to ask for an access token.
CREATE TABLE fhir_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    jwks TEXT NOT NULL,
    -- The scopes it may be granted, space-separated (`system/*.read`).
    scopes TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at TEXT NOT NULL,
    disabled_at TEXT
);

-- The `jti` of every assertion accepted, kept until it expires, so that an
-- assertion cannot be replayed.
CREATE TABLE fhir_client_jtis (
    client_id TEXT NOT NULL REFERENCES fhir_clients(id),
    jti TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX fhir_client_jtis_by_expiry ON fhir_client_jtis (expires_at);

-- Short-lived access tokens (stored as SHA-256) with the scopes granted.
CREATE TABLE fhir_access_tokens (
    token_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES fhir_clients(id),
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX fhir_access_tokens_by_expiry ON fhir_access_tokens (expires_at);

-- A Bulk Data export: what was asked, by whom, and how far the job got.
CREATE TABLE bulk_exports (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES fhir_clients(id),
    -- system, patient or group
    level TEXT NOT NULL,
    group_id TEXT,
    -- Resource types, comma-separated.
    types TEXT NOT NULL,
    since TEXT,
    request_url TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
    progress TEXT NOT NULL DEFAULT '',
    -- JSON array of the files written: type, file name, count.
    outputs TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    transaction_time TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT,
    expires_at TEXT
);
CREATE INDEX bulk_exports_by_expiry ON bulk_exports (expires_at);
