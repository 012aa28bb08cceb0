package io.postyard.mailets.queue;

import javax.annotation.PreDestroy;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Holds back the consumers of James's queues until the server has finished starting. James initialises the mailet
 * processors (whose RemoteDelivery starts consuming its queue at once) before the mailet context they send through:
 * with a durable queue, mail left from before a restart was taken, delivered, and then reported as a permanent failure
 * because handing it to {@code onSuccess} met an unconfigured context. Opened by the last initialisation step.
 */
public class MailProcessingGate {
    /**
     * James's consumers subscribe to a queue on a thread of their own, because a JMS queue blocks the subscriber's thread
     * while it waits for mail. Held back here, the subscription would happen on the thread that opens the gate and
     * block the server's start; it goes to a thread of this pool instead.
     */
    private final Scheduler consumerThreads = Schedulers.newBoundedElastic(64, 1024, "postyard-queue-consumer", 60, true);
    private final Sinks.Empty<Void> opened = Sinks.empty();
    private volatile boolean open;

    public void open() {
        opened.tryEmitEmpty();
        open = true;
    }

    /** Whether start-up is over and the queue consumers run. */
    public boolean isOpen() {
        return open;
    }

    @PreDestroy
    public void close() {
        consumerThreads.dispose();
    }

    <T> Flux<T> once(Flux<T> consumption) {
        return opened.asMono().thenMany(consumption.subscribeOn(consumerThreads));
    }
}
