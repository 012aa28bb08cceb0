package io.postyard.openmail.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/**
 * A request made with an {@code Idempotency-Key}: the hash of what was asked and, once it is done, the response to
 * give again to a retry. Without a response the first request is still running.
 */
public record IdempotencyRecord(AccountId account, String key, String requestHash, Instant createdAt,
                                Optional<StoredResponse> response) {
    public record StoredResponse(int status, String body) {
        public StoredResponse {
            Objects.requireNonNull(body);
        }
    }

    public IdempotencyRecord {
        Objects.requireNonNull(account);
        Objects.requireNonNull(key);
        Objects.requireNonNull(requestHash);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(response);
    }

    public IdempotencyRecord completed(StoredResponse storedResponse) {
        return new IdempotencyRecord(account, key, requestHash, createdAt, Optional.of(storedResponse));
    }

    public boolean isExpiredAt(Instant expiredBefore) {
        return createdAt.isBefore(expiredBefore);
    }
}
