package io.postyard.mailets;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * {@code delivered}, once per recipient: in RemoteDelivery's {@code onSuccess} processor for remote recipients, and
 * before LocalDelivery for local ones (mailbox {@code local}).
 */
public class RecordDelivered extends GenericMailet {
    /** RemoteDelivery's count of failed attempts so far. */
    static final AttributeName RETRY_COUNT = AttributeName.of("delivery_retry_count");

    private final OutboundEvents events;
    private final Optional<String> gateway;

    @Inject
    public RecordDelivered(OutboundEvents events, PostyardSettings settings) {
        this.events = events;
        this.gateway = settings.optional(Setting.SMTP_GATEWAY).map(value -> value.split(",")[0].trim());
    }

    @Override
    public void service(Mail mail) {
        boolean local = "local".equalsIgnoreCase(getInitParameter("mode", "remote"));
        int attempt = mail.getAttribute(RETRY_COUNT).flatMap(attribute -> attribute.getValue().valueAs(Integer.class)).orElse(0) + 1;
        events.publish(mail, EventType.DELIVERED, mail.getRecipients(), event -> event.deliveryStatus(new DeliveryStatus(
            Optional.of(250), Optional.of("2.0.0"), local ? "Delivered to a local mailbox" : "OK",
            local ? Optional.of("localhost") : gateway.or(() -> mail.getRecipients().stream().findFirst().map(recipient -> recipient.getDomain().asString())),
            attempt)));
    }
}
