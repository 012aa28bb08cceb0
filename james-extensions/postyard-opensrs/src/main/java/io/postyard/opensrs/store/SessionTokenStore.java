package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Login tokens by the hash of their secret. An expired token is no longer valid whether or not it is still stored:
 * a store may forget one by itself some time after its expiry (a Cassandra TTL does), and {@link #removeExpired}
 * removes those it still holds.
 */
public interface SessionTokenStore {
    void save(SessionToken token);

    Optional<SessionToken> get(String hash);

    /** Removes the token; tells whether it was there, so a single-use token is spent once. */
    boolean remove(String hash);

    /** Revokes every token of the login; tells how many. */
    int removeAll(String login);

    /** Removes the tokens no longer valid at {@code now}; tells how many. */
    int removeExpired(Instant now);
}
