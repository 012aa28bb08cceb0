package io.postyard.openmail;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxConstants;

import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.StoredMessage;
import io.postyard.openmail.store.Direction;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Mail received by an inbox: the {@code stored} event James's mailbox listener publishes for it, turned into a
 * message of a thread. Whoever asks first (the indexer or the webhook subscriptions) files it; both get the same one.
 */
class InboundMail {
    static final String RECEIVED_STATUS = "received";

    /** A received message with the inbox that received it. */
    record Received(OpenmailInbox inbox, ThreadMessage message) {
    }

    private final InboxLookup inboxes;
    private final MailboxMessages mailboxMessages;
    private final Conversations conversations;

    @Inject
    InboundMail(InboxLookup inboxes, MailboxMessages mailboxMessages, Conversations conversations) {
        this.inboxes = inboxes;
        this.mailboxMessages = mailboxMessages;
        this.conversations = conversations;
    }

    /** The message the event is about, filed, if it is mail stored in an openmail inbox that still exists. */
    Optional<Received> of(PostyardEvent event) {
        if (event.type() != EventType.STORED || !Inboxes.PROVIDER.equals(event.details().get("provider"))) {
            return Optional.empty();
        }
        Optional<OpenmailInbox> inbox = Optional.ofNullable(event.details().get("mailbox-id")).flatMap(inboxes::get);
        Optional<Long> uid = Optional.ofNullable(event.details().get("uid")).map(Long::parseLong);
        if (inbox.isEmpty() || uid.isEmpty()) {
            return Optional.empty();
        }
        ThreadMessage.StoredCopy copy = new ThreadMessage.StoredCopy(MailboxConstants.INBOX, uid.get());
        return conversations.indexed(inbox.get(), copy)
            .or(() -> mailboxMessages.get(Username.of(inbox.get().address().asString()), uid.get())
                .map(stored -> file(inbox.get(), copy, stored)))
            .map(message -> new Received(inbox.get(), message));
    }

    private ThreadMessage file(OpenmailInbox inbox, ThreadMessage.StoredCopy copy, StoredMessage stored) {
        ParsedMessage parsed = ParsedMessage.parse(stored.raw());
        ThreadingHeaders threading = ThreadingHeaders.of(stored.raw());
        String subject = parsed.subject().orElse("");
        String from = parsed.from().map(ThreadingHeaders::bareAddress).orElse("");
        List<String> cc = parsed.cc().stream().map(ThreadingHeaders::bareAddress).toList();
        return conversations.recordInbound(inbox, copy, threading.parentCandidates(), subject, stored.receivedAt(),
            threadId -> new ThreadMessage(OpenmailIds.message(), threadId, inbox.id(), Direction.INBOUND,
                parsed.messageId().flatMap(ThreadingHeaders::firstId), threading.references(), from,
                List.of(inbox.address().asString()), cc, subject, parsed.text().orElse(""), RECEIVED_STATUS, stored.receivedAt(),
                Optional.of(copy), Attachments.of(parsed)));
    }
}
