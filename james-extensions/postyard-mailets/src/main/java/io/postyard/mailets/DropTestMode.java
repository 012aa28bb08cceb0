package io.postyard.mailets;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.sending.OutboundMetadata;

/** {@code o:testmode}: the message is accepted and shows as delivered, but never leaves the server. */
public class DropTestMode extends GenericMailet {
    private final OutboundEvents events;

    @Inject
    public DropTestMode(OutboundEvents events) {
        this.events = events;
    }

    @Override
    public void service(Mail mail) {
        if (OutboundMetadata.of(mail).map(OutboundMetadata::testMode).orElse(false)) {
            events.publish(mail, EventType.DELIVERED, mail.getRecipients(), event -> event
                .deliveryStatus(new DeliveryStatus(Optional.of(250), Optional.empty(), "Test mode: not delivered",
                    Optional.empty(), 0)));
            mail.setState(Mail.GHOST);
        }
    }
}
