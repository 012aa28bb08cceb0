package io.postyard.core.openmail;

import java.time.Instant;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/** Idempotency keys of an account; a key created before the expiry limit given to a call counts as absent. */
public interface IdempotencyStore {
    /**
     * Stores the record unless a live one holds its key, atomically: of two requests with the same key, one claims it.
     * Returns the live record holding the key, if there is one (then nothing is stored).
     */
    Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant expiredBefore);

    Optional<IdempotencyRecord> get(AccountId account, String key, Instant expiredBefore);

    /** Keeps the response of the request that claimed the key. */
    void complete(IdempotencyRecord completed);

    /** Frees a key whose request failed before doing anything, so that a retry does it. */
    void release(AccountId account, String key);

    /** Forgets the records created before the instant; tells how many. */
    int purgeCreatedBefore(Instant before);
}
