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
import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.user.api.AlreadyExistInUsersRepositoryException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
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
    private final UsersRepository users;
    private final MailboxManager mailboxes;
    private final EventPublisher events;
    private final ReservedLocalParts reservedLocalParts;
    private final Clock clock;

    @Inject
    public HostedMailboxService(HostedMailboxStore store, UsersRepository users, MailboxManager mailboxes, EventPublisher events,
                                ReservedLocalParts reservedLocalParts, Clock clock) {
        this.store = store;
        this.reservedLocalParts = reservedLocalParts;
        this.users = users;
        this.mailboxes = mailboxes;
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
            users.addUser(mailbox.username(), password);
        } catch (AlreadyExistInUsersRepositoryException e) {
            store.delete(mailbox.id());
            throw new HostedMailboxAlreadyExistsException(request.address());
        } catch (UsersRepositoryException e) {
            store.delete(mailbox.id());
            throw new IllegalStateException("James refused user " + request.address().asString(), e);
        }
        try {
            MailboxSession session = mailboxes.createSystemSession(mailbox.username());
            try {
                mailboxes.createMailbox(MailboxPath.inbox(mailbox.username()), session);
            } catch (MailboxExistsException leftover) {
                // Mail queued for a removed mailbox of this address was delivered after it went, making its INBOX
                // again: that mail is not the new owner's.
                removeMailboxes(session);
                mailboxes.createMailbox(MailboxPath.inbox(mailbox.username()), session);
            }
            mailboxes.endProcessingRequest(session);
        } catch (MailboxException e) {
            throw new IllegalStateException("Cannot create the INBOX of " + request.address().asString(), e);
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

    /** Removes the mailbox, its James user and all its mail. */
    public void delete(HostedMailbox mailbox) {
        Username username = mailbox.username();
        try {
            MailboxSession session = mailboxes.createSystemSession(username);
            removeMailboxes(session);
            mailboxes.endProcessingRequest(session);
            if (users.contains(username)) {
                users.removeUser(username);
            }
        } catch (MailboxException | UsersRepositoryException e) {
            throw new IllegalStateException("Cannot remove mailbox " + mailbox.address().asString(), e);
        }
        store.delete(mailbox.id());
    }

    private void removeMailboxes(MailboxSession session) throws MailboxException {
        for (MailboxPath path : mailboxes.list(session)) {
            if (path.belongsTo(session)) {
                mailboxes.deleteMailbox(path, session);
            }
        }
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
