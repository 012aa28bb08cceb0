package io.postyard.server.queue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import javax.jms.JMSException;

import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.base.Throwables;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * A queue that takes mail through several producers at once, and whose clients of the broker are opened again after
 * the broker failed them.
 * <p>
 * Several producers: James's JMS queue sends every mail through one JMS session, so each enqueue waits for the one
 * before it to be synced to the journal: one disk sync per mail, one mail at a time. With several producers,
 * concurrent enqueues reach the broker together and KahaDB writes them with one sync. Each is still on disk before
 * {@code enQueue} returns.
 * <p>
 * Opened again: James's queue holds its JMS session for its whole life, and its dequeue stream ends at the first
 * error. When the broker closes a session (KahaDB failing to write its journal on a full disk does), every later
 * enqueue failed and nothing was dequeued until a restart. Here a client whose call failed in JMS is replaced by a new
 * one (the failed call still fails: SMTP answers 451, the APIs 503), and dequeuing starts again, 1 s after a failure,
 * doubling up to 30 s.
 */
class ParallelEnqueueMailQueue implements ManageableMailQueue {
    private static final Logger LOGGER = LoggerFactory.getLogger(ParallelEnqueueMailQueue.class);
    private static final Duration FIRST_DEQUEUE_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_DEQUEUE_RETRY = Duration.ofSeconds(30);

    private final MailQueueName name;
    private final QueueInstances instances;
    /** Dequeues and answers the management calls. */
    private final AtomicReference<ManageableMailQueue> main;
    private final BlockingQueue<ManageableMailQueue> idleProducers;

    ParallelEnqueueMailQueue(ManageableMailQueue queue, QueueInstances instances, int producers) {
        this.name = queue.getName();
        this.instances = instances;
        this.main = new AtomicReference<>(queue);
        this.idleProducers = new ArrayBlockingQueue<>(producers);
        for (int i = 0; i < producers; i++) {
            idleProducers.add(instances.open(name));
        }
    }

    @Override
    public MailQueueName getName() {
        return name;
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        produce(producer -> producer.enQueue(mail, delay));
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        produce(producer -> producer.enQueue(mail));
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
    public Publisher<MailQueueItem> deQueue() {
        return Flux.defer(() -> {
                ManageableMailQueue queue = main.get();
                return Flux.from(queue.deQueue()).doOnError(failure -> replaceMain(queue, failure));
            })
            .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_DEQUEUE_RETRY).maxBackoff(LAST_DEQUEUE_RETRY)
                .doBeforeRetry(signal -> LOGGER.warn("Dequeuing {} failed ({} in a row), starting again: {}", name.asString(),
                    signal.totalRetriesInARow() + 1, signal.failure().toString())));
    }

    @Override
    public long getSize() throws MailQueueException {
        return managed(ManageableMailQueue::getSize);
    }

    @Override
    public Publisher<Long> getSizeReactive() {
        return main.get().getSizeReactive();
    }

    @Override
    public long flush() throws MailQueueException {
        return managed(ManageableMailQueue::flush);
    }

    @Override
    public long clear() throws MailQueueException {
        return managed(ManageableMailQueue::clear);
    }

    @Override
    public long remove(Type type, String value) throws MailQueueException {
        return managed(queue -> queue.remove(type, value));
    }

    @Override
    public MailQueueIterator browse() throws MailQueueException {
        return managed(ManageableMailQueue::browse);
    }

    @Override
    public void close() throws IOException {
        for (ManageableMailQueue producer : List.copyOf(idleProducers)) {
            instances.dispose(producer);
        }
        main.get().close();
    }

    private void produce(Enqueue enqueue) throws MailQueueException {
        ManageableMailQueue producer = borrow();
        try {
            enqueue.on(producer);
        } catch (MailQueueException | RuntimeException e) {
            if (failedInJms(e)) {
                LOGGER.warn("Enqueuing in {} failed in JMS ({}): its producer is replaced", name.asString(), e.toString());
                instances.dispose(producer);
                producer = instances.open(name);
            }
            throw e;
        } finally {
            idleProducers.add(producer);
        }
    }

    private <T> T managed(Call<T> call) throws MailQueueException {
        ManageableMailQueue queue = main.get();
        try {
            return call.on(queue);
        } catch (MailQueueException | RuntimeException e) {
            replaceMain(queue, e);
            throw e;
        }
    }

    private void replaceMain(ManageableMailQueue failed, Throwable failure) {
        if (!failedInJms(failure) || main.get() != failed) {
            return;
        }
        ManageableMailQueue fresh = instances.open(name);
        if (main.compareAndSet(failed, fresh)) {
            LOGGER.warn("{} failed in JMS ({}): its consumer is replaced", name.asString(), failure.toString());
            instances.dispose(failed);
        } else {
            instances.dispose(fresh);
        }
    }

    private static boolean failedInJms(Throwable failure) {
        return Throwables.getCausalChain(failure).stream().anyMatch(JMSException.class::isInstance);
    }

    private ManageableMailQueue borrow() throws MailQueueException {
        try {
            return idleProducers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailQueueException("Interrupted while waiting for a producer of " + name.asString(), e);
        }
    }

    @FunctionalInterface
    private interface Enqueue {
        void on(ManageableMailQueue producer) throws MailQueueException;
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(ManageableMailQueue queue) throws MailQueueException;
    }
}
