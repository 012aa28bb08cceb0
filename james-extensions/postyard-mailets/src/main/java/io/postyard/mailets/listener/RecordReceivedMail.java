package io.postyard.mailets.listener;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.model.MailboxConstants;

import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ParsedMessage;
import io.postyard.core.mailbox.StoredMessage;

/**
 * A James mailbox listener: each message that lands in the INBOX of a hosted mailbox becomes a {@code stored} event
 * (OmyPost's {@code email.received}, openmail's {@code message.received}), with the message's headers, once it is
 * really stored, so a webhook receiver that fetches it right away finds it.
 */
public class RecordReceivedMail implements EventListener.GroupEventListener {
    public static class RecordReceivedMailGroup extends Group {
    }

    private static final Group GROUP = new RecordReceivedMailGroup();

    private final HostedMailboxService hostedMailboxes;
    private final MailboxMessages messages;
    private final EventPublisher publisher;

    @Inject
    public RecordReceivedMail(HostedMailboxService hostedMailboxes, MailboxMessages messages, EventPublisher publisher) {
        this.hostedMailboxes = hostedMailboxes;
        this.messages = messages;
        this.publisher = publisher;
    }

    @Override
    public Group getDefaultGroup() {
        return GROUP;
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof MailboxEvents.Added added && added.getMailboxPath().getName().equalsIgnoreCase(MailboxConstants.INBOX);
    }

    @Override
    public void event(Event event) throws Exception {
        MailboxEvents.Added added = (MailboxEvents.Added) event;
        Username owner = added.getMailboxPath().getUser();
        Optional<HostedMailbox> mailbox = hostedMailboxes.byAddress(new MailAddress(owner.asString()));
        if (mailbox.isEmpty()) {
            return;
        }
        for (MessageUid uid : added.getUids()) {
            messages.get(owner, uid.asLong()).ifPresent(message -> publish(mailbox.get(), message));
        }
    }

    private void publish(HostedMailbox mailbox, StoredMessage message) {
        ParsedMessage parsed = ParsedMessage.parse(message.raw());
        String messageId = parsed.messageId().map(id -> id.replaceAll("^<|>$", "")).orElse("");
        publisher.publish(PostyardEvent.builder(EventType.STORED, mailbox.account(), Domain.of(mailbox.address().getDomain().asString()))
            .timestamp(message.receivedAt())
            .recipient(mailbox.address().asString())
            .messageId(messageId)
            .message(new MessageSummary(messageId, parsed.from(), Optional.of(mailbox.address().asString()), parsed.subject(),
                message.size()))
            .details(Map.of("mailbox-id", mailbox.id(), "provider", mailbox.provider(), "uid", Long.toString(message.uid())))
            .build());
    }
}
