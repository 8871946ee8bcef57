-- A complete risk assessment (issue 19): the screening tool used and its
-- result (the Columbia screener's yes/no answers as JSON, never its wording),
-- and the follow-up date that becomes a due task. NULL screening_tool: an
-- assessment recorded before the tool was asked for.
ALTER TABLE risk_assessments ADD COLUMN screening_tool TEXT;
ALTER TABLE risk_assessments ADD COLUMN screening_answers TEXT;
ALTER TABLE risk_assessments ADD COLUMN screening_name TEXT;
ALTER TABLE risk_assessments ADD COLUMN screening_result TEXT;
ALTER TABLE risk_assessments ADD COLUMN follow_up_on TEXT;
CREATE INDEX risk_assessments_by_client ON risk_assessments (client_id, assessed_at);
