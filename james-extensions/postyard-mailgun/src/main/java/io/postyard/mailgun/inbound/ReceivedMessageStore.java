package io.postyard.mailgun.inbound;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Domain;

/** Received messages by domain and storage key, until they expire. */
public interface ReceivedMessageStore {
    /** Stores the message; storing the same key again (mail routed again after an outage) keeps one copy. */
    void put(ReceivedMessage message);

    /** The message, unless it expired (whether or not it was purged yet). */
    Optional<ReceivedMessage> get(Domain domain, String key, Instant now);

    boolean delete(Domain domain, String key);

    /** Removes the messages that expired before {@code now}; tells how many, where the store can count them. */
    int deleteExpired(Instant now);
}
