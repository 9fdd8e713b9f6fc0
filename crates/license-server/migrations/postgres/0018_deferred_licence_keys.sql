-- On PostgreSQL a batch of issuances writes its issuances before it locks
-- its licences (issuance/writer.rs). Checked at once, each row's reference
-- to its licence would lock the licence's row KEY SHARE by itself, before
-- the batch's own lock: a write to the row per batch, and, while another
-- server's batch holds the licence, a multixact for every check. Checked at
-- commit, the batch holds the licence already and the checks cost nothing
-- more. (Licences are never deleted; the checks still hold at commit.)
ALTER TABLE issuances ALTER CONSTRAINT issuances_license_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE installations ALTER CONSTRAINT installations_license_id_fkey DEFERRABLE INITIALLY DEFERRED;
