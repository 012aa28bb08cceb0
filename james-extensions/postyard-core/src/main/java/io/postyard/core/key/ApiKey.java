package io.postyard.core.key;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.postyard.core.account.AccountId;

/**
 * A stored API key. It never holds the secret: only its hash and a short hint (the last characters) that lets a
 * person tell keys apart.
 */
public record ApiKey(ApiKeyId id,
                     AccountId account,
                     KeyKind kind,
                     KeyScope scope,
                     String description,
                     KeyHash hash,
                     String hint,
                     Instant createdAt,
                     Optional<Instant> revokedAt) {
    public ApiKey {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(description);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(hint);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(revokedAt);
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public boolean isPrimary() {
        return kind.equals(KeyKind.PRIMARY);
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, account, kind, scope, description, hash, hint, createdAt, Optional.of(at));
    }
}
