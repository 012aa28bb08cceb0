package io.postyard.openmail.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link OpenmailWebhookStore} does. Each test uses an account and inboxes of its own. */
public abstract class OpenmailWebhookStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract OpenmailWebhookStore store();

    @Test
    void aWebhookIsKeptPerScope() {
        OpenmailWebhook accountWide = new OpenmailWebhook(OpenmailWebhook.accountScope(account), account,
            URI.create("https://hooks.example/all"), "whsec_a", T0);
        OpenmailWebhook inbox = new OpenmailWebhook(OpenmailWebhook.inboxScope("inb_" + UUID.randomUUID()), account,
            URI.create("https://hooks.example/inbox"), "whsec_i", T0.plusSeconds(1));

        store().save(accountWide);
        store().save(inbox);

        assertThat(store().get(accountWide.scope())).contains(accountWide);
        assertThat(store().get(inbox.scope())).contains(inbox);
        assertThat(store().get(OpenmailWebhook.inboxScope("inb_" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void savingAScopeAgainReplacesItsWebhook() {
        String scope = OpenmailWebhook.accountScope(account);
        store().save(new OpenmailWebhook(scope, account, URI.create("https://hooks.example/old"), "whsec_1", T0));
        OpenmailWebhook newer = new OpenmailWebhook(scope, account, URI.create("https://hooks.example/new"), "whsec_2", T0.plusSeconds(60));

        store().save(newer);

        assertThat(store().get(scope)).contains(newer);
    }

    @Test
    void aDeletedWebhookIsGone() {
        String scope = OpenmailWebhook.accountScope(account);
        store().save(new OpenmailWebhook(scope, account, URI.create("https://hooks.example/old"), "whsec_1", T0));

        store().delete(scope);

        assertThat(store().get(scope)).isEmpty();
    }
}
