-- Mailboxes by id. address_key, the address lower-cased, is unique: two nodes never give one address to two
-- mailboxes, and deleting the row frees the address. Permanent mailboxes have no expiry (NULL).
CREATE TABLE hosted_mailboxes (
    id VARCHAR(255) PRIMARY KEY,
    provider VARCHAR(255) NOT NULL,
    account VARCHAR(255) NOT NULL,
    address VARCHAR(512) NOT NULL,
    address_key VARCHAR(512) NOT NULL,
    lifetime VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    CONSTRAINT hosted_mailboxes_unique_address UNIQUE (address_key)
);

-- list: an account's mailboxes with one provider, oldest first, then by id (a lifetime wanted filters these rows).
CREATE INDEX hosted_mailboxes_by_account ON hosted_mailboxes (account, provider, created_at, id);
-- expiredAt: the expiry job reads the earliest expiries up to now, a limited batch at a time.
CREATE INDEX hosted_mailboxes_by_expiry ON hosted_mailboxes (expires_at, id);
