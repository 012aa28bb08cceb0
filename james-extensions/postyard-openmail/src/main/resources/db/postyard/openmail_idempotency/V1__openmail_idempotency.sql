-- A request's Idempotency-Key (1 to 255 visible ASCII characters) per account; no response while it runs.
CREATE TABLE openmail_idempotency_keys (
    account VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash VARCHAR(128) NOT NULL,
    created_at BIGINT NOT NULL,
    response_status INTEGER,
    response_body VARCHAR,
    PRIMARY KEY (account, idempotency_key)
);
-- The hourly purge of keys created before a limit.
CREATE INDEX openmail_idempotency_keys_by_creation ON openmail_idempotency_keys (created_at);
