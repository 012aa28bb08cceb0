package io.postyard.opensrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionTokenStore} does. Each test uses logins and token hashes of its own. Expiries are set
 * around the real clock, since a store may let tokens go by themselves some time after they expire; only the test of
 * {@link SessionTokenStore#removeExpired} makes expired tokens, so its count is exact.
 */
public abstract class SessionTokenStoreContract {
    private final String login = "user-" + UUID.randomUUID() + "@contract.test";
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract SessionTokenStore store();

    private SessionToken token(String forLogin, Duration validFor, boolean singleUse) {
        return new SessionToken("hash-" + UUID.randomUUID(), forLogin, singleUse ? "sso" : "session", now.plus(validFor), singleUse);
    }

    @Test
    void aSavedTokenComesBack() {
        SessionToken token = token(login, Duration.ofHours(1), false);
        SessionToken sso = token(login, Duration.ofMinutes(5), true);

        store().save(token);
        store().save(sso);

        assertThat(store().get(token.hash())).contains(token);
        assertThat(store().get(sso.hash())).contains(sso);
        assertThat(store().get("hash-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aTokenIsRemovedOnce() {
        SessionToken sso = token(login, Duration.ofMinutes(5), true);
        store().save(sso);

        assertThat(store().remove(sso.hash())).isTrue();
        assertThat(store().remove(sso.hash())).isFalse();
        assertThat(store().get(sso.hash())).isEmpty();
    }

    @Test
    void revokingALoginRemovesItsTokensOnly() {
        String other = "other-" + UUID.randomUUID() + "@contract.test";
        SessionToken first = token(login, Duration.ofHours(1), false);
        SessionToken second = token(login, Duration.ofHours(2), false);
        SessionToken spent = token(login, Duration.ofHours(2), true);
        SessionToken others = token(other, Duration.ofHours(1), false);
        store().save(first);
        store().save(second);
        store().save(spent);
        store().save(others);
        store().remove(spent.hash());

        assertThat(store().removeAll(login)).isEqualTo(2);

        assertThat(store().get(first.hash())).isEmpty();
        assertThat(store().get(second.hash())).isEmpty();
        assertThat(store().get(others.hash())).contains(others);
        assertThat(store().removeAll(login)).isZero();
    }

    @Test
    void removeExpiredForgetsTheTokensPastTheirExpiry() {
        SessionToken longGone = token(login, Duration.ofMinutes(-90), false);
        SessionToken justExpired = token(login, Duration.ZERO, true);
        SessionToken valid = token(login, Duration.ofMillis(1), false);
        store().save(longGone);
        store().save(justExpired);
        store().save(valid);

        assertThat(store().removeExpired(now)).isEqualTo(2);

        assertThat(store().get(longGone.hash())).isEmpty();
        assertThat(store().get(justExpired.hash())).isEmpty();
        assertThat(store().get(valid.hash())).contains(valid);
        assertThat(store().removeExpired(now)).isZero();
    }
}
