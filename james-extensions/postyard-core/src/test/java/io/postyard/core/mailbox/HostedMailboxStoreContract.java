package io.postyard.core.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/**
 * What every {@link HostedMailboxStore} does. Each test uses an account and addresses of its own. Expiry scans see
 * every mailbox of the store, so each test that makes expired mailboxes places their expiries in a year no other test
 * uses, and the earliest such year belongs to the test of the scan's limit.
 */
public abstract class HostedMailboxStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Instant FAR_FUTURE = Instant.parse("2126-03-01T10:00:00Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());
    private final String domain = UUID.randomUUID() + ".contract.test";

    protected abstract HostedMailboxStore store();

    private HostedMailbox permanent(String localPart, String provider, Instant createdAt) throws Exception {
        return new HostedMailbox("mbx_" + UUID.randomUUID(), provider, account, new MailAddress(localPart + "@" + domain), Lifetime.PERMANENT,
            createdAt, Optional.empty());
    }

    private HostedMailbox temporary(String localPart, Instant createdAt, Instant expiresAt) throws Exception {
        return new HostedMailbox("mbx_" + UUID.randomUUID(), "tempmail", account, new MailAddress(localPart + "@" + domain),
            Lifetime.TEMPORARY, createdAt, Optional.of(expiresAt));
    }

    private boolean isMine(HostedMailbox mailbox) {
        return mailbox.account().equals(account);
    }

    @Test
    void aMailboxIsFoundByIdAndByAddressWhateverItsCase() throws Exception {
        HostedMailbox mailbox = permanent("Ann", "omypost", T0);

        assertThat(store().insertIfAbsent(mailbox)).isTrue();

        assertThat(store().get(mailbox.id())).contains(mailbox);
        assertThat(store().byAddress(new MailAddress("Ann@" + domain))).contains(mailbox);
        assertThat(store().byAddress(new MailAddress("ANN@" + domain.toUpperCase()))).contains(mailbox);
        assertThat(store().byAddress(new MailAddress("bob@" + domain))).isEmpty();
        assertThat(store().get("mbx_" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void anAddressHoldsOneMailbox() throws Exception {
        HostedMailbox first = permanent("ann", "omypost", T0);
        HostedMailbox rival = temporary("ANN", T0, FAR_FUTURE);
        store().insertIfAbsent(first);

        assertThat(store().insertIfAbsent(rival)).isFalse();

        assertThat(store().get(rival.id())).isEmpty();
        assertThat(store().byAddress(first.address())).contains(first);
    }

    @Test
    void theAccountsMailboxesOfOneProviderAreListedOldestFirstByLifetime() throws Exception {
        HostedMailbox newest = temporary("c", T0.plusSeconds(10), FAR_FUTURE);
        HostedMailbox tempmail = temporary("a", T0, FAR_FUTURE);
        HostedMailbox permanentOne = new HostedMailbox("mbx_" + UUID.randomUUID(), "tempmail", account, new MailAddress("b@" + domain),
            Lifetime.PERMANENT, T0.plusSeconds(5), Optional.empty());
        HostedMailbox otherProvider = permanent("d", "omypost", T0);
        store().insertIfAbsent(newest);
        store().insertIfAbsent(tempmail);
        store().insertIfAbsent(permanentOne);
        store().insertIfAbsent(otherProvider);

        assertThat(store().list(account, "tempmail", Optional.empty())).containsExactly(tempmail, permanentOne, newest);
        assertThat(store().list(account, "tempmail", Optional.of(Lifetime.TEMPORARY))).containsExactly(tempmail, newest);
        assertThat(store().list(account, "tempmail", Optional.of(Lifetime.PERMANENT))).containsExactly(permanentOne);
        assertThat(store().list(account, "omypost", Optional.empty())).containsExactly(otherProvider);
        assertThat(store().list(new AccountId("acct-" + UUID.randomUUID()), "tempmail", Optional.empty())).isEmpty();
    }

    @Test
    void temporaryMailboxesAreDueOnceTheirExpiryIsReached() throws Exception {
        Instant expiry = Instant.parse("1972-06-01T10:00:00.500Z");
        HostedMailbox early = temporary("early", T0, expiry.minusSeconds(7200));
        HostedMailbox exact = temporary("exact", T0, expiry);
        HostedMailbox later = temporary("later", T0, expiry.plusMillis(1));
        HostedMailbox kept = permanent("kept", "tempmail", T0);
        store().insertIfAbsent(early);
        store().insertIfAbsent(exact);
        store().insertIfAbsent(later);
        store().insertIfAbsent(kept);

        assertThat(store().expiredAt(expiry, 100)).filteredOn(this::isMine).containsExactlyInAnyOrder(early, exact);
        assertThat(store().expiredAt(expiry.minusSeconds(3600), 100)).filteredOn(this::isMine).containsExactly(early);
    }

    @Test
    void anExpiryScanReturnsAtMostTheLimit() throws Exception {
        Instant expiry = Instant.parse("1971-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            store().insertIfAbsent(temporary("due" + i, T0, expiry.plusSeconds(i * 5400L)));
        }

        assertThat(store().expiredAt(expiry.plusSeconds(3 * 5400L), 2)).hasSize(2).allMatch(this::isMine);
        assertThat(store().expiredAt(expiry.plusSeconds(3 * 5400L), 5)).hasSize(3);
    }

    @Test
    void aDeletedMailboxIsGoneEverywhereAndItsAddressFree() throws Exception {
        Instant expiry = Instant.parse("1973-01-01T00:00:00Z");
        HostedMailbox deleted = temporary("gone", T0, expiry);
        HostedMailbox kept = temporary("kept", T0, expiry);
        store().insertIfAbsent(deleted);
        store().insertIfAbsent(kept);

        store().delete(deleted.id());
        store().delete("mbx_" + UUID.randomUUID());

        assertThat(store().get(deleted.id())).isEmpty();
        assertThat(store().byAddress(deleted.address())).isEmpty();
        assertThat(store().list(account, "tempmail", Optional.empty())).containsExactly(kept);
        assertThat(store().expiredAt(expiry, 100)).filteredOn(this::isMine).containsExactly(kept);
        HostedMailbox newOwner = permanent("gone", "omypost", T0.plusSeconds(60));
        assertThat(store().insertIfAbsent(newOwner)).isTrue();
        assertThat(store().byAddress(deleted.address())).contains(newOwner);
    }

    @Test
    void aTemporaryMailboxsExpiryMovesWhereverItIsKept() throws Exception {
        Instant expiry = Instant.parse("1974-06-01T10:00:00Z");
        HostedMailbox mailbox = temporary("moving", T0, expiry);
        store().insertIfAbsent(mailbox);

        Optional<HostedMailbox> extended = store().changeExpiry(mailbox.id(), Optional.of(FAR_FUTURE));

        HostedMailbox later = new HostedMailbox(mailbox.id(), "tempmail", account, mailbox.address(), Lifetime.TEMPORARY, T0, Optional.of(FAR_FUTURE));
        assertThat(extended).contains(later);
        assertThat(store().get(mailbox.id())).contains(later);
        assertThat(store().byAddress(mailbox.address())).contains(later);
        assertThat(store().list(account, "tempmail", Optional.of(Lifetime.TEMPORARY))).containsExactly(later);
        assertThat(store().expiredAt(expiry, 100)).filteredOn(this::isMine).isEmpty();

        Instant sooner = expiry.minusSeconds(7200);
        store().changeExpiry(mailbox.id(), Optional.of(sooner));

        assertThat(store().expiredAt(expiry, 100)).filteredOn(this::isMine).extracting(HostedMailbox::expiresAt).containsExactly(Optional.of(sooner));
        assertThat(store().expiredAt(sooner.minusSeconds(1), 100)).filteredOn(this::isMine).isEmpty();
    }

    @Test
    void aMailboxWithoutExpiryIsPermanentAndOneGivenAnExpiryTemporary() throws Exception {
        Instant expiry = Instant.parse("1975-06-01T10:00:00Z");
        HostedMailbox mailbox = temporary("changing", T0, expiry);
        store().insertIfAbsent(mailbox);

        Optional<HostedMailbox> permanent = store().changeExpiry(mailbox.id(), Optional.empty());

        assertThat(permanent).hasValueSatisfying(changed -> {
            assertThat(changed.lifetime()).isEqualTo(Lifetime.PERMANENT);
            assertThat(changed.expiresAt()).isEmpty();
        });
        assertThat(store().get(mailbox.id())).isEqualTo(permanent);
        assertThat(store().list(account, "tempmail", Optional.of(Lifetime.PERMANENT))).extracting(HostedMailbox::id).containsExactly(mailbox.id());
        assertThat(store().list(account, "tempmail", Optional.of(Lifetime.TEMPORARY))).isEmpty();
        assertThat(store().expiredAt(expiry, 100)).filteredOn(this::isMine).isEmpty();

        Optional<HostedMailbox> temporaryAgain = store().changeExpiry(mailbox.id(), Optional.of(expiry));

        assertThat(temporaryAgain).contains(mailbox);
        assertThat(store().get(mailbox.id())).contains(mailbox);
        assertThat(store().expiredAt(expiry, 100)).filteredOn(this::isMine).containsExactly(mailbox);
    }

    @Test
    void changingTheExpiryOfAnUnknownMailboxStoresNothing() {
        String unknown = "mbx_" + UUID.randomUUID();

        assertThat(store().changeExpiry(unknown, Optional.of(FAR_FUTURE))).isEmpty();

        assertThat(store().get(unknown)).isEmpty();
        assertThat(store().list(account, "tempmail", Optional.empty())).isEmpty();
    }
}
