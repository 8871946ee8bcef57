-- Caseload pages read by key (issue 18 item 5, issue 16 item 7; decision 55).
-- Keep in step with ../sqlite/0049_caseload_needs.sql.
--
-- What the caseload page orders by and sums over the whole caseload, kept
-- beside each card so the database pages and counts it and only a page's
-- cards are read whole. The application works these out from the card's
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
CREATE INDEX caseload_cards_by_need ON caseload_cards (status, need_rank, sort_name, client_id);
CREATE INDEX caseload_cards_by_name ON caseload_cards (status, sort_name, client_id);
-- Fill clinician_id (and every card) again when the store next opens.
UPDATE caseload_card_model SET built = 0 WHERE id = 1;
