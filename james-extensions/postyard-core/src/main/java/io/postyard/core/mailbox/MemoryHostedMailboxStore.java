package io.postyard.core.mailbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;

public class MemoryHostedMailboxStore implements HostedMailboxStore {
    private static final Comparator<HostedMailbox> OLDEST_FIRST = Comparator.comparing(HostedMailbox::createdAt).thenComparing(HostedMailbox::id);

    private final ConcurrentHashMap<String, HostedMailbox> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idByAddress = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(HostedMailbox mailbox) {
        if (idByAddress.putIfAbsent(key(mailbox.address()), mailbox.id()) != null) {
            return false;
        }
        byId.put(mailbox.id(), mailbox);
        return true;
    }

    @Override
    public Optional<HostedMailbox> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<HostedMailbox> byAddress(MailAddress address) {
        return Optional.ofNullable(idByAddress.get(key(address))).map(byId::get);
    }

    @Override
    public List<HostedMailbox> list(AccountId account, String provider, Optional<Lifetime> lifetime) {
        return byId.values().stream()
            .filter(mailbox -> mailbox.account().equals(account) && mailbox.provider().equals(provider))
            .filter(mailbox -> lifetime.map(wanted -> mailbox.lifetime() == wanted).orElse(true))
            .sorted(OLDEST_FIRST)
            .toList();
    }

    @Override
    public List<HostedMailbox> expiredAt(Instant instant, int limit) {
        return byId.values().stream()
            .filter(mailbox -> mailbox.isExpiredAt(instant))
            .sorted(OLDEST_FIRST)
            .limit(limit)
            .toList();
    }

    @Override
    public Optional<HostedMailbox> changeExpiry(String id, Optional<Instant> expiresAt) {
        return Optional.ofNullable(byId.computeIfPresent(id, (any, mailbox) -> mailbox.withExpiry(expiresAt)));
    }

    @Override
    public void delete(String id) {
        HostedMailbox removed = byId.remove(id);
        if (removed != null) {
            idByAddress.remove(key(removed.address()));
        }
    }

    private static String key(MailAddress address) {
        return address.asString().toLowerCase(java.util.Locale.ROOT);
    }
}
