package io.postyard.core.mailbox;

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
    List<HostedMailbox> expiredAt(java.time.Instant instant, int limit);

    void delete(String id);
}
