package io.postyard.mailets;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.sending.OutboundMetadata;

/** Publishes one event per recipient of an outgoing mail, carrying its message, tags and variables. */
public class OutboundEvents {
    public static final String CALLBACK_URL = OutboundMetadata.CALLBACK_URL_DETAIL;

    private final EventPublisher publisher;

    @Inject
    public OutboundEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(Mail mail, EventType type, Collection<MailAddress> recipients, UnaryOperator<PostyardEvent.Builder> details) {
        Optional<OutboundMetadata> metadata = OutboundMetadata.of(mail);
        if (metadata.isEmpty()) {
            return;
        }
        for (MailAddress recipient : recipients) {
            publisher.publish(details.apply(metadata.get().event(type, recipient)).build());
        }
    }

    public void publish(Mail mail, EventType type, Collection<MailAddress> recipients) {
        publish(mail, type, recipients, UnaryOperator.identity());
    }

}
