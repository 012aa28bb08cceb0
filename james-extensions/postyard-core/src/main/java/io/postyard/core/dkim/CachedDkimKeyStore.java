package io.postyard.core.dkim;

import java.util.Optional;

import org.apache.james.core.Domain;

import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * DKIM keys on the single-node SQL profile, kept in memory by domain: every outgoing mail is signed with its domain's
 * key, and every view of a domain shows its DNS records. A key changes only through this node (rotation, deletion).
 */
public class CachedDkimKeyStore implements DkimKeyStore {
    private static final int DOMAINS_KEPT = 100_000;

    private final DkimKeyStore store;
    private final WriteInvalidatedCache<Domain, Optional<DkimKey>> byDomain = new WriteInvalidatedCache<>(DOMAINS_KEPT);

    public CachedDkimKeyStore(DkimKeyStore store) {
        this.store = store;
    }

    @Override
    public Optional<DkimKey> get(Domain domain) {
        return byDomain.get(domain, () -> store.get(domain));
    }

    @Override
    public void put(DkimKey key) {
        try {
            store.put(key);
        } finally {
            byDomain.forget(key.domain());
        }
    }

    @Override
    public void delete(Domain domain) {
        try {
            store.delete(domain);
        } finally {
            byDomain.forget(domain);
        }
    }
}
