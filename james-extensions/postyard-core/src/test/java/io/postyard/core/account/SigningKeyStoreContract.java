package io.postyard.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyStore} does. Each test uses an account of its own. */
public abstract class SigningKeyStoreContract {
    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract SigningKeyStore store();

    @Test
    void anAccountHasNoKeyUntilOneIsSet() {
        assertThat(store().get(account)).isEmpty();
    }

    @Test
    void theFirstKeySetIfAbsentStaysInForce() {
        assertThat(store().putIfAbsent(account, "whsec-first")).isEqualTo("whsec-first");

        assertThat(store().putIfAbsent(account, "whsec-second")).isEqualTo("whsec-first");
        assertThat(store().get(account)).contains("whsec-first");
    }

    @Test
    void putReplacesTheKey() {
        store().putIfAbsent(account, "whsec-old");

        store().put(account, "whsec-rotated");

        assertThat(store().get(account)).contains("whsec-rotated");
        assertThat(store().putIfAbsent(account, "whsec-other")).isEqualTo("whsec-rotated");
    }

    @Test
    void keysBelongToOneAccount() {
        store().put(account, "whsec-mine");

        assertThat(store().get(new AccountId("acct-" + UUID.randomUUID()))).isEmpty();
    }
}
