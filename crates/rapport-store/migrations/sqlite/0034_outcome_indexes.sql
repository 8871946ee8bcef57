-- Covering indexes for the programme dashboard (bench/README.md, "Programme
-- outcomes at 1,000,000 clients"): each report query reads its period's range
-- of one index and never the table, so a 12-month period costs a sequential
-- read of a third of an index instead of a random table lookup per course.
-- They replace the single-column date indexes of 0031.
-- Keep in step with ../postgres/0034_outcome_indexes.sql.

DROP INDEX outcome_rows_by_end;
DROP INDEX outcome_rows_by_start;
DROP INDEX outcome_flags_by_raised;

-- Outcomes of the courses that ended in a period (the tallies, the breakdowns).
CREATE INDEX outcome_rows_tally_by_end ON outcome_rows (
    ended_on, ended_quarter, site_id, clinician_id, protocol_id, area1, area2, format,
    finished, dropout, attended, missed, paired, case_at_start, recovered, reliably_improved,
    reliably_recovered, reliably_deteriorated, phq9_eligible, phq9_response, phq9_remission,
    phq9_change, gad7_change, fidelity_rated, fidelity_passed
);

-- The funnel of the courses that started in a period.
CREATE INDEX outcome_rows_funnel_by_start ON outcome_rows (
    started_on, site_id, clinician_id, protocol_id, area1, area2, format, engaged, finished, paired, recovered
);

-- Risk flags raised in a period and how long they waited.
CREATE INDEX outcome_flags_times_by_raised ON outcome_flags (
    raised_at, site_id, clinician_id, protocol_id, area1, area2, format, ack_minutes, assess_minutes
);
