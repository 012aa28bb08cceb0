package io.postyard.core.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;

public interface HostedMailboxStore {
    /** Stores the mailbox unless its address is taken; tells whether it was stored. */
    boolean insertIfAbsent(HostedMailbox mailbox);

    Optional<HostedMailbox> get(String id);

    Optional<HostedMailbox> byAddress(MailAddress address);

    /** The account's mailboxes of one provider, oldest first. */
    List<HostedMailbox> list(AccountId account, String provider, Optional<Lifetime> lifetime);

    /** Temporary mailboxes whose expiry is at or before the instant. */
    List<HostedMailbox> expiredAt(Instant instant, int limit);

    /**
     * Gives the mailbox another expiry, or none (it becomes permanent), wherever it is kept, its expiry scan included;
     * the mailbox as changed, or empty when there is none with that id (nothing is written then).
     */
    Optional<HostedMailbox> changeExpiry(String id, Optional<Instant> expiresAt);

    void delete(String id);
}
