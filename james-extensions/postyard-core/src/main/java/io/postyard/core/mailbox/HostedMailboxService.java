package io.postyard.core.mailbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;

/**
 * Creates and removes hosted mailboxes: each is a James user (so SMTP delivers to it and IMAP/POP3 read it) with an
 * INBOX. Removing one removes its mail too; an expired one is removed by {@link #expireDue()}, run by a timed job.
 */
public class HostedMailboxService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int EXPIRY_BATCH = 1000;

    private final HostedMailboxStore store;
    private final MailUsers mailUsers;
    private final EventPublisher events;
    private final ReservedLocalParts reservedLocalParts;
    private final Clock clock;

    @Inject
    public HostedMailboxService(HostedMailboxStore store, MailUsers mailUsers, EventPublisher events, ReservedLocalParts reservedLocalParts,
                                Clock clock) {
        this.store = store;
        this.reservedLocalParts = reservedLocalParts;
        this.mailUsers = mailUsers;
        this.events = events;
        this.clock = clock;
    }

    public CreatedMailbox create(NewMailbox request) {
        if (reservedLocalParts.isReserved(request.address().getLocalPart())) {
            throw new ReservedAddressException(request.address());
        }
        Instant now = clock.instant();
        HostedMailbox mailbox = new HostedMailbox(request.idPrefix() + newId(), request.provider(), request.account(), request.address(),
            request.expiresAt().isPresent() ? Lifetime.TEMPORARY : Lifetime.PERMANENT, now, request.expiresAt());
        if (!store.insertIfAbsent(mailbox)) {
            throw new HostedMailboxAlreadyExistsException(request.address());
        }
        String password = newPassword();
        try {
            mailUsers.create(mailbox.username(), password);
        } catch (MailUserExistsException e) {
            store.delete(mailbox.id());
            throw new HostedMailboxAlreadyExistsException(request.address());
        } catch (RuntimeException e) {
            store.delete(mailbox.id());
            throw e;
        }
        return new CreatedMailbox(mailbox, password);
    }

    public Optional<HostedMailbox> get(String id) {
        return store.get(id);
    }

    public Optional<HostedMailbox> byAddress(MailAddress address) {
        return store.byAddress(address);
    }

    public List<HostedMailbox> list(AccountId account, String provider, Optional<Lifetime> lifetime) {
        return store.list(account, provider, lifetime);
    }

    /** Whether mail to the address must be refused: it is a hosted mailbox past its expiry, not yet removed. */
    public boolean isExpired(MailAddress address) {
        return store.byAddress(address).map(mailbox -> mailbox.isExpiredAt(clock.instant())).orElse(false);
    }

    /**
     * Moves the mailbox's expiry, or removes it (the mailbox becomes permanent); its James user and mail stay as they
     * are. Empty when the mailbox is gone meanwhile.
     */
    public Optional<HostedMailbox> changeExpiry(HostedMailbox mailbox, Optional<Instant> expiresAt) {
        return store.changeExpiry(mailbox.id(), expiresAt);
    }

    /** Removes the mailbox, its James user and all its mail. */
    public void delete(HostedMailbox mailbox) {
        mailUsers.delete(mailbox.username());
        store.delete(mailbox.id());
    }

    /** Removes every temporary mailbox past its expiry and records an {@code expired} event for each; tells how many. */
    public int expireDue() {
        List<HostedMailbox> due = store.expiredAt(clock.instant(), EXPIRY_BATCH);
        for (HostedMailbox mailbox : due) {
            delete(mailbox);
            events.publish(PostyardEvent.builder(EventType.EXPIRED, mailbox.account(), Domain.of(mailbox.address().getDomain().asString()))
                .recipient(mailbox.address().asString())
                .details(Map.of("mailbox-id", mailbox.id(), "provider", mailbox.provider(),
                    "expired-at", mailbox.expiresAt().orElseThrow().toString()))
                .build());
        }
        return due.size();
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
