-- Programme outcomes (issue 16, decision 41): each line of a breakdown keeps
-- its first and last day and its running total on the last day, so a report
-- up to today reads the line's total without looking it up, and a report
-- from the line's first day on needs nothing subtracted. A breakdown over all
-- time then reads one row per line.
-- Keep in step with ../sqlite/0038_outcome_key_totals.sql.

ALTER TABLE outcome_keys ADD COLUMN first_day TEXT NOT NULL DEFAULT '';
ALTER TABLE outcome_keys ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
ALTER TABLE outcome_keys ADD COLUMN rows_n BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN ended BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN engaged BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN finished BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN dropouts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN attended BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN missed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN paired BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN case_at_start BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN recovered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN reliably_improved BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN reliably_recovered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN reliably_deteriorated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_eligible BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_response BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_remission BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_changes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_change_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN gad7_changes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN gad7_change_sum BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN fidelity_rated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN fidelity_passed BIGINT NOT NULL DEFAULT 0;

-- The next catch-up rebuilds the running totals, filling these.
UPDATE outcome_model SET totals_built = 0 WHERE totals_built = 1;
