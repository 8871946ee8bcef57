-- Programme outcomes (issue 16, decision 45): month checkpoints of the running
-- totals. For each line (basis, dimension, key) and each month from the month
-- of its first day to the month of its last day, the running total at the end
-- of that month. A line's total before any day is then the last row of that
-- day's own month before it, or else the checkpoint of the month before: one
-- read of a month's checkpoints, in key order, instead of a search per line.
-- Keep in step with ../sqlite/0041_outcome_months.sql.

CREATE TABLE outcome_months (
    basis TEXT NOT NULL,
    dim TEXT NOT NULL,
    month TEXT NOT NULL,
    key TEXT NOT NULL,
    rows_n BIGINT NOT NULL,
    ended BIGINT NOT NULL,
    engaged BIGINT NOT NULL,
    finished BIGINT NOT NULL,
    dropouts BIGINT NOT NULL,
    attended BIGINT NOT NULL,
    missed BIGINT NOT NULL,
    paired BIGINT NOT NULL,
    case_at_start BIGINT NOT NULL,
    recovered BIGINT NOT NULL,
    reliably_improved BIGINT NOT NULL,
    reliably_recovered BIGINT NOT NULL,
    reliably_deteriorated BIGINT NOT NULL,
    phq9_eligible BIGINT NOT NULL,
    phq9_response BIGINT NOT NULL,
    phq9_remission BIGINT NOT NULL,
    phq9_changes BIGINT NOT NULL,
    phq9_change_sum BIGINT NOT NULL,
    gad7_changes BIGINT NOT NULL,
    gad7_change_sum BIGINT NOT NULL,
    fidelity_rated BIGINT NOT NULL,
    fidelity_passed BIGINT NOT NULL,
    PRIMARY KEY (basis, dim, month, key)
);

-- A catch-up adds a change to a line's months from the change's month on.
CREATE INDEX outcome_months_by_key ON outcome_months (basis, dim, key, month);

-- The rows of part of a month, for every line at once.
CREATE INDEX outcome_totals_by_day ON outcome_totals (basis, dim, day, key);

-- The next catch-up rebuilds the running totals, filling the checkpoints.
UPDATE outcome_model SET totals_built = 0 WHERE totals_built = 1;
