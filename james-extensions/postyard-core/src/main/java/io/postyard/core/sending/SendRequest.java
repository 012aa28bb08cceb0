package io.postyard.core.sending;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;

/**
 * One message ready to enter the pipeline: its MIME, envelope, metadata, when to send it, and who sends it (which
 * decides the {@code From} and {@code Sender} the message may carry).
 */
public record SendRequest(MimeMessage message, MailAddress sender, List<MailAddress> recipients,
                          OutboundMetadata metadata, Optional<Instant> deliveryTime, SenderIdentity identity) {
    public SendRequest {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(message);
        Objects.requireNonNull(sender);
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(metadata);
        Objects.requireNonNull(deliveryTime);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one recipient");
        }
    }
}
