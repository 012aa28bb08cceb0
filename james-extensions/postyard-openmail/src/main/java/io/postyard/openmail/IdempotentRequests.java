package io.postyard.openmail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.http.ErrorCode;
import io.postyard.http.JsonBody;
import io.postyard.openmail.store.IdempotencyRecord;
import io.postyard.openmail.store.IdempotencyStore;

/**
 * {@code Idempotency-Key}: the first request with a key claims it and its response is kept for 24 hours; a retry
 * with the same key and the same request gets that response again and does nothing, one with another request is
 * refused. A retry that arrives while the first is still running waits for its response.
 */
class IdempotentRequests {
    static final Duration LIFETIME = Duration.ofHours(24);
    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 25;

    /** A request's work: what it answers once it is done. */
    @FunctionalInterface
    interface Work<E extends Exception> {
        IdempotencyRecord.StoredResponse run() throws E;
    }

    /** The answer to give, and whether it is the first request's, given again. */
    record Answer(IdempotencyRecord.StoredResponse response, boolean replayed) {
    }

    /** What to do with a request: run it under the claimed key, or answer what the first request answered. */
    private sealed interface Outcome {
    }

    private record Claimed(IdempotencyRecord record) implements Outcome {
    }

    private record Replay(IdempotencyRecord.StoredResponse response) implements Outcome {
    }

    private final IdempotencyStore store;
    private final Clock clock;

    @Inject
    IdempotentRequests(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The key of the header, checked: 400 {@code missing_idempotency_key} without one. */
    static String key(String header) {
        if (header == null || header.isBlank()) {
            throw OpenmailErrors.missingIdempotencyKey();
        }
        String key = header.trim();
        if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw JsonBody.invalid(HEADER, "The Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters", "invalid key");
        }
        return key;
    }

    /**
     * Runs the work once per key: the first request with the key does it and its answer is kept; a retry of the same
     * request gets that answer. Work that fails frees the key, so that a retry does it.
     */
    <E extends Exception> Answer once(AccountId account, String key, String fingerprint, Work<E> work) throws E {
        Outcome outcome = begin(account, key, fingerprint);
        if (outcome instanceof Replay replay) {
            return new Answer(replay.response(), true);
        }
        Claimed claimed = (Claimed) outcome;
        boolean done = false;
        try {
            IdempotencyRecord.StoredResponse response = work.run();
            done = true;
            store.complete(claimed.record().completed(response));
            return new Answer(response, false);
        } finally {
            if (!done) {
                store.release(claimed.record().account(), claimed.record().key());
            }
        }
    }

    private Outcome begin(AccountId account, String key, String fingerprint) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Instant now = clock.instant();
            IdempotencyRecord candidate = new IdempotencyRecord(account, key, fingerprint, now, Optional.empty());
            Optional<IdempotencyRecord> holder = store.claim(candidate, now.minus(LIFETIME));
            if (holder.isEmpty()) {
                return new Claimed(candidate);
            }
            if (!holder.get().requestHash().equals(fingerprint)) {
                throw OpenmailErrors.of(422, ErrorCode.VALIDATION, "idempotency_key_reused",
                    "This Idempotency-Key was used with a different request in the last 24 hours");
            }
            if (holder.get().response().isPresent()) {
                return new Replay(holder.get().response().get());
            }
            if (System.nanoTime() > deadline) {
                throw OpenmailErrors.of(409, ErrorCode.CONFLICT, "idempotency_key_in_use",
                    "A request with this Idempotency-Key is still being processed; retry later");
            }
            pause();
        }
    }

    /** Forgets keys past their 24 hours; run by a timed job. */
    int purgeExpired() {
        return store.purgeCreatedBefore(clock.instant().minus(LIFETIME));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first request with the same key", e);
        }
    }
}
