-- Security fixes (docs/security.md). Keep in step with the other backend's
-- 0017_sign_in_hardening.sql.

-- One live two-step challenge per account: a second sign-in with the password
-- replaces the first, so wrong codes cannot be spread over many challenges.
DELETE FROM login_challenges WHERE EXISTS (
    SELECT 1 FROM login_challenges newer
    WHERE newer.user_id = login_challenges.user_id
      AND (newer.created_at > login_challenges.created_at
           OR (newer.created_at = login_challenges.created_at AND newer.id_hash > login_challenges.id_hash))
);
CREATE UNIQUE INDEX login_challenges_one_per_user ON login_challenges (user_id);

-- Login throttling reserves an attempt before the password is checked; the
-- reservation is a compare-and-set on (failures, last_failure_at), so the
-- counter needs no other change here.

-- Devices that completed a sign-in: a correct password from one of them still
-- gets through an account delay that a stranger's wrong guesses caused.
CREATE TABLE known_devices (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL
);
CREATE INDEX known_devices_by_user ON known_devices (user_id);

-- A portal invitation creates an account; only a "reset portal access" code
-- (issued by the responsible clinician) may change an existing one.
ALTER TABLE portal_invites ADD COLUMN purpose TEXT NOT NULL DEFAULT 'join';
