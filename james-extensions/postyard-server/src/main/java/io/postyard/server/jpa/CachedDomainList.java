package io.postyard.server.jpa;

import java.util.List;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * James's domain list on the single-node SQL profile, with its answers to "is this domain ours" kept in memory: SMTP
 * recipient checks and the mailet container's matchers ask it several times per message, and every domain is added
 * or removed through this node.
 */
class CachedDomainList implements DomainList {
    private static final int DOMAINS_KEPT = 100_000;

    private final DomainList domains;
    private final WriteInvalidatedCache<Domain, Boolean> contains = new WriteInvalidatedCache<>(DOMAINS_KEPT);

    CachedDomainList(DomainList domains) {
        this.domains = domains;
    }

    @Override
    public boolean containsDomain(Domain domain) throws DomainListException {
        return contains.get(domain, () -> domains.containsDomain(domain));
    }

    @Override
    public void addDomain(Domain domain) throws DomainListException {
        try {
            domains.addDomain(domain);
        } finally {
            contains.forget(domain);
        }
    }

    @Override
    public void removeDomain(Domain domain) throws DomainListException {
        try {
            domains.removeDomain(domain);
        } finally {
            contains.forget(domain);
        }
    }

    @Override
    public List<Domain> getDomains() throws DomainListException {
        return domains.getDomains();
    }

    @Override
    public Domain getDefaultDomain() throws DomainListException {
        return domains.getDefaultDomain();
    }
}
