package io.postyard.mailets;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.domain.DomainService;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventHistory;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;
import io.postyard.core.sending.BounceClassification;
import io.postyard.core.sending.BounceClassifier;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;

/**
 * Reports that come back after delivery: a DSN (RFC 3464) records {@code failed} like a bounce during delivery, an
 * abuse report (RFC 5965) records {@code complained} and lists the address among the complaints. Both are matched to
 * the original by its Message-ID. Copies for our bounce addresses stop here; real mailboxes still get theirs.
 */
public class RecordFeedbackReport extends GenericMailet {
    public static final AttributeName PROCESSED = AttributeName.of("postyard.feedback-processed");
    public static final String BOUNCE_PREFIX = "bounce+";
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordFeedbackReport.class);

    private final DomainService domains;
    private final EventHistory history;
    private final EventPublisher publisher;
    private final SuppressionService suppressions;
    private final Clock clock;

    @Inject
    public RecordFeedbackReport(DomainService domains, EventHistory history, EventPublisher publisher,
                                SuppressionService suppressions, Clock clock) {
        this.domains = domains;
        this.history = history;
        this.publisher = publisher;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        mail.setAttribute(new Attribute(PROCESSED, AttributeValue.of(true)));
        Optional<FeedbackReport> report;
        try {
            report = FeedbackReport.parse(mail.getMessage());
        } catch (IOException | MessagingException | RuntimeException e) {
            LOGGER.info("Unreadable report {}: {}", mail.getName(), e.getMessage());
            report = Optional.empty();
        }
        report.ifPresent(parsed -> record(parsed, candidateDomains(mail)));
        List<MailAddress> realRecipients = mail.getRecipients().stream()
            .filter(recipient -> !recipient.getLocalPart().toLowerCase(Locale.ROOT).startsWith(BOUNCE_PREFIX))
            .toList();
        if (realRecipients.isEmpty()) {
            mail.setState(Mail.GHOST);
        } else {
            mail.setRecipients(realRecipients);
        }
    }

    private Set<Domain> candidateDomains(Mail mail) {
        return mail.getRecipients().stream()
            .map(MailAddress::getDomain)
            .filter(domain -> domains.find(domain).isPresent())
            .collect(Collectors.toSet());
    }

    private void record(FeedbackReport report, Set<Domain> candidates) {
        if (report.originalMessageId().isEmpty()) {
            LOGGER.info("A {} report without the original Message-ID cannot be matched", report.kind());
            return;
        }
        String messageId = report.originalMessageId().get();
        for (FeedbackReport.RecipientStatus status : report.recipients()) {
            candidates.stream()
                .map(domain -> history.accepted(domain, messageId, Optional.of(status.address())))
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresentOrElse(accepted -> record(report.kind(), status, accepted),
                    () -> LOGGER.info("No message {} to {} to match a {} report with", messageId, status.address(), report.kind()));
        }
    }

    private void record(FeedbackReport.Kind kind, FeedbackReport.RecipientStatus status, PostyardEvent accepted) {
        if (kind == FeedbackReport.Kind.ABUSE) {
            publisher.publish(history.follow(accepted, EventType.COMPLAINED, status.address()).build());
            suppressions.add(new Suppression(accepted.domain(), SuppressionType.COMPLAINTS, status.address(), Optional.empty(),
                Optional.of("Feedback report: " + status.diagnostic()), List.of(), Optional.empty(), clock.instant()));
            return;
        }
        if (!status.action().equals("failed") && !status.action().equals("delayed")) {
            return;
        }
        String diagnostic = (status.diagnostic() + " " + status.status().orElse("")).trim();
        BounceClassification classification = BounceClassifier.classify(Optional.empty(), diagnostic, false);
        Severity severity = status.action().equals("delayed") ? Severity.TEMPORARY : Severity.PERMANENT;
        publisher.publish(history.follow(accepted, EventType.FAILED, status.address())
            .severity(severity)
            .reason("bounce")
            .deliveryStatus(new DeliveryStatus(classification.code(), classification.enhancedCode().or(() -> status.status()),
                status.diagnostic(), Optional.empty(), 1))
            .build());
        if (severity == Severity.PERMANENT && classification.mailboxDoesNotExist()) {
            suppressions.add(new Suppression(accepted.domain(), SuppressionType.BOUNCES, status.address(),
                Optional.of(classification.code().map(String::valueOf).orElse("550")), Optional.of(status.diagnostic()),
                List.of(), Optional.empty(), clock.instant()));
        }
    }
}
