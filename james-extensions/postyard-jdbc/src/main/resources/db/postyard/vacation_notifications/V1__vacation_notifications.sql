-- The senders each account's vacation reply went to, and until when they are not answered again.
CREATE TABLE vacation_notifications (
    account_id VARCHAR(512) NOT NULL,
    recipient_id VARCHAR(512) NOT NULL,
    expires_at BIGINT,
    PRIMARY KEY (account_id, recipient_id)
);
