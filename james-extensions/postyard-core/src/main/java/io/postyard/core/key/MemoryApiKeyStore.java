package io.postyard.core.key;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.postyard.core.account.AccountId;

public class MemoryApiKeyStore implements ApiKeyStore {
    private final ConcurrentHashMap<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<KeyHash, ApiKeyId> byHash = new ConcurrentHashMap<>();

    @Override
    public void save(ApiKey key) {
        ApiKey previous = keys.put(key.id(), key);
        if (previous != null && !previous.hash().equals(key.hash())) {
            byHash.remove(previous.hash(), key.id());
        }
        byHash.put(key.hash(), key.id());
    }

    @Override
    public Optional<ApiKey> get(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return Optional.ofNullable(byHash.get(hash)).map(keys::get);
    }

    @Override
    public List<ApiKey> list(AccountId account) {
        return keys.values().stream()
            .filter(key -> key.account().equals(account))
            .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().value()))
            .toList();
    }
}
