CREATE TABLE signing_keys (
    account VARCHAR(255) PRIMARY KEY,
    signing_key VARCHAR(255) NOT NULL
);
