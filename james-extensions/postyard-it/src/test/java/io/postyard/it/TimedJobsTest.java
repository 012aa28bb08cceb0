package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.inject.multibindings.Multibinder;

import io.postyard.core.job.TimedJob;
import io.postyard.testing.PostyardExtension;

/** Jobs that other parts register (expiring temporary addresses, say) run on their schedule inside the server. */
class TimedJobsTest {
    private static final AtomicInteger COUNTING_RUNS = new AtomicInteger();
    private static final AtomicInteger FAILING_RUNS = new AtomicInteger();

    record EveryFifthOfASecond(String name, Runnable work) implements TimedJob {
        @Override
        public Duration interval() {
            return Duration.ofMillis(200);
        }

        @Override
        public void run() {
            work.run();
        }
    }

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .overrideWith(binder -> {
            Multibinder<TimedJob> jobs = Multibinder.newSetBinder(binder, TimedJob.class);
            jobs.addBinding().toInstance(new EveryFifthOfASecond("counting", COUNTING_RUNS::incrementAndGet));
            jobs.addBinding().toInstance(new EveryFifthOfASecond("failing", () -> {
                FAILING_RUNS.incrementAndGet();
                throw new IllegalStateException("this job always fails");
            }));
        })
        .build();

    @Test
    void aRegisteredJobRunsAgainAndAgain() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> COUNTING_RUNS.get() >= 5);
    }

    @Test
    void aFailingJobKeepsItsScheduleAndDoesNotStopTheOthers() {
        int countingBefore = COUNTING_RUNS.get();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> FAILING_RUNS.get() >= 3);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> COUNTING_RUNS.get() > countingBefore + 2);
        assertThat(postyard.server().isStarted()).isTrue();
    }
}
