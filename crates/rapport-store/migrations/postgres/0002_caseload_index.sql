-- Covering index for caseload lists: one index entry per client holds every
-- column the list shows, so listing a caseload does not visit the table rows.
CREATE INDEX clients_caseload ON clients (id, status, sort_name, display_name, date_of_birth, pronouns, updated_at, responsible_clinician_id);
