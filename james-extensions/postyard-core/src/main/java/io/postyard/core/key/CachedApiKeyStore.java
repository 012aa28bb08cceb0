package io.postyard.core.key;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;
import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * API keys on the single-node SQL profile, with the lookups kept in memory: every API request authenticates its key
 * by hash. Any save (a new key, a revocation) forgets every answer, so a revoked key stops working at once. Only
 * hashes are kept, as in the store.
 */
public class CachedApiKeyStore implements ApiKeyStore {
    private static final int KEYS_KEPT = 100_000;

    private final ApiKeyStore store;
    private final WriteInvalidatedCache<KeyHash, Optional<ApiKey>> byHash = new WriteInvalidatedCache<>(KEYS_KEPT);
    private final WriteInvalidatedCache<ApiKeyId, Optional<ApiKey>> byId = new WriteInvalidatedCache<>(KEYS_KEPT);

    public CachedApiKeyStore(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return byHash.get(hash, () -> store.findByHash(hash));
    }

    @Override
    public Optional<ApiKey> get(ApiKeyId id) {
        return byId.get(id, () -> store.get(id));
    }

    @Override
    public void save(ApiKey key) {
        try {
            store.save(key);
        } finally {
            byHash.forgetAll();
            byId.forgetAll();
        }
    }

    @Override
    public List<ApiKey> list(AccountId account) {
        return store.list(account);
    }
}
