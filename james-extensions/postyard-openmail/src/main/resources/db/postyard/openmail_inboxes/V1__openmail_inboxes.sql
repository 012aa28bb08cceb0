CREATE TABLE openmail_inboxes (
    id VARCHAR(255) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    address VARCHAR(512) NOT NULL,
    external_id VARCHAR(256),
    created_at BIGINT NOT NULL
);
-- An account's inboxes, oldest first; and those with one external id, in the same order.
CREATE INDEX openmail_inboxes_by_account ON openmail_inboxes (account, created_at, id);
CREATE INDEX openmail_inboxes_by_external_id ON openmail_inboxes (account, external_id, created_at, id);
