package io.postyard.mailets;

import javax.inject.Inject;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.event.EventType;

/** The first event of every outgoing message: {@code accepted}, once per recipient. */
public class RecordAccepted extends GenericMailet {
    private final OutboundEvents events;

    @Inject
    public RecordAccepted(OutboundEvents events) {
        this.events = events;
    }

    @Override
    public void service(Mail mail) {
        events.publish(mail, EventType.ACCEPTED, mail.getRecipients());
    }
}
