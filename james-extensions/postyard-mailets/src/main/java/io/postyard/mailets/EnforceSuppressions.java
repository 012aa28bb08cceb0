package io.postyard.mailets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.event.EventType;
import io.postyard.core.event.Severity;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionService;

/**
 * Drops the recipients on the sending domain's bounce, complaint or unsubscribe list (unless whitelisted), each
 * with a permanent {@code failed} event whose reason names the list; the other recipients go on.
 */
public class EnforceSuppressions extends GenericMailet {
    private final SuppressionService suppressions;
    private final OutboundEvents events;

    @Inject
    public EnforceSuppressions(SuppressionService suppressions, OutboundEvents events) {
        this.suppressions = suppressions;
        this.events = events;
    }

    @Override
    public void service(Mail mail) {
        Optional<OutboundMetadata> metadata = OutboundMetadata.of(mail);
        if (metadata.isEmpty()) {
            return;
        }
        Domain domain = Domain.of(metadata.get().domain());
        List<MailAddress> kept = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            Optional<Suppression> suppression = suppressions.suppressionFor(domain, recipient, metadata.get().tags());
            if (suppression.isPresent()) {
                String reason = reason(suppression.get());
                events.publish(mail, EventType.FAILED, List.of(recipient), event -> event
                    .severity(Severity.PERMANENT)
                    .reason(reason));
            } else {
                kept.add(recipient);
            }
        }
        if (kept.isEmpty()) {
            mail.setState(Mail.GHOST);
        } else {
            mail.setRecipients(kept);
        }
    }

    private static String reason(Suppression suppression) {
        return switch (suppression.type()) {
            case BOUNCES -> "suppress-bounce";
            case COMPLAINTS -> "suppress-complaint";
            case UNSUBSCRIBES -> "suppress-unsubscribe";
            case WHITELISTS -> "suppress-" + suppression.type().asString().toLowerCase(Locale.ROOT);
        };
    }
}
