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
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;

import io.postyard.server.queue.ParallelEnqueueMailQueueFactory;
import io.postyard.server.queue.QueueInstances;

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
        bind(PersistenceAdapter.class).to(KahaDBPersistenceAdapter.class);
        bind(EmbeddedActiveMQ.class).in(Scopes.SINGLETON);
        bind(ActiveMQMetricCollector.class).to(ActiveMQMetricCollectorNoop.class);
    }

    /**
     * KahaDB as for a disk that can fill up. Each journal file is written with zeros when it is made (KahaDB's default
     * only sets its length: a sparse file, whose space a full disk can refuse in the middle of a record), so that a
     * record cannot fail half-written inside a file; a full disk makes the next file fail whole, before any record is
     * in it. A journal that holds a damaged record anyway is read past it at start-up, not cut there: found by the
     * full-disk drill, whose restart read the journal only up to its half-written record and lost the 1,156 mails
     * queued after it.
     */
    @Provides
    @Singleton
    KahaDBPersistenceAdapter journal() {
        KahaDBPersistenceAdapter journal = new KahaDBPersistenceAdapter();
        journal.setPreallocationStrategy("zeros");
        journal.setCheckForCorruptJournalFiles(true);
        return journal;
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
        QueueInstances instances = new QueueInstances() {
            @Override
            public ManageableMailQueue open(MailQueueName name) {
                return new ActiveMQCacheableMailQueue(connections, decorators, name, false, metrics, producerGauges);
            }

            @Override
            public void dispose(ManageableMailQueue queue) {
                if (queue instanceof ActiveMQCacheableMailQueue jms) {
                    jms.dispose();
                }
            }
        };
        return new ParallelEnqueueMailQueueFactory(factory, instances, ENQUEUE_PRODUCERS);
    }
}
