CREATE TABLE oma_users (
    user_name VARCHAR(512) PRIMARY KEY,
    domain VARCHAR(255) NOT NULL,
    company VARCHAR(255) NOT NULL,
    status VARCHAR(16) NOT NULL,
    role_kind VARCHAR(16) NOT NULL,
    role_objects VARCHAR NOT NULL,
    attributes VARCHAR NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT,
    former_name VARCHAR(512)
);
-- A domain's users in name order; a renamed user by its former name; the retention purge's scan of deleted users,
-- oldest deletion first, so it stops at its limit.
CREATE INDEX oma_users_by_domain ON oma_users (domain, user_name);
CREATE INDEX oma_users_by_former_name ON oma_users (former_name, user_name);
CREATE INDEX oma_users_by_deletion ON oma_users (deleted_at, user_name);
