package io.postyard.core.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventType;
import io.postyard.core.event.Severity;

/**
 * A domain's sent mail still waiting in James's queues (the spool, where scheduled sends wait for their time, and
 * the delivery queues, where deferred mail waits for its next attempt), cancelled all at once: each cancelled
 * recipient gets a permanent {@code failed} event.
 */
public class DomainMailQueues {
    public static final String CANCELLED_REASON = "generic";
    /** The queues mail waits in: the spool, and the two RemoteDelivery queues of the mailet container. */
    public static final List<MailQueueName> QUEUES = List.of(MailQueueFactory.SPOOL, MailQueueName.of("outgoing"),
        MailQueueName.of("postyard-outgoing"));

    private record Queued(ManageableMailQueue queue, Mail mail, OutboundMetadata metadata) {
    }

    private final MailQueueFactory<?> queues;
    private final EventPublisher events;
    private final Clock clock;

    @Inject
    public DomainMailQueues(MailQueueFactory<?> queues, EventPublisher events, Clock clock) {
        this.queues = queues;
        this.events = events;
        this.clock = clock;
    }

    /** Removes every waiting mail of the domain; returns how many recipients were cancelled. */
    public int cancel(AccountId account, Domain domain) {
        int cancelled = 0;
        for (Queued queued : queued(account, domain)) {
            long removed;
            try {
                removed = queued.queue().remove(ManageableMailQueue.Type.Name, queued.mail().getName());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot remove " + queued.mail().getName() + " from its queue", e);
            }
            if (removed > 0) {
                for (MailAddress recipient : queued.mail().getRecipients()) {
                    events.publish(queued.metadata().event(EventType.FAILED, recipient)
                        .timestamp(clock.instant())
                        .severity(Severity.PERMANENT)
                        .reason(CANCELLED_REASON)
                        .deliveryStatus(new DeliveryStatus(Optional.empty(), Optional.empty(),
                            "Not delivered: the sender deleted the domain's queued messages", Optional.empty(), 0))
                        .build());
                    cancelled++;
                }
            }
        }
        return cancelled;
    }

    private List<Queued> queued(AccountId account, Domain domain) {
        List<Queued> found = new ArrayList<>();
        for (MailQueueName name : QUEUES) {
            Optional<? extends ManageableMailQueue> queue = queues.getQueue(name)
                .filter(ManageableMailQueue.class::isInstance).map(ManageableMailQueue.class::cast);
            if (queue.isEmpty()) {
                continue;
            }
            ManageableMailQueue.MailQueueIterator items = browse(queue.get());
            try {
                while (items.hasNext()) {
                    Mail mail = items.next().getMail();
                    OutboundMetadata.of(mail)
                        .filter(metadata -> metadata.domain().equals(domain.asString()) && metadata.account().equals(account.value()))
                        .ifPresent(metadata -> found.add(new Queued(queue.get(), mail, metadata)));
                }
            } finally {
                items.close();
            }
        }
        return found;
    }

    private static ManageableMailQueue.MailQueueIterator browse(ManageableMailQueue queue) {
        try {
            return queue.browse();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot browse " + queue.getName().asString(), e);
        }
    }
}
