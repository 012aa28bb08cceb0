package io.postyard.core.mailbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

import io.postyard.core.account.AccountId;

/**
 * A mailbox a provider API created for its client: a real James user with an INBOX, owned by an account, created by
 * one provider (OmyPost email accounts, Temp Mail addresses, openmail inboxes), permanent or expiring.
 */
public record HostedMailbox(String id, String provider, AccountId account, MailAddress address, Lifetime lifetime,
                            Instant createdAt, Optional<Instant> expiresAt) {
    public HostedMailbox {
        Objects.requireNonNull(id);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(account);
        Objects.requireNonNull(address);
        Objects.requireNonNull(lifetime);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(expiresAt);
        if ((lifetime == Lifetime.TEMPORARY) != expiresAt.isPresent()) {
            throw new IllegalArgumentException("A temporary mailbox, and only it, has an expiry");
        }
    }

    public Username username() {
        return Username.of(address.asString());
    }

    /** The same mailbox with another expiry: temporary with one, permanent without. */
    public HostedMailbox withExpiry(Optional<Instant> expiry) {
        return new HostedMailbox(id, provider, account, address, expiry.isPresent() ? Lifetime.TEMPORARY : Lifetime.PERMANENT, createdAt, expiry);
    }

    public boolean isExpiredAt(Instant instant) {
        return expiresAt.map(expiry -> !expiry.isAfter(instant)).orElse(false);
    }
}
