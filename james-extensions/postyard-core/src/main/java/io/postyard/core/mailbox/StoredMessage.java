package io.postyard.core.mailbox;

import java.time.Instant;
import java.util.Objects;

/** A message as its mailbox keeps it: its UID, arrival time, size, whether it was read, and its raw source. */
public record StoredMessage(long uid, Instant receivedAt, long size, boolean seen, byte[] raw) {
    public StoredMessage {
        Objects.requireNonNull(receivedAt);
        Objects.requireNonNull(raw);
    }
}
