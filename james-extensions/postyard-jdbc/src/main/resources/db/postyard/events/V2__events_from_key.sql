-- The From header's address in lower case (its first, when it names several), which an events filter by address
-- matches exactly: FromFilter in postyard-core. Filled for existing rows by V3.
ALTER TABLE events ADD COLUMN from_key VARCHAR(1024);

CREATE INDEX events_by_from ON events (domain, from_key, occurred_at, id);
