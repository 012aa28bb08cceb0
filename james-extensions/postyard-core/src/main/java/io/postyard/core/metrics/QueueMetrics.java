package io.postyard.core.metrics;

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
 * not made yet counts 0), so a growing backlog shows before mail is late.
 */
public class QueueMetrics implements MeterBinder {
    private final MailQueueFactory<?> queues;

    @Inject
    public QueueMetrics(MailQueueFactory<?> queues) {
        this.queues = queues;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MailQueueName name : DomainMailQueues.QUEUES) {
            Gauge.builder("postyard.queue.size", () -> size(name))
                .description("Mails waiting in a James mail queue")
                .tag("queue", name.asString())
                .register(registry);
        }
    }

    private long size(MailQueueName name) {
        return queues.getQueue(name)
            .filter(ManageableMailQueue.class::isInstance)
            .map(queue -> {
                try {
                    return ((ManageableMailQueue) queue).getSize();
                } catch (Exception e) {
                    return -1L;
                }
            })
            .orElse(0L);
    }
}
