package io.postyard.core.domain;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * A {@link DomainStore} that only this process writes, with its answers by name kept in memory: mail routing asks
 * whether a domain is local several times per message (SMTP recipient checks, the mailet container's matchers).
 * Only for the single-node profiles; a cluster's nodes write the same store and keep no copy.
 */
public class CachedDomainStore implements DomainStore {
    private static final int DOMAINS_KEPT = 100_000;

    private final DomainStore store;
    private final WriteInvalidatedCache<Domain, Optional<MailDomain>> byName = new WriteInvalidatedCache<>(DOMAINS_KEPT);

    public CachedDomainStore(DomainStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfAbsent(MailDomain domain) {
        try {
            return store.insertIfAbsent(domain);
        } finally {
            byName.forget(domain.name());
        }
    }

    @Override
    public void save(MailDomain domain) {
        try {
            store.save(domain);
        } finally {
            byName.forget(domain.name());
        }
    }

    @Override
    public Optional<MailDomain> get(Domain name) {
        return byName.get(name, () -> store.get(name));
    }

    @Override
    public List<MailDomain> list(AccountId account) {
        return store.list(account);
    }

    @Override
    public void delete(Domain name) {
        try {
            store.delete(name);
        } finally {
            byName.forget(name);
        }
    }
}
