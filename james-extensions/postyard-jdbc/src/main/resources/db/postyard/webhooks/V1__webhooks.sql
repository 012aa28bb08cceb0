-- A domain's webhook per name: the primary key lets one creation of a name win, and serves the lookup, the list by
-- name and the deletion of a domain's webhooks. The URLs, one to three in order, are a JSON array.
CREATE TABLE domain_webhooks (
    domain VARCHAR(255) NOT NULL,
    name VARCHAR(255) NOT NULL,
    urls VARCHAR NOT NULL,
    PRIMARY KEY (domain, name)
);
