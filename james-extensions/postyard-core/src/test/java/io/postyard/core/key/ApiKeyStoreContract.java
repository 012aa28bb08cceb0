package io.postyard.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link ApiKeyStore} does. Each test uses an account of its own and random secrets. */
public abstract class ApiKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract ApiKeyStore store();

    private ApiKey key(String id, KeyKind kind, KeyScope scope, Instant createdAt) {
        return new ApiKey(new ApiKeyId(id), account, kind, scope, "key " + id, KeyHash.of("secret-" + UUID.randomUUID()), "1234",
            createdAt, Optional.empty());
    }

    private static String id() {
        return "key_" + UUID.randomUUID();
    }

    @Test
    void aKeyComesBackByIdAndByHash() {
        ApiKey scoped = key(id(), KeyKind.DOMAIN_SENDING, KeyScope.domain(Domain.of("scoped.test")), T0);
        ApiKey permitted = key(id(), new KeyKind("omypost"), KeyScope.permissions(Set.of("emails:read", "emails:write")), T0);
        store().save(scoped);
        store().save(permitted);

        assertThat(store().get(scoped.id())).contains(scoped);
        assertThat(store().findByHash(scoped.hash())).contains(scoped);
        assertThat(store().get(permitted.id())).contains(permitted);
        assertThat(store().findByHash(permitted.hash())).contains(permitted);
    }

    @Test
    void anUnknownIdOrHashFindsNothing() {
        assertThat(store().get(new ApiKeyId(id()))).isEmpty();
        assertThat(store().findByHash(KeyHash.of("never-issued-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aRevokedKeyIsSavedOverTheActiveOne() {
        ApiKey key = key(id(), KeyKind.PRIMARY, KeyScope.UNRESTRICTED, T0);
        store().save(key);

        store().save(key.revoked(T0.plusSeconds(60)));

        assertThat(store().get(key.id())).contains(key.revoked(T0.plusSeconds(60)));
        assertThat(store().findByHash(key.hash())).hasValueSatisfying(found -> assertThat(found.isActive()).isFalse());
        assertThat(store().list(account)).containsExactly(key.revoked(T0.plusSeconds(60)));
    }

    @Test
    void aKeySavedWithAnotherHashIsNoLongerFoundByTheOldOne() {
        ApiKey key = key(id(), KeyKind.PRIMARY, KeyScope.UNRESTRICTED, T0);
        store().save(key);
        ApiKey rehashed = new ApiKey(key.id(), account, key.kind(), key.scope(), key.description(), KeyHash.of("new-" + UUID.randomUUID()),
            "5678", T0, Optional.empty());

        store().save(rehashed);

        assertThat(store().findByHash(key.hash())).isEmpty();
        assertThat(store().findByHash(rehashed.hash())).contains(rehashed);
    }

    @Test
    void theAccountsKeysAreListedOldestFirstThenById() {
        ApiKey latest = key("key_c-" + UUID.randomUUID(), KeyKind.PRIMARY, KeyScope.UNRESTRICTED, T0.plusSeconds(10));
        ApiKey tiedB = key("key_b-" + UUID.randomUUID(), KeyKind.PRIMARY, KeyScope.UNRESTRICTED, T0);
        ApiKey tiedA = key("key_a-" + UUID.randomUUID(), KeyKind.PRIMARY, KeyScope.UNRESTRICTED, T0);
        store().save(latest);
        store().save(tiedB);
        store().save(tiedA);

        assertThat(store().list(account)).containsExactly(tiedA, tiedB, latest);
        assertThat(store().list(new AccountId("acct-" + UUID.randomUUID()))).isEmpty();
    }
}
