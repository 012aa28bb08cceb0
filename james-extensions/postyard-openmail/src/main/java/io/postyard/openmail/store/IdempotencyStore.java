package io.postyard.openmail.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/**
 * Idempotency keys of an account; a key created before the expiry limit given to a call counts as absent. A store may
 * forget a record by itself once it is {@link #MAX_LIFETIME} old (a Cassandra TTL does), so callers' limits stay
 * within it.
 */
public interface IdempotencyStore {
    Duration MAX_LIFETIME = Duration.ofDays(2);

    /**
     * Stores the record unless a live one holds its key, atomically: of two requests with the same key, one claims it.
     * Returns the live record holding the key, if there is one (then nothing is stored).
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant expiredBefore);

    Optional<IdempotencyRecord> get(AccountId account, String key, Instant expiredBefore);

    /**
     * Keeps the response of the request that claimed the key; nothing changes when the key is no longer held by that
     * request (released, or expired and claimed by another).
     */
    void complete(IdempotencyRecord completed);

    /** Frees a key whose request failed before doing anything, so that a retry does it. */
    void release(AccountId account, String key);

    /** Forgets the records created before the instant; tells how many. */
    int purgeCreatedBefore(Instant before);
}
