package io.postyard.server;

import javax.inject.Named;
import javax.jms.ConnectionFactory;

import org.apache.activemq.store.PersistenceAdapter;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.metrics.api.Gauge;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQCacheableMailQueue;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.EmbeddedActiveMQ;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollector;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorNoop;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;

import io.postyard.server.queue.ParallelEnqueueMailQueueFactory;

/**
 * The mail queue of the durable profiles (embedded and cassandra): James's ActiveMQ queue on an embedded broker whose
 * KahaDB journal (under the data directory) is synced to disk before a send returns, so a mail is on disk before SMTP
 * or the API answers for it, and is removed only once processed: {@code kill -9} loses nothing; the restarted node
 * carries on. Delays (retries, scheduled sends) are kept on the queued messages. Each node has its own queue, as each
 * MTA has its spool.
 */
public class JamesActiveMQQueueModule extends AbstractModule {
    /** Concurrent enqueues that KahaDB can write with one disk sync (ParallelEnqueueMailQueue). */
    private static final int ENQUEUE_PRODUCERS = 16;

    @Override
    protected void configure() {
        bind(KahaDBPersistenceAdapter.class).in(Scopes.SINGLETON);
        bind(PersistenceAdapter.class).to(KahaDBPersistenceAdapter.class);
        bind(EmbeddedActiveMQ.class).in(Scopes.SINGLETON);
        bind(ActiveMQMetricCollector.class).to(ActiveMQMetricCollectorNoop.class);
    }

    @Provides
    @Singleton
    ConnectionFactory connections(EmbeddedActiveMQ broker) {
        return broker.getConnectionFactory();
    }

    @Provides
    @Singleton
    @Named(DeferralRecordingQueueModule.JAMES_QUEUES)
    MailQueueFactory<? extends ManageableMailQueue> queues(ActiveMQMailQueueFactory factory, ConnectionFactory connections,
                                                           MailQueueItemDecoratorFactory decorators, MetricFactory metrics,
                                                           GaugeRegistry gauges) {
        // Each mail whole in its queued message, hence in the journal KahaDB syncs before a send returns. As blob
        // messages (James's default), bodies would go to files written without a sync, named by their absolute path:
        // a power cut could lose them, and a data directory restored or moved elsewhere would not find them.
        factory.setUseBlobMessages(false);
        factory.init();
        // The extra producers' queue-size gauges would repeat the queue's own.
        GaugeRegistry producerGauges = new GaugeRegistry() {
            @Override
            public <T> GaugeRegistry register(String name, Gauge<T> gauge) {
                return this;
            }

            @Override
            public <T> SettableGauge<T> settableGauge(String name) {
                return gauges.settableGauge(name);
            }
        };
        return new ParallelEnqueueMailQueueFactory(factory,
            name -> new ActiveMQCacheableMailQueue(connections, decorators, name, false, metrics, producerGauges), ENQUEUE_PRODUCERS);
    }
}
