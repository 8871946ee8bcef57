-- A session's phase is computed from the contract and the sessions held, but
-- the clinician may set it, with a reason (ipt-model.md 3.1).
-- Keep in step with ../sqlite/0015_session_phase.sql.
ALTER TABLE therapy_sessions ADD COLUMN phase_override TEXT;
ALTER TABLE therapy_sessions ADD COLUMN phase_override_reason TEXT;
