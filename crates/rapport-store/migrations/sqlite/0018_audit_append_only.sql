-- The audit log is append-only in the database itself, not only in the code:
-- an entry can never be changed or removed, and the head only moves forward.
-- (Someone with owner rights can drop these triggers; the signed checkpoints
-- kept outside the database catch what they then do; docs/operations.md.)

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'audit_head cannot be deleted');
END;

-- Appending moves last_seq up (hash unchanged), then sets last_hash to the hash
-- of the entry just written at last_seq (seq unchanged). Nothing else is allowed.
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.id <> OLD.id
  OR NEW.last_seq < OLD.last_seq
  OR (NEW.last_hash <> OLD.last_hash
      AND NEW.last_hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.last_seq))
BEGIN
    SELECT RAISE(ABORT, 'audit_head only moves forward, to the hash of the entry it names');
END;
