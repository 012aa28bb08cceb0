package io.postyard.server;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import javax.inject.Named;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.postyard.mailets.OutboundEvents;
import io.postyard.mailets.queue.DeferralRecordingMailQueueFactory;

/**
 * James's queues of the storage profile (bound {@link #JAMES_QUEUES}: memory, or RabbitMQ), seen through the decorator
 * that reports RemoteDelivery's deferrals as events.
 */
public class DeferralRecordingQueueModule extends AbstractModule {
    public static final String JAMES_QUEUES = "james-queues";

    @Provides
    @Singleton
    DeferralRecordingMailQueueFactory deferralRecordingFactory(@Named(JAMES_QUEUES) MailQueueFactory<? extends ManageableMailQueue> queues,
                                                               OutboundEvents events) {
        return new DeferralRecordingMailQueueFactory(queues, events);
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageableQueues(DeferralRecordingMailQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> queues(DeferralRecordingMailQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> mailQueues(DeferralRecordingMailQueueFactory factory) {
        return factory;
    }
}
