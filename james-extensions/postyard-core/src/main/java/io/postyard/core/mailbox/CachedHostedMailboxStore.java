package io.postyard.core.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;
import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * Hosted mailboxes (Temp Mail's, OmyPost's, openmail's) on the single-node SQL profile, with the lookup by address
 * kept in memory: SMTP asks it for every recipient (is this mailbox expired) and again on delivery. Any write
 * forgets every answer; they are rare next to deliveries.
 */
public class CachedHostedMailboxStore implements HostedMailboxStore {
    private static final int ADDRESSES_KEPT = 100_000;

    private final HostedMailboxStore store;
    private final WriteInvalidatedCache<MailAddress, Optional<HostedMailbox>> byAddress = new WriteInvalidatedCache<>(ADDRESSES_KEPT);

    public CachedHostedMailboxStore(HostedMailboxStore store) {
        this.store = store;
    }

    @Override
    public Optional<HostedMailbox> byAddress(MailAddress address) {
        return byAddress.get(address, () -> store.byAddress(address));
    }

    @Override
    public boolean insertIfAbsent(HostedMailbox mailbox) {
        try {
            return store.insertIfAbsent(mailbox);
        } finally {
            byAddress.forgetAll();
        }
    }

    @Override
    public Optional<HostedMailbox> changeExpiry(String id, Optional<Instant> expiresAt) {
        try {
            return store.changeExpiry(id, expiresAt);
        } finally {
            byAddress.forgetAll();
        }
    }

    @Override
    public void delete(String id) {
        try {
            store.delete(id);
        } finally {
            byAddress.forgetAll();
        }
    }

    @Override
    public Optional<HostedMailbox> get(String id) {
        return store.get(id);
    }

    @Override
    public List<HostedMailbox> list(AccountId account, String provider, Optional<Lifetime> lifetime) {
        return store.list(account, provider, lifetime);
    }

    @Override
    public List<HostedMailbox> expiredAt(Instant instant, int limit) {
        return store.expiredAt(instant, limit);
    }
}
