-- James's vacation replies, one per account (James's JPA server has no table for them). Dates keep their zone as
-- ISO-8601 text, as James's API gives and expects them back.
CREATE TABLE vacations (
    account_id VARCHAR(512) PRIMARY KEY,
    enabled BOOLEAN NOT NULL,
    from_date VARCHAR(100),
    to_date VARCHAR(100),
    subject VARCHAR,
    text_body VARCHAR,
    html_body VARCHAR
);
