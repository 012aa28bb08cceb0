package io.postyard.core.mailbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;

/** What a provider asks for: its name, the prefix of its ids ({@code em_}), the owner, the address and the expiry. */
public record NewMailbox(String provider, String idPrefix, AccountId account, MailAddress address, Optional<Instant> expiresAt) {
    public NewMailbox {
        Objects.requireNonNull(provider);
        Objects.requireNonNull(idPrefix);
        Objects.requireNonNull(account);
        Objects.requireNonNull(address);
        Objects.requireNonNull(expiresAt);
    }
}
