package io.postyard.openmail.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;

/**
 * An openmail agent inbox: the hosted mailbox of the same id (a James user with its INBOX) plus what openmail adds to
 * it, the caller's own {@code externalId}.
 */
public record OpenmailInbox(String id, AccountId account, MailAddress address, Optional<String> externalId, Instant createdAt) {
    public OpenmailInbox {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        Objects.requireNonNull(address);
        Objects.requireNonNull(externalId);
        Objects.requireNonNull(createdAt);
    }

    public OpenmailInbox withExternalId(Optional<String> newExternalId) {
        return new OpenmailInbox(id, account, address, newExternalId, createdAt);
    }
}
