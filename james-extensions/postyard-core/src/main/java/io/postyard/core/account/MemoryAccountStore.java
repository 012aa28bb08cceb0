package io.postyard.core.account;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemoryAccountStore implements AccountStore {
    private final ConcurrentHashMap<AccountId, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public void save(Account account) {
        accounts.put(account.id(), account);
    }

    @Override
    public Optional<Account> get(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public List<Account> list() {
        return accounts.values().stream()
            .sorted(Comparator.comparing(Account::createdAt))
            .toList();
    }
}
