CREATE TABLE openmail_webhooks (
    scope VARCHAR(512) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    url VARCHAR NOT NULL,
    secret VARCHAR NOT NULL,
    updated_at BIGINT NOT NULL
);
