package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link AccountWebhookStore} does. Each test uses an account of its own. */
public abstract class AccountWebhookStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());

    protected abstract AccountWebhookStore store();

    private AccountWebhook webhook(String provider, Instant createdAt, Set<String> events) {
        return new AccountWebhook("wh_" + UUID.randomUUID(), provider, account, URI.create("https://hooks.example/" + provider), events,
            "secret-" + provider, createdAt);
    }

    @Test
    void aSavedWebhookComesBack() {
        AccountWebhook webhook = webhook("omypost", T0, Set.of("email.received", "email.sent"));

        store().save(webhook);

        assertThat(store().get(webhook.id())).contains(webhook);
        assertThat(store().get("wh_unknown-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void savingAgainReplacesTheWebhook() {
        AccountWebhook webhook = webhook("omypost", T0, Set.of());
        store().save(webhook);
        AccountWebhook changed = new AccountWebhook(webhook.id(), "omypost", account, URI.create("https://elsewhere.example/h"),
            Set.of("email.received"), "rotated", T0);

        store().save(changed);

        assertThat(store().get(webhook.id())).contains(changed);
        assertThat(store().list(account, "omypost")).containsExactly(changed);
    }

    @Test
    void theAccountsWebhooksOfOneProviderAreListedOldestFirst() {
        AccountWebhook second = webhook("omypost", T0.plusSeconds(5), Set.of());
        AccountWebhook first = webhook("omypost", T0, Set.of());
        AccountWebhook otherProvider = webhook("openmail", T0, Set.of());
        store().save(second);
        store().save(first);
        store().save(otherProvider);

        assertThat(store().list(account, "omypost")).containsExactly(first, second);
        assertThat(store().list(account, "openmail")).containsExactly(otherProvider);
        assertThat(store().list(new AccountId("acct-" + UUID.randomUUID()), "omypost")).isEmpty();
    }

    @Test
    void aDeletedWebhookIsGoneFromItsAccount() {
        AccountWebhook kept = webhook("omypost", T0, Set.of());
        AccountWebhook deleted = webhook("omypost", T0.plusSeconds(1), Set.of());
        store().save(kept);
        store().save(deleted);

        store().delete(deleted.id());
        store().delete("wh_unknown-" + UUID.randomUUID());

        assertThat(store().get(deleted.id())).isEmpty();
        assertThat(store().list(account, "omypost")).containsExactly(kept);
    }
}
