package io.postyard.server.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;

import io.postyard.mailets.queue.ForwardingMailQueue;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A queue that takes mail through several producers at once. James's JMS queue sends every mail through one JMS
 * session, so each enqueue waits for the one before it to be synced to the journal: one disk sync per mail, one mail
 * at a time. With several producers, concurrent enqueues reach the broker together and KahaDB writes them with one
 * sync. Each is still on disk before {@code enQueue} returns. Everything else (dequeue, browsing, management) is the
 * queue's own.
 */
class ParallelEnqueueMailQueue extends ForwardingMailQueue {
    private final BlockingQueue<MailQueue> idleProducers;
    private final List<ManageableMailQueue> producers;

    ParallelEnqueueMailQueue(ManageableMailQueue queue, List<ManageableMailQueue> producers) {
        super(queue);
        this.producers = List.copyOf(producers);
        this.idleProducers = new ArrayBlockingQueue<>(producers.size(), false, producers);
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        MailQueue producer = borrow();
        try {
            producer.enQueue(mail, delay);
        } finally {
            idleProducers.add(producer);
        }
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        MailQueue producer = borrow();
        try {
            producer.enQueue(mail);
        } finally {
            idleProducers.add(producer);
        }
    }

    @Override
    public Publisher<Void> enqueueReactive(Mail mail) {
        return Mono.<Void>fromRunnable(() -> {
            try {
                enQueue(mail);
            } catch (MailQueueException e) {
                throw new IllegalStateException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void close() throws IOException {
        for (ManageableMailQueue producer : producers) {
            producer.close();
        }
        super.close();
    }

    private MailQueue borrow() throws MailQueueException {
        try {
            return idleProducers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailQueueException("Interrupted while waiting for a producer of " + getName().asString(), e);
        }
    }
}
