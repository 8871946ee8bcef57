-- Caseload lists (issue 18 item 5, issue 16 item 7; decision 58): each
-- viewer's caseload kept as rows of its own, in the orders the page shows,
-- so a page is one range of an index, whatever the caseload's size.
-- Keep in step with ../postgres/0050_caseload_lists.sql.
--
-- A card's version goes up whenever its facts change; a list row keeps the
-- version it last saw and whether its needs (worked out by the application
-- from the facts: they depend on the site's not-on-track rule, protocols and
-- instruments) are stale.
ALTER TABLE caseload_cards ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
-- The fingerprint of the configuration the lists' needs were worked out
-- under (`rapport_core::caseload::needs_fingerprint`); another marks them all stale.
ALTER TABLE caseload_card_model ADD COLUMN needs_for TEXT NOT NULL DEFAULT '';

-- One row per client a viewer may list: on their care team, or on that of a
-- clinician they supervise (`supervision_reach`).
CREATE TABLE caseload_lists (
    viewer_id TEXT NOT NULL,
    client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    -- The responsible clinician.
    clinician_id TEXT NOT NULL,
    card_version INTEGER NOT NULL,
    -- Risk flags of the client not closed (kept from the records, like the row's
    -- status: the banner on every staff page sums them).
    unclosed_flags INTEGER NOT NULL DEFAULT 0,
    stale INTEGER NOT NULL DEFAULT 1,
    -- rapport_core::caseload::need_rank: smaller is more urgent.
    need_rank INTEGER NOT NULL DEFAULT 0,
    open_flag INTEGER NOT NULL DEFAULT 0,
    overdue INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (viewer_id, client_id)
);
CREATE INDEX caseload_lists_by_client ON caseload_lists (client_id);
CREATE INDEX caseload_lists_by_name ON caseload_lists (viewer_id, status, sort_name, client_id);
CREATE INDEX caseload_lists_by_need ON caseload_lists (viewer_id, status, need_rank, sort_name, client_id);
-- Also the summary per responsible clinician (it covers open_flag, overdue and stale).
CREATE INDEX caseload_lists_by_clinician ON caseload_lists
    (viewer_id, status, clinician_id, sort_name, client_id, open_flag, overdue, stale);
CREATE INDEX caseload_lists_by_clinician_need ON caseload_lists
    (viewer_id, status, clinician_id, need_rank, sort_name, client_id);
CREATE INDEX caseload_lists_stale ON caseload_lists (viewer_id) WHERE stale = 1;
CREATE INDEX caseload_lists_flagged ON caseload_lists (viewer_id, unclosed_flags) WHERE unclosed_flags > 0;

-- Fill the lists (with every card) when the store next opens.
UPDATE caseload_card_model SET built = 0 WHERE id = 1;
