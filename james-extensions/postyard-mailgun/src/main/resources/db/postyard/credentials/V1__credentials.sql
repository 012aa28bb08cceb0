CREATE TABLE credentials (
    login VARCHAR(512) PRIMARY KEY,
    created_at BIGINT NOT NULL
);
