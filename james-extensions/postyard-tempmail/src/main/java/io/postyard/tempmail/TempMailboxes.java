package io.postyard.tempmail;

import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;

import io.postyard.core.key.ApiKey;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.StoredMessage;
import io.postyard.http.ApiException;

/** Finds an address, or a message in one, on behalf of a key: anything of another account is simply not found. */
class TempMailboxes {
    static final String PROVIDER = "tempmail";

    private final HostedMailboxService mailboxes;
    private final MailboxMessages messages;

    @Inject
    TempMailboxes(HostedMailboxService mailboxes, MailboxMessages messages) {
        this.mailboxes = mailboxes;
        this.messages = messages;
    }

    HostedMailbox byAddress(ApiKey key, String email) {
        try {
            return mailboxes.byAddress(new MailAddress(email)).filter(mailbox -> owns(key, mailbox))
                .orElseThrow(() -> ApiException.notFound("Email not found"));
        } catch (AddressException e) {
            throw ApiException.notFound("Email not found");
        }
    }

    Optional<HostedMailbox> byId(ApiKey key, String id) {
        return mailboxes.get(id).filter(mailbox -> owns(key, mailbox));
    }

    record Found(HostedMailbox mailbox, StoredMessage message) {
    }

    Found message(ApiKey key, String id) {
        return TempMailIds.parseMessage(id).flatMap(ref -> message(key, ref))
            .orElseThrow(() -> ApiException.notFound("Message not found"));
    }

    Optional<Found> message(ApiKey key, TempMailIds.MessageRef ref) {
        return byId(key, ref.mailboxId())
            .flatMap(mailbox -> messages.get(mailbox.username(), ref.uid()).map(message -> new Found(mailbox, message)));
    }

    private static boolean owns(ApiKey key, HostedMailbox mailbox) {
        return mailbox.provider().equals(PROVIDER) && mailbox.account().equals(key.account());
    }
}
