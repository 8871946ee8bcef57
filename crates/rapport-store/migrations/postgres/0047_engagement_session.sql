-- Issue 19 item 5, brief IPT's engagement session (decision 51).
-- Keep in step with ../sqlite/0047_engagement_session.sql.

-- Brief IPT's engagement session (Swartz et al.): a session recorded before
-- session 1, numbered 0, counted in no session count. Every session stored
-- before this is a numbered one.
ALTER TABLE therapy_sessions ADD COLUMN engagement BIGINT NOT NULL DEFAULT 0;
