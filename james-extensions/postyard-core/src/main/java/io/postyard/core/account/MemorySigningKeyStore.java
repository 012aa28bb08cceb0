package io.postyard.core.account;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemorySigningKeyStore implements SigningKeyStore {
    private final ConcurrentHashMap<AccountId, String> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(AccountId account) {
        return Optional.ofNullable(keys.get(account));
    }

    @Override
    public String putIfAbsent(AccountId account, String key) {
        String existing = keys.putIfAbsent(account, key);
        return existing == null ? key : existing;
    }

    @Override
    public void put(AccountId account, String key) {
        keys.put(account, key);
    }
}
