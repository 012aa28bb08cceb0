package io.postyard.core.dkim;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;

public class MemoryDkimKeyStore implements DkimKeyStore {
    private final ConcurrentHashMap<Domain, DkimKey> keys = new ConcurrentHashMap<>();

    @Override
    public void put(DkimKey key) {
        keys.put(key.domain(), key);
    }

    @Override
    public Optional<DkimKey> get(Domain domain) {
        return Optional.ofNullable(keys.get(domain));
    }

    @Override
    public void delete(Domain domain) {
        keys.remove(domain);
    }
}
