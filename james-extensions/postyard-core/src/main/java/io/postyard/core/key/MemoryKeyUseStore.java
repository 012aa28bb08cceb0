package io.postyard.core.key;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public class MemoryKeyUseStore implements KeyUseStore {
    private final ConcurrentMap<ApiKeyId, Instant> uses = new ConcurrentHashMap<>();

    @Override
    public void record(ApiKeyId key, Instant at) {
        uses.merge(key, at, (kept, given) -> given.isAfter(kept) ? given : kept);
    }

    @Override
    public Map<ApiKeyId, Instant> lastUses(Collection<ApiKeyId> keys) {
        Map<ApiKeyId, Instant> found = new HashMap<>();
        keys.forEach(key -> {
            Instant at = uses.get(key);
            if (at != null) {
                found.put(key, at);
            }
        });
        return found;
    }
}
