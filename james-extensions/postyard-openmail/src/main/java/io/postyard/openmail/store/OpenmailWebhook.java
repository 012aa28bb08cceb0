package io.postyard.openmail.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import io.postyard.core.account.AccountId;

/**
 * Where an inbox's {@code message.received} events go: the account's default webhook, or an inbox's own, which
 * overrides it. Deliveries are signed with {@code secret}.
 */
public record OpenmailWebhook(String scope, AccountId account, URI url, String secret, Instant updatedAt) {
    public static String accountScope(AccountId account) {
        return "account:" + account.value();
    }

    public static String inboxScope(String inboxId) {
        return "inbox:" + inboxId;
    }

    public OpenmailWebhook {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(account);
        Objects.requireNonNull(url);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(updatedAt);
    }

    @Override
    public String toString() {
        return "OpenmailWebhook{" + scope + ", " + url + "}";
    }
}
