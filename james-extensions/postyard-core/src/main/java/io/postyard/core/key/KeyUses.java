package io.postyard.core.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key's last use, shown to its owner: written at most once a minute per key and node, so a busy key costs one write
 * a minute, not one per request. A failed write is only logged: it never refuses the request it was for.
 */
public class KeyUses {
    static final Duration PRECISION = Duration.ofMinutes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyUses.class);

    private final KeyUseStore store;
    private final Clock clock;
    private final ConcurrentMap<ApiKeyId, Instant> written = new ConcurrentHashMap<>();

    @Inject
    public KeyUses(KeyUseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void used(ApiKey key) {
        Instant now = clock.instant();
        Instant last = written.get(key.id());
        if (last != null && last.plus(PRECISION).isAfter(now)) {
            return;
        }
        written.put(key.id(), now);
        try {
            store.record(key.id(), now);
        } catch (RuntimeException e) {
            LOGGER.debug("The last use of key {} was not recorded: {}", key.id().value(), e.getMessage());
        }
    }

    public Map<ApiKeyId, Instant> lastUses(Collection<ApiKeyId> keys) {
        return store.lastUses(keys);
    }
}
