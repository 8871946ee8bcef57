-- The organisation's time zone (an IANA name; NULL: UTC), in which times are
-- shown to people and session times are read for calendar feeds.
ALTER TABLE organisation ADD COLUMN time_zone TEXT;

-- A private calendar feed per staff account: the secret of its URL is kept
-- only as SHA-256 (looked up by it) and, sealed with the secrets key, so that
-- the account's owner can be given the URL again (`GET /api/v1/me`).
-- `full_names`: the feed names clients in full instead of by initials.
CREATE TABLE calendar_feeds (
    user_id TEXT PRIMARY KEY REFERENCES users(id),
    secret_hash TEXT UNIQUE,
    secret_sealed TEXT,
    full_names BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
