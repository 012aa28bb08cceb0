-- The name is the primary key: two accounts never both create one domain.
CREATE TABLE domains (
    name VARCHAR(255) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL,
    wildcard BOOLEAN NOT NULL,
    force_dkim_authority BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    track_open BOOLEAN NOT NULL,
    track_click VARCHAR(16) NOT NULL,
    track_unsubscribe BOOLEAN NOT NULL,
    unsubscribe_html_footer VARCHAR NOT NULL,
    unsubscribe_text_footer VARCHAR NOT NULL,
    dns_checked_at BIGINT,
    dns_valid VARCHAR NOT NULL -- a JSON object: record kind to whether it was found
);

-- list: an account's domains by name.
CREATE INDEX domains_by_account ON domains (account, name);
