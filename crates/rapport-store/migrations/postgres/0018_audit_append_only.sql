-- The audit log is append-only in the database itself, not only in the code:
-- an entry can never be changed or removed, and the head only moves forward.
-- (Someone with owner rights can drop these triggers; the signed checkpoints
-- kept outside the database catch what they then do; docs/operations.md.)

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: the audit log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Appending moves last_seq up (hash unchanged), then sets last_hash to the hash
-- of the entry just written at last_seq (seq unchanged). Nothing else is allowed.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <> OLD.id OR NEW.last_seq < OLD.last_seq
       OR (NEW.last_hash <> OLD.last_hash
           AND NEW.last_hash IS DISTINCT FROM (SELECT hash FROM audit_log WHERE seq = NEW.last_seq)) THEN
        RAISE EXCEPTION 'audit_head only moves forward, to the hash of the entry it names'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
