-- Between-session signals (issue 19 item 3, decision 50): a caseload card
-- now holds the client's newest diary moods, from which the caseload works out
-- the "check in" marker. The cards are rebuilt in the new layout when the
-- store next opens (caseload_cards.rs, build_if_needed).
-- Keep in step with ../postgres/0046_caseload_card_moods.sql.
UPDATE caseload_card_model SET built = 0 WHERE id = 1;
