CREATE TABLE accounts (
    id VARCHAR(255) PRIMARY KEY,
    name VARCHAR(1024) NOT NULL,
    created_at BIGINT NOT NULL
);
