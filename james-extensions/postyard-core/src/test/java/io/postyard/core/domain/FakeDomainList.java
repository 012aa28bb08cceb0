package io.postyard.core.domain;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;

/** James's domain list as a plain list in insertion order, for tests of what uses it; James's memory one needs DNS. */
public final class FakeDomainList implements DomainList {
    private final CopyOnWriteArrayList<Domain> domains = new CopyOnWriteArrayList<>();

    public FakeDomainList(String... names) {
        for (String name : names) {
            domains.add(Domain.of(name));
        }
    }

    @Override
    public List<Domain> getDomains() {
        return List.copyOf(domains);
    }

    @Override
    public boolean containsDomain(Domain domain) {
        return domains.contains(domain);
    }

    @Override
    public void addDomain(Domain domain) {
        domains.addIfAbsent(domain);
    }

    @Override
    public void removeDomain(Domain domain) {
        domains.remove(domain);
    }

    @Override
    public Domain getDefaultDomain() {
        return Domain.LOCALHOST;
    }
}
