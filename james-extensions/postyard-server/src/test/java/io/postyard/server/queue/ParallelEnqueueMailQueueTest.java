package io.postyard.server.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.jms.IllegalStateException;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import io.postyard.mailets.queue.ForwardingMailQueue;
import reactor.core.publisher.Flux;

/**
 * Clients of one queue (James's memory queue standing for the broker's), the first ones failing as ActiveMQ's do once
 * the broker closed their session.
 */
class ParallelEnqueueMailQueueTest {
    private static final MailQueueName SPOOL = MailQueueName.of("spool");

    private final MemoryMailQueueFactory broker = new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory());
    private final ManageableMailQueue spool = broker.createQueue(SPOOL);
    private final List<ManageableMailQueue> disposed = new ArrayList<>();

    /** Opens {@code closedOnes} clients whose session is closed, then working ones. */
    private QueueInstances instances(int closedOnes) {
        AtomicInteger opened = new AtomicInteger();
        return new QueueInstances() {
            @Override
            public ManageableMailQueue open(MailQueueName name) {
                return opened.incrementAndGet() <= closedOnes ? new ClosedSession(spool) : new ForwardingMailQueue(spool) { };
            }

            @Override
            public void dispose(ManageableMailQueue queue) {
                disposed.add(queue);
            }
        };
    }

    private static Mail mail(String name) throws Exception {
        return FakeMail.builder().name(name).sender("a@sender.test").recipient("b@example.test").build();
    }

    @Test
    void aProducerWhoseSessionWasClosedIsReplacedAfterItsFailedEnqueue() throws Exception {
        ParallelEnqueueMailQueue queue = new ParallelEnqueueMailQueue(spool, instances(1), 1);

        assertThatThrownBy(() -> queue.enQueue(mail("first"))).isInstanceOf(MailQueue.MailQueueException.class);
        queue.enQueue(mail("second"));

        assertThat(spool.getSize()).isEqualTo(1);
        assertThat(disposed).singleElement().isInstanceOf(ClosedSession.class);
    }

    @Test
    void dequeuingStartsAgainOnANewClientAfterTheBrokerFailedTheFirst() throws Exception {
        ParallelEnqueueMailQueue queue = new ParallelEnqueueMailQueue(new ClosedSession(spool), instances(0), 1);
        queue.enQueue(mail("waiting"));

        MailQueue.MailQueueItem item = Flux.from(queue.deQueue()).blockFirst(Duration.ofSeconds(10));

        assertThat(item.getMail().getName()).isEqualTo("waiting");
        assertThat(disposed).singleElement().isInstanceOf(ClosedSession.class);
    }

    @Test
    void managementCallsGoToANewClientAfterTheBrokerFailedTheFirst() throws Exception {
        ParallelEnqueueMailQueue queue = new ParallelEnqueueMailQueue(new ClosedSession(spool), instances(0), 1);
        queue.enQueue(mail("waiting"));

        assertThatThrownBy(queue::getSize).isInstanceOf(MailQueue.MailQueueException.class);

        assertThat(queue.getSize()).isEqualTo(1);
    }

    @Test
    void aFailureOutsideJmsKeepsTheProducer() throws Exception {
        ParallelEnqueueMailQueue queue = new ParallelEnqueueMailQueue(spool, new QueueInstances() {
            @Override
            public ManageableMailQueue open(MailQueueName name) {
                return new ForwardingMailQueue(spool) {
                    @Override
                    public void enQueue(Mail mail) throws MailQueueException {
                        throw new MailQueueException("the mail cannot be written");
                    }
                };
            }

            @Override
            public void dispose(ManageableMailQueue queue) {
                disposed.add(queue);
            }
        }, 1);

        assertThatThrownBy(() -> queue.enQueue(mail("bad"))).isInstanceOf(MailQueue.MailQueueException.class);

        assertThat(disposed).isEmpty();
    }

    /** A client of the queue after the broker closed its session: every call fails in JMS. */
    private static final class ClosedSession extends ForwardingMailQueue {
        ClosedSession(ManageableMailQueue queue) {
            super(queue);
        }

        private static MailQueueException closed() {
            return new MailQueueException("Unable to enqueue", new IllegalStateException("The Session is closed"));
        }

        @Override
        public void enQueue(Mail mail) throws MailQueueException {
            throw closed();
        }

        @Override
        public void enQueue(Mail mail, Duration delay) throws MailQueueException {
            throw closed();
        }

        @Override
        public Publisher<MailQueueItem> deQueue() {
            return Flux.error(new MailQueueException("Unable to dequeue next message", new IllegalStateException("The Session is closed")));
        }

        @Override
        public long getSize() throws MailQueueException {
            throw closed();
        }
    }
}
