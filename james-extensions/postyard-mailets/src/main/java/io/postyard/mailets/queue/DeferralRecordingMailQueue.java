package io.postyard.mailets.queue;

import java.time.Duration;

import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.mailet.Mail;

/**
 * RemoteDelivery puts a deferred mail back in its queue with a delay; that re-enqueue is the only sign of a
 * temporary failure James gives, so this queue reports it before passing the mail on unchanged.
 */
class DeferralRecordingMailQueue extends ForwardingMailQueue {
    interface DeferralListener {
        void deferred(Mail mail, Duration delay);
    }

    private final DeferralListener listener;

    DeferralRecordingMailQueue(ManageableMailQueue delegate, DeferralListener listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public void enQueue(Mail mail, Duration delay) throws MailQueueException {
        listener.deferred(mail, delay);
        super.enQueue(mail, delay);
    }
}
