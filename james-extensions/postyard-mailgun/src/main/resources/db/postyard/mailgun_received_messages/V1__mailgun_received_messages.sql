-- Mail a route took, kept three days; raw is the whole MIME message (BYTEA: H2 and PostgreSQL both take up to 25 MB).
CREATE TABLE mailgun_received_messages (
    domain VARCHAR(255) NOT NULL,
    storage_key VARCHAR(64) NOT NULL,
    account VARCHAR(255) NOT NULL,
    recipient VARCHAR(320) NOT NULL,
    sender VARCHAR(320) NOT NULL,
    raw BYTEA NOT NULL,
    stored_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (domain, storage_key)
);
CREATE INDEX mailgun_received_messages_by_expiry ON mailgun_received_messages (expires_at);
