package io.postyard.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} does. Each test uses accounts of its own, so implementations can share one store
 * between tests; instants are whole milliseconds, as every store keeps them.
 */
public abstract class AccountStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final String prefix = "acct-" + UUID.randomUUID() + "-";

    protected abstract AccountStore store();

    private Account account(String name, Instant createdAt) {
        return new Account(new AccountId(prefix + name), name, createdAt);
    }

    @Test
    void aSavedAccountComesBack() {
        Account account = account("ann", T0);

        store().save(account);

        assertThat(store().get(account.id())).contains(account);
        assertThat(store().get(new AccountId(prefix + "nobody"))).isEmpty();
    }

    @Test
    void savingAnAccountAgainReplacesIt() {
        store().save(account("bob", T0));
        Account renamed = new Account(new AccountId(prefix + "bob"), "Robert", T0);

        store().save(renamed);

        assertThat(store().get(renamed.id())).contains(renamed);
        assertThat(store().list()).filteredOn(account -> account.id().equals(renamed.id())).containsExactly(renamed);
    }

    @Test
    void theListHoldsEveryAccountOldestFirst() {
        Account third = account("c", T0.plusSeconds(2));
        Account first = account("a", T0);
        Account second = account("b", T0.plusSeconds(1));
        store().save(third);
        store().save(first);
        store().save(second);

        assertThat(store().list()).filteredOn(account -> account.id().value().startsWith(prefix)).containsExactly(first, second, third);
    }
}
