package io.postyard.server.queue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

/** Each of the queues as a {@link ParallelEnqueueMailQueue} with the given number of producers. */
public class ParallelEnqueueMailQueueFactory implements MailQueueFactory<ManageableMailQueue> {
    private final MailQueueFactory<? extends ManageableMailQueue> queues;
    private final QueueInstances instances;
    private final int producers;
    private final Map<MailQueueName, ParallelEnqueueMailQueue> decorated = new ConcurrentHashMap<>();

    public ParallelEnqueueMailQueueFactory(MailQueueFactory<? extends ManageableMailQueue> queues,
                                           QueueInstances instances, int producers) {
        this.queues = queues;
        this.instances = instances;
        this.producers = producers;
    }

    @Override
    public Optional<ManageableMailQueue> getQueue(MailQueueName name, PrefetchCount count) {
        return queues.getQueue(name, count).map(queue -> decorate(name, queue));
    }

    @Override
    public ManageableMailQueue createQueue(MailQueueName name, PrefetchCount count) {
        return decorate(name, queues.createQueue(name, count));
    }

    @Override
    public Set<MailQueueName> listCreatedMailQueues() {
        return queues.listCreatedMailQueues();
    }

    private ManageableMailQueue decorate(MailQueueName name, ManageableMailQueue queue) {
        return decorated.computeIfAbsent(name, ignored -> new ParallelEnqueueMailQueue(queue, instances, producers));
    }
}
