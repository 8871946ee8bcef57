-- When a single-use measure link's form was first opened: a form opened
-- before the link expired and sent after it is still stored, marked late,
-- so its risk answers are never lost (docs/measures.md). Keep in step with the
-- other backend's 0020_measure_link_opened.sql.
ALTER TABLE measure_links ADD COLUMN opened_at TEXT;
