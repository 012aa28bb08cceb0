package io.postyard.mailets.queue;

import org.apache.james.queue.api.ManageableMailQueue;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;

/** Hands out queued mail only once the mail container is ready for it; see {@link MailProcessingGate}. */
class GatedMailQueue extends ForwardingMailQueue {
    private final MailProcessingGate gate;

    GatedMailQueue(ManageableMailQueue delegate, MailProcessingGate gate) {
        super(delegate);
        this.gate = gate;
    }

    @Override
    public Publisher<MailQueueItem> deQueue() {
        return gate.once(Flux.defer(super::deQueue));
    }
}
