-- Caseload list counts (issue 18 item 5; decision 60): the caseload page's
-- summary (clients, open risk flags, overdue measures and needs still to be
-- worked out, per responsible clinician) kept per viewer and status, so a
-- page counts nothing however large the caseload. Kept by the triggers below
-- from every change to caseload_lists, in the same statement's transaction.
-- Keep in step with ../postgres/0051_caseload_list_counts.sql.
CREATE TABLE caseload_list_counts (
    viewer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    -- The responsible clinician.
    clinician_id TEXT NOT NULL,
    -- Rows of the list (0 once the last has gone: read only where > 0).
    clients INTEGER NOT NULL,
    open_flags INTEGER NOT NULL,
    overdue INTEGER NOT NULL,
    stale INTEGER NOT NULL,
    PRIMARY KEY (viewer_id, status, clinician_id)
);

INSERT INTO caseload_list_counts (viewer_id, status, clinician_id, clients, open_flags, overdue, stale)
SELECT viewer_id, status, clinician_id, COUNT(*), SUM(open_flag), SUM(overdue), SUM(stale)
FROM caseload_lists GROUP BY viewer_id, status, clinician_id;

CREATE TRIGGER caseload_lists_counted_insert AFTER INSERT ON caseload_lists
BEGIN
    INSERT INTO caseload_list_counts (viewer_id, status, clinician_id, clients, open_flags, overdue, stale)
    VALUES (NEW.viewer_id, NEW.status, NEW.clinician_id, 1, NEW.open_flag, NEW.overdue, NEW.stale)
    ON CONFLICT (viewer_id, status, clinician_id) DO UPDATE SET clients = clients + 1,
        open_flags = open_flags + excluded.open_flags, overdue = overdue + excluded.overdue,
        stale = stale + excluded.stale;
END;

CREATE TRIGGER caseload_lists_counted_delete AFTER DELETE ON caseload_lists
BEGIN
    UPDATE caseload_list_counts SET clients = clients - 1, open_flags = open_flags - OLD.open_flag,
        overdue = overdue - OLD.overdue, stale = stale - OLD.stale
    WHERE viewer_id = OLD.viewer_id AND status = OLD.status AND clinician_id = OLD.clinician_id;
END;

-- Only when a counted column changed (the refresh of a write sets the card
-- version on every row it touches; the name is not counted).
CREATE TRIGGER caseload_lists_counted_update AFTER UPDATE OF viewer_id, status, clinician_id, open_flag, overdue, stale
ON caseload_lists
WHEN OLD.viewer_id IS NOT NEW.viewer_id OR OLD.status IS NOT NEW.status OR OLD.clinician_id IS NOT NEW.clinician_id
    OR OLD.open_flag IS NOT NEW.open_flag OR OLD.overdue IS NOT NEW.overdue OR OLD.stale IS NOT NEW.stale
BEGIN
    UPDATE caseload_list_counts SET clients = clients - 1, open_flags = open_flags - OLD.open_flag,
        overdue = overdue - OLD.overdue, stale = stale - OLD.stale
    WHERE viewer_id = OLD.viewer_id AND status = OLD.status AND clinician_id = OLD.clinician_id;
    INSERT INTO caseload_list_counts (viewer_id, status, clinician_id, clients, open_flags, overdue, stale)
    VALUES (NEW.viewer_id, NEW.status, NEW.clinician_id, 1, NEW.open_flag, NEW.overdue, NEW.stale)
    ON CONFLICT (viewer_id, status, clinician_id) DO UPDATE SET clients = clients + 1,
        open_flags = open_flags + excluded.open_flags, overdue = overdue + excluded.overdue,
        stale = stale + excluded.stale;
END;
