-- Account-wide inbound routes, read in evaluation order: priority, then creation.
CREATE TABLE mailgun_routes (
    id VARCHAR(24) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    priority INTEGER NOT NULL,
    description VARCHAR(4096) NOT NULL,
    expression VARCHAR(4096) NOT NULL,
    actions VARCHAR(65536) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX mailgun_routes_by_account ON mailgun_routes (account, priority, created_at, id);
