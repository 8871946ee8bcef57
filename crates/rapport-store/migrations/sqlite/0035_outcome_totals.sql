-- Programme outcomes, second step (issue 16; docs/reports.md, decision 41).
--
-- 1. The read model is no longer refreshed inside every write: it catches up
--    from the audit log, whose entries name the client of every write, in
--    audit order. applied_seq is the last audit entry whose clients the read
--    model reflects. Reports catch up before they read, and the server catches
--    up in the background every few seconds.
-- 2. Running totals per dimension and day, so a breakdown over any period is
--    two lookups per line (the total up to the period's end minus the total
--    before its start) instead of a scan of every course in the period.
-- Keep in step with ../postgres/0035_outcome_totals.sql.

ALTER TABLE outcome_model ADD COLUMN applied_seq INTEGER NOT NULL DEFAULT 0;
-- 0 until the running totals have been built from outcome_rows (then 1).
ALTER TABLE outcome_model ADD COLUMN totals_built INTEGER NOT NULL DEFAULT 0;
-- Until now every write refreshed the rows in its own transaction: they are
-- current up to the last audit entry.
UPDATE outcome_model SET applied_seq = COALESCE((SELECT last_seq FROM audit_head WHERE id = 1), 0) WHERE id = 1;

-- Running totals: for each basis ('ended': courses by the day they ended;
-- 'started': by the day they started), dimension ('all', 'clinician', 'site',
-- 'protocol', 'problem_area', 'format', 'quarter') and key ('' when a course
-- has no value), the sums over every course of that key up to and including
-- day. Only days on which a course of the key ended (or started) have a row.
CREATE TABLE outcome_totals (
    basis TEXT NOT NULL,
    dim TEXT NOT NULL,
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    rows_n INTEGER NOT NULL,
    ended INTEGER NOT NULL,
    engaged INTEGER NOT NULL,
    finished INTEGER NOT NULL,
    dropouts INTEGER NOT NULL,
    attended INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    paired INTEGER NOT NULL,
    case_at_start INTEGER NOT NULL,
    recovered INTEGER NOT NULL,
    reliably_improved INTEGER NOT NULL,
    reliably_recovered INTEGER NOT NULL,
    reliably_deteriorated INTEGER NOT NULL,
    phq9_eligible INTEGER NOT NULL,
    phq9_response INTEGER NOT NULL,
    phq9_remission INTEGER NOT NULL,
    phq9_changes INTEGER NOT NULL,
    phq9_change_sum INTEGER NOT NULL,
    gad7_changes INTEGER NOT NULL,
    gad7_change_sum INTEGER NOT NULL,
    fidelity_rated INTEGER NOT NULL,
    fidelity_passed INTEGER NOT NULL,
    PRIMARY KEY (basis, dim, key, day)
);

-- The keys of each basis and dimension, so a breakdown visits each line once.
CREATE TABLE outcome_keys (
    basis TEXT NOT NULL,
    dim TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (basis, dim, key)
);
