-- Whether the licence's contact is told of the licence and of upgrades
-- (issue 23: the purchase confirmation, "your upgrade is ready", the
-- reminder). 0 for vendors who mail from their own systems; responses
-- asked for on the page are mailed either way.
ALTER TABLE licenses ADD COLUMN notify BIGINT NOT NULL DEFAULT 1;
