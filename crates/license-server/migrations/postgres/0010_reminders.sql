-- One reminder per upgrade no installation has fetched (issue 23: serve
-- --remind-after DAYS, the console's Remind now): the primary key makes it
-- one, also with several servers.
CREATE TABLE reminders (
    license_id BIGINT NOT NULL REFERENCES licenses (id),
    counter BIGINT NOT NULL,
    sent_unix BIGINT NOT NULL,
    PRIMARY KEY (license_id, counter)
);
