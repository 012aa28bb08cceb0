package io.postyard.tempmail.store;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

public class MemoryTempMailDomainStore implements TempMailDomainStore {
    private final ConcurrentHashMap<AccountId, Set<Domain>> domains = new ConcurrentHashMap<>();

    @Override
    public void add(AccountId account, Domain domain) {
        domains.computeIfAbsent(account, any -> ConcurrentHashMap.newKeySet()).add(domain);
    }

    @Override
    public void remove(AccountId account, Domain domain) {
        domains.computeIfPresent(account, (any, set) -> {
            set.remove(domain);
            return set;
        });
    }

    @Override
    public List<Domain> list(AccountId account) {
        return domains.getOrDefault(account, Set.of()).stream().sorted(Comparator.comparing(Domain::asString)).toList();
    }
}
