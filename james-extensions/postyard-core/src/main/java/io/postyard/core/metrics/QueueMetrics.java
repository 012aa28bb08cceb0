package io.postyard.core.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.postyard.core.sending.DomainMailQueues;

/**
 * {@code postyard_queue_size}: the mails in James's spool and delivery queues, read from the queue when scraped (a queue
 * not made yet counts 0), so a growing backlog shows before mail is late; and {@code postyard_queue_oldest_age_seconds},
 * how long the oldest of its first {@value #AGE_SCAN} mails has waited (0 when empty), what to alert on.
 */
public class QueueMetrics implements MeterBinder {
    static final int AGE_SCAN = 1000;

    private final MailQueueFactory<?> queues;
    private final Clock clock;

    @Inject
    public QueueMetrics(MailQueueFactory<?> queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MailQueueName name : DomainMailQueues.QUEUES) {
            Gauge.builder("postyard.queue.size", () -> size(name))
                .description("Mails waiting in a James mail queue")
                .tag("queue", name.asString())
                .register(registry);
            Gauge.builder("postyard.queue.oldest.age", () -> oldestAge(name).toMillis() / 1000.0)
                .description("How long the oldest mail of a James mail queue has waited")
                .baseUnit("seconds")
                .tag("queue", name.asString())
                .register(registry);
        }
    }

    private long size(MailQueueName name) {
        return queue(name).map(queue -> {
            try {
                return queue.getSize();
            } catch (Exception e) {
                return -1L;
            }
        }).orElse(0L);
    }

    private Duration oldestAge(MailQueueName name) {
        Optional<ManageableMailQueue> queue = queue(name);
        if (queue.isEmpty()) {
            return Duration.ZERO;
        }
        Optional<Date> oldest = Optional.empty();
        try {
            ManageableMailQueue.MailQueueIterator items = queue.get().browse();
            try {
                for (int i = 0; i < AGE_SCAN && items.hasNext(); i++) {
                    Date updated = items.next().getMail().getLastUpdated();
                    if (updated != null && oldest.map(updated::before).orElse(true)) {
                        oldest = Optional.of(updated);
                    }
                }
            } finally {
                items.close();
            }
        } catch (Exception e) {
            return Duration.ZERO;
        }
        return oldest.map(date -> Duration.between(date.toInstant(), clock.instant())).filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }

    private Optional<ManageableMailQueue> queue(MailQueueName name) {
        return queues.getQueue(name).filter(ManageableMailQueue.class::isInstance).map(ManageableMailQueue.class::cast);
    }
}
