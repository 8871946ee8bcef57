-- The caseload page's read model (issue 16 item 7, decision 46): one card per
-- client with what the page needs beyond the client's name, in one text
-- (`facts`): the responsible clinician, the open course, its held sessions,
-- whether a risk flag is open, whether a risk question was left blank, the
-- scores and the course's measure schedule. Every write of client data
-- refreshes the cards of the clients its audit entries name, in its own
-- transaction (`caseload_cards.rs`), so a card is never behind its records.
-- Markers that depend on the date (due, overdue) are worked out when read.
-- Keep in step with ../postgres/0042_caseload_cards.sql.

CREATE TABLE caseload_cards (
    client_id TEXT PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    facts TEXT NOT NULL
) WITHOUT ROWID;

-- built = 0: the cards are filled when the store next opens (after this
-- migration, or when a rebuild was interrupted).
CREATE TABLE caseload_card_model (
    id INTEGER PRIMARY KEY,
    built INTEGER NOT NULL
);
INSERT INTO caseload_card_model (id, built) VALUES (1, 0);
