-- The Mailgun-only settings of a domain, one JSON object per domain.
CREATE TABLE mailgun_domain_settings (
    domain VARCHAR(255) PRIMARY KEY,
    settings VARCHAR(8192) NOT NULL
);
