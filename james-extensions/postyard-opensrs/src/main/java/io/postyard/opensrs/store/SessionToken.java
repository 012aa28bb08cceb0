package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A login token, stored by the hash of its secret. {@code login} is whom it authenticates (a user's address, or the
 * bootstrap administrator's name);
 */
public record SessionToken(String hash, String login, String type, Instant expiresAt, boolean singleUse) {
    public SessionToken {
        Objects.requireNonNull(hash);
        Objects.requireNonNull(login);
        Objects.requireNonNull(type);
        Objects.requireNonNull(expiresAt);
    }

    public boolean isValidAt(Instant instant) {
        return instant.isBefore(expiresAt);
    }
}
