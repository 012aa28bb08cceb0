package io.postyard.core.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.postyard.core.account.AccountId;

/**
 * A webhook an account registers with one provider (OmyPost's {@code POST /webhooks}): one URL, the provider's event
 * names it wants (empty: all of them) and the secret its deliveries are signed with.
 */
public record AccountWebhook(String id, String provider, AccountId account, URI url, Set<String> events, String secret,
                             Instant createdAt) {
    public AccountWebhook {
        Objects.requireNonNull(id);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(account);
        Objects.requireNonNull(url);
        events = Set.copyOf(events);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(createdAt);
    }

    public boolean wants(String event) {
        return events.isEmpty() || events.contains(event);
    }

    @Override
    public String toString() {
        return "AccountWebhook{" + id + ", " + url + ", " + events + "}";
    }
}
