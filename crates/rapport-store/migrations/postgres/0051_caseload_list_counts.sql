-- Caseload list counts (issue 18 item 5; decision 60): the caseload page's
-- summary (clients, open risk flags, overdue measures and needs still to be
-- worked out, per responsible clinician) kept per viewer and status, so a
-- page counts nothing however large the caseload. Kept by the trigger below
-- from every change to caseload_lists, in the same statement's transaction.
-- Every transaction that changes caseload_lists first takes the audit head
-- row's lock (`list_refresh::take_writers_turn`), so two never wait on each other's
-- count rows (no deadlock).
-- Keep in step with ../sqlite/0051_caseload_list_counts.sql.
CREATE TABLE caseload_list_counts (
    viewer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    -- The responsible clinician.
    clinician_id TEXT NOT NULL,
    -- Rows of the list (0 once the last has gone: read only where > 0).
    clients BIGINT NOT NULL,
    open_flags BIGINT NOT NULL,
    overdue BIGINT NOT NULL,
    stale BIGINT NOT NULL,
    PRIMARY KEY (viewer_id, status, clinician_id)
);

INSERT INTO caseload_list_counts (viewer_id, status, clinician_id, clients, open_flags, overdue, stale)
SELECT viewer_id, status, clinician_id, COUNT(*), SUM(open_flag), SUM(overdue), SUM(stale)
FROM caseload_lists GROUP BY viewer_id, status, clinician_id;

CREATE FUNCTION caseload_lists_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE caseload_list_counts SET clients = clients - 1, open_flags = open_flags - OLD.open_flag,
            overdue = overdue - OLD.overdue, stale = stale - OLD.stale
        WHERE viewer_id = OLD.viewer_id AND status = OLD.status AND clinician_id = OLD.clinician_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO caseload_list_counts (viewer_id, status, clinician_id, clients, open_flags, overdue, stale)
        VALUES (NEW.viewer_id, NEW.status, NEW.clinician_id, 1, NEW.open_flag, NEW.overdue, NEW.stale)
        ON CONFLICT (viewer_id, status, clinician_id) DO UPDATE SET clients = caseload_list_counts.clients + 1,
            open_flags = caseload_list_counts.open_flags + excluded.open_flags,
            overdue = caseload_list_counts.overdue + excluded.overdue,
            stale = caseload_list_counts.stale + excluded.stale;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER caseload_lists_counted_insert_delete AFTER INSERT OR DELETE ON caseload_lists
    FOR EACH ROW EXECUTE FUNCTION caseload_lists_counted();
-- Only when a counted column changed (the refresh of a write sets the card
-- version on every row it touches; the name is not counted).
CREATE TRIGGER caseload_lists_counted_update AFTER UPDATE OF viewer_id, status, clinician_id, open_flag, overdue, stale
    ON caseload_lists FOR EACH ROW
    WHEN (OLD.viewer_id IS DISTINCT FROM NEW.viewer_id OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.clinician_id IS DISTINCT FROM NEW.clinician_id OR OLD.open_flag IS DISTINCT FROM NEW.open_flag
        OR OLD.overdue IS DISTINCT FROM NEW.overdue OR OLD.stale IS DISTINCT FROM NEW.stale)
    EXECUTE FUNCTION caseload_lists_counted();
