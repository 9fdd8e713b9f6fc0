-- Every issuance records where it came from (portal, online, console) and
-- who asked (the client's address, or the staff member), and the audit log
-- says so instead of a fixed 'portal'.
ALTER TABLE issuances ADD COLUMN channel TEXT NOT NULL DEFAULT 'portal';
ALTER TABLE issuances ADD COLUMN actor TEXT NOT NULL DEFAULT 'portal';
DROP TRIGGER issuances_audit;
CREATE TRIGGER issuances_audit AFTER INSERT ON issuances
BEGIN
    INSERT INTO audit_log (at, actor, action, license_id, detail)
    VALUES (NEW.issued_at, NEW.actor, 'response.issue', NEW.license_id,
            json_object('key_id', printf('%016X', NEW.key_id), 'from_counter', NEW.from_counter,
                        'to_counter', NEW.to_counter, 'signing_key_id', NEW.signing_key_id,
                        'channel', NEW.channel));
END;
