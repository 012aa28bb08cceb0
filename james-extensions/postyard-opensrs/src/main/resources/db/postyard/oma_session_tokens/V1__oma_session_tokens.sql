-- Tokens by the hash of their secret.
CREATE TABLE oma_session_tokens (
    token_hash VARCHAR(128) PRIMARY KEY,
    login VARCHAR(512) NOT NULL,
    token_type VARCHAR(64) NOT NULL,
    expires_at BIGINT NOT NULL,
    single_use BOOLEAN NOT NULL
);
-- Revoking a login's tokens; removing the expired ones.
CREATE INDEX oma_session_tokens_by_login ON oma_session_tokens (login);
CREATE INDEX oma_session_tokens_by_expiry ON oma_session_tokens (expires_at);
