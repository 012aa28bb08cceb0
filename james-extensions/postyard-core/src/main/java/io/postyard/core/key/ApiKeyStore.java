package io.postyard.core.key;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;

public interface ApiKeyStore {
    void save(ApiKey key);

    Optional<ApiKey> get(ApiKeyId id);

    /** The key whose secret has this hash, as last saved. */
    Optional<ApiKey> findByHash(KeyHash hash);

    /** The account's keys, revoked ones included, oldest first (then by id). */
    List<ApiKey> list(AccountId account);
}
