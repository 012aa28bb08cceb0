-- A key's last use, written at most once a minute per key and node.
CREATE TABLE api_key_uses (
    id VARCHAR(64) PRIMARY KEY,
    last_used_at BIGINT NOT NULL
);
