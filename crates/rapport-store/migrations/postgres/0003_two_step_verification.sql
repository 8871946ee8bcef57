-- Two-step verification (TOTP, RFC 6238) with single-use recovery codes, the
-- pending second step of a sign-in, and an organisation-wide requirement.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE login_challenges (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0
);

ALTER TABLE organisation ADD COLUMN require_mfa BIGINT NOT NULL DEFAULT 0;
