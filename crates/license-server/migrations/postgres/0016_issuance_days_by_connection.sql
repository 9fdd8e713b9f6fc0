-- Issuances are now group-committed by several writer transactions at once
-- (issue 25). With a random shard per issuance, two batches could update
-- one day's counting rows in opposite orders and deadlock; each connection
-- now counts into its own shard (its backend's pid), so batches committing
-- side by side update different rows, and reports still sum the shards.
CREATE OR REPLACE FUNCTION count_issuance() RETURNS trigger AS $$
BEGIN
    INSERT INTO issuance_days (day, channel, shard, count)
        VALUES (substr(NEW.issued_at, 1, 10), NEW.channel, pg_backend_pid() % 16, 1)
        ON CONFLICT (day, channel, shard) DO UPDATE SET count = issuance_days.count + 1;
    -- The licence's row is locked by the issuance's batch already.
    UPDATE licenses SET fetched_counter = NEW.to_counter WHERE id = NEW.license_id AND fetched_counter < NEW.to_counter;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
