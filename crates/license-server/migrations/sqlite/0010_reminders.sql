-- One reminder per upgrade no installation has fetched (issue 23: serve
-- --remind-after DAYS, the console's Remind now): the primary key makes it
-- one, also with several servers.
CREATE TABLE reminders (
    license_id INTEGER NOT NULL REFERENCES licenses (id),
    counter INTEGER NOT NULL,
    sent_unix INTEGER NOT NULL,
    PRIMARY KEY (license_id, counter)
);
