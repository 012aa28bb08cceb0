package io.postyard.mailgun.credential;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;

/** When each login was created; James's users repository holds the logins themselves. */
public interface CredentialStore {
    void recordCreation(Username login, Instant createdAt);

    Optional<Instant> createdAt(Username login);

    void forget(Username login);
}
