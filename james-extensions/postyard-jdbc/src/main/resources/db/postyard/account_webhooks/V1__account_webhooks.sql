-- The webhooks accounts register with a provider, by id. The events wanted are a JSON array (empty: all of them).
CREATE TABLE account_webhooks (
    id VARCHAR(255) PRIMARY KEY,
    provider VARCHAR(255) NOT NULL,
    account VARCHAR(255) NOT NULL,
    url VARCHAR NOT NULL,
    events VARCHAR NOT NULL,
    secret VARCHAR NOT NULL,
    created_at BIGINT NOT NULL
);

-- list: an account's webhooks with one provider, oldest first, then by id.
CREATE INDEX account_webhooks_by_account ON account_webhooks (account, provider, created_at, id);
