package io.postyard.tempmail.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link TempMailDomainStore} does. Each test uses accounts of its own, so a store can be shared. */
public abstract class TempMailDomainStoreContract {
    private final String prefix = "tm-" + UUID.randomUUID() + "-";

    protected abstract TempMailDomainStore store();

    private AccountId account(String name) {
        return new AccountId(prefix + name);
    }

    @Test
    void addedDomainsAreListedByNameOnceEach() {
        AccountId ann = account("ann");

        store().add(ann, Domain.of("zeta.test"));
        store().add(ann, Domain.of("alpha.test"));
        store().add(ann, Domain.of("zeta.test"));

        assertThat(store().list(ann)).containsExactly(Domain.of("alpha.test"), Domain.of("zeta.test"));
    }

    @Test
    void aRemovedDomainIsNoLongerListed() {
        AccountId bob = account("bob");
        store().add(bob, Domain.of("one.test"));
        store().add(bob, Domain.of("two.test"));

        store().remove(bob, Domain.of("one.test"));
        store().remove(bob, Domain.of("never.test"));

        assertThat(store().list(bob)).containsExactly(Domain.of("two.test"));
    }

    @Test
    void accountsSeeOnlyTheirOwnDomains() {
        store().add(account("cy"), Domain.of("mine.test"));

        assertThat(store().list(account("dee"))).isEmpty();
    }
}
