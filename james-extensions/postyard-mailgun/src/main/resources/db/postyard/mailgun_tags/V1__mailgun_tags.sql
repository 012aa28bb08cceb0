-- The tags each domain's sends carried; pages are ranges of the primary key from a tag.
CREATE TABLE mailgun_tags (
    domain VARCHAR(255) NOT NULL,
    tag VARCHAR(255) NOT NULL,
    description VARCHAR(1024) NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    PRIMARY KEY (domain, tag)
);
