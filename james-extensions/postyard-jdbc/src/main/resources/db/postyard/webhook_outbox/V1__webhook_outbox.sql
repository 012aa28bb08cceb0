-- One row per delivery. claimed_by is the node attempting a SENDING delivery; payload is Base64.
CREATE TABLE webhook_deliveries (
    id VARCHAR(255) PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    subscription_id VARCHAR(1024) NOT NULL,
    url VARCHAR NOT NULL,
    scheme VARCHAR NOT NULL,
    secret VARCHAR NOT NULL,
    payload VARCHAR NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    last_response_code INTEGER,
    last_error VARCHAR,
    last_attempt_at BIGINT,
    created_at BIGINT NOT NULL,
    claimed_by VARCHAR(64)
);

-- Listings come most recent first, ties by id: the start-up sweep, dead letters, the purge and the lease job by status,
-- the API by subscription.
CREATE INDEX webhook_deliveries_by_status ON webhook_deliveries (status, created_at DESC, id);
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at DESC, id);

-- Each node's lease on the deliveries it claimed, renewed while it runs.
CREATE TABLE webhook_outbox_nodes (
    node VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
