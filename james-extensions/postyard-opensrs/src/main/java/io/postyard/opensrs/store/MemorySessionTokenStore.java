package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemorySessionTokenStore implements SessionTokenStore {
    private final Map<String, SessionToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void save(SessionToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public Optional<SessionToken> get(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public boolean remove(String hash) {
        return tokens.remove(hash) != null;
    }

    @Override
    public int removeAll(String login) {
        return removeIf(token -> token.login().equals(login));
    }

    @Override
    public int removeExpired(Instant now) {
        return removeIf(token -> !token.isValidAt(now));
    }

    private int removeIf(java.util.function.Predicate<SessionToken> condition) {
        int[] removed = {0};
        tokens.values().removeIf(token -> {
            boolean remove = condition.test(token);
            if (remove) {
                removed[0]++;
            }
            return remove;
        });
        return removed[0];
    }
}
