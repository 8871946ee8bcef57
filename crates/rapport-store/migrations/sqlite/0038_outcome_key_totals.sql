-- Programme outcomes (issue 16, decision 41): each line of a breakdown keeps
-- its first and last day and its running total on the last day, so a report
-- up to today reads the line's total without looking it up, and a report
-- from the line's first day on needs nothing subtracted. A breakdown over all
-- time then reads one row per line.
-- Keep in step with ../postgres/0038_outcome_key_totals.sql.

ALTER TABLE outcome_keys ADD COLUMN first_day TEXT NOT NULL DEFAULT '';
ALTER TABLE outcome_keys ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
ALTER TABLE outcome_keys ADD COLUMN rows_n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN engaged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN finished INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN dropouts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN attended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN paired INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN case_at_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN recovered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN reliably_improved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN reliably_recovered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN reliably_deteriorated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_eligible INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_response INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_remission INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_changes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN phq9_change_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN gad7_changes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN gad7_change_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN fidelity_rated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outcome_keys ADD COLUMN fidelity_passed INTEGER NOT NULL DEFAULT 0;

-- The next catch-up rebuilds the running totals, filling these.
UPDATE outcome_model SET totals_built = 0 WHERE totals_built = 1;
