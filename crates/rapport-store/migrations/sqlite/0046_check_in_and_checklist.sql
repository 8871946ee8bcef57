-- Between-session signals (issue 19 item 3, decision 50): a caseload card
-- now holds the client's newest diary moods, from which the caseload works out
-- the "check in" marker. The cards are rebuilt in the new layout when the
-- store next opens (caseload_cards.rs, build_if_needed).
-- Keep in step with ../postgres/0046_check_in_and_checklist.sql.
UPDATE caseload_card_model SET built = 0 WHERE id = 1;

-- Protocol edge cases (issue 19 item 5, decision 50): the checklist item
-- "formulation" now reads "client agreed the formulation", and a new item
-- "formulation_presented" comes before it. A formulation ticked before this
-- (then "shared and agreed") was presented too: its tick is copied.
INSERT INTO course_checklist (course_id, item, done_on, detail, code, note, recorded_by, recorded_at)
SELECT f.course_id, 'formulation_presented', f.done_on, NULL, NULL,
       'Recorded as "formulation shared and agreed" before the item was split',
       f.recorded_by, f.recorded_at
FROM course_checklist f
WHERE f.item = 'formulation'
  AND NOT EXISTS (SELECT 1 FROM course_checklist p WHERE p.course_id = f.course_id AND p.item = 'formulation_presented');
