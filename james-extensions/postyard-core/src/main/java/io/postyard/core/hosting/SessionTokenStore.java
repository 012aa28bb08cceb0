package io.postyard.core.hosting;

import java.time.Instant;
import java.util.Optional;

public interface SessionTokenStore {
    void save(SessionToken token);

    Optional<SessionToken> get(String hash);

    /** Removes the token; tells whether it was there, so a single-use token is spent once. */
    boolean remove(String hash);

    /** Revokes every token of the login; tells how many. */
    int removeAll(String login);

    int removeExpired(Instant now);
}
