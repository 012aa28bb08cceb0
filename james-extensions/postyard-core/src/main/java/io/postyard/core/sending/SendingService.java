package io.postyard.core.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.server.core.MailImpl;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.storage.DiskSpace;
import io.postyard.core.storage.LowDiskSpaceException;

/**
 * The one path every provider's send takes into James's spool, the queue SMTP puts mail in, so that it goes through
 * the same mailet pipeline. It owns what sends share: which domain may send, the author check on the final message
 * ({@link SenderHeaders}), the recipient limit, the envelope sender, the metadata the pipeline reads, and the delay
 * of a delivery time in the future.
 */
public class SendingService {
    /** Recipients of one message, all fields together, as Mailgun's batch limit. */
    public static final int MAX_RECIPIENTS = 1000;
    /** A composed message, as Mailgun's 25 MB: a request of that size grows by a third once its attachments are encoded. */
    public static final long MAX_MESSAGE_BYTES = 25L * 1024 * 1024;

    private final DomainService domains;
    private final MailQueue spool;
    private final Clock clock;
    private final DiskSpace diskSpace;
    private final EventPublisher events;

    @Inject
    public SendingService(DomainService domains, MailQueueFactory<?> queues, Clock clock, DiskSpace diskSpace,
                          EventPublisher events) {
        this.domains = domains;
        this.spool = queues.createQueue(MailQueueFactory.SPOOL);
        this.clock = clock;
        this.diskSpace = diskSpace;
        this.events = events;
    }

    /** The domain a request sends from, if it belongs to the account and may send; a refusal is a {@code rejected} event. */
    public MailDomain sendingDomain(AccountId account, Domain name) {
        MailDomain domain = domains.get(account, name).orElseThrow(() -> new DomainNotFoundException(name));
        try {
            return canSend(domain);
        } catch (DomainCannotSendException e) {
            rejected(domain, Optional.empty(), e.getMessage());
            throw e;
        }
    }

    /** The domain a hosted mailbox (an OmyPost account, an openmail inbox) sends from: its own, which the operator runs. */
    public MailDomain sendingDomainOf(MailAddress mailbox) {
        Domain name = Domain.of(mailbox.getDomain().asString());
        return canSend(domains.find(name).orElseThrow(() -> new DomainNotFoundException(name)));
    }

    private static MailDomain canSend(MailDomain domain) {
        if (!domain.canSend()) {
            throw new DomainCannotSendException(domain);
        }
        return domain;
    }

    public String newMessageId(Domain domain) {
        return "<" + UUID.randomUUID() + "@" + domain.asString() + ">";
    }

    /** A message sent on (a forward, a list's copy) keeps its own Message-ID when it has a well-formed one. */
    public String ownOrNewMessageId(MimeMessage message, Domain domain) throws MessagingException {
        return Optional.ofNullable(message.getHeader("Message-ID", null))
            .map(String::trim)
            .filter(id -> id.matches("<[^<>\\s]+@[^<>\\s]+>"))
            .orElseGet(() -> newMessageId(domain));
    }

    /**
     * @throws SenderNotAllowedException when the message names an author its sender may not use
     * @throws IllegalArgumentException with no recipient, or more than {@link #MAX_RECIPIENTS}
     * @throws LowDiskSpaceException while the data directory's disk is nearly full
     * @throws MessageTooLargeException when the composed message is over {@link #MAX_MESSAGE_BYTES}
     */
    public void submit(Submission submission) throws MessagingException {
        if (diskSpace.isLow()) {
            throw new LowDiskSpaceException();
        }
        if (submission.recipients().isEmpty() || submission.recipients().size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_RECIPIENTS + " recipients");
        }
        MimeMessage message = submission.message();
        try {
            SenderHeaders.check(submission.identity(), message);
        } catch (SenderNotAllowedException e) {
            rejected(submission.domain(), Optional.of(submission.messageId()), e.getMessage());
            throw e;
        }
        message.setHeader("Message-ID", submission.messageId());
        message.saveChanges();
        long size = OutboundMessages.size(message);
        if (size > MAX_MESSAGE_BYTES) {
            throw new MessageTooLargeException(size, MAX_MESSAGE_BYTES);
        }
        OutboundMetadata metadata = submission.metadata()
            .from(author(message))
            .subject(Optional.ofNullable(message.getSubject()))
            .size(size)
            .build();
        MailImpl mail = MailImpl.builder()
            .name("postyard-" + UUID.randomUUID())
            .sender(OutboundMessages.bounceAddress(submission.domain().name()))
            .addRecipients(submission.recipients())
            .mimeMessage(message)
            .addAttribute(metadata.asAttribute())
            .build();
        try {
            enqueue(mail, submission.deliveryTime());
        } finally {
            mail.dispose();
        }
    }

    private void enqueue(MailImpl mail, Optional<Instant> deliveryTime) throws MessagingException {
        Duration delay = deliveryTime
            .map(time -> Duration.between(clock.instant(), time))
            .filter(duration -> !duration.isNegative())
            .orElse(Duration.ZERO);
        if (delay.isZero()) {
            spool.enQueue(mail);
        } else {
            spool.enQueue(mail, delay);
        }
    }

    /**
     * Mailgun's {@code rejected}: a message refused before it was queued, about the message, not one recipient. Only
     * refusals that come from the domain's state or the message's author are recorded: a malformed request is not a
     * message.
     */
    private void rejected(MailDomain domain, Optional<String> messageId, String reason) {
        PostyardEvent.Builder event = PostyardEvent.builder(EventType.REJECTED, domain.account(), domain.name())
            .timestamp(clock.instant())
            .reason(reason);
        messageId.ifPresent(event::messageId);
        events.publish(event.build());
    }

    /** The From as events show it: decoded, every address. */
    private static Optional<String> author(MimeMessage message) throws MessagingException {
        return Optional.ofNullable(message.getFrom())
            .filter(from -> from.length > 0)
            .map(from -> Arrays.stream(from)
                .map(address -> address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString())
                .collect(Collectors.joining(", ")));
    }

    public Instant now() {
        return clock.instant();
    }
}
