package io.postyard.mailets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.util.DurationParser;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.mailets.queue.SpoolEntryState;

/**
 * Puts mail that met a storage outage back on the spool, to be processed again after a delay that doubles from
 * {@code firstDelay} up to {@code maxDelay}: from the {@code processor} given, or else from the processor it had
 * entered from the spool. Mail the storage has kept failing for longer than {@code giveUpAfter} goes to the error
 * processor, as James would have sent it at once.
 *
 * <p>It enqueues on the spool itself rather than through the mailet context, which would mark the mail as sent by a
 * mailet and so allow it to be relayed.
 */
public class RetryAfterStorageOutage extends GenericMailet {
    static final AttributeName ATTEMPTS = AttributeName.of("postyard.storage-outage.attempts");
    static final AttributeName FIRST_FAILURE = AttributeName.of("postyard.storage-outage.since");
    private static final Logger LOGGER = LoggerFactory.getLogger(RetryAfterStorageOutage.class);

    private final MailQueueFactory<?> queues;
    private final Clock clock;
    private MailQueue spool;
    private Optional<String> processor;
    private Duration firstDelay;
    private Duration maxDelay;
    private Duration giveUpAfter;

    @Inject
    public RetryAfterStorageOutage(MailQueueFactory<?> queues) {
        this(queues, Clock.systemUTC());
    }

    RetryAfterStorageOutage(MailQueueFactory<?> queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        spool = queues.createQueue(MailQueueFactory.SPOOL);
        processor = getInitParameterAsOptional("processor");
        firstDelay = DurationParser.parse(getInitParameter("firstDelay", "5s"));
        maxDelay = DurationParser.parse(getInitParameter("maxDelay", "5m"));
        giveUpAfter = DurationParser.parse(getInitParameter("giveUpAfter", "5d"));
        if (firstDelay.isZero() || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new MessagingException("firstDelay must be positive and no longer than maxDelay");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Instant now = clock.instant();
        int attempts = mail.getAttribute(ATTEMPTS).flatMap(attribute -> attribute.getValue().valueAs(Integer.class)).orElse(0) + 1;
        Instant firstFailure = mail.getAttribute(FIRST_FAILURE)
            .flatMap(attribute -> attribute.getValue().valueAs(Long.class))
            .map(Instant::ofEpochMilli)
            .orElse(now);
        if (Duration.between(firstFailure, now).compareTo(giveUpAfter) > 0) {
            LOGGER.error("Storage unavailable for {} since {}: {} given up after {} attempts", giveUpAfter, firstFailure, mail.getName(), attempts);
            mail.setState(Mail.ERROR);
            return;
        }
        String state = processor.orElseGet(() -> SpoolEntryState.of(mail));
        Duration delay = delayBefore(attempts);
        mail.setAttribute(new Attribute(ATTEMPTS, AttributeValue.of(attempts)));
        mail.setAttribute(new Attribute(FIRST_FAILURE, AttributeValue.of(firstFailure.toEpochMilli())));
        mail.removeAttribute(Mail.MAILET_ERROR);
        mail.setState(state);
        spool.enQueue(mail, delay);
        LOGGER.warn("Storage unavailable while processing {}: attempt {} failed, trying again from {} in {} s",
            mail.getName(), attempts, state, delay.toSeconds());
        mail.setState(Mail.GHOST);
    }

    Duration delayBefore(int attempt) {
        Duration delay = firstDelay;
        for (int doubling = 1; doubling < attempt && delay.compareTo(maxDelay) < 0; doubling++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Override
    public String getMailetInfo() {
        return "Retries mail that met a storage outage";
    }
}
