package io.postyard.mailets.queue;

import java.time.Duration;

import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;
import org.reactivestreams.Publisher;

/** A queue that hands every call to another; decorators override the one call they are about. */
public abstract class ForwardingMailQueue implements ManageableMailQueue {
    private final ManageableMailQueue delegate;

    protected ForwardingMailQueue(ManageableMailQueue delegate) {
        this.delegate = delegate;
    }

    @Override
    public MailQueueName getName() {
        return delegate.getName();
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
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
