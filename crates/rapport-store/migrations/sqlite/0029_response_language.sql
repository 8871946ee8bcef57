-- Measures in many languages (issue 15): the language a questionnaire was
-- shown in when it was answered (a language tag such as es or fr; NULL: the
-- form did not say, as for every response before this). Scores never depend
-- on it. Keep in step with ../postgres/0029_response_language.sql.

ALTER TABLE measure_responses ADD COLUMN language TEXT;
