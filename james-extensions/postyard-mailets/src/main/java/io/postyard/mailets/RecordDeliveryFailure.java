package io.postyard.mailets;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.sending.BounceClassification;
import io.postyard.core.sending.BounceClassifier;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;

/**
 * RemoteDelivery's bounce processor: classifies the failure, records {@code failed} per recipient, and lists on the
 * domain's bounces only the recipients whose mailbox does not exist. The mail stops here: senders learn of failures
 * through events and webhooks, as with Mailgun, not through bounce messages.
 */
public class RecordDeliveryFailure extends GenericMailet {
    static final AttributeName DELIVERY_ERROR = AttributeName.of("delivery-error");
    static final AttributeName DELIVERY_ERROR_CODE = AttributeName.of("delivery-error-code");
    static final AttributeName PERMANENT = AttributeName.of("is-delivery-permanent-error");

    private final OutboundEvents events;
    private final SuppressionService suppressions;
    private final java.time.Clock clock;

    @Inject
    public RecordDeliveryFailure(OutboundEvents events, SuppressionService suppressions, java.time.Clock clock) {
        this.events = events;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @Override
    public void service(Mail mail) {
        String error = mail.getAttribute(DELIVERY_ERROR).flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .orElseGet(() -> Optional.ofNullable(mail.getErrorMessage()).orElse("Delivery failed"));
        Optional<Integer> code = mail.getAttribute(DELIVERY_ERROR_CODE).flatMap(attribute -> attribute.getValue().valueAs(Integer.class));
        boolean declaredPermanent = mail.getAttribute(PERMANENT).flatMap(attribute -> attribute.getValue().valueAs(Boolean.class)).orElse(true);
        int attempt = mail.getAttribute(RecordDelivered.RETRY_COUNT).flatMap(attribute -> attribute.getValue().valueAs(Integer.class)).orElse(0) + 1;
        BounceClassification classification = BounceClassifier.classify(code, error, !declaredPermanent);
        String reason = declaredPermanent ? (classification.code().isPresent() ? "bounce" : "generic") : "old";
        events.publish(mail, EventType.FAILED, mail.getRecipients(), event -> event
            .severity(classification.severity())
            .reason(reason)
            .deliveryStatus(new DeliveryStatus(classification.code(), classification.enhancedCode(), classification.message(),
                Optional.empty(), attempt)));
        if (classification.mailboxDoesNotExist()) {
            OutboundMetadata.of(mail).ifPresent(metadata -> listAsBounced(Domain.of(metadata.domain()), mail.getRecipients(), classification));
        }
        mail.setState(Mail.GHOST);
    }

    private void listAsBounced(Domain domain, java.util.Collection<MailAddress> recipients, BounceClassification classification) {
        for (MailAddress recipient : recipients) {
            suppressions.add(new Suppression(domain, SuppressionType.BOUNCES, recipient.asString(),
                Optional.of(classification.code().map(String::valueOf).orElse("550")), Optional.of(classification.message()),
                List.of(), Optional.empty(), clock.instant()));
        }
    }
}
