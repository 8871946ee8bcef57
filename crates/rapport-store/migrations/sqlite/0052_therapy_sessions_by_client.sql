-- A client's sessions by date (Today's week and unsigned notes, the calendar
-- feed): without it those read every session of the organisation, so a
-- clinician's Today grew with the whole database, not with their caseload.
-- Keep in step with ../postgres/0052_therapy_sessions_by_client.sql.
CREATE INDEX therapy_sessions_by_client ON therapy_sessions (client_id, session_date);
