-- Reports (issue 24): what they count is kept as issuances are recorded, by
-- triggers in the issuance's own transaction, so a report reads a few rows
-- instead of counting a million, and is right under concurrent issuance.
-- New responses per day (UTC) and channel:
CREATE TABLE issuance_days (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- One day's count is spread over 16 rows, so concurrent issuances on
    -- several servers do not wait for each other's row; reports sum them.
    shard BIGINT NOT NULL DEFAULT 0,
    count BIGINT NOT NULL,
    PRIMARY KEY (day, channel, shard)
);
INSERT INTO issuance_days (day, channel, shard, count)
    SELECT substr(issued_at, 1, 10), channel, 0, COUNT(*) FROM issuances GROUP BY substr(issued_at, 1, 10), channel;
-- The newest update any installation of the licence has fetched (an
-- upgrade waits while it is below latest_counter):
ALTER TABLE licenses ADD COLUMN fetched_counter BIGINT NOT NULL DEFAULT 0;
UPDATE licenses SET fetched_counter = COALESCE((SELECT MAX(to_counter) FROM issuances i WHERE i.license_id = licenses.id), 0);
CREATE FUNCTION count_issuance() RETURNS trigger AS $$
BEGIN
    INSERT INTO issuance_days (day, channel, shard, count)
        VALUES (substr(NEW.issued_at, 1, 10), NEW.channel, floor(random() * 16)::bigint, 1)
        ON CONFLICT (day, channel, shard) DO UPDATE SET count = issuance_days.count + 1;
    -- The licence's row is locked by the issuance already (one writer per licence).
    UPDATE licenses SET fetched_counter = NEW.to_counter WHERE id = NEW.license_id AND fetched_counter < NEW.to_counter;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER issuances_counted AFTER INSERT ON issuances FOR EACH ROW EXECUTE FUNCTION count_issuance();
