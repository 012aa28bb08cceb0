package io.postyard.openmail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;

import io.postyard.core.account.AccountId;
import io.postyard.core.mailbox.CreatedMailbox;
import io.postyard.core.mailbox.HostedMailboxAlreadyExistsException;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.NewMailbox;
import io.postyard.core.mailbox.ReservedAddressException;
import io.postyard.http.JsonBody;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.OpenmailInboxStore;
import io.postyard.openmail.store.OpenmailWebhook;
import io.postyard.openmail.store.OpenmailWebhookStore;

/**
 * Makes and removes agent inboxes: each is a hosted mailbox (a James user with an INBOX, so SMTP delivers to it and
 * IMAP can read it) in the openmail domain, plus its openmail record.
 */
class Inboxes {
    static final String PROVIDER = "openmail";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");
    private static final int RANDOM_ATTEMPTS = 5;

    private final HostedMailboxService mailboxes;
    private final OpenmailInboxStore inboxes;
    private final ConversationStore conversations;
    private final OpenmailWebhookStore webhooks;
    private final OpenmailDomain domain;

    @Inject
    Inboxes(HostedMailboxService mailboxes, OpenmailInboxStore inboxes, ConversationStore conversations, OpenmailWebhookStore webhooks,
            OpenmailDomain domain) {
        this.mailboxes = mailboxes;
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.webhooks = webhooks;
        this.domain = domain;
    }

    OpenmailInbox create(AccountId account, Optional<String> username, Optional<String> externalId) {
        if (username.isPresent()) {
            MailAddress address = address(username.get());
            return tryCreate(account, address, externalId).orElseThrow(() -> OpenmailErrors.addressTaken(address.asString()));
        }
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            Optional<OpenmailInbox> created = tryCreate(account, address(ReadableUsernames.next()), externalId);
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new IllegalStateException("No free random username in " + RANDOM_ATTEMPTS + " attempts");
    }

    /** The new inbox, or nothing when the address is taken, or is a role address the operator keeps. */
    private Optional<OpenmailInbox> tryCreate(AccountId account, MailAddress address, Optional<String> externalId) {
        try {
            CreatedMailbox created = mailboxes.create(new NewMailbox(PROVIDER, OpenmailIds.INBOX, account, address, Optional.empty()));
            OpenmailInbox inbox = new OpenmailInbox(created.mailbox().id(), account, address, externalId, created.mailbox().createdAt());
            inboxes.save(inbox);
            return Optional.of(inbox);
        } catch (HostedMailboxAlreadyExistsException | ReservedAddressException e) {
            return Optional.empty();
        }
    }

    private MailAddress address(String username) {
        String local = username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(local).matches() || local.contains("..")) {
            throw JsonBody.invalid("username", "username must be 1 to 64 letters, digits, '.', '_' or '-', starting and ending with a "
                + "letter or digit", "invalid username");
        }
        try {
            return new MailAddress(local + "@" + domain.name().asString());
        } catch (AddressException e) {
            throw JsonBody.invalid("username", "username does not make a valid address", "invalid username");
        }
    }

    List<OpenmailInbox> list(AccountId account, Optional<String> externalId) {
        return inboxes.list(account, externalId);
    }

    OpenmailInbox updateExternalId(OpenmailInbox inbox, Optional<String> externalId) {
        OpenmailInbox updated = inbox.withExternalId(externalId);
        inboxes.save(updated);
        return updated;
    }

    /** Removes the inbox with its James user, all its mail, its threads and its own webhook. */
    void delete(OpenmailInbox inbox) {
        mailboxes.get(inbox.id()).ifPresent(mailboxes::delete);
        conversations.deleteInbox(inbox.id());
        webhooks.delete(OpenmailWebhook.inboxScope(inbox.id()));
        inboxes.delete(inbox.id());
    }
}
