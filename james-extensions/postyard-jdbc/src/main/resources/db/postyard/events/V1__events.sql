-- One row per event, kept whole; the events API reads it in the order of its cursor, (occurred_at, id), so every index
-- a listing reads ends with those two columns after the ones its filter fixes.
CREATE TABLE events (
    id VARCHAR(255) PRIMARY KEY,
    domain VARCHAR(255) NOT NULL,
    occurred_at BIGINT NOT NULL,
    event_type VARCHAR(32) NOT NULL,
    account VARCHAR(255) NOT NULL,
    message_id VARCHAR,
    -- The Message-ID without its angle brackets, as queries match it.
    bare_message_id VARCHAR(1024),
    recipient VARCHAR,
    -- The recipient in lower case, as queries match it.
    recipient_key VARCHAR(1024),
    severity VARCHAR(16),
    reason VARCHAR,
    -- JSON: the list of tags, the user variables and details (objects of strings).
    tags VARCHAR NOT NULL,
    user_variables VARCHAR NOT NULL,
    summary_message_id VARCHAR,
    summary_from VARCHAR,
    summary_to VARCHAR,
    summary_subject VARCHAR,
    summary_size BIGINT,
    delivery_code INTEGER,
    delivery_enhanced_code VARCHAR,
    delivery_message VARCHAR,
    delivery_mx_host VARCHAR,
    delivery_attempt INTEGER,
    details VARCHAR NOT NULL
);

CREATE INDEX events_by_domain ON events (domain, occurred_at, id);
CREATE INDEX events_by_type ON events (domain, event_type, occurred_at, id);
CREATE INDEX events_by_recipient ON events (domain, recipient_key, occurred_at, id);
CREATE INDEX events_by_message ON events (domain, bare_message_id, occurred_at, id);
-- Only failures carry a severity: a filter by severity alone would otherwise read all of a range's events.
CREATE INDEX events_by_severity ON events (domain, severity, occurred_at, id);

-- Each distinct tag of an event, with what a listing by tag (and type) orders and filters by.
CREATE TABLE event_tags (
    event_id VARCHAR(255) NOT NULL,
    tag VARCHAR(1024) NOT NULL,
    domain VARCHAR(255) NOT NULL,
    occurred_at BIGINT NOT NULL,
    event_type VARCHAR(32) NOT NULL,
    PRIMARY KEY (event_id, tag)
);

CREATE INDEX event_tags_by_tag ON event_tags (domain, tag, occurred_at, event_id);
CREATE INDEX event_tags_by_tag_and_type ON event_tags (domain, tag, event_type, occurred_at, event_id);
