package io.postyard.mailgun.inbound;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

/**
 * A received message a route took, kept for three days under its storage key: for the posts of {@code forward(url)}
 * and {@code store(notify)}, for {@code GET /v3/domains/{d}/messages/{key}} and for resending. {@code sender} is the
 * SMTP envelope sender, empty for a null sender.
 */
public record ReceivedMessage(String key, AccountId account, Domain domain, String recipient, String sender, byte[] raw,
                              Instant storedAt, Instant expiresAt) {
    public ReceivedMessage {
        Objects.requireNonNull(key);
        Objects.requireNonNull(account);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(raw);
        Objects.requireNonNull(storedAt);
        Objects.requireNonNull(expiresAt);
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "ReceivedMessage{" + key + ", " + domain.asString() + ", " + raw.length + " bytes}";
    }
}
