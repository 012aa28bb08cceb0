package io.postyard.openmail.store;

import java.time.Instant;
import java.util.Objects;

/** A conversation of one inbox: its first message's subject, and whether the agent has read it. */
public record MailThread(String id, String inboxId, String subject, Instant createdAt, boolean read) {
    public MailThread {
        Objects.requireNonNull(id);
        Objects.requireNonNull(inboxId);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(createdAt);
    }

    public MailThread withRead(boolean newRead) {
        return new MailThread(id, inboxId, subject, createdAt, newRead);
    }
}
