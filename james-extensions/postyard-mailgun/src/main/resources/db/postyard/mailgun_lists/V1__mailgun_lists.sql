-- Mailing lists, paged by address per account, and their members, paged by address per list.
CREATE TABLE mailgun_lists (
    address VARCHAR(320) PRIMARY KEY,
    account VARCHAR(255) NOT NULL,
    name VARCHAR(1024) NOT NULL,
    description VARCHAR(4096) NOT NULL,
    access_level VARCHAR(16) NOT NULL,
    reply_preference VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX mailgun_lists_by_account ON mailgun_lists (account, address);

CREATE TABLE mailgun_list_members (
    list VARCHAR(320) NOT NULL,
    address VARCHAR(320) NOT NULL,
    name VARCHAR(1024) NOT NULL,
    vars VARCHAR(65536) NOT NULL,
    subscribed BOOLEAN NOT NULL,
    PRIMARY KEY (list, address)
);
