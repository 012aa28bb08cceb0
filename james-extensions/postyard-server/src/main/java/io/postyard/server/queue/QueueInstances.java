package io.postyard.server.queue;

import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

/** Opens another client of a broker's queue (its own JMS connection and session), and releases one. */
public interface QueueInstances {
    ManageableMailQueue open(MailQueueName name);

    void dispose(ManageableMailQueue queue);
}
