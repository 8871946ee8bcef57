-- Kiosk mode (issue 12): a clinician's kiosk PIN (a password-hasher PHC
-- string, never the PIN), and a staff session locked to one client's
-- questionnaires until the PIN is typed again. The lock lives on the session
-- row, so it survives reloads and every request sees it; ending the session
-- ends the lock with it.
ALTER TABLE users ADD COLUMN kiosk_pin_hash TEXT;
ALTER TABLE sessions ADD COLUMN kiosk_client_id TEXT REFERENCES clients(id);
ALTER TABLE sessions ADD COLUMN kiosk_course_id TEXT REFERENCES courses(id);
-- The questionnaires still to offer, instrument ids separated by commas, in order.
ALTER TABLE sessions ADD COLUMN kiosk_queue TEXT;
-- Wrong PINs typed since the lock began (the fifth ends the session).
ALTER TABLE sessions ADD COLUMN kiosk_failures INTEGER NOT NULL DEFAULT 0;
