package io.postyard.opensrs.store;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * OMA domains on the single-node SQL profile, with the lookup by name kept in memory: the mail policy asks it for
 * every recipient (was the domain deleted). Any write forgets every answer.
 */
public class CachedHostedDomainStore implements HostedDomainStore {
    private static final int DOMAINS_KEPT = 100_000;

    private final HostedDomainStore store;
    private final WriteInvalidatedCache<Domain, Optional<HostedDomain>> byName = new WriteInvalidatedCache<>(DOMAINS_KEPT);

    public CachedHostedDomainStore(HostedDomainStore store) {
        this.store = store;
    }

    @Override
    public Optional<HostedDomain> get(Domain name) {
        return byName.get(name, () -> store.get(name));
    }

    @Override
    public boolean insertIfAbsent(HostedDomain domain) {
        try {
            return store.insertIfAbsent(domain);
        } finally {
            byName.forgetAll();
        }
    }

    @Override
    public void save(HostedDomain domain) {
        try {
            store.save(domain);
        } finally {
            byName.forgetAll();
        }
    }

    @Override
    public void delete(Domain name) {
        try {
            store.delete(name);
        } finally {
            byName.forgetAll();
        }
    }

    @Override
    public List<HostedDomain> list(String company) {
        return store.list(company);
    }
}
