-- Interpersonal timeline, worksheets and care context live in clinical_records
-- (0004). One invariant needs the database: a client has at most one live
-- cultural formulation (revisions are versions of that record), so two people
-- saving the first one at the same moment cannot create two.
-- Keep in step with ../postgres/0008_worksheets.sql.

CREATE UNIQUE INDEX clinical_records_one_cultural_formulation
    ON clinical_records (client_id)
    WHERE kind = 'cultural_formulation' AND removed_at IS NULL;
