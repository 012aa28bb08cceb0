package io.postyard.openmail.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link OpenmailInboxStore} does. Each test uses an account of its own. */
public abstract class OpenmailInboxStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract OpenmailInboxStore store();

    private OpenmailInbox inbox(String id, Optional<String> externalId, Instant createdAt) throws Exception {
        return new OpenmailInbox(id, account, new MailAddress(id + "@openmail.contract.test"), externalId, createdAt);
    }

    private static String id() {
        return "inb_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aSavedInboxComesBack() throws Exception {
        OpenmailInbox inbox = inbox(id(), Optional.of("agent-7"), T0);
        OpenmailInbox anonymous = inbox(id(), Optional.empty(), T0);

        store().save(inbox);
        store().save(anonymous);

        assertThat(store().get(inbox.id())).contains(inbox);
        assertThat(store().get(anonymous.id())).contains(anonymous);
        assertThat(store().get(id())).isEmpty();
    }

    @Test
    void savingAgainChangesTheExternalId() throws Exception {
        OpenmailInbox inbox = inbox(id(), Optional.of("agent-7"), T0);
        store().save(inbox);

        store().save(inbox.withExternalId(Optional.empty()));

        assertThat(store().get(inbox.id())).contains(inbox.withExternalId(Optional.empty()));
        assertThat(store().list(account, Optional.of("agent-7"))).isEmpty();
        assertThat(store().list(account, Optional.empty())).containsExactly(inbox.withExternalId(Optional.empty()));
    }

    @Test
    void theAccountsInboxesAreListedOldestFirstThenById() throws Exception {
        OpenmailInbox latest = inbox("inb_c" + UUID.randomUUID(), Optional.of("agent-1"), T0.plusSeconds(5));
        OpenmailInbox tiedB = inbox("inb_b" + UUID.randomUUID(), Optional.of("agent-2"), T0);
        OpenmailInbox tiedA = inbox("inb_a" + UUID.randomUUID(), Optional.of("agent-1"), T0);
        store().save(latest);
        store().save(tiedB);
        store().save(tiedA);

        assertThat(store().list(account, Optional.empty())).containsExactly(tiedA, tiedB, latest);
        assertThat(store().list(account, Optional.of("agent-1"))).containsExactly(tiedA, latest);
        assertThat(store().list(new AccountId("acct-" + UUID.randomUUID()), Optional.empty())).isEmpty();
    }

    @Test
    void aDeletedInboxIsGone() throws Exception {
        OpenmailInbox kept = inbox(id(), Optional.empty(), T0);
        OpenmailInbox deleted = inbox(id(), Optional.empty(), T0.plusSeconds(1));
        store().save(kept);
        store().save(deleted);

        store().delete(deleted.id());
        store().delete(id());

        assertThat(store().get(deleted.id())).isEmpty();
        assertThat(store().list(account, Optional.empty())).containsExactly(kept);
    }
}
