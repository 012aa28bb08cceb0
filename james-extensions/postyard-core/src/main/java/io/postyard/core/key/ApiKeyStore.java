package io.postyard.core.key;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;

public interface ApiKeyStore {
    void save(ApiKey key);

    Optional<ApiKey> get(ApiKeyId id);

    Optional<ApiKey> findByHash(KeyHash hash);

    List<ApiKey> list(AccountId account);
}
