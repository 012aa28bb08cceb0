package io.postyard.mailets;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.sending.OutboundMetadata;

/** Publishes one event per recipient of an outgoing mail, carrying its message, tags and variables. */
public class OutboundEvents {
    /** Kept with the message's events so that a per-message webhook (Mailgun's {@code callback_url}) gets them too. */
    public static final String CALLBACK_URL = "callback-url";

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
            publisher.publish(details.apply(builder(metadata.get(), type, recipient)).build());
        }
    }

    public void publish(Mail mail, EventType type, Collection<MailAddress> recipients) {
        publish(mail, type, recipients, UnaryOperator.identity());
    }

    static PostyardEvent.Builder builder(OutboundMetadata metadata, EventType type, MailAddress recipient) {
        return PostyardEvent.builder(type, new AccountId(metadata.account()), Domain.of(metadata.domain()))
            .recipient(recipient.asString())
            .tags(metadata.tags())
            .userVariables(metadata.variables())
            .message(new MessageSummary(metadata.messageId(), metadata.from(), Optional.of(recipient.asString()),
                metadata.subject(), metadata.size()))
            .details(metadata.callbackUrl().map(url -> java.util.Map.of(CALLBACK_URL, url)).orElse(java.util.Map.of()));
    }
}
