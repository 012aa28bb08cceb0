package io.postyard.mailgun.credential;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Username;

public class MemoryCredentialStore implements CredentialStore {
    private final ConcurrentHashMap<Username, Instant> creations = new ConcurrentHashMap<>();

    @Override
    public void recordCreation(Username login, Instant createdAt) {
        creations.put(login, createdAt);
    }

    @Override
    public Optional<Instant> createdAt(Username login) {
        return Optional.ofNullable(creations.get(login));
    }

    @Override
    public void forget(Username login) {
        creations.remove(login);
    }
}
