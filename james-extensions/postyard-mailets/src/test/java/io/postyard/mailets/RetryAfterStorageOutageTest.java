package io.postyard.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.mail.MessagingException;

import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RetryAfterStorageOutageTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** Where the spool's queue records the processor a mail was taken off in; the name is that queue's contract. */
    private static final AttributeName SPOOL_ENTRY_STATE = AttributeName.of("postyard.spool-entry-state");

    /** What the mail looked like when it was put on the spool: it is ghosted right after. */
    record Enqueued(String state, Duration delay, boolean carriesError, Optional<Integer> attempts, Optional<Long> since) {
    }

    /** The spool queue: James's real ones need a broker or a blob store, and only enqueuing matters here. */
    private static final class RecordingSpool implements MailQueue, MailQueueFactory<MailQueue> {
        final List<Enqueued> enqueued = new CopyOnWriteArrayList<>();

        @Override
        public MailQueueName getName() {
            return MailQueueFactory.SPOOL;
        }

        @Override
        public void enQueue(Mail mail, Duration delay) {
            enqueued.add(new Enqueued(mail.getState(), delay, mail.getAttribute(Mail.MAILET_ERROR).isPresent(),
                mail.getAttribute(RetryAfterStorageOutage.ATTEMPTS).flatMap(attribute -> attribute.getValue().valueAs(Integer.class)),
                mail.getAttribute(RetryAfterStorageOutage.FIRST_FAILURE).flatMap(attribute -> attribute.getValue().valueAs(Long.class))));
        }

        @Override
        public void enQueue(Mail mail) {
            enQueue(mail, Duration.ZERO);
        }

        @Override
        public Publisher<Void> enqueueReactive(Mail mail) {
            return Mono.fromRunnable(() -> enQueue(mail));
        }

        /** Nothing consumes this queue: the test reads what was enqueued. */
        @Override
        public Publisher<MailQueueItem> deQueue() {
            return Flux.empty();
        }

        @Override
        public void close() {
        }

        @Override
        public Optional<MailQueue> getQueue(MailQueueName name, PrefetchCount count) {
            return Optional.<MailQueue>of(this).filter(queue -> name.equals(SPOOL));
        }

        @Override
        public MailQueue createQueue(MailQueueName name, PrefetchCount count) {
            return this;
        }

        @Override
        public Set<MailQueueName> listCreatedMailQueues() {
            return Set.of(SPOOL);
        }
    }

    private final RecordingSpool spool = new RecordingSpool();

    private RetryAfterStorageOutage mailet(String... parameters) throws MessagingException {
        RetryAfterStorageOutage mailet = new RetryAfterStorageOutage(spool, Clock.fixed(NOW, ZoneOffset.UTC));
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("RetryAfterStorageOutage")
            .mailetContext(FakeMailContext.defaultContext());
        for (int i = 0; i < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        mailet.init(config.build());
        return mailet;
    }

    private static FakeMail failedMail() throws MessagingException {
        FakeMail mail = TestMails.mail(TestMails.plainMessage(), "reader@sender.test");
        mail.setState("local-delivery");
        mail.setAttribute(new Attribute(Mail.MAILET_ERROR, AttributeValue.ofUnserializable(new MessagingException("no node"))));
        return mail;
    }

    @Test
    void mailThatMetAnOutageGoesBackOnTheSpoolForItsProcessorAfterTheFirstDelay() throws Exception {
        FakeMail mail = failedMail();

        mailet("processor", "transport", "firstDelay", "5s").service(mail);

        assertThat(spool.enqueued).containsExactly(
            new Enqueued("transport", Duration.ofSeconds(5), false, Optional.of(1), Optional.of(NOW.toEpochMilli())));
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void theDelayDoublesWithEachAttemptAndStopsAtTheMaximum() throws Exception {
        RetryAfterStorageOutage mailet = mailet("processor", "transport", "firstDelay", "5s", "maxDelay", "30s");
        FakeMail mail = failedMail();

        for (int attempt = 0; attempt < 5; attempt++) {
            mailet.service(mail);
        }

        assertThat(spool.enqueued).extracting(Enqueued::delay).containsExactly(
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(spool.enqueued).extracting(Enqueued::attempts)
            .containsExactly(Optional.of(1), Optional.of(2), Optional.of(3), Optional.of(4), Optional.of(5));
    }

    @Test
    void mailTheStorageHasFailedForLongerThanGiveUpAfterGoesToTheErrorProcessor() throws Exception {
        FakeMail mail = failedMail();
        mail.setAttribute(new Attribute(RetryAfterStorageOutage.ATTEMPTS, AttributeValue.of(40)));
        mail.setAttribute(new Attribute(RetryAfterStorageOutage.FIRST_FAILURE,
            AttributeValue.of(NOW.minus(Duration.ofDays(6)).toEpochMilli())));

        mailet("processor", "transport", "giveUpAfter", "5d").service(mail);

        assertThat(spool.enqueued).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.ERROR);
    }

    @Test
    void withoutAProcessorTheMailIsRetriedFromTheProcessorItEnteredFromTheSpool() throws Exception {
        RetryAfterStorageOutage mailet = mailet();
        FakeMail fresh = failedMail();
        FakeMail takenOffInTransport = failedMail();
        takenOffInTransport.setAttribute(new Attribute(SPOOL_ENTRY_STATE, AttributeValue.of("transport")));

        mailet.service(fresh);
        mailet.service(takenOffInTransport);

        assertThat(spool.enqueued).extracting(Enqueued::state).containsExactly(Mail.DEFAULT, "transport");
    }
}
