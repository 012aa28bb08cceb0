-- A list is a domain and a type; its entries are ordered by key (the lower-cased value). The primary key serves every
-- query: the single-entry check made for each recipient, and pages read forwards or backwards from a key with LIMIT,
-- however long the list; deleting a list is a range of it.
CREATE TABLE suppressions (
    domain VARCHAR(255) NOT NULL,
    list_type VARCHAR(16) NOT NULL,
    entry_key VARCHAR(512) NOT NULL,
    entry_value VARCHAR NOT NULL,
    code VARCHAR,
    reason VARCHAR,
    tags VARCHAR NOT NULL, -- a JSON array
    whitelist_kind VARCHAR(16),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (domain, list_type, entry_key)
);
