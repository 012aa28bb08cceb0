package io.postyard.mailets.queue;

import org.apache.james.queue.api.ManageableMailQueue;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;

/** The spool, marking each mail it hands out with the processor it starts in: see {@link SpoolEntryState}. */
class EntryStateRecordingMailQueue extends ForwardingMailQueue {
    EntryStateRecordingMailQueue(ManageableMailQueue delegate) {
        super(delegate);
    }

    @Override
    public Publisher<MailQueueItem> deQueue() {
        return Flux.from(super.deQueue()).doOnNext(item -> SpoolEntryState.record(item.getMail()));
    }
}
