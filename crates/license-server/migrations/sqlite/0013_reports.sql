-- Reports (issue 24): what they count is kept as issuances are recorded, by
-- triggers in the issuance's own transaction, so a report reads a few rows
-- instead of counting a million, and is right under concurrent issuance.
-- New responses per day (UTC) and channel:
CREATE TABLE issuance_days (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- PostgreSQL spreads one day's count over 16 rows, so concurrent
    -- issuances do not wait for each other; SQLite has one writer: row 0.
    shard INTEGER NOT NULL DEFAULT 0,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, channel, shard)
);
INSERT INTO issuance_days (day, channel, shard, count)
    SELECT substr(issued_at, 1, 10), channel, 0, COUNT(*) FROM issuances GROUP BY substr(issued_at, 1, 10), channel;
-- The newest update any installation of the licence has fetched (an
-- upgrade waits while it is below latest_counter):
ALTER TABLE licenses ADD COLUMN fetched_counter INTEGER NOT NULL DEFAULT 0;
UPDATE licenses SET fetched_counter = COALESCE((SELECT MAX(to_counter) FROM issuances i WHERE i.license_id = licenses.id), 0);
CREATE TRIGGER issuances_counted AFTER INSERT ON issuances
BEGIN
    INSERT INTO issuance_days (day, channel, shard, count) VALUES (substr(NEW.issued_at, 1, 10), NEW.channel, 0, 1)
        ON CONFLICT (day, channel, shard) DO UPDATE SET count = count + 1;
    UPDATE licenses SET fetched_counter = NEW.to_counter WHERE id = NEW.license_id AND fetched_counter < NEW.to_counter;
END;
