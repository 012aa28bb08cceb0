CREATE TABLE oma_domains (
    domain VARCHAR(255) PRIMARY KEY,
    company VARCHAR(255) NOT NULL,
    attributes VARCHAR NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
-- A company's domains in name order.
CREATE INDEX oma_domains_by_company ON oma_domains (company, domain);
