package io.postyard.core.key;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;

/** Issues, authenticates and revokes API keys; secrets only ever exist in memory on the way in or out. */
public class ApiKeyService {
    public static final String DEFAULT_SECRET_PREFIX = "key-";

    private final ApiKeyStore store;
    private final Clock clock;

    @Inject
    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public IssuedKey issue(AccountId account, KeyKind kind, KeyScope scope, String description, String secretPrefix) {
        String secret = KeySecrets.generate(secretPrefix);
        ApiKey key = new ApiKey(ApiKeyId.random(), account, kind, scope, description, KeyHash.of(secret),
            KeySecrets.hint(secret), clock.instant(), Optional.empty());
        store.save(key);
        return new IssuedKey(key, secret);
    }

    public IssuedKey issue(AccountId account, KeyKind kind, KeyScope scope, String description) {
        return issue(account, kind, scope, description, DEFAULT_SECRET_PREFIX);
    }

    /** Registers a key whose secret the operator chose; only its hash is kept. */
    public ApiKey register(AccountId account, KeyKind kind, KeyScope scope, String description, KeyHash hash, String hint) {
        Optional<ApiKey> existing = store.findByHash(hash);
        if (existing.isPresent()) {
            return existing.get();
        }
        ApiKey key = new ApiKey(ApiKeyId.random(), account, kind, scope, description, hash, hint, clock.instant(),
            Optional.empty());
        store.save(key);
        return key;
    }

    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        return store.findByHash(KeyHash.of(secret))
            .filter(ApiKey::isActive);
    }

    public Optional<ApiKey> get(ApiKeyId id) {
        return store.get(id);
    }

    public List<ApiKey> list(AccountId account) {
        return store.list(account);
    }

    public Optional<ApiKey> revoke(ApiKeyId id) {
        return store.get(id)
            .map(key -> {
                ApiKey revoked = key.isActive() ? key.revoked(clock.instant()) : key;
                store.save(revoked);
                return revoked;
            });
    }
}
