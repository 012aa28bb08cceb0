CREATE TABLE tempmail_domains (
    account VARCHAR(255) NOT NULL,
    domain VARCHAR(255) NOT NULL,
    PRIMARY KEY (account, domain)
);
