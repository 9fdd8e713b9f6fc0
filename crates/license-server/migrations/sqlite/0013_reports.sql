-- Reports (issue 24): issuances by day and channel over a date range read
-- this index (issued_at, then channel, so the count needs no table row).
CREATE INDEX issuances_by_day ON issuances (issued_at, channel);
