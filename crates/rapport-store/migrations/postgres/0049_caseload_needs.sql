-- The caseload's needs kept on the card (issue 18 item 5, issue 16 item 7; decision 55).
-- Keep in step with ../sqlite/0049_caseload_needs.sql.
--
-- What the caseload page orders by and sums over the whole caseload, kept
-- beside each card so a page reads the whole caseload in narrow columns and
-- only its own cards whole. The application works these out from the card's
-- facts (they depend on the site's not-on-track rule, protocols and
-- instruments, which the database does not know) and writes them back with
-- the fingerprint of that configuration in `needs_for`; a card whose facts
-- change, or that was worked out under another configuration, is worked out
-- again before a page is read.
ALTER TABLE caseload_cards ADD COLUMN clinician_id TEXT NOT NULL DEFAULT '';
ALTER TABLE caseload_cards ADD COLUMN needs_for TEXT;
-- The order of "sort by need" as one number (rapport_core::caseload::need_rank):
-- smaller is more urgent; every client without a need has the largest.
ALTER TABLE caseload_cards ADD COLUMN need_rank BIGINT NOT NULL DEFAULT 0;
ALTER TABLE caseload_cards ADD COLUMN open_flag BIGINT NOT NULL DEFAULT 0;
ALTER TABLE caseload_cards ADD COLUMN overdue BIGINT NOT NULL DEFAULT 0;
-- Counting a caseload and ordering it probe each of its clients' cards by
-- id: this index holds every narrow column those read, so neither touches the
-- card's row and its long facts text (only a page's cards are read whole).
CREATE INDEX caseload_cards_needs ON caseload_cards
    (client_id, status, clinician_id, need_rank, sort_name, open_flag, overdue, needs_for);
-- Fill clinician_id (and every card) again when the store next opens.
UPDATE caseload_card_model SET built = 0 WHERE id = 1;
