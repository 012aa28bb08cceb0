package io.postyard.core.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

public class MemoryDomainStore implements DomainStore {
    private final ConcurrentHashMap<Domain, MailDomain> domains = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(MailDomain domain) {
        return domains.putIfAbsent(domain.name(), domain) == null;
    }

    @Override
    public void save(MailDomain domain) {
        domains.put(domain.name(), domain);
    }

    @Override
    public Optional<MailDomain> get(Domain name) {
        return Optional.ofNullable(domains.get(name));
    }

    @Override
    public List<MailDomain> list(AccountId account) {
        return domains.values().stream()
            .filter(domain -> domain.account().equals(account))
            .sorted(Comparator.comparing(domain -> domain.name().asString()))
            .toList();
    }

    @Override
    public void delete(Domain name) {
        domains.remove(name);
    }
}
