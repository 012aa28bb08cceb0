package io.postyard.opensrs.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;

public class MemoryHostedDomainStore implements HostedDomainStore {
    private final Map<Domain, HostedDomain> domains = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(HostedDomain domain) {
        return domains.putIfAbsent(domain.name(), domain) == null;
    }

    @Override
    public void save(HostedDomain domain) {
        domains.put(domain.name(), domain);
    }

    @Override
    public Optional<HostedDomain> get(Domain name) {
        return Optional.ofNullable(domains.get(name));
    }

    @Override
    public List<HostedDomain> list(String company) {
        return domains.values().stream()
            .filter(domain -> domain.company().equals(company))
            .sorted(Comparator.comparing(domain -> domain.name().asString()))
            .toList();
    }

    @Override
    public void delete(Domain name) {
        domains.remove(name);
    }
}
