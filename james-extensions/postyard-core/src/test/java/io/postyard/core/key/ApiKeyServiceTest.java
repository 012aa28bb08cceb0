package io.postyard.core.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

class ApiKeyServiceTest {
    private final MemoryApiKeyStore store = new MemoryApiKeyStore();
    private final ApiKeyService service = new ApiKeyService(store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anIssuedKeyAuthenticatesWithItsSecret() {
        IssuedKey issued = service.issue(AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "ci");

        assertThat(service.authenticate(issued.secret())).contains(issued.key());
        assertThat(service.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(service.authenticate("")).isEmpty();
        assertThat(service.authenticate(null)).isEmpty();
    }

    @Test
    void theStoreKeepsOnlyTheHashAndAHint() {
        IssuedKey issued = service.issue(AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "ci");

        ApiKey stored = store.get(issued.key().id()).orElseThrow();
        assertThat(stored.toString()).doesNotContain(issued.secret());
        assertThat(stored.hash()).isEqualTo(KeyHash.of(issued.secret()));
        assertThat(stored.hint()).hasSize(4);
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void aRevokedKeyNoLongerAuthenticates() {
        IssuedKey issued = service.issue(AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "ci");

        service.revoke(issued.key().id());

        assertThat(service.authenticate(issued.secret())).isEmpty();
        assertThat(service.get(issued.key().id()).orElseThrow().revokedAt()).isPresent();
    }

    @Test
    void registeringTheSameHashTwiceKeepsOneKey() {
        KeyHash hash = KeyHash.of("key-from-environment");

        ApiKey first = service.register(AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "env", hash, "ment");
        ApiKey second = service.register(AccountId.DEFAULT, KeyKind.PRIMARY, KeyScope.UNRESTRICTED, "env", hash, "ment");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(service.list(AccountId.DEFAULT)).hasSize(1);
        assertThat(service.authenticate("key-from-environment")).isPresent();
    }

    @Test
    void aDomainScopeAllowsOnlyItsDomain() {
        KeyScope scope = KeyScope.domain(Domain.of("a.test"));

        assertThat(scope.allowsDomain(Domain.of("a.test"))).isTrue();
        assertThat(scope.allowsDomain(Domain.of("b.test"))).isFalse();
        assertThat(KeyScope.UNRESTRICTED.allowsDomain(Domain.of("b.test"))).isTrue();
    }
}
