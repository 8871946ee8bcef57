-- The risk loop without holes (issue 10, parts 5 to 7): two deadlines per risk
-- flag with an escalation chain recorded step by step, clinician-identified
-- risk linked to its session and note, and the organisation's duty clinician.
-- Keep in step with ../sqlite/0021_escalation.sql (same tables, same columns).

-- Deadlines in hours (1 to 72), counted from a flag's raising: acknowledgement
-- and assessment with a disposition. The duty clinician (optional) is told
-- after the supervisors; without one, the administrators are.
ALTER TABLE organisation ADD COLUMN risk_acknowledgement_hours BIGINT NOT NULL DEFAULT 4;
ALTER TABLE organisation ADD COLUMN risk_assessment_hours BIGINT NOT NULL DEFAULT 24;
ALTER TABLE organisation ADD COLUMN duty_clinician_id TEXT REFERENCES users(id);

-- One row per escalation step taken: never repeated (the unique key is the
-- claim when two instances run the job at once), never deleted.
CREATE TABLE risk_escalations (
    id TEXT PRIMARY KEY,
    flag_id TEXT NOT NULL REFERENCES risk_flags(id),
    deadline TEXT NOT NULL CHECK (deadline IN ('acknowledgement', 'assessment')),
    step BIGINT NOT NULL CHECK (step >= 1),
    -- 'supervisors' (step 1), 'duty' (step 2), 'reminder' (3 and later).
    tier TEXT NOT NULL CHECK (tier IN ('supervisors', 'duty', 'reminder')),
    -- Who was told: 'supervisors', 'duty_clinician', 'administrators' or a
    -- combination for reminders (e.g. 'supervisors+administrators').
    routed_to TEXT NOT NULL,
    -- Comma-separated user ids.
    recipients TEXT NOT NULL,
    due_at TEXT NOT NULL,
    escalated_at TEXT NOT NULL,
    UNIQUE (flag_id, deadline, step)
);
CREATE INDEX risk_escalations_by_flag ON risk_escalations (flag_id, escalated_at);

-- A flag raised by a clinician on the session page or by signing a note with
-- "Risk identified" names its session.
ALTER TABLE risk_flags ADD COLUMN session_id TEXT REFERENCES therapy_sessions(id);

-- A signed note's risk flag (raised by signing, or the client's open flag it
-- was linked to), and the open flag that existed when the note was signed with
-- "No risk identified" (the signer confirmed it).
ALTER TABLE progress_notes ADD COLUMN risk_flag_id TEXT REFERENCES risk_flags(id);
ALTER TABLE progress_notes ADD COLUMN open_flag_at_signing TEXT REFERENCES risk_flags(id);

CREATE FUNCTION risk_escalations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'escalation steps cannot be changed or deleted';
END;
$$;
CREATE TRIGGER risk_escalations_append_only BEFORE UPDATE OR DELETE ON risk_escalations
    FOR EACH ROW EXECUTE FUNCTION risk_escalations_refuse_change();
