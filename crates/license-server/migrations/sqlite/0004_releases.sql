-- Releases: an installation gives its place back, by the customer with a
-- release code (counted against the licence's transfer limit) or by staff.
ALTER TABLE installations ADD COLUMN release_code TEXT;
ALTER TABLE installations ADD COLUMN released_by TEXT;
ALTER TABLE installations ADD COLUMN release_channel TEXT;
-- Releases by the customer allowed in 365 days; NULL: the server's default.
ALTER TABLE licenses ADD COLUMN transfer_limit INTEGER;
