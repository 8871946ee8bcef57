-- E-mail delivery of the outbox (docs/email.md, docs/decisions.md 23).
-- Keep in step with the other backend's 0014_outbox_delivery.sql.
-- next_attempt_at: NULL = due now. A sender claims a row by moving it a lease
-- into the future (so no other instance sends it meanwhile); a failure moves
-- it to the backoff time. Timestamps are fixed-width UTC text, so they compare
-- as text on both backends.
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at, created_at);
