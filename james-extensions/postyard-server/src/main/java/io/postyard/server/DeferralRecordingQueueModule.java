package io.postyard.server;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import javax.inject.Named;

import org.apache.james.lifecycle.api.Startable;
import org.apache.james.utils.InitializationOperation;
import org.apache.james.utils.InitilizationOperationBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import io.postyard.core.health.ReadinessCheck;
import io.postyard.mailets.OutboundEvents;
import io.postyard.mailets.queue.DeferralRecordingMailQueueFactory;
import io.postyard.mailets.queue.MailProcessingGate;
import io.postyard.mailets.queue.QueueConsumersReadiness;

/**
 * James's queues of the storage profile (bound {@link #JAMES_QUEUES}: memory, or RabbitMQ), seen through the decorator
 * that reports RemoteDelivery's deferrals as events and holds consumers back until the server has started.
 */
public class DeferralRecordingQueueModule extends AbstractModule {
    public static final String JAMES_QUEUES = "james-queues";

    @Override
    protected void configure() {
        bind(MailProcessingGate.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ReadinessCheck.class).addBinding().to(QueueConsumersReadiness.class);
    }

    /**
     * James runs the operations of the components Guice built in the order it built them, then those of classes it
     * never built: this one, so it comes after the mailet context and processors are configured.
     */
    @ProvidesIntoSet
    InitializationOperation openTheGateLast(MailProcessingGate gate) {
        return InitilizationOperationBuilder.forClass(EverythingElseStarted.class).init(gate::open);
    }

    private interface EverythingElseStarted extends Startable {
    }

    @Provides
    @Singleton
    DeferralRecordingMailQueueFactory deferralRecordingFactory(@Named(JAMES_QUEUES) MailQueueFactory<? extends ManageableMailQueue> queues,
                                                               OutboundEvents events, MailProcessingGate gate) {
        return new DeferralRecordingMailQueueFactory(queues, events, gate);
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
