-- The language of the mail a licence's contact receives (issue 11): a tag of
-- the catalogue's languages, English unless the order says otherwise.
ALTER TABLE licenses ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
