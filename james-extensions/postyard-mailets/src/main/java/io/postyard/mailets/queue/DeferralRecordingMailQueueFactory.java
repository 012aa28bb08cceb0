package io.postyard.mailets.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.event.Severity;
import io.postyard.mailets.OutboundEvents;

/**
 * Wraps James's queues so that they are consumed only once the server has started ({@link MailProcessingGate}), so
 * that mail taken off the spool remembers where its processing began ({@link SpoolEntryState}), and so that a deferral
 * on Postyard's outgoing queue records a temporary {@code failed} event per recipient. James keeps the remote
 * server's words to itself until it gives up, so the event says when the next attempt is due rather than what was
 * answered.
 */
public class DeferralRecordingMailQueueFactory implements MailQueueFactory<ManageableMailQueue> {
    public static final MailQueueName POSTYARD_OUTGOING = MailQueueName.of("postyard-outgoing");
    private static final AttributeName PERMANENT = AttributeName.of("is-delivery-permanent-error");
    private static final AttributeName RETRY_COUNT = AttributeName.of("delivery_retry_count");

    private final MailQueueFactory<? extends ManageableMailQueue> delegate;
    private final OutboundEvents events;
    private final MailProcessingGate gate;
    private final Map<MailQueueName, ManageableMailQueue> wrapped = new ConcurrentHashMap<>();

    @Inject
    public DeferralRecordingMailQueueFactory(MailQueueFactory<? extends ManageableMailQueue> delegate, OutboundEvents events,
                                             MailProcessingGate gate) {
        this.delegate = delegate;
        this.events = events;
        this.gate = gate;
    }

    @Override
    public Optional<ManageableMailQueue> getQueue(MailQueueName name, PrefetchCount count) {
        return delegate.getQueue(name, count).map(queue -> wrap(name, queue));
    }

    @Override
    public ManageableMailQueue createQueue(MailQueueName name, PrefetchCount count) {
        return wrap(name, delegate.createQueue(name, count));
    }

    @Override
    public Set<MailQueueName> listCreatedMailQueues() {
        return delegate.listCreatedMailQueues();
    }

    private ManageableMailQueue wrap(MailQueueName name, ManageableMailQueue queue) {
        return wrapped.computeIfAbsent(name, ignored -> {
            ManageableMailQueue gated = new GatedMailQueue(queue, gate);
            if (name.equals(MailQueueFactory.SPOOL)) {
                return new EntryStateRecordingMailQueue(gated);
            }
            return name.equals(POSTYARD_OUTGOING) ? new DeferralRecordingMailQueue(gated, this::deferred) : gated;
        });
    }

    private void deferred(Mail mail, Duration delay) {
        boolean temporaryFailure = mail.getAttribute(PERMANENT)
            .flatMap(attribute -> attribute.getValue().valueAs(Boolean.class))
            .map(permanent -> !permanent)
            .orElse(false);
        if (!temporaryFailure) {
            return;
        }
        int failedAttempts = mail.getAttribute(RETRY_COUNT).flatMap(attribute -> attribute.getValue().valueAs(Integer.class)).orElse(1);
        events.publish(mail, EventType.FAILED, mail.getRecipients(), event -> event
            .severity(Severity.TEMPORARY)
            .reason("generic")
            .deliveryStatus(new DeliveryStatus(Optional.empty(), Optional.empty(),
                "Delivery deferred; next attempt in " + delay.toSeconds() + " s", Optional.empty(), failedAttempts)));
    }
}
