package io.postyard.mailets.queue;

import java.time.Duration;

import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;

/**
 * RemoteDelivery puts a deferred mail back in its queue with a delay; that re-enqueue is the only sign of a
 * temporary failure James gives, so this queue reports it before passing the mail on unchanged.
 */
class DeferralRecordingMailQueue implements ManageableMailQueue {
    interface DeferralListener {
        void deferred(Mail mail, Duration delay);
    }

    private final ManageableMailQueue delegate;
    private final DeferralListener listener;

    DeferralRecordingMailQueue(ManageableMailQueue delegate, DeferralListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public MailQueueName getName() {
        return delegate.getName();
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        listener.deferred(mail, delay);
        delegate.enQueue(mail, delay);
    }

    @Override
    public void enQueue(Mail mail) throws MailQueueException {
        delegate.enQueue(mail);
    }

    @Override
    public Publisher<Void> enqueueReactive(Mail mail) {
        return delegate.enqueueReactive(mail);
    }

    @Override
    public Publisher<MailQueueItem> deQueue() {
        return delegate.deQueue();
    }

    @Override
    public long getSize() throws MailQueueException {
        return delegate.getSize();
    }

    @Override
    public Publisher<Long> getSizeReactive() {
        return delegate.getSizeReactive();
    }

    @Override
    public long flush() throws MailQueueException {
        return delegate.flush();
    }

    @Override
    public long clear() throws MailQueueException {
        return delegate.clear();
    }

    @Override
    public long remove(Type type, String value) throws MailQueueException {
        return delegate.remove(type, value);
    }

    @Override
    public MailQueueIterator browse() throws MailQueueException {
        return delegate.browse();
    }

    @Override
    public void close() throws java.io.IOException {
        delegate.close();
    }
}
