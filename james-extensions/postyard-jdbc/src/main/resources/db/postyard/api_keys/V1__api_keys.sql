-- A key's hash is unique: authentication finds one key by it, never a choice of two.
CREATE TABLE api_keys (
    id VARCHAR(255) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    scope_domain VARCHAR(255),
    scope_permissions VARCHAR NOT NULL, -- a JSON array
    description VARCHAR NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    hint VARCHAR NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT api_keys_unique_hash UNIQUE (key_hash)
);

-- list: an account's keys, oldest first, then by id.
CREATE INDEX api_keys_by_account ON api_keys (account, created_at, id);
