-- A reseller's customers: thousands at most, listed whole in id order, which the primary key serves.
CREATE TABLE oma_companies (
    id VARCHAR(255) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    attributes VARCHAR NOT NULL,
    created_at BIGINT NOT NULL
);
