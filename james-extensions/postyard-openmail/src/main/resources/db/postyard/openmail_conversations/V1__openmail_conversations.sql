CREATE TABLE openmail_threads (
    id VARCHAR(255) PRIMARY KEY,
    inbox_id VARCHAR(255) NOT NULL,
    subject VARCHAR NOT NULL,
    created_at BIGINT NOT NULL,
    is_read BOOLEAN NOT NULL
);
-- An inbox's threads, and their deletion with it.
CREATE INDEX openmail_threads_by_inbox ON openmail_threads (inbox_id);

-- Lists of strings and the attachments are JSON arrays, read whole with their message. A Message-ID has no length
-- limit the store can rely on, so it is looked up by its SHA-256 (hex), then compared.
CREATE TABLE openmail_messages (
    id VARCHAR(255) PRIMARY KEY,
    thread_id VARCHAR(255) NOT NULL,
    inbox_id VARCHAR(255) NOT NULL,
    direction VARCHAR(16) NOT NULL,
    rfc_message_id VARCHAR,
    rfc_message_id_hash VARCHAR(64),
    refs VARCHAR NOT NULL,
    from_addr VARCHAR NOT NULL,
    to_addrs VARCHAR NOT NULL,
    cc VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    body_text VARCHAR NOT NULL,
    status VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    copy_mailbox VARCHAR(255),
    copy_uid BIGINT,
    attachments VARCHAR NOT NULL
);
-- A thread's and an inbox's messages, oldest first (the latter also deletes an inbox's messages); a message by its
-- Message-ID or by its copy in James, the oldest first where two share one.
CREATE INDEX openmail_messages_by_thread ON openmail_messages (thread_id, created_at, id);
CREATE INDEX openmail_messages_by_inbox ON openmail_messages (inbox_id, created_at, id);
CREATE INDEX openmail_messages_by_rfc_message_id ON openmail_messages (inbox_id, rfc_message_id_hash, created_at, id);
CREATE INDEX openmail_messages_by_copy ON openmail_messages (inbox_id, copy_mailbox, copy_uid, created_at, id);
