-- A goal has at most one live rating per session: re-rating updates that
-- record (its history keeps the old value), so two people rating the same
-- goal at the same session at the same moment cannot store two.
-- Keep in step with ../postgres/0016_goal_rating_once.sql.

-- Ratings stored twice before this rule: keep the latest of each goal and
-- session; the others become removed versions (their history is kept).
CREATE TEMPORARY TABLE goal_rating_duplicates AS
SELECT r.id FROM clinical_records r
WHERE r.kind = 'goal_rating' AND r.removed_at IS NULL AND EXISTS (
    SELECT 1 FROM clinical_records o
    WHERE o.kind = 'goal_rating' AND o.removed_at IS NULL
      AND o.parent_id = r.parent_id AND o.session_id = r.session_id
      AND (o.updated_at > r.updated_at OR (o.updated_at = r.updated_at AND o.id > r.id))
);
INSERT INTO clinical_record_versions (record_id, version, body, change, changed_by, changed_at)
SELECT r.id, r.version + 1, r.body, 'removed', r.updated_by, r.updated_at
FROM clinical_records r WHERE r.id IN (SELECT id FROM goal_rating_duplicates);
UPDATE clinical_records SET version = version + 1, removed_at = updated_at
WHERE id IN (SELECT id FROM goal_rating_duplicates);
DROP TABLE goal_rating_duplicates;

CREATE UNIQUE INDEX clinical_records_one_goal_rating
    ON clinical_records (parent_id, session_id)
    WHERE kind = 'goal_rating' AND removed_at IS NULL;
